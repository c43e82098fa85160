#include "bench/dsp/check.h"

#include <algorithm>

#include "bench/dsp/engine_side.h"
#include "bench/dsp/spandsp_side.h"
#include "native/dsp/g711.h"

namespace bcti::bench {

namespace {

template <class Seq>
int64_t lcs(const Seq& a, const Seq& b) {
  std::vector<int64_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); i++) {
    for (size_t k = 1; k <= b.size(); k++)
      cur[k] = a[i - 1] == b[k - 1] ? prev[k - 1] + 1 : std::max(prev[k], cur[k - 1]);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

template <class Seq>
void tally(SequenceVerdict& v, int ch, const Seq& expected, const Seq& reported, std::string exp_text,
           std::string rep_text) {
  v.channels++;
  v.expected += static_cast<int64_t>(expected.size());
  v.reported += static_cast<int64_t>(reported.size());
  v.matched += lcs(expected, reported);
  if (expected == reported) {
    v.exact_channels++;
  } else if (v.first_bad_channel < 0) {
    v.first_bad_channel = ch;
    v.first_bad_expected = exp_text.substr(0, 200);
    v.first_bad_reported = rep_text.substr(0, 200);
  }
}

void write_sequence(JsonWriter& j, const char* key, const SequenceVerdict& v) {
  j.begin_object(key)
      .integer("expected", v.expected)
      .integer("reported", v.reported)
      .integer("matched", v.matched)
      .integer("missed", v.expected - v.matched)
      .integer("extra", v.reported - v.matched)
      .integer("channels", v.channels)
      .integer("exactChannels", v.exact_channels);
  if (!v.reported_by_name.empty() || !v.expected_by_name.empty()) {
    j.begin_object("byName");
    std::map<std::string, int> names;
    for (auto& [k, n] : v.expected_by_name) names[k] = 1;
    for (auto& [k, n] : v.reported_by_name) names[k] = 1;
    for (auto& [k, unused] : names) {
      auto e = v.expected_by_name.find(k), r = v.reported_by_name.find(k);
      j.begin_object(k.c_str())
          .integer("expected", e == v.expected_by_name.end() ? 0 : e->second)
          .integer("reported", r == v.reported_by_name.end() ? 0 : r->second)
          .end_object();
    }
    j.end_object();
  }
  if (v.first_bad_channel >= 0) {
    j.begin_object("firstMismatch")
        .integer("channel", v.first_bad_channel)
        .str("expected", v.first_bad_expected)
        .str("reported", v.first_bad_reported)
        .end_object();
  }
  j.end_object();
}

}  // namespace

SequenceVerdict compare_digits(const Corpus& c, const std::vector<std::string>& reported) {
  SequenceVerdict v;
  for (int ch = 0; ch < c.channels; ch++)
    tally(v, ch, c.truth[ch].digits, reported[ch], c.truth[ch].digits, reported[ch]);
  return v;
}

SequenceVerdict compare_tones(const Corpus& c, const std::vector<std::vector<std::string>>& reported) {
  SequenceVerdict v;
  for (int ch = 0; ch < c.channels; ch++) {
    const auto& exp = c.truth[ch].tone_bursts;
    tally(v, ch, exp, reported[ch], joined(exp), joined(reported[ch]));
    for (const auto& n : exp) v.expected_by_name[n]++;
    for (const auto& n : reported[ch]) v.reported_by_name[n]++;
  }
  return v;
}

G711Verdict compare_g711() {
  G711Verdict v;
  std::vector<uint8_t> codes(256), a(65536), b(65536);
  std::vector<int16_t> lin(65536), x(65536), y(65536);
  for (int i = 0; i < 256; i++) codes[i] = static_cast<uint8_t>(i);
  for (int i = 0; i < 65536; i++) lin[i] = static_cast<int16_t>(i - 32768);
  for (bool alaw : {false, true}) {
    Law law = alaw ? Law::kAlaw : Law::kUlaw;
    spandsp::G711 ref(alaw);
    g711_decode(law, codes.data(), x.data(), 256);
    ref.decode(codes.data(), y.data(), 256);
    int dec = 0, enc = 0;
    for (int i = 0; i < 256; i++) dec += x[i] != y[i];
    g711_encode(law, lin.data(), a.data(), 65536);
    ref.encode(lin.data(), b.data(), 65536);
    for (int i = 0; i < 65536; i++) enc += a[i] != b[i];
    (alaw ? v.alaw_decode : v.ulaw_decode) = dec;
    (alaw ? v.alaw_encode : v.ulaw_encode) = enc;
  }
  return v;
}

Verdicts verify(const Corpus& corpus, const Board& board, std::shared_ptr<const TonePlan> plan,
                const std::vector<ToneSpec>& specs) {
  const int nch = board.channels;
  Frames fr(board);
  engine::Dtmf ours(nch);
  spandsp::Dtmf ref(nch);
  std::unique_ptr<engine::Tones> ours_t;
  std::unique_ptr<spandsp::Tones> ref_t;
  std::unique_ptr<engine::Pipeline> pipe;
  std::vector<std::vector<uint8_t>> rec(nch, std::vector<uint8_t>(kFrame));
  std::vector<uint8_t*> rec_ptr(nch);
  for (int c = 0; c < nch; c++) rec_ptr[c] = rec[c].data();
  if (plan) {
    ours_t = std::make_unique<engine::Tones>(plan, nch);
    ref_t = std::make_unique<spandsp::Tones>(specs, nch);
    pipe = std::make_unique<engine::Pipeline>(plan, nch, Law::kAlaw);
  }
  for (int f = 0; f < board.frames; f++) {
    fr.at(f, Law::kAlaw);
    ours.rx16(fr.pcm.data(), kFrame);
    if (ours_t) ours_t->rx16(fr.pcm.data(), kFrame);
    if (pipe) pipe->frame(fr.codes.data(), rec_ptr.data(), kFrame);
    for (int c = 0; c < nch; c++) {
      ref.rx(c, fr.pcm[c], kFrame);
      if (ref_t) ref_t->rx(c, fr.pcm[c], kFrame);
    }
  }

  Verdicts v;
  std::vector<std::string> ref_digits(nch);
  for (int c = 0; c < nch; c++) ref_digits[c] = ref.digits(c);
  v.dtmf_ours = compare_digits(corpus, ours.log().digits);
  v.dtmf_spandsp = compare_digits(corpus, ref_digits);
  if (plan) {
    std::vector<std::vector<std::string>> ref_onsets(nch);
    for (int c = 0; c < nch; c++) ref_onsets[c] = ref_t->onsets(c);
    v.have_tones = true;
    v.tones_ours = compare_tones(corpus, ours_t->log().onsets);
    v.tones_spandsp = compare_tones(corpus, ref_onsets);
    v.spandsp_plan = ref_t->describe();
    v.pipeline_dtmf = compare_digits(corpus, pipe->dtmf_log().digits);
    v.pipeline_tones = compare_tones(corpus, pipe->tones_log().onsets);
  }
  v.g711 = compare_g711();
  return v;
}

void write_verdicts(JsonWriter& j, const Verdicts& v) {
  j.begin_object("check");
  j.begin_object("dtmf");
  write_sequence(j, "ours", v.dtmf_ours);
  write_sequence(j, "spandsp", v.dtmf_spandsp);
  j.end_object();
  if (v.have_tones) {
    j.begin_object("tones");
    write_sequence(j, "ours", v.tones_ours);
    write_sequence(j, "spandsp", v.tones_spandsp);
    j.begin_array("spandspPlan");
    for (const auto& s : v.spandsp_plan) j.str(s);
    j.end_array();
    j.end_object();
    j.begin_object("pipeline");
    write_sequence(j, "dtmf", v.pipeline_dtmf);
    write_sequence(j, "tones", v.pipeline_tones);
    j.end_object();
  }
  j.begin_object("g711")
      .integer("ulawDecodeDiffs", v.g711.ulaw_decode)
      .integer("ulawEncodeDiffs", v.g711.ulaw_encode)
      .integer("alawDecodeDiffs", v.g711.alaw_decode)
      .integer("alawEncodeDiffs", v.g711.alaw_encode)
      .end_object();
  j.end_object();
}

}  // namespace bcti::bench
