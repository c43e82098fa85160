#include "native/dsp/fsk.h"

#include <algorithm>
#include <cmath>

#include "native/dsp/levels.h"

namespace bcti {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kSpb = kSampleRate / kFskBaud;      // samples per bit, 6.67
constexpr double kMarkRef = 1250, kSpaceRef = 2150;  // between the two standards' tones
constexpr float kHyst = 0.2f;                        // soft-bit hysteresis for edges
constexpr float kSmooth = 1.0f / 16;                 // carrier detect smoothing (~2 ms)
constexpr double kAccDecay = 0.998;                  // frequency measurement: ~500 samples (75 bits)
}  // namespace

const char* cid_modem_name(CidModem m) { return m == CidModem::kBell202 ? "bell202" : "v23"; }

FskTone fsk_tones(CidModem m) { return m == CidModem::kBell202 ? FskTone{1200, 2200} : FskTone{1300, 2100}; }

// ---- transmitter -------------------------------------------------------------

void FskTx::bits(const uint8_t* b, size_t n_bits, std::vector<int16_t>* out) {
  const double amp = dbm0_to_peak(level_dbm0);
  for (size_t k = 0; k < n_bits; k++) {
    const double f = (b[k] ? tone.mark_hz : tone.space_hz) * freq_scale;
    const double dphi = 2 * kPi * f / kSampleRate;
    while (bit_clock < kSpb) {
      double v = std::round(amp * std::sin(phase));
      out->push_back(static_cast<int16_t>(std::clamp(v, -32768.0, 32767.0)));
      phase += dphi;
      if (phase > 2 * kPi) phase -= 2 * kPi;
      bit_clock += 1;
    }
    bit_clock -= kSpb;
  }
}

void FskTx::byte(uint8_t v, std::vector<int16_t>* out) {
  uint8_t b[10];
  b[0] = 0;
  for (int i = 0; i < 8; i++) b[1 + i] = (v >> i) & 1;
  b[9] = 1;
  bits(b, 10, out);
}

void FskTx::marks(int n, std::vector<int16_t>* out) {
  const uint8_t one = 1;
  for (int i = 0; i < n; i++) bits(&one, 1, out);
}

void FskTx::seizure(int n, std::vector<int16_t>* out) {
  for (int i = 0; i < n; i++) {
    const uint8_t b = static_cast<uint8_t>(i & 1);
    bits(&b, 1, out);
  }
}

// ---- demodulator -------------------------------------------------------------

FskDemod::FskDemod(const FskRxConfig& cfg) : cfg_(cfg) {
  level_thr_ = static_cast<float>(kWin * dbm0_to_power(cfg.min_level_dbm0));
  for (int i = 0; i < kTable; i++) {
    double pm = -2 * kPi * kMarkRef * i / kSampleRate, ps = -2 * kPi * kSpaceRef * i / kSampleRate;
    mark_re_[i] = static_cast<float>(std::cos(pm));
    mark_im_[i] = static_cast<float>(std::sin(pm));
    space_re_[i] = static_cast<float>(std::cos(ps));
    space_im_[i] = static_cast<float>(std::sin(ps));
  }
  reset();
}

void FskDemod::reset() {
  std::fill(std::begin(hist_), std::end(hist_), 0.0f);
  std::fill(std::begin(pm_re_), std::end(pm_re_), 0.0f);
  std::fill(std::begin(pm_im_), std::end(pm_im_), 0.0f);
  std::fill(std::begin(ps_re_), std::end(ps_re_), 0.0f);
  std::fill(std::begin(ps_im_), std::end(ps_im_), 0.0f);
  hpos_ = tpos_ = 0;
  n_ = 0;
  d_prev_ = 0;
  sign_ = 1;
  last_zero_ = 0;
  next_ = kSpb / 2;
  last_sample_ = -1;
  bits_since_edge_ = 100;
  sm_in_ = sm_x_ = 0;
  carrier_ = false;
  std::fill(std::begin(m_hist_), std::end(m_hist_), std::complex<float>(0, 0));
  std::fill(std::begin(s_hist_), std::end(s_hist_), std::complex<float>(0, 0));
  std::fill(std::begin(d_hist_), std::end(d_hist_), 0.0f);
  acc_m_ = acc_s_ = {0, 0};
}

void FskDemod::rx(const int16_t* x, int n, BitSink sink, void* ctx) {
  for (int i = 0; i < n; i++) step(static_cast<float>(x[i]), sink, ctx);
}

void FskDemod::step(float x, BitSink sink, void* ctx) {
  const int h = hpos_;
  hist_[h] = x * x;
  pm_re_[h] = x * mark_re_[tpos_];
  pm_im_[h] = x * mark_im_[tpos_];
  ps_re_[h] = x * space_re_[tpos_];
  ps_im_[h] = x * space_im_[tpos_];
  hpos_ = h + 1 == kWin ? 0 : h + 1;
  tpos_ = tpos_ + 1 == kTable ? 0 : tpos_ + 1;
  float mr = 0, mi = 0, sr = 0, si = 0, e = 0;
  for (int k = 0; k < kWin; k++) {
    mr += pm_re_[k];
    mi += pm_im_[k];
    sr += ps_re_[k];
    si += ps_im_[k];
    e += hist_[k];
  }
  const std::complex<float> m(mr, mi), s(sr, si);
  const float em = mr * mr + mi * mi, es = sr * sr + si * si, tot = em + es;

  // Carrier detect.
  sm_in_ += (tot * 2.0f / kWin - sm_in_) * kSmooth;
  sm_x_ += (e - sm_x_) * kSmooth;
  if (!carrier_) carrier_ = sm_x_ >= level_thr_ && sm_in_ >= cfg_.min_in_band * sm_x_;
  else carrier_ = sm_x_ >= 0.5f * level_thr_ && sm_in_ >= (cfg_.min_in_band - 0.15) * sm_x_;

  const float d = tot > 1.0f ? (em - es) / tot : 0.0f;
  const double now = static_cast<double>(n_);

  // Bit clock: zero crossings of the soft bit mark bit boundaries.
  if ((d > 0) != (d_prev_ > 0) && d != d_prev_) last_zero_ = now - 1 + d_prev_ / (d_prev_ - d);
  int sg = sign_;
  if (sign_ > 0 && d < -kHyst) sg = -1;
  else if (sign_ < 0 && d > kHyst) sg = 1;
  if (sg != sign_) {
    sign_ = sg;
    double target = last_zero_ + kSpb / 2;
    if (bits_since_edge_ >= 3) {  // after a run without edges the clock may be anywhere
      if (last_sample_ > last_zero_) target += kSpb;
      next_ = target;
    } else {
      while (target < next_ - kSpb / 2) target += kSpb;
      while (target > next_ + kSpb / 2) target -= kSpb;
      next_ += 0.5 * (target - next_);
    }
    bits_since_edge_ = 0;
  }
  while (next_ <= now) {
    const double frac = std::clamp(next_ - (now - 1), 0.0, 1.0);
    const float v = d_prev_ + (d - d_prev_) * static_cast<float>(frac);
    sink(ctx, v > 0 ? 1 : 0, carrier_, std::llround(next_ - (kWin - 1) / 2.0));
    last_sample_ = next_;
    next_ += kSpb;
    bits_since_edge_++;
  }
  // Tone frequencies: the phase each correlator turns through over kLag
  // samples, where the soft bit says that tone filled both windows.
  const int old = (h + kWin - kLag) % kWin;
  if (carrier_) {
    if (d > 0.6f && d_hist_[old] > 0.6f)
      acc_m_ = acc_m_ * kAccDecay + std::complex<double>(m * std::conj(m_hist_[old]));
    else if (d < -0.6f && d_hist_[old] < -0.6f)
      acc_s_ = acc_s_ * kAccDecay + std::complex<double>(s * std::conj(s_hist_[old]));
  }
  m_hist_[h] = m;
  s_hist_[h] = s;
  d_hist_[h] = d;
  d_prev_ = d;
  n_++;
}

double FskDemod::mark_hz() const {
  if (std::abs(acc_m_) == 0) return 0;
  return kMarkRef + std::arg(acc_m_) * kSampleRate / (2 * kPi * kLag);
}
double FskDemod::space_hz() const {
  if (std::abs(acc_s_) == 0) return 0;
  return kSpaceRef + std::arg(acc_s_) * kSampleRate / (2 * kPi * kLag);
}
double FskDemod::shift_hz() const {
  if (std::abs(acc_m_) == 0 || std::abs(acc_s_) == 0) return 0;
  return space_hz() - mark_hz();
}

}  // namespace bcti
