// 1200 baud FSK for caller ID: Bell 202 (mark 1200 Hz, space 2200 Hz; Bellcore
// GR-30, China YD/T 1277.1) and ITU-T V.23 mode 2 (mark 1300 Hz, space 2100 Hz;
// ETSI EN 300 659-1). Both are centred on 1700 Hz, so one demodulator serves
// both and tells them apart by the frequency shift it measures.
//
// Transmitter: phase-continuous, bit k occupies samples [k * 8000 / 1200,
// (k + 1) * 8000 / 1200), so the bit rate is exact on average.
//
// Demodulator (details in fsk.cc): quadrature correlation. Each sample, the
// last 7 samples (about one bit) are correlated with a complex reference at
// 1250 Hz ("mark") and at 2150 Hz ("space"), between the two standards'
// tones; the soft bit is (|M|^2 - |S|^2) / (|M|^2 + |S|^2), level-free. A bit
// clock locked to the soft bit's zero crossings (hard lock after a run without
// crossings, half-gain pull otherwise) samples it at the middle of each bit.
// Carrier detect: the two correlators must hold most of the signal's energy
// (smoothed over ~2 ms) and the level must exceed min_level_dbm0. The mark and
// space frequencies are measured from how far each correlator's phase turns
// over 6 samples wherever the soft bit says that tone filled both windows,
// averaged over about 75 bits.
#pragma once
#include <complex>
#include <cstdint>
#include <vector>

namespace bcti {

enum class CidModem : uint8_t { kBell202 = 0, kV23 = 1 };
const char* cid_modem_name(CidModem m);  // "bell202" | "v23"

struct FskTone {
  double mark_hz;
  double space_hz;
};
FskTone fsk_tones(CidModem m);
inline constexpr double kFskBaud = 1200;

// Appends n_bits of FSK to `out`. A bit is 1 (mark) or 0 (space). `phase` and
// `bit_clock` carry over between calls so consecutive calls join seamlessly.
struct FskTx {
  FskTone tone{1200, 2200};
  double level_dbm0 = -13;
  double freq_scale = 1.0;  // 1.01 = every tone 1 % high (tests of the receiver)
  double phase = 0;
  double bit_clock = 0;  // samples into the current bit
  void bits(const uint8_t* b, size_t n_bits, std::vector<int16_t>* out);
  // One character: start bit, 8 data bits LSB first, stop bit.
  void byte(uint8_t v, std::vector<int16_t>* out);
  void marks(int n, std::vector<int16_t>* out);
  void seizure(int n, std::vector<int16_t>* out);  // alternating 0101..., n bits
};

struct FskRxConfig {
  double min_level_dbm0 = -48;  // carrier detect: weaker is no carrier
  double min_in_band = 0.7;     // share of energy the correlators must hold
};

// One channel's demodulator. rx() never allocates.
class FskDemod {
 public:
  explicit FskDemod(const FskRxConfig& cfg = {});
  void reset();

  // Called once per bit: the bit, whether the carrier is present, and the
  // sample (counted since reset) at the middle of the bit.
  using BitSink = void (*)(void* ctx, int bit, bool carrier, int64_t sample);
  void rx(const int16_t* x, int n, BitSink sink, void* ctx);

  // Shift (space - mark, Hz) measured on recent bits; 0 if not measured.
  double shift_hz() const;
  double mark_hz() const;
  double space_hz() const;
  // Which standard the measured shift is nearer to (800 Hz V.23, 1000 Hz Bell 202).
  CidModem modem() const { return shift_hz() > 900 ? CidModem::kBell202 : CidModem::kV23; }

 private:
  static constexpr int kWin = 7;      // correlation window, samples
  static constexpr int kTable = 160;  // lcm of both reference periods (32, 160)
  void step(float x, BitSink sink, void* ctx);

  FskRxConfig cfg_;
  float level_thr_;  // window energy of a sine at min_level
  float mark_re_[kTable], mark_im_[kTable], space_re_[kTable], space_im_[kTable];
  float hist_[kWin];  // last samples
  float pm_re_[kWin], pm_im_[kWin], ps_re_[kWin], ps_im_[kWin];
  int hpos_ = 0;
  int tpos_ = 0;
  int64_t n_ = 0;            // samples since reset
  float d_prev_ = 0;         // soft bit at n - 1
  int sign_ = 1;             // soft bit's sign, with hysteresis
  double last_zero_ = 0;     // time of the latest zero crossing of the soft bit
  double next_ = 0;          // next bit sample time
  double last_sample_ = -1;  // time of the latest bit sample
  int bits_since_edge_ = 100;
  float sm_in_ = 0, sm_x_ = 0;  // smoothed in-band and total energy
  bool carrier_ = false;
  static constexpr int kLag = 6;                     // frequency measurement lag, samples
  std::complex<float> m_hist_[kWin], s_hist_[kWin];  // correlator outputs, by hpos
  float d_hist_[kWin];                               // soft bits, by hpos
  std::complex<double> acc_m_, acc_s_;               // phase advance per sample, averaged
};

}  // namespace bcti
