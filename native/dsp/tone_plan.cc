#include "native/dsp/tone_plan.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "native/base/errors.h"

namespace bcti {

#define BCTI_TONE_KIND_NAME(k, s) s,
static const char* const kToneNames[] = {BCTI_TONE_KINDS(BCTI_TONE_KIND_NAME)};
#undef BCTI_TONE_KIND_NAME

const char* tone_kind_name(ToneKind k) {
  int i = static_cast<int>(k);
  return i >= 0 && i < kToneKinds ? kToneNames[i] : "?";
}

bool tone_kind_from_name(const std::string& s, ToneKind* out) {
  for (int i = 0; i < kToneKinds; i++)
    if (s == kToneNames[i]) {
      *out = static_cast<ToneKind>(i);
      return true;
    }
  return false;
}

const TonePlanTone* TonePlan::find(ToneKind k) const {
  for (const TonePlanTone& t : tones)
    if (t.kind == k) return &t;
  return nullptr;
}

namespace {

[[noreturn]] void bad(const std::string& msg) { throw CtiError(err::kBadTonePlan, "tone plan: " + msg); }

// ---- a small JSON reader (the plan files are a few kB) -----------------------

struct Json {
  enum Type { kNull, kBool, kNum, kStr, kArr, kObj } type = kNull;
  bool b = false;
  double num = 0;
  std::string str;
  std::vector<Json> arr;
  std::vector<std::pair<std::string, Json>> obj;

  const Json* get(const char* key) const {
    for (const auto& kv : obj)
      if (kv.first == key) return &kv.second;
    return nullptr;
  }
};

class JsonReader {
 public:
  explicit JsonReader(const std::string& s) : s_(s) {}
  Json parse() {
    Json v = value(0);
    ws();
    if (i_ != s_.size()) fail("unexpected text after the end");
    return v;
  }

 private:
  [[noreturn]] void fail(const char* what) {
    bad(std::string("invalid JSON at offset ") + std::to_string(i_) + ": " + what);
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) i_++;
  }
  bool lit(const char* w) {
    size_t n = std::char_traits<char>::length(w);
    if (s_.compare(i_, n, w) != 0) return false;
    i_ += n;
    return true;
  }
  Json value(int depth) {
    if (depth > 32) fail("nested too deeply");
    ws();
    if (i_ >= s_.size()) fail("unexpected end");
    Json v;
    char c = s_[i_];
    if (c == '{') {
      v.type = Json::kObj;
      i_++;
      ws();
      if (i_ < s_.size() && s_[i_] == '}') {
        i_++;
        return v;
      }
      for (;;) {
        ws();
        if (i_ >= s_.size() || s_[i_] != '"') fail("expected a key string");
        std::string k = string();
        ws();
        if (i_ >= s_.size() || s_[i_++] != ':') fail("expected ':'");
        v.obj.emplace_back(std::move(k), value(depth + 1));
        ws();
        if (i_ < s_.size() && s_[i_] == ',') {
          i_++;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == '}') {
          i_++;
          return v;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v.type = Json::kArr;
      i_++;
      ws();
      if (i_ < s_.size() && s_[i_] == ']') {
        i_++;
        return v;
      }
      for (;;) {
        v.arr.push_back(value(depth + 1));
        ws();
        if (i_ < s_.size() && s_[i_] == ',') {
          i_++;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == ']') {
          i_++;
          return v;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c == '"') {
      v.type = Json::kStr;
      v.str = string();
      return v;
    }
    if (lit("true")) {
      v.type = Json::kBool;
      v.b = true;
      return v;
    }
    if (lit("false")) {
      v.type = Json::kBool;
      return v;
    }
    if (lit("null")) return v;
    if (c == '-' || (c >= '0' && c <= '9')) {
      const char* p = s_.c_str() + i_;
      char* end = nullptr;
      v.num = std::strtod(p, &end);
      if (end == p || !std::isfinite(v.num)) fail("bad number");
      i_ += static_cast<size_t>(end - p);
      v.type = Json::kNum;
      return v;
    }
    fail("unexpected character");
  }
  std::string string() {
    std::string out;
    i_++;  // opening quote
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\\') {
        if (i_ >= s_.size()) fail("unterminated string");
        char e = s_[i_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u':
            i_ += 4;
            out += '?';
            break;  // names and descriptions only
          default: out += e;
        }
      } else {
        out += c;
      }
    }
    if (i_ >= s_.size()) fail("unterminated string");
    i_++;
    return out;
  }
  const std::string& s_;
  size_t i_ = 0;
};

// ---- field readers with the field's path in every message ----------------------

double num(const Json* v, const std::string& path, double dflt, double lo, double hi) {
  if (!v) return dflt;
  if (v->type != Json::kNum) bad(path + ": expected a number");
  if (v->num < lo || v->num > hi)
    bad(path + ": " + std::to_string(v->num) + " is outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return v->num;
}

const Json& arr(const Json* v, const std::string& path, size_t min_n, size_t max_n) {
  if (!v || v->type != Json::kArr) bad(path + ": expected an array");
  if (v->arr.size() < min_n || v->arr.size() > max_n)
    bad(path + ": expected " + std::to_string(min_n) + " to " + std::to_string(max_n) + " entries");
  return *v;
}

// Window length: the longest (best resolution) for which one bin keeps at
// least 85% of a sine's power across the whole tolerance band (a margin over
// minToneRatio): sinc^2(tol * sub / fs) >= 0.85, i.e. tol <= 1720 / sub. Each
// window divides the block. A band wider than a 5 ms bin reaches gets several
// evenly spaced 5 ms bins (the best one counts).
constexpr double kBinReach = 1720.0;
constexpr double kMaxToleranceHz = 100.0;
int sub_for(double tol_hz) {
  for (int sub : {200, 100, 50})
    if (tol_hz <= kBinReach / sub) return sub;
  return 40;
}

struct Builder {
  TonePlan p;
  double freq_tol_pct = 2, cad_tol_pct = 20, cad_tol_ms = 40;

  // The bins that together cover hz +- tol_hz (alternatives: the best one counts).
  std::vector<int> bins(double hz, double tol_hz, const std::string& path) {
    if (tol_hz > kMaxToleranceHz)
      bad(path + ": frequency tolerance of " + std::to_string(tol_hz) + " Hz is wider than 100 Hz");
    int sub = sub_for(tol_hz);
    int nb = std::max(1, static_cast<int>(std::ceil(tol_hz / (kBinReach / sub) - 1e-9)));
    std::vector<int> out;
    for (int i = 0; i < nb; i++) {
      double f = nb == 1 ? hz : hz - tol_hz + (2 * i + 1) * tol_hz / nb;
      int found = -1;
      for (size_t k = 0; k < p.bins.size() && found < 0; k++)
        if (std::fabs(p.bins[k].hz - f) < 0.05 && p.bins[k].sub == sub) found = static_cast<int>(k);
      if (found < 0) {
        p.bins.push_back({f, sub});
        found = static_cast<int>(p.bins.size() - 1);
      }
      out.push_back(found);
    }
    return out;
  }
  int set(std::vector<std::vector<int>> comps) {
    for (auto& c : comps) std::sort(c.begin(), c.end());
    std::sort(comps.begin(), comps.end());
    for (size_t i = 0; i < p.sets.size(); i++)
      if (p.sets[i].comps == comps) return static_cast<int>(i);
    p.sets.push_back({std::move(comps)});
    return static_cast<int>(p.sets.size() - 1);
  }
  DurationRange range(const Json& e, const std::string& path, double pct, double abs_ms) {
    DurationRange r;
    if (e.type == Json::kNum) {
      r.nominal_ms = num(&e, path, 0, 1, 60000);
      r.min_ms = std::max(0.0, r.nominal_ms * (1 - pct / 100) - abs_ms);
      r.max_ms = r.nominal_ms * (1 + pct / 100) + abs_ms;
    } else if (e.type == Json::kObj) {
      r.nominal_ms = num(e.get("ms"), path + ".ms", -1, 1, 60000);
      if (r.nominal_ms < 0) bad(path + ".ms: required");
      r.min_ms = num(e.get("minMs"), path + ".minMs", std::max(0.0, r.nominal_ms * (1 - pct / 100) - abs_ms), 0, 60000);
      r.max_ms = num(e.get("maxMs"), path + ".maxMs", r.nominal_ms * (1 + pct / 100) + abs_ms, 1, 60000);
    } else {
      bad(path + ": expected a number of ms or {ms, minMs, maxMs}");
    }
    if (!(r.min_ms <= r.nominal_ms && r.nominal_ms <= r.max_ms)) bad(path + ": needs minMs <= ms <= maxMs");
    return r;
  }
  std::vector<double> levels(const Json* v, const std::string& path, size_t n, double dflt) {
    if (!v) return std::vector<double>(n, dflt);
    if (v->type == Json::kNum) return std::vector<double>(n, num(v, path, dflt, -60, 3));
    const Json& a = arr(v, path, n, n);
    std::vector<double> out;
    for (size_t i = 0; i < n; i++) out.push_back(num(&a.arr[i], path + "[" + std::to_string(i) + "]", dflt, -60, 3));
    return out;
  }

  void tone(const Json& t, const std::string& path) {
    if (t.type != Json::kObj) bad(path + ": expected an object");
    TonePlanTone tone;
    const Json* kind = t.get("tone");
    if (!kind || kind->type != Json::kStr) bad(path + ".tone: expected a tone name");
    if (!tone_kind_from_name(kind->str, &tone.kind))
      bad(path + ".tone: unknown tone '" + kind->str +
          "' (dial, busy, ringback, congestion, sit, cng, ced, stutter, howler)");
    if (p.find(tone.kind)) bad(path + ".tone: '" + kind->str + "' appears twice");
    const std::string name = path + " (" + kind->str + ")";
    double pct = num(t.get("cadenceTolerancePct"), name + ".cadenceTolerancePct", cad_tol_pct, 0, 100);
    double abs_ms = num(t.get("cadenceToleranceMs"), name + ".cadenceToleranceMs", cad_tol_ms, 0, 1000);
    double fpct = num(t.get("freqTolerancePct"), name + ".freqTolerancePct", freq_tol_pct, 0, 10);
    const Json* ftol = t.get("freqToleranceHz");
    int shapes = (t.get("continuous") != nullptr) + (t.get("cadenceMs") != nullptr) + (t.get("sequence") != nullptr);
    if (shapes != 1) bad(name + ": needs exactly one of continuous, cadenceMs, sequence");

    if (t.get("sequence")) {
      tone.shape = ToneShape::kSequence;
      const Json& seq = arr(t.get("sequence"), name + ".sequence", 2, 4);
      for (size_t i = 0; i < seq.arr.size(); i++) {
        const std::string sp = name + ".sequence[" + std::to_string(i) + "]";
        const Json& s = seq.arr[i];
        if (s.type != Json::kObj) bad(sp + ": expected an object");
        const Json& alts = arr(s.get("anyOfHz"), sp + ".anyOfHz", 1, 4);
        SequenceStep step;
        std::vector<int> comp;
        for (size_t k = 0; k < alts.arr.size(); k++) {
          const std::string fp = sp + ".anyOfHz[" + std::to_string(k) + "]";
          double hz = num(&alts.arr[k], fp, 0, 100, 3800);
          double tol = num(s.get("toleranceHz"), sp + ".toleranceHz", hz * fpct / 100, 0, 1000);
          for (int b : bins(hz, tol, fp)) comp.push_back(b);
          step.play_hz.push_back(hz);
        }
        if (const Json* play = s.get("playHz"))
          step.play_hz.insert(step.play_hz.begin(), num(play, sp + ".playHz", 0, 100, 3800));
        step.set = set({comp});
        const Json& ms = arr(s.get("ms"), sp + ".ms", 1, 4);
        double lo = 1e9, hi = 0;
        for (size_t k = 0; k < ms.arr.size(); k++) {
          double v = num(&ms.arr[k], sp + ".ms[" + std::to_string(k) + "]", 0, 1, 10000);
          lo = std::min(lo, v);
          hi = std::max(hi, v);
        }
        step.ms.nominal_ms = ms.arr[0].num;
        step.ms.min_ms = num(s.get("minMs"), sp + ".minMs", std::max(0.0, lo * (1 - pct / 100) - abs_ms), 0, 10000);
        step.ms.max_ms = num(s.get("maxMs"), sp + ".maxMs", hi * (1 + pct / 100) + abs_ms, 1, 10000);
        if (step.ms.min_ms > lo || step.ms.max_ms < hi) bad(sp + ": needs minMs <= ms <= maxMs");
        tone.sequence.push_back(std::move(step));
      }
      tone.gap_max_ms = num(t.get("gapMaxMs"), name + ".gapMaxMs", 60, 0, 1000);
      tone.repeat_gap_max_ms = num(t.get("repeatGapMaxMs"), name + ".repeatGapMaxMs", 1500, 0, 60000);
      tone.play_gap_ms = num(t.get("playGapMs"), name + ".playGapMs", 0, 0, 60000);
      tone.level_dbm0 = levels(t.get("levelDbm0"), name + ".levelDbm0", 1, -24);
    } else {
      const Json& fr = arr(t.get("freqs"), name + ".freqs", 1, 4);
      std::vector<std::vector<int>> comps;
      for (size_t k = 0; k < fr.arr.size(); k++) {
        const std::string fp = name + ".freqs[" + std::to_string(k) + "]";
        double hz = num(&fr.arr[k], fp, 0, 100, 3800);
        double tol = num(ftol, name + ".freqToleranceHz", hz * fpct / 100, 0, 1000);
        comps.push_back(bins(hz, tol, fp));
        tone.freqs_hz.push_back(hz);
      }
      tone.set = set(comps);
      tone.level_dbm0 = levels(t.get("levelDbm0"), name + ".levelDbm0", fr.arr.size(), -10);
      if (t.get("continuous")) {
        const Json* c = t.get("continuous");
        if (c->type != Json::kBool || !c->b) bad(name + ".continuous: expected true");
        tone.shape = ToneShape::kContinuous;
        tone.min_ms = num(t.get("minMs"), name + ".minMs", 1000, 40, 60000);
        tone.play_ms = num(t.get("playMs"), name + ".playMs", 0, 0, 3600000);
      } else {
        tone.shape = ToneShape::kCadence;
        const Json& cad = arr(t.get("cadenceMs"), name + ".cadenceMs", 2, 8);
        if (cad.arr.size() % 2) bad(name + ".cadenceMs: expected on/off pairs (an even count)");
        for (size_t k = 0; k < cad.arr.size(); k++)
          tone.cadence.push_back(range(cad.arr[k], name + ".cadenceMs[" + std::to_string(k) + "]", pct, abs_ms));
        tone.min_cycles = static_cast<int>(num(t.get("minCycles"), name + ".minCycles", 1, 1, 20));
      }
    }
    p.tones.push_back(std::move(tone));
  }

  static bool overlap(const DurationRange& a, const DurationRange& b) {
    return a.min_ms <= b.max_ms && b.min_ms <= a.max_ms;
  }

  // Two cadences on the same frequencies must differ somewhere at every alignment.
  static bool ambiguous(const TonePlanTone& a, const TonePlanTone& b) {
    size_t la = a.cadence.size(), lb = b.cadence.size();
    size_t n = la * lb;  // a common multiple of both periods
    for (size_t shift = 0; shift < lb; shift += 2) {
      bool differs = false;
      for (size_t k = 0; k < n && !differs; k++)
        if (!overlap(a.cadence[k % la], b.cadence[(k + shift) % lb])) differs = true;
      if (!differs) return true;
    }
    return false;
  }

  void check() {
    for (size_t i = 0; i < p.tones.size(); i++) {
      const TonePlanTone& a = p.tones[i];
      if (a.shape == ToneShape::kSequence) continue;
      for (size_t j = i + 1; j < p.tones.size(); j++) {
        const TonePlanTone& b = p.tones[j];
        if (b.shape == ToneShape::kSequence || a.set != b.set) continue;
        std::string both = std::string(tone_kind_name(a.kind)) + " and " + tone_kind_name(b.kind);
        if (a.shape == ToneShape::kContinuous && b.shape == ToneShape::kContinuous)
          bad("tones " + both + " are both continuous on the same frequencies");
        if (a.shape == ToneShape::kCadence && b.shape == ToneShape::kCadence) {
          if (ambiguous(a, b)) bad("tones " + both + " use the same frequencies and their cadence ranges overlap");
          continue;
        }
        const TonePlanTone& c = a.shape == ToneShape::kContinuous ? a : b;
        const TonePlanTone& d = a.shape == ToneShape::kContinuous ? b : a;
        double longest = 0;
        for (size_t k = 0; k < d.cadence.size(); k += 2) longest = std::max(longest, d.cadence[k].max_ms);
        if (c.min_ms <= longest)
          bad(std::string(tone_kind_name(c.kind)) + ".minMs: " + std::to_string(c.min_ms) +
              " must exceed the longest burst accepted for " + tone_kind_name(d.kind) + " (" + std::to_string(longest) +
              " ms) on the same frequencies");
      }
    }
  }
};

}  // namespace

std::shared_ptr<const TonePlan> tone_plan_from_json(const std::string& text) {
  Json root = JsonReader(text).parse();
  if (root.type != Json::kObj) bad("expected a JSON object");
  Builder b;
  const Json* name = root.get("name");
  if (!name || name->type != Json::kStr || name->str.empty()) bad("name: expected a non-empty string");
  b.p.name = name->str;
  if (const Json* d = root.get("description")) {
    if (d->type != Json::kStr) bad("description: expected a string");
    b.p.description = d->str;
  }
  if (const Json* det = root.get("detector")) {
    if (det->type != Json::kObj) bad("detector: expected an object");
    b.p.min_level_dbm0 = num(det->get("minLevelDbm0"), "detector.minLevelDbm0", -40, -70, 0);
    b.p.min_tone_ratio = num(det->get("minToneRatio"), "detector.minToneRatio", 0.8, 0.3, 1);
    b.p.max_twist_db = num(det->get("maxTwistDb"), "detector.maxTwistDb", 6, 0, 20);
    b.p.debounce_ms = num(det->get("debounceMs"), "detector.debounceMs", 40, 20, 200);
    b.freq_tol_pct = num(det->get("freqTolerancePct"), "detector.freqTolerancePct", 2, 0, 10);
    b.cad_tol_pct = num(det->get("cadenceTolerancePct"), "detector.cadenceTolerancePct", 20, 0, 100);
    b.cad_tol_ms = num(det->get("cadenceToleranceMs"), "detector.cadenceToleranceMs", 40, 0, 1000);
  }
  if (const Json* rc = root.get("ringCadenceMs")) {
    const Json& a = arr(rc, "ringCadenceMs", 2, 8);
    b.p.ring_cadence_ms.clear();
    for (size_t i = 0; i < a.arr.size(); i++)
      b.p.ring_cadence_ms.push_back(
          static_cast<int>(num(&a.arr[i], "ringCadenceMs[" + std::to_string(i) + "]", 0, 50, 10000)));
    if (b.p.ring_cadence_ms.size() % 2) bad("ringCadenceMs: expected on, off pairs");
  }
  const Json& tones = arr(root.get("tones"), "tones", 1, kToneKinds);
  for (size_t i = 0; i < tones.arr.size(); i++) b.tone(tones.arr[i], "tones[" + std::to_string(i) + "]");
  b.check();
  return std::make_shared<const TonePlan>(std::move(b.p));
}

ToneDescriptor tone_plan_descriptor(const TonePlan& plan, ToneKind kind) {
  ToneDescriptor d;
  const TonePlanTone* t = plan.find(kind);
  if (!t) return d;
  auto comps = [&](const std::vector<double>& hz) {
    std::vector<ToneComponent> c;
    for (size_t i = 0; i < hz.size() && i < 4; i++)
      c.push_back({hz[i], t->level_dbm0[std::min(i, t->level_dbm0.size() - 1)]});
    return c;
  };
  switch (t->shape) {
    case ToneShape::kContinuous:
      d.segments.push_back({comps(t->freqs_hz), static_cast<int>(t->play_ms)});
      d.repeat = 1;
      break;
    case ToneShape::kCadence:
      for (size_t k = 0; k < t->cadence.size(); k++)
        d.segments.push_back({k % 2 ? std::vector<ToneComponent>{} : comps(t->freqs_hz),
                              static_cast<int>(std::lround(t->cadence[k].nominal_ms))});
      d.repeat = 0;
      break;
    case ToneShape::kSequence:
      for (const SequenceStep& s : t->sequence)
        d.segments.push_back({comps({s.play_hz[0]}), static_cast<int>(std::lround(s.ms.nominal_ms))});
      if (t->play_gap_ms > 0) d.segments.push_back({{}, static_cast<int>(t->play_gap_ms)});
      d.repeat = t->play_gap_ms > 0 ? 0 : 1;
      break;
  }
  return d;
}

}  // namespace bcti
