#include "native/dsp/call_progress.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

#include "native/dsp/levels.h"

namespace bcti {

namespace {

constexpr int64_t kNever = INT64_MAX;
constexpr double kBlockMs = 1000.0 * kCptBlock / kSampleRate;  // 25 ms
enum MatchState : uint8_t { kIdle, kOn, kOff, kBlocked };

// A duration window in blocks.
struct Range {
  double min = 0, max = 0;
  bool has(double d) const { return d >= min && d <= max; }
};
Range in_blocks(const DurationRange& r) { return {r.min_ms / kBlockMs, r.max_ms / kBlockMs}; }

// First block b after which a run that began at `start` lasts more than `lim`
// blocks, i.e. the smallest b with (b + 1 - start) > lim; and reaches `lim`.
int64_t when_exceeds(int64_t start, double lim) { return start + static_cast<int64_t>(std::floor(lim)); }
int64_t when_reaches(int64_t start, double lim) {
  return start + std::max<int64_t>(0, static_cast<int64_t>(std::ceil(lim)) - 1);
}

}  // namespace

namespace {

struct Out {
  CallProgressBank::Sink sink;
  void* ctx;
  int lane;
  int64_t origin, total;
  int64_t sample(int64_t blk) const {
    int64_t s = blk * kCptBlock - origin;
    return std::clamp<int64_t>(s, 0, std::max<int64_t>(0, total - origin));
  }
  void start(ToneKind k, int64_t first) const {
    if (sink) sink(ctx, ToneEvent{lane, k, false, sample(first), -1});
  }
  void end(ToneKind k, int64_t first, int64_t last) const {
    if (sink) sink(ctx, ToneEvent{lane, k, true, sample(first), sample(last)});
  }
};

float* aligned_floats(size_t n) {
  void* p = std::aligned_alloc(64, (n * sizeof(float) + 63) / 64 * 64);
  if (!p) throw std::bad_alloc();
  std::memset(p, 0, n * sizeof(float));
  return static_cast<float*>(p);
}

}  // namespace

// The plan in the detector's units: power-array order of the bins grouped by
// sub-block length, sets as power indices, durations in blocks.
struct CallProgressBank::Rt {
  struct Group {
    int sub, first, count;
  };
  struct Set {
    std::vector<std::vector<int>> comps;
  };
  struct Tone {
    ToneKind kind;
    ToneShape shape;
    int cls = 0;              // continuous / cadence: class (set + 1)
    double min_on = 0;        // continuous
    std::vector<Range> el;    // cadence
    double max_first_on = 0;  // cadence: longest burst any on-element accepts
    int min_cycles = 1;
    std::vector<int> seq_cls;  // sequence
    std::vector<Range> seq;
    double gap_max = 0, rep_max = 0;
  };
  std::vector<float> coef, scale;
  std::vector<Group> groups;
  std::vector<Set> sets;
  std::vector<Tone> tones;
  float min_power = 0, ratio = 0, twist = 0;
  int debounce = 2;
};

// One tone's matcher on one lane. Times are block indices. `ce` ("certain end")
// is how far the current state is known to last: a pending change (one not yet
// past the debouncer) may still be back-dated to its first block.
struct CallProgressBank::Match {
  uint8_t st = kIdle;
  int8_t phase = -1;  // cadence element running (-1: first burst, element not yet known)
  bool rec = false;   // recognised, start reported
  int bursts = 0;
  int idx = 0;  // sequence: steps completed
  int64_t seg_start = 0, first_start = 0, last_end = 0, seq_start = 0, last_seg_end = 0;

  using Tone = Rt::Tone;
  void recognise(const Tone& t, const Out& o) {
    rec = true;
    o.start(t.kind, first_start);
  }
  void fail(const Tone& t, const Out& o) {
    if (rec) o.end(t.kind, first_start, last_end);
    rec = false;
    bursts = 0;
    phase = -1;
  }

  // -- continuous: on for at least min_on; ends when the tone stops.
  void cont_on_start(int64_t at) {
    st = kOn;
    seg_start = at;
  }
  void cont_on_end(const Tone& t, int64_t at, const Out& o) {
    if (st == kOn && rec) {
      last_end = at;
      o.end(t.kind, first_start, last_end);
    }
    rec = false;
    st = kIdle;
  }
  void cont_tick(const Tone& t, int64_t ce, const Out& o) {
    if (st == kOn && !rec && ce - seg_start >= t.min_on) {
      first_start = seg_start;
      recognise(t, o);
    }
  }
  int64_t cont_deadline(const Tone& t) const { return st == kOn && !rec ? when_reaches(seg_start, t.min_on) : kNever; }
  void cont_flush(const Tone& t, int64_t end, const Out& o) {
    if (st == kOn) {
      cont_tick(t, end, o);
      cont_on_end(t, end, o);
    }
  }

  // -- cadence: bursts and silences each within their element's window.
  double max_on(const Tone& t) const { return phase < 0 ? t.max_first_on : t.el[phase].max; }
  void cad_on_start(const Tone& t, int64_t at, const Out& o) {
    if (st == kOff) {
      if (t.el[phase].has(static_cast<double>(at - seg_start))) {
        phase = static_cast<int8_t>((phase + 1) % t.el.size());
        if (!rec && bursts >= t.min_cycles) recognise(t, o);
      } else {
        fail(t, o);
      }
    } else {
      phase = -1;
      bursts = 0;
    }
    st = kOn;
    seg_start = at;
  }
  void cad_on_end(const Tone& t, int64_t at, bool cut_start, bool cut_end, const Out& o) {
    if (st == kBlocked) st = kIdle;
    if (st != kOn) return;
    double d = static_cast<double>(at - seg_start);
    if (phase >= 0) {
      if (t.el[phase].has(d) || (cut_end && d <= t.el[phase].max)) {
        if (t.el[phase].has(d)) bursts++;  // a cut burst extends the tone but is no evidence
        last_end = at;
        phase = static_cast<int8_t>((phase + 1) % t.el.size());
        st = kOff;
        seg_start = at;
        return;
      }
      fail(t, o);
    }
    // A first burst: any on-element that accepts it (a burst cut by the start
    // or end of input only has to be short enough, and does not count).
    for (size_t e = 0; e < t.el.size(); e += 2) {
      if (t.el[e].has(d) || ((cut_start || cut_end) && d <= t.el[e].max)) {
        phase = static_cast<int8_t>(e + 1);
        bursts = t.el[e].has(d) ? 1 : 0;
        first_start = seg_start;
        last_end = at;
        st = kOff;
        seg_start = at;
        return;
      }
    }
    st = kIdle;
    phase = -1;
  }
  void cad_tick(const Tone& t, int64_t ce, const Out& o) {
    double r = static_cast<double>(ce - seg_start);
    if (st == kOn && r > max_on(t)) {
      fail(t, o);
      st = kBlocked;  // until this (too long) burst ends
    } else if (st == kOff) {
      if (!rec && bursts >= t.min_cycles && r >= t.el[phase].min) recognise(t, o);
      if (r > t.el[phase].max) {
        fail(t, o);
        st = kIdle;
      }
    }
  }
  int64_t cad_deadline(const Tone& t) const {
    if (st == kOn) return when_exceeds(seg_start, max_on(t));
    if (st != kOff) return kNever;
    int64_t d = when_exceeds(seg_start, t.el[phase].max);
    if (!rec && bursts >= t.min_cycles) d = std::min(d, when_reaches(seg_start, t.el[phase].min));
    return d;
  }
  // End of input in two steps, so that claim() runs between them: a burst cut
  // by the end of input ends (extending a recognised tone), then tones close.
  // Nothing new is recognised here: without the silence after its bursts a
  // cadence is not told apart from others.
  void cad_flush_burst(const Tone& t, int64_t end, bool cut_start, const Out& o) {
    if (st == kOn) cad_on_end(t, end, cut_start, true, o);
  }
  void cad_flush_close(const Tone& t, const Out& o) {
    if (rec) o.end(t.kind, first_start, last_end);
    rec = false;
  }

  // -- sequence: steps of different frequency sets in order (SIT), short gaps
  // allowed between them; a repeat within rep_max extends the same event.
  void seq_complete(const Tone& t, const Out& o) {
    if (rec && static_cast<double>(seq_start - last_end) > t.rep_max) fail(t, o);
    if (!rec) {
      first_start = seq_start;
      recognise(t, o);
    }
    last_end = last_seg_end;
    idx = 0;
  }
  void seq_segment(const Tone& t, int cls, int64_t s, int64_t e, bool cut_end, const Out& o) {
    double d = static_cast<double>(e - s);
    int n = static_cast<int>(t.seq.size());
    if (idx > 0) {
      if (cls == t.seq_cls[idx]) {
        if (t.seq[idx].has(d) || (cut_end && d <= t.seq[idx].max)) {
          idx++;
          last_seg_end = e;
          if (idx == n) seq_complete(t, o);
          return;
        }
        idx = 0;
      } else if (d <= t.gap_max) {
        return;  // a gap between steps
      } else {
        idx = 0;
      }
    }
    if (cls == t.seq_cls[0] && t.seq[0].has(d)) {
      seq_start = s;
      last_seg_end = e;
      idx = 1;
      if (idx == n) seq_complete(t, o);
    }
  }
  // Running segment of class `cls` since `since`.
  void seq_tick(const Tone& t, int cls, int64_t since, int64_t ce, const Out& o) {
    double r = static_cast<double>(ce - since);
    if (idx > 0 && r > (cls == t.seq_cls[idx] ? t.seq[idx].max : t.gap_max)) idx = 0;
    if (rec && idx == 0 && static_cast<double>(ce - last_end) > t.rep_max &&
        !(cls == t.seq_cls[0] && static_cast<double>(since - last_end) <= t.rep_max)) {
      o.end(t.kind, first_start, last_end);
      rec = false;
    }
  }
  int64_t seq_deadline(const Tone& t, int cls, int64_t since) const {
    if (idx > 0) return when_exceeds(since, cls == t.seq_cls[idx] ? t.seq[idx].max : t.gap_max);
    if (rec && !(cls == t.seq_cls[0] && static_cast<double>(since - last_end) <= t.rep_max))
      return when_exceeds(last_end, t.rep_max);
    return kNever;
  }
  void seq_flush(const Tone& t, int cls, int64_t since, int64_t end, const Out& o) {
    seq_segment(t, cls, since, end, true, o);
    if (rec) o.end(t.kind, first_start, last_end);
    rec = false;
  }
};

struct CallProgressBank::Lane {
  int cls = 0, pend = 0, pend_count = 0;
  int64_t stable_start = 0, pend_start = 0;
  int64_t deadline = kNever;
  int64_t origin_blk = 0, origin_sample = 0;
};

// Where a lane's events go, and how blocks become that lane's sample numbers.
struct CallProgressBank::Emit {
  Sink sink;
  void* ctx;
  int64_t total;
};

// ---- construction ----------------------------------------------------------------

CallProgressBank::CallProgressBank(std::shared_ptr<const TonePlan> plan)
    : plan_(std::move(plan)), k_(&kernels()), base_(&kernels()), rt_(std::make_unique<Rt>()) {
  const TonePlan& p = *plan_;
  Rt& rt = *rt_;
  std::vector<int> pos(p.bins.size(), -1);
  for (int sub : {200, 100, 50, 40}) {
    Rt::Group g{sub, static_cast<int>(rt.coef.size()), 0};
    for (size_t b = 0; b < p.bins.size(); b++) {
      if (p.bins[b].sub != sub) continue;
      pos[b] = static_cast<int>(rt.coef.size());
      rt.coef.push_back(static_cast<float>(2.0 * std::cos(2.0 * M_PI * p.bins[b].hz / kSampleRate)));
      // 2 |X|^2 / (sub * block): a sine's mean power when averaged over the block.
      rt.scale.push_back(static_cast<float>(2.0 / (static_cast<double>(sub) * kCptBlock)));
      g.count++;
    }
    if (g.count) rt.groups.push_back(g);
  }
  for (const TonePlanSet& s : p.sets) {
    Rt::Set rs;
    for (const auto& alts : s.comps) {
      std::vector<int> c;
      for (int b : alts) c.push_back(pos[b]);
      rs.comps.push_back(std::move(c));
    }
    rt.sets.push_back(std::move(rs));
  }
  for (const TonePlanTone& t : p.tones) {
    Rt::Tone rtt;
    rtt.kind = t.kind;
    rtt.shape = t.shape;
    rtt.cls = t.set + 1;
    rtt.min_on = t.min_ms / kBlockMs;
    for (size_t i = 0; i < t.cadence.size(); i++) {
      rtt.el.push_back(in_blocks(t.cadence[i]));
      if (i % 2 == 0) rtt.max_first_on = std::max(rtt.max_first_on, rtt.el.back().max);
    }
    rtt.min_cycles = t.min_cycles;
    for (const SequenceStep& s : t.sequence) {
      rtt.seq_cls.push_back(s.set + 1);
      rtt.seq.push_back(in_blocks(s.ms));
    }
    rtt.gap_max = t.gap_max_ms / kBlockMs;
    rtt.rep_max = t.repeat_gap_max_ms / kBlockMs;
    rt.tones.push_back(std::move(rtt));
  }
  rt.min_power = static_cast<float>(dbm0_to_power(p.min_level_dbm0));
  rt.ratio = static_cast<float>(p.min_tone_ratio);
  rt.twist = static_cast<float>(std::pow(10.0, -p.max_twist_db / 10.0));
  rt.debounce = std::max(1, static_cast<int>(std::lround(p.debounce_ms / kBlockMs)));

  buf_.reset(aligned_floats(kCptBlock * kBankLanes));
  power_.reset(aligned_floats((rt.coef.size() + 1) * kBankLanes));  // bins, then the block energy
  lanes_.resize(kBankLanes);
  matches_.resize(static_cast<size_t>(kBankLanes) * rt.tones.size());
  for (int l = 0; l < kBankLanes; l++) clear_lane(l, 0);
}

CallProgressBank::~CallProgressBank() = default;
void CallProgressBank::FreeDeleter::operator()(float* p) const { std::free(p); }

void CallProgressBank::clear_lane(int lane, int64_t origin_blk) {
  Lane& L = lanes_[lane];
  L = Lane{};
  L.stable_start = L.origin_blk = origin_blk;
  L.origin_sample = total_;
  size_t nt = rt_->tones.size();
  for (size_t t = 0; t < nt; t++) matches_[lane * nt + t] = Match{};
}

void CallProgressBank::reset(int lane) {
  if (lane < 0 || lane >= kBankLanes) return;
  // The block in progress holds this lane's samples from before the reset.
  float* b = buf_.get();
  for (int t = 0; t < fill_; t++) b[t * kBankLanes + lane] = 0.0f;
  clear_lane(lane, blk_);
}

// ---- input -------------------------------------------------------------------------

void CallProgressBank::rx(const float* x, int n, Sink sink, void* ctx) {
  float* b = buf_.get();
  while (n > 0) {
    if (fill_ == 0 && n >= kCptBlock && (reinterpret_cast<uintptr_t>(x) & 63) == 0) {
      total_ += kCptBlock;
      block(x, sink, ctx);
      x += kCptBlock * kBankLanes;
      n -= kCptBlock;
      continue;
    }
    int take = std::min(n, kCptBlock - fill_);
    std::memcpy(b + fill_ * kBankLanes, x, sizeof(float) * take * kBankLanes);
    fill_ += take;
    total_ += take;
    x += take * kBankLanes;
    n -= take;
    if (fill_ == kCptBlock) {
      fill_ = 0;
      block(b, sink, ctx);
    }
  }
}

void CallProgressBank::rx16(const int16_t* const* ch, int n, Sink sink, void* ctx) {
  float* b = buf_.get();
  int off = 0;
  while (off < n) {
    int take = std::min(n - off, kCptBlock - fill_);
    base_->gather16(ch, off, take, b + fill_ * kBankLanes);
    fill_ += take;
    total_ += take;
    off += take;
    if (fill_ == kCptBlock) {
      fill_ = 0;
      block(b, sink, ctx);
    }
  }
}

// ---- one block ------------------------------------------------------------------------

void CallProgressBank::block(const float* x, Sink sink, void* ctx) {
  const Rt& rt = *rt_;
  const size_t nb = rt.coef.size();
  vf16* pw = reinterpret_cast<vf16*>(power_.get());
  for (size_t b = 0; b <= nb; b++) pw[b] = vf16_splat(0.0f);
  for (size_t g = 0; g < rt.groups.size(); g++)
    k_->goertzel_power(rt.coef.data() + rt.groups[g].first, rt.groups[g].count, x, kCptBlock, rt.groups[g].sub,
                       reinterpret_cast<float*>(pw + rt.groups[g].first),
                       g == 0 ? reinterpret_cast<float*>(pw + nb) : nullptr);
  for (size_t b = 0; b < nb; b++) pw[b] *= vf16_splat(rt.scale[b]);
  pw[nb] *= vf16_splat(1.0f / kCptBlock);

  alignas(64) int32_t cls[kBankLanes];
  classify(cls);
  Emit em{sink, ctx, total_};
  for (int lane = 0; lane < kBankLanes; lane++) {
    const Lane& L = lanes_[lane];
    if (cls[lane] == L.cls && L.pend_count == 0 && blk_ < L.deadline) continue;  // the usual case
    step_lane(lane, cls[lane], em);
  }
  blk_++;
}

// Per lane, the best frequency set (class = set + 1, 0 = none): all 16 lanes at
// once. A set qualifies when its components together hold at least `ratio` of
// the block's energy, reach the minimum level, and no component is more than
// the twist below the strongest; among those the strongest wins.
void CallProgressBank::classify(int32_t* out) const {
  const Rt& rt = *rt_;
  const vf16* pw = reinterpret_cast<vf16*>(power_.get());
  const vf16 energy_floor = pw[rt.coef.size()] * vf16_splat(rt.ratio);
  const vf16 level_floor = vf16_splat(rt.min_power);
  const vf16 twist = vf16_splat(rt.twist);
  vi16 best = {};
  vf16 best_p = vf16_splat(0.0f);
  for (size_t s = 0; s < rt.sets.size(); s++) {
    vf16 p = vf16_splat(0.0f), cmin = vf16_splat(3.0e38f), cmax = vf16_splat(0.0f);
    for (const std::vector<int>& alts : rt.sets[s].comps) {
      vf16 c = pw[alts[0]];
      for (size_t a = 1; a < alts.size(); a++) c = pw[alts[a]] > c ? pw[alts[a]] : c;
      p += c;
      cmin = c < cmin ? c : cmin;
      cmax = c > cmax ? c : cmax;
    }
    vi16 ok = (p >= energy_floor) & (p >= level_floor) & (cmin >= cmax * twist) & (p > best_p);
    const int32_t id = static_cast<int32_t>(s + 1);
    const vi16 idv = {id, id, id, id, id, id, id, id, id, id, id, id, id, id, id, id};
    best = ok ? idv : best;
    best_p = ok ? p : best_p;
  }
  std::memcpy(out, &best, sizeof(best));
}

// ---- per lane: debouncer, then the matchers ---------------------------------------------

void CallProgressBank::step_lane(int lane, int c, const Emit& em) {
  Lane& L = lanes_[lane];
  bool changed = false;
  if (c == L.cls) {
    L.pend_count = 0;  // a flicker: absorbed
  } else if (L.pend_count > 0 && c == L.pend) {
    if (++L.pend_count >= rt_->debounce) changed = true;
  } else {
    L.pend = c;
    L.pend_start = blk_;
    L.pend_count = 1;
    changed = rt_->debounce <= 1;
  }
  if (changed) commit(lane, em);
  if (changed || blk_ >= L.deadline) {
    tick(lane, em);
    update_deadline(lane);
  }
}

void CallProgressBank::commit(int lane, const Emit& em) {
  Lane& L = lanes_[lane];
  const int a = L.cls, b = L.pend;
  const int64_t at = L.pend_start, since = L.stable_start;
  const Out o{em.sink, em.ctx, lane, L.origin_sample, em.total};
  const size_t nt = rt_->tones.size();
  for (size_t i = 0; i < nt; i++) {
    const Rt::Tone& t = rt_->tones[i];
    Match& m = matches_[lane * nt + i];
    switch (t.shape) {
      case ToneShape::kContinuous:
        if (a == t.cls) m.cont_on_end(t, at, o);
        if (b == t.cls) m.cont_on_start(at);
        break;
      case ToneShape::kCadence:
        if (a == t.cls) m.cad_on_end(t, at, since <= L.origin_blk, false, o);
        if (b == t.cls) m.cad_on_start(t, at, o);
        break;
      case ToneShape::kSequence: m.seq_segment(t, a, since, at, false, o); break;
    }
  }
  L.cls = b;
  L.stable_start = at;
  L.pend_count = 0;
  claim(lane);
}

// A recognised cadenced tone owns its bursts: other tones on the same
// frequencies forget tracking that includes them (a congestion burst stretched
// to 0.77 s also fits a ringback's 1 s window, but must not start a ringback
// once the congestion is over).
void CallProgressBank::claim(int lane) {
  const size_t nt = rt_->tones.size();
  Match* ms = &matches_[lane * nt];
  for (size_t i = 0; i < nt; i++) {
    const Rt::Tone& a = rt_->tones[i];
    if (a.shape != ToneShape::kCadence || !ms[i].rec) continue;
    for (size_t j = 0; j < nt; j++) {
      const Rt::Tone& b = rt_->tones[j];
      Match& m = ms[j];
      if (j == i || b.shape != ToneShape::kCadence || b.cls != a.cls || m.rec || m.bursts == 0) continue;
      if (m.first_start >= ms[i].last_end) continue;
      m.bursts = 0;
      m.phase = -1;
      if (m.st == kOff) m.st = kIdle;  // a burst in progress (kOn) may still start it afresh
    }
  }
}

void CallProgressBank::tick(int lane, const Emit& em) {
  Lane& L = lanes_[lane];
  const Out o{em.sink, em.ctx, lane, L.origin_sample, em.total};
  const size_t nt = rt_->tones.size();
  const int64_t now = blk_ + 1;
  for (size_t i = 0; i < nt; i++) {
    const Rt::Tone& t = rt_->tones[i];
    Match& m = matches_[lane * nt + i];
    if (t.shape == ToneShape::kSequence) {
      m.seq_tick(t, L.cls, L.stable_start, L.pend_count ? L.pend_start : now, o);
      continue;
    }
    // A pending change matters to this tone only if it turns it on or off.
    bool flips = L.pend_count > 0 && ((L.cls == t.cls) != (L.pend == t.cls));
    int64_t ce = flips ? L.pend_start : now;
    if (t.shape == ToneShape::kContinuous) m.cont_tick(t, ce, o);
    else m.cad_tick(t, ce, o);
  }
  claim(lane);
}

void CallProgressBank::update_deadline(int lane) {
  Lane& L = lanes_[lane];
  const size_t nt = rt_->tones.size();
  int64_t d = kNever;
  for (size_t i = 0; i < nt; i++) {
    const Rt::Tone& t = rt_->tones[i];
    const Match& m = matches_[lane * nt + i];
    switch (t.shape) {
      case ToneShape::kContinuous: d = std::min(d, m.cont_deadline(t)); break;
      case ToneShape::kCadence: d = std::min(d, m.cad_deadline(t)); break;
      case ToneShape::kSequence: d = std::min(d, m.seq_deadline(t, L.cls, L.stable_start)); break;
    }
  }
  // Not yet due because a pending change held it back: look again next block.
  L.deadline = std::max(d, blk_ + 1);
}

// ---- end of input -------------------------------------------------------------------------

void CallProgressBank::finish_lane(int lane, const Emit& em) {
  Lane& L = lanes_[lane];
  if (L.pend_count > 0) commit(lane, em);  // the last blocks are all we will know
  const Out o{em.sink, em.ctx, lane, L.origin_sample, em.total};
  const size_t nt = rt_->tones.size();
  const int64_t end = blk_;
  for (size_t i = 0; i < nt; i++)
    if (rt_->tones[i].shape == ToneShape::kCadence)
      matches_[lane * nt + i].cad_flush_burst(rt_->tones[i], end, L.stable_start <= L.origin_blk, o);
  claim(lane);
  for (size_t i = 0; i < nt; i++) {
    const Rt::Tone& t = rt_->tones[i];
    Match& m = matches_[lane * nt + i];
    switch (t.shape) {
      case ToneShape::kContinuous: m.cont_flush(t, end, o); break;
      case ToneShape::kCadence: m.cad_flush_close(t, o); break;
      case ToneShape::kSequence: m.seq_flush(t, L.cls, L.stable_start, end, o); break;
    }
  }
}

void CallProgressBank::flush(Sink sink, void* ctx) {
  const int64_t real_total = total_;
  if (fill_ > 0) {
    float* b = buf_.get();
    std::memset(b + fill_ * kBankLanes, 0, sizeof(float) * (kCptBlock - fill_) * kBankLanes);
    total_ += kCptBlock - fill_;  // the padding counts as consumed
    fill_ = 0;
    block(b, sink, ctx);
  }
  Emit em{sink, ctx, real_total};
  for (int lane = 0; lane < kBankLanes; lane++) finish_lane(lane, em);
  for (int lane = 0; lane < kBankLanes; lane++) clear_lane(lane, blk_);
}

// ---- offline, one channel -------------------------------------------------------------------

std::vector<ToneSpan> tones_detect(const int16_t* pcm, size_t n, const TonePlan& plan) {
  std::shared_ptr<const TonePlan> p(&plan, [](const TonePlan*) {});
  CallProgressBank bank(p);
  std::vector<ToneSpan> spans;
  auto sink = [](void* c, const ToneEvent& e) {
    if (e.end) static_cast<std::vector<ToneSpan>*>(c)->push_back({e.tone, e.start_sample, e.end_sample});
  };
  const int16_t* ch[kBankLanes] = {};
  const size_t chunk = static_cast<size_t>(kCptBlock) * 50;
  for (size_t off = 0; off < n; off += chunk) {
    ch[0] = pcm + off;
    bank.rx16(ch, static_cast<int>(std::min(chunk, n - off)), sink, &spans);
  }
  bank.flush(sink, &spans);
  std::stable_sort(spans.begin(), spans.end(),
                   [](const ToneSpan& a, const ToneSpan& b) { return a.start_sample < b.start_sample; });
  return spans;
}

}  // namespace bcti
