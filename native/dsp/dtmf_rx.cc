// DTMF receiver, 16 lanes at once. See dtmf_rx.h for what it guarantees.
//
// Signal path per half block of N = 53 samples (all 16 lanes in vectors, in the
// per-ISA kernels kernels().goertzel8 and .gate, native/dsp/isa/kernels.inc):
//   Goertzel state (s1, s2) for the 8 frequencies
//   X_h  = e^{-jw(N-1)} s1 - e^{-jwN} s2                  DFT of the half block
//   W_h  = X_{h-1} + e^{-jwN} X_h                          DFT of the 106-sample window
//   P_h  = W_h conj(W_{h-1}) e^{-jwN}                      phase advance over one hop:
//          arg P = 2 pi (f - f_nominal) N / fs, so the frequency is checked
//          directly (a magnitude alone cannot reject 3.5 % on the low group).
// In the gate, a window's energy loss from a frequency offset, cos^2(arg P / 2),
// is undone (capped at the tolerance) before levels, twist and energy share are
// compared. Per lane and window, the gate (vector compares, loose limits) yields a
// candidate digit. The scalar debounce starts a digit after kOn consecutive
// windows that also pass the tight checks of run_passes() (a fit of the two
// tones to those windows), and ends it after kOff windows without it.
//
// Timing: 40 ms of tone fills >= 4 windows to >= 80 % and 20 ms at most 2 (the
// fit in run_passes() wants each of its kOn windows >= min_tone_share tone), so
// kOn = 3 accepts the first and rejects the second. A 10 ms drop-out spoils at
// most 3 windows for the looser gate and a 40 ms pause at least 6, so kOff = 4
// bridges the one and ends on the other.
#include "native/dsp/dtmf_rx.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>

#include "native/dsp/kernels.h"
#include "native/dsp/levels.h"
#include "native/dsp/tone_gen.h"

namespace bcti {
namespace {

constexpr int kF = 8;
constexpr double kFreq[kF] = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
constexpr char kKeys[] = "123A456B789C*0#D";
constexpr int kOn = 3;                  // consecutive windows that start a digit
constexpr int kOff = 4;                 // windows without the digit that end it
constexpr double kLooseExtraPct = 1.0;  // per-window gate: tolerance + this
constexpr double kGateDb = 3.0;         // per-window gate: level/twist this much looser
// Per-window gate on the energy share: this much below the limit, because
// leakage between the two tones' bins moves the share of a single window by up
// to ±17 % (the run check, free of leakage, applies the limit itself).
constexpr double kShareGateSlack = 0.15;
constexpr double kRelPeakDb = 10.0;     // tones vs what they leave unexplained (run)
constexpr double kRelPeakGateDb = 4.0;  // per-window gate for the same
// Largest deviation of the column/row frequency ratio from its nominal value.
// Each tone may be off by freq_tolerance_pct, but genuine digits within Q.24's
// ±1.5 % keep the ratio within ±3.05 % (and a common clock error keeps it
// exact). Pairs of voice harmonics (3:5, 4:7, 1:2...) that land near a digit's
// tones are off in opposite directions by 2 % or more each, so this rejects
// most talk-off that passes the per-tone checks.
constexpr double kMaxRatioDeviation = 0.033;
// Largest spread of the window energies over a run. A digit is steady (its
// first window, at least min_tone_share filled, is within 1 dB of the others);
// a vowel's harmonics swell and fade with the syllable.
constexpr double kMaxEnergySwing = 1.585;  // 2 dB

double db_to_power_ratio(double db) { return std::pow(10.0, db / 10.0); }

}  // namespace

DtmfRxDescriptor::DtmfRxDescriptor(const DtmfRxConfig& c) : gate{}, cfg(c) {
  const double fs = kSampleRate, n = kDtmfHalf;
  for (int k = 0; k < kF; k++) {
    double w = 2 * M_PI * kFreq[k] / fs;
    coef[k] = static_cast<float>(2 * std::cos(w));
    gate.c1r[k] = static_cast<float>(std::cos(w * (n - 1)));
    gate.c1i[k] = static_cast<float>(-std::sin(w * (n - 1)));
    gate.c2r[k] = static_cast<float>(std::cos(w * n));
    gate.c2i[k] = static_cast<float>(-std::sin(w * n));
    // Phase advance over one hop of a tone off by p percent: 2 pi f p/100 N / fs.
    double tight = std::min(M_PI, 2 * M_PI * kFreq[k] * cfg.freq_tolerance_pct / 100 * n / fs);
    double loose = std::min(M_PI, 2 * M_PI * kFreq[k] * (cfg.freq_tolerance_pct + kLooseExtraPct) / 100 * n / fs);
    cos_tight[k] = static_cast<float>(std::cos(tight));
    for (int j = k; j < 16; j += kF) {
      gate.lut[0][j] = gate.c2r[k];
      gate.lut[1][j] = gate.c2i[k];
      gate.lut[2][j] = static_cast<float>(std::cos(loose));  // cos of the widest phase error let through
      gate.lut[3][j] = static_cast<float>(2 / std::max(1e-3, 1 + std::cos(tight)));  // largest energy correction
    }
  }
  const double lw = kDtmfWindow;
  // A sine of power p over the window: |W|^2 = p lw^2 / 2.
  level_thr = static_cast<float>(dbm0_to_power(cfg.min_level_dbm0) * lw * lw / 2);
  rel_peak = static_cast<float>(1 / db_to_power_ratio(kRelPeakDb));
  twist_normal = static_cast<float>(1 / db_to_power_ratio(cfg.max_normal_twist_db + kDtmfTwistGuardDb));
  twist_reverse = static_cast<float>(db_to_power_ratio(cfg.max_reverse_twist_db + kDtmfTwistGuardDb));
  gate.level_gate = static_cast<float>(level_thr / db_to_power_ratio(kGateDb));
  gate.rel_peak_gate = static_cast<float>(1 / db_to_power_ratio(kRelPeakGateDb));
  gate.twist_gate_lo = static_cast<float>(twist_normal / db_to_power_ratio(kGateDb));
  gate.twist_gate_hi = static_cast<float>(twist_reverse * db_to_power_ratio(kGateDb));
  // Tone energy over the window is 2 |W|^2 / lw.
  gate.share_k = static_cast<float>(std::max(0.1, cfg.min_tone_share - kShareGateSlack) * lw);
}

// One window of a lane, kept while its candidate digit is being confirmed.
struct DtmfRxBank::WinStats {
  float w_re[kF], w_im[kF];  // DFT of the window at the 8 frequencies
  float e_win;               // energy of the window
  float pr_re, pr_im;        // phase-advance phasor P of the row tone
  float pc_re, pc_im;        // and of the column tone
};

// Debounce state of one lane. The digit being recognised (`pend`) is tracked
// beside the digit already reported (`digit`), so a digit can follow another
// without a pause.
struct DtmfRxBank::Lane {
  enum class State : uint8_t { kIdle, kActive };
  State state = State::kIdle;
  int8_t digit = -1;       // reported digit (index into kKeys) while kActive
  int8_t pend = -1;        // candidate digit of the current run of windows
  int count = 0;           // consecutive windows of `pend`
  int misses = 0;          // consecutive windows without `digit`
  int64_t origin = 0;      // bank sample at the lane's reset
  int64_t pend_first = 0;  // first window (half index) of the run of `pend`
  int64_t last_seen = 0;   // last window that showed `digit`
  int64_t start = 0;       // estimated start of `digit` (bank samples)
  WinStats hist[kOn];      // the last kOn windows of the run
};

namespace {
// Element `lane` of a 16-lane vector through memory: indexing the vector type
// with a run-time index makes GCC copy the whole vector first.
inline float at(const vf16& v, int lane) { return reinterpret_cast<const float*>(&v)[lane]; }
inline int32_t at(const vi16& v, int lane) { return reinterpret_cast<const int32_t*>(&v)[lane]; }

float* alloc_floats(size_t n) {
  auto* p = static_cast<float*>(::operator new[](sizeof(float) * n, std::align_val_t(64)));
  std::fill(p, p + n, 0.0f);
  return p;
}
void free_floats(float* p) { ::operator delete[](p, std::align_val_t(64)); }
}  // namespace

DtmfRxBank::DtmfRxBank(const DtmfRxConfig& cfg)
    : desc_(cfg),
      v_(new DtmfGateState()),
      ring_(new DtmfHalfDft[kRing]()),
      lanes_(new Lane[kBankLanes]),
      xbuf_(alloc_floats(static_cast<size_t>(kStage) * kBankLanes)) {}

DtmfRxBank::~DtmfRxBank() {
  delete v_;
  delete[] ring_;
  delete[] lanes_;
  free_floats(xbuf_);
}

void DtmfRxBank::reset(int lane) {
  if (lane < 0 || lane >= kBankLanes) return;
  float* f = reinterpret_cast<float*>(v_);
  for (size_t i = 0; i < sizeof(DtmfGateState) / sizeof(vf16); i++) f[i * kBankLanes + lane] = 0.0f;
  float* r = reinterpret_cast<float*>(ring_);
  for (size_t i = 0; i < kRing * sizeof(DtmfHalfDft) / sizeof(vf16); i++) r[i * kBankLanes + lane] = 0.0f;
  busy_ &= ~(1u << lane);
  lanes_[lane] = Lane{};
  lanes_[lane].origin = half_ * kDtmfHalf + pos_;
}

void DtmfRxBank::rx(const float* x, int n, Sink sink, void* ctx) { feed(kernels(), x, n, sink, ctx); }

void DtmfRxBank::rx16(const int16_t* const* ch, int n, Sink sink, void* ctx) {
  const Kernels& k = kernels();
  // Ask for all the cache lines of a frame at once: 16 scattered channel
  // buffers otherwise arrive one miss at a time.
  for (int lane = 0; lane < kBankLanes; lane++)
    if (ch[lane])
      for (int t = 0; t < n; t += 32) __builtin_prefetch(ch[lane] + t);
  for (int off = 0; off < n; off += kStage) {
    int m = std::min(n - off, kStage);
    k.gather16(ch, off, m, xbuf_);
    feed(k, xbuf_, m, sink, ctx);
  }
}

void DtmfRxBank::feed(const Kernels& k, const float* x, int n, Sink sink, void* ctx) {
  float* s1 = reinterpret_cast<float*>(v_->s1);
  float* s2 = reinterpret_cast<float*>(v_->s2);
  float* e = reinterpret_cast<float*>(&v_->e);
  while (n > 0) {
    int m = std::min(n, kDtmfHalf - pos_);
    k.goertzel8(desc_.coef, s1, s2, x, m, e, pos_ == 0);
    pos_ += m;
    x += static_cast<size_t>(m) * kBankLanes;
    n -= m;
    if (pos_ == kDtmfHalf) {
      end_of_half(k, sink, ctx);
      pos_ = 0;
      half_++;
    }
  }
}

void DtmfRxBank::end_of_half(const Kernels& k, Sink sink, void* ctx) {
  DtmfGateOut out;
  k.gate(desc_.gate, v_, &ring_[(half_ - 1) & (kRing - 1)], &ring_[half_ & (kRing - 1)], &out);
  uint32_t todo = busy_;
  for (int lane = 0; lane < kBankLanes; lane++) todo |= static_cast<uint32_t>(at(out.digit, lane) >= 0) << lane;
  while (todo) {
    const int lane = __builtin_ctz(todo);
    todo &= todo - 1;
    const int digit = at(out.digit, lane);
    Lane& L = lanes_[lane];
    if (L.state == Lane::State::kActive && digit == L.digit && L.pend < 0) {  // the common case: still on
      L.misses = 0;
      L.last_seen = half_;
      continue;
    }
    lane_window(lane, digit, out, sink, ctx);
    set_busy(lane);
  }
}

void DtmfRxBank::set_busy(int lane) {
  const Lane& L = lanes_[lane];
  if (L.state != Lane::State::kIdle || L.pend >= 0) busy_ |= 1u << lane;
  else busy_ &= ~(1u << lane);
}

float DtmfRxBank::amp(int64_t half, int lane, int row, int col) const {
  if (half < 0 || half > half_ || half_ - half >= kRing) return 0.0f;
  const DtmfHalfDft& x = ring_[half & (kRing - 1)];
  auto mag = [&](int k) {
    float re = at(x.re[k], lane), im = at(x.im[k], lane);
    return std::sqrt(re * re + im * im);
  };
  return mag(row) + mag(col);
}

// The tone fills the half blocks before its first full window from their end;
// how much of each it fills is its amplitude there relative to a full half.
int64_t DtmfRxBank::estimate_start(int lane, int64_t w0, int row, int col) const {
  float ref = 0.5f * (amp(w0, lane, row, col) + amp(w0 + 1, lane, row, col));
  int64_t s = w0 * kDtmfHalf;
  if (!(ref > 0)) return s - kDtmfHalf;
  float fill = 0;
  for (int64_t h = w0 - 1; h >= w0 - 2; h--) {
    float r = std::min(1.0f, amp(h, lane, row, col) / ref);
    fill += r;
    if (r < 0.5f) break;
  }
  return s - static_cast<int64_t>(std::lround(fill * kDtmfHalf));
}

int64_t DtmfRxBank::estimate_end(int lane, int64_t wl, int row, int col) const {
  float ref = 0.5f * (amp(wl - 1, lane, row, col) + amp(wl - 2, lane, row, col));
  int64_t s = wl * kDtmfHalf;
  if (!(ref > 0)) return s + kDtmfHalf;
  float fill = 0;
  for (int64_t h = wl; h <= wl + 1; h++) {
    float r = std::min(1.0f, amp(h, lane, row, col) / ref);
    fill += r;
    if (r < 0.5f) break;
  }
  return s + static_cast<int64_t>(std::lround(fill * kDtmfHalf));
}

namespace {

// A minimal complex type: std::complex's operators guard inf/nan cases
// through library calls that dominate this small amount of arithmetic.
struct cplx {
  double re = 0, im = 0;
};
inline cplx operator+(cplx a, cplx b) { return {a.re + b.re, a.im + b.im}; }
inline cplx operator-(cplx a, cplx b) { return {a.re - b.re, a.im - b.im}; }
inline cplx operator*(cplx a, cplx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }
inline cplx operator*(cplx a, double k) { return {a.re * k, a.im * k}; }
inline cplx conj(cplx a) { return {a.re, -a.im}; }
inline double norm(cplx a) { return a.re * a.re + a.im * a.im; }
inline cplx unit(double phase) { return {std::cos(phase), std::sin(phase)}; }

// Per-bin phasors for the window response below: e^{-jw/2}, e^{-jwL/2},
// e^{-jw(L-1)/2} of each DTMF bin (L = window length).
struct BinPhasors {
  cplx half[kF], full[kF], mid[kF];
  BinPhasors() {
    for (int k = 0; k < kF; k++) {
      double w = 2 * M_PI * kFreq[k] / kSampleRate;
      half[k] = unit(-w / 2);
      full[k] = unit(-w * kDtmfWindow / 2);
      mid[k] = unit(-w * (kDtmfWindow - 1) / 2);
    }
  }
};
const BinPhasors& bin_phasors() {
  static const BinPhasors p;
  return p;
}

// Response of each bin's window DFT to the complex tone e^{jwn}: the sum over
// the window of e^{j(w - w_k)n} = e^{jd(L-1)/2} sin(dL/2) / sin(d/2), d = w - w_k.
// With the tone's phasors at w/2, wL/2 and w(L-1)/2 computed once, every bin
// costs a few multiplications. `image_bins` lists the bins (two) that also need
// the response to the tone's negative-frequency image e^{-jwn}.
void window_response(double w, cplx* out, const int* image_bins, cplx* image) {
  const BinPhasors& b = bin_phasors();
  const cplx u1 = unit(w / 2), ul = unit(w * kDtmfWindow / 2);
  const cplx um = ul * conj(u1);
  auto resp = [](cplx p1, cplx pl, cplx pm) {
    double s = p1.im;  // sin(d/2)
    double mag = std::fabs(s) < 1e-12 ? kDtmfWindow : pl.im / s;
    return pm * mag;
  };
  for (int k = 0; k < kF; k++) out[k] = resp(u1 * b.half[k], ul * b.full[k], um * b.mid[k]);
  for (int i = 0; i < 2; i++) {
    const int k = image_bins[i];
    image[i] = resp(conj(u1) * b.half[k], conj(ul) * b.full[k], conj(um) * b.mid[k]);
  }
}

}  // namespace

// The tight checks, over the last kOn windows of a run. The two tones'
// frequencies come from the mean phase advance; with them, each window's DFT at
// the row and column bin is solved for the two tones' complex amplitudes (a
// 2x2 system), which removes the leakage of each tone into the other's bin and
// the loss from a frequency offset. Level, twist and energy share use those
// amplitudes; what the two tones do not explain in the other six bins must stay
// kRelPeakDb below them.
bool DtmfRxBank::run_passes(const Lane& L, int row, int col) const {
  const DtmfRxDescriptor& d = desc_;
  double prr = 0, pri = 0, pcr = 0, pci = 0;
  for (const WinStats& w : L.hist) {
    prr += w.pr_re;
    pri += w.pr_im;
    pcr += w.pc_re;
    pci += w.pc_im;
  }
  if (!(prr >= d.cos_tight[row] * std::sqrt(prr * prr + pri * pri) &&
        pcr >= d.cos_tight[col] * std::sqrt(pcr * pcr + pci * pci)))
    return false;
  const double w_row = 2 * M_PI * kFreq[row] / kSampleRate + std::atan2(pri, prr) / kDtmfHalf;
  const double w_col = 2 * M_PI * kFreq[col] / kSampleRate + std::atan2(pci, pcr) / kDtmfHalf;
  const double ratio = (w_col / w_row) / (kFreq[col] / kFreq[row]);
  if (std::fabs(ratio - 1) > kMaxRatioDeviation) return false;
  double emin = 1e300, emax = 0;
  for (const WinStats& w : L.hist) {
    emin = std::min<double>(emin, w.e_win);
    emax = std::max<double>(emax, w.e_win);
  }
  if (emax > emin * kMaxEnergySwing) return false;

  // Response of bin k to the row and column tone, and to their negative-
  // frequency images (a real tone is e^{jwn} and e^{-jwn}).
  const int rc[2] = {row, col};
  cplx kr[kF], kc[kF], kri[2], kci[2];  // kri[0]: row tone's image in the row bin, [1]: in the column bin
  window_response(w_row, kr, rc, kri);
  window_response(w_col, kc, rc, kci);
  const cplx det = kr[row] * kc[col] - kc[row] * kr[col];
  if (norm(det) < 1e-18) return false;
  const cplx inv_det = conj(det) * (1 / norm(det));
  double ar = 0, ac = 0, resid[kF] = {};
  bool filled = true;  // every window nearly all tone (rejects short tones)
  for (const WinStats& w : L.hist) {
    const cplx xr{w.w_re[row], w.w_im[row]}, xc{w.w_re[col], w.w_im[col]};
    // Solve without the images, then once more with them removed (they are small).
    cplx a_r = (xr * kc[col] - xc * kc[row]) * inv_det;
    cplx a_c = (xc * kr[row] - xr * kr[col]) * inv_det;
    const cplx yr = xr - conj(a_r) * kri[0] - conj(a_c) * kci[0];
    const cplx yc = xc - conj(a_r) * kri[1] - conj(a_c) * kci[1];
    a_r = (yr * kc[col] - yc * kc[row]) * inv_det;
    a_c = (yc * kr[row] - yr * kr[col]) * inv_det;
    ar += norm(a_r);
    ac += norm(a_c);
    // A real tone with complex amplitude a has energy 2 |a|^2 L over the window.
    filled = filled && 2 * kDtmfWindow * (norm(a_r) + norm(a_c)) >= d.cfg.min_tone_share * w.e_win;
    for (int k = 0; k < kF; k++) {
      if (k == row || k == col) continue;
      cplx model = a_r * kr[k] + a_c * kc[k];  // the images are 30 dB down here: left out
      resid[k] += norm(cplx{w.w_re[k], w.w_im[k]} - model);
    }
  }
  const double l2 = double(kDtmfWindow) * kDtmfWindow;  // |W|^2 = |a|^2 l2 for a tone on its bin
  double res_row = 0, res_col = 0;
  for (int k = 0; k < 4; k++) res_row = std::max(res_row, resid[k]);
  for (int k = 4; k < kF; k++) res_col = std::max(res_col, resid[k]);
  return ar * l2 >= kOn * d.level_thr && ac * l2 >= kOn * d.level_thr && ac >= ar * d.twist_normal &&
         ac <= ar * d.twist_reverse && res_row <= ar * l2 * d.rel_peak && res_col <= ac * l2 * d.rel_peak && filled;
}

void DtmfRxBank::lane_window(int lane, int digit, const DtmfGateOut& out, Sink sink, void* ctx) {
  Lane& L = lanes_[lane];
  const int64_t h = half_;
  auto emit = [&](int dg, bool end, int64_t at) {
    DtmfEvent ev{lane, kKeys[dg], end, std::max<int64_t>(0, at - L.origin)};
    sink(ctx, ev);
  };

  bool seen_active = L.state == Lane::State::kActive && digit == L.digit;
  if (digit >= 0 && !seen_active) {
    if (L.pend == digit) {
      L.count++;
    } else {
      L.pend = static_cast<int8_t>(digit);
      L.count = 1;
      L.pend_first = h;
    }
    WinStats& st = L.hist[(L.count - 1) % kOn];
    for (int k = 0; k < kF; k++) {
      st.w_re[k] = at(v_->wr[k], lane);
      st.w_im[k] = at(v_->wi[k], lane);
    }
    st.e_win = at(out.ewin, lane);
    st.pr_re = at(out.pr_re, lane);
    st.pr_im = at(out.pr_im, lane);
    st.pc_re = at(out.pc_re, lane);
    st.pc_im = at(out.pc_im, lane);
  } else {
    L.pend = -1;
    L.count = 0;
  }

  if (L.state == Lane::State::kActive) {
    if (seen_active) {
      L.misses = 0;
      L.last_seen = h;
    } else if (++L.misses >= kOff) {
      int64_t end = std::max(L.start, estimate_end(lane, L.last_seen, L.digit / 4, 4 + L.digit % 4));
      emit(L.digit, true, end);
      L.state = Lane::State::kIdle;
      L.digit = -1;
    }
  }

  if (L.pend < 0 || L.count < kOn) return;
  int row = L.pend / 4, col = 4 + L.pend % 4;
  if (!run_passes(L, row, col)) return;

  int64_t start = estimate_start(lane, L.pend_first, row, col);
  if (L.state == Lane::State::kActive) {  // a new digit without a pause
    int64_t end = estimate_end(lane, L.last_seen, L.digit / 4, 4 + L.digit % 4);
    end = std::max(L.start, std::min(end, start));
    emit(L.digit, true, end);
  }
  L.state = Lane::State::kActive;
  L.digit = L.pend;
  L.start = start;
  L.misses = 0;
  L.last_seen = h;
  emit(L.digit, false, start);
  L.pend = -1;
  L.count = 0;
}

namespace {

struct Collector {
  std::vector<std::vector<DtmfDigit>>* out;
  int64_t now;  // bank sample at the end of the current rx call
};

void collect(void* ctx, const DtmfEvent& ev) {
  auto* c = static_cast<Collector*>(ctx);
  std::vector<DtmfDigit>& v = (*c->out)[ev.lane];
  if (!ev.end) {
    v.push_back({ev.digit, ev.sample, -1, c->now});
  } else if (!v.empty() && v.back().end_sample < 0) {
    v.back().end_sample = ev.sample;
  }
}

}  // namespace

std::vector<std::vector<DtmfDigit>> dtmf_detect_bank(const std::vector<const int16_t*>& ch,
                                                     const std::vector<size_t>& len, const DtmfRxConfig& cfg,
                                                     int frame) {
  const size_t nch = std::min<size_t>(ch.size(), kBankLanes);
  std::vector<std::vector<DtmfDigit>> out(kBankLanes);
  DtmfRxBank bank(cfg);
  Collector col{&out, 0};
  size_t total = 0;
  for (size_t i = 0; i < nch; i++) total = std::max(total, len[i]);
  // Frames of `frame` samples, as a board delivers them; `now` (the report
  // time) is the end of the frame. Shorter channels are padded with silence,
  // and all are flushed with silence.
  frame = std::max(1, frame);
  const size_t flush = static_cast<size_t>(kOff + 4) * kDtmfHalf;
  const int16_t* ptr[kBankLanes];
  std::vector<int16_t> tail(static_cast<size_t>(kBankLanes) * frame);
  for (size_t t = 0; t < total + flush; t += frame) {
    int m = static_cast<int>(std::min<size_t>(frame, total + flush - t));
    for (size_t i = 0; i < kBankLanes; i++) {
      if (i >= nch || !ch[i] || t >= len[i]) {
        ptr[i] = nullptr;  // silence
      } else if (t + m <= len[i]) {
        ptr[i] = ch[i] + t;
      } else {  // the chunk straddles the end of this channel
        size_t have = len[i] - t;
        int16_t* dst = tail.data() + i * frame;
        std::memcpy(dst, ch[i] + t, have * sizeof(int16_t));
        std::memset(dst + have, 0, (m - have) * sizeof(int16_t));
        ptr[i] = dst;
      }
    }
    col.now = static_cast<int64_t>(t + m);
    bank.rx16(ptr, m, collect, &col);
  }
  for (auto& v : out)
    for (auto& dg : v)
      if (dg.end_sample < 0) dg.end_sample = static_cast<int64_t>(total);
  out.resize(nch);
  return out;
}

std::vector<DtmfDigit> dtmf_detect(const int16_t* pcm, size_t n, const DtmfRxConfig& cfg, int frame) {
  auto r = dtmf_detect_bank({pcm}, {n}, cfg, frame);
  return std::move(r[0]);
}

bool dtmf_tx(const std::string& digits, const DtmfTxParams& p, std::vector<int16_t>* out) {
  out->clear();
  std::vector<int16_t> buf;
  for (char c : digits) {
    double lo, hi;
    if (c != ',' && !dtmf_frequencies(c, &lo, &hi)) {
      out->clear();
      return false;
    }
  }
  for (char c : digits) {
    if (c == ',') {
      out->insert(out->end(), static_cast<size_t>(p.pause_ms) * kSampleRate / 1000, 0);
      continue;
    }
    ToneDescriptor d = dtmf_descriptor(c, p.on_ms, p.off_ms, p.level_dbm0, p.twist_db);
    size_t n = static_cast<size_t>(p.on_ms + std::max(0, p.off_ms)) * kSampleRate / 1000;
    buf.assign(n, 0);
    ToneGen g(&d);
    int got = g.generate(buf.data(), static_cast<int>(n));
    out->insert(out->end(), buf.begin(), buf.begin() + got);
  }
  return true;
}

}  // namespace bcti
