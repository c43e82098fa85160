// DTMF receiver for 16 channels at once (one per SIMD lane), after ITU-T Q.24
// and the Mitel CM7291 test procedures:
//   all 16 digits; ±1.5 % frequency deviation accepted, ±3.5 % rejected;
//   twist up to 8 dB with the high group weaker ("normal") and 4 dB with it
//   stronger ("reverse"); tones >= 40 ms with pauses >= 40 ms accepted, tones
//   <= 20 ms rejected; >= 35 dB dynamic range; 15 dB S/N; G.711 both laws.
//
// How it works (details in dtmf_rx.cc): Goertzel resonators for the 8 DTMF
// frequencies run over half blocks of 53 samples in the vector kernel; every
// half block the window made of the last two halves (106 samples, hop 6.6 ms) is
// analysed: strongest row and column tone, their share of the window's energy,
// their lead over the other tones of their group, their level and twist, and
// their frequency, measured from the phase advance between successive windows.
// A digit starts after 3 consecutive windows agree and a fit of the two tones
// to those windows (mean frequencies, leakage-free amplitudes) passes the
// limits, including two talk-off guards (the column/row frequency ratio and a
// steady level); it ends after 4 windows without it. Start and end samples are
// estimated from how much of the boundary half blocks the tone fills.
//
// The descriptor (frequencies, thresholds) is shared read-only; a bank holds
// the small per-lane state. rx() never allocates or locks.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "native/dsp/simd.h"

namespace bcti {

struct Kernels;

struct DtmfRxConfig {
  // Per-tone level below which a tone pair is not a digit (dBm0, measured as
  // the mean over the detection windows).
  double min_level_dbm0 = -40;
  // Largest twist accepted, high group weaker than the low group ("normal") and
  // high group stronger ("reverse"). A measurement guard band of kDtmfTwistGuardDb
  // is added so tones exactly at the limit are accepted every time.
  double max_normal_twist_db = 8;
  double max_reverse_twist_db = 4;
  // Frequency acceptance: |f - nominal| <= this percentage of nominal. The
  // default sits midway between Q.24's must-accept (1.5 %) and must-reject
  // (3.5 %) so both hold with ±1 % of margin.
  double freq_tolerance_pct = 2.5;
  // Share of the window's energy the two tones must hold (rejects speech,
  // noise and windows the tone only partly fills).
  double min_tone_share = 0.8;
};

// Guard band added to the twist limits (see DtmfRxConfig).
inline constexpr double kDtmfTwistGuardDb = 1.5;
// Analysis geometry: half block and window, in samples at 8 kHz.
inline constexpr int kDtmfHalf = 53;
inline constexpr int kDtmfWindow = 2 * kDtmfHalf;

struct DtmfEvent {
  int lane;
  char digit;
  bool end;        // false: the digit started; true: it ended
  int64_t sample;  // estimated start (or end) sample, counted per lane since its reset
};

// The per-half-block vector step (finish the Goertzel DFTs, form the window,
// gate candidate digits) runs in a per-ISA kernel, kernels().gate in
// native/dsp/kernels.h; these are its inputs and outputs.
struct alignas(64) DtmfGateConst {
  // Per-bin constants looked up by a lane's strongest bin k: lut[i][j] is
  // constant i of bin j % 8 (i: c2r, c2i, cos_loose, gain_cap).
  float lut[4][16];
  float c1r[8], c1i[8];                // e^{-jw(N-1)}: Goertzel state -> DFT of a half block
  float c2r[8], c2i[8];                // e^{-jwN}: phase advance of one half block
  float level_gate;                    // |W|^2 of a tone kGateDb below the minimum level
  float rel_peak_gate;                 // runner-up of a group must stay below peak * this
  float twist_gate_lo, twist_gate_hi;  // T_col / T_row limits
  float share_k;                       // 2 (T_row + T_col) >= share_k * window energy
};
struct DtmfGateState {   // every member one value per lane
  vf16 s1[8], s2[8], e;  // Goertzel state and energy of the current half block
  vf16 wr[8], wi[8];     // DFT of the latest window (the previous one on entry)
  vf16 e_prev;           // energy of the previous half block
};
// DFT of one half block, kept for kRing half blocks (the window is made of the
// last two; the timing estimates look further back).
struct DtmfHalfDft {
  vf16 re[8], im[8];
};
struct DtmfGateOut {
  vi16 digit;         // candidate digit (index into "123A456B789C*0#D") or -1
  vf16 ewin;          // energy of the window
  vf16 pr_re, pr_im;  // phase-advance phasor of the strongest row tone
  vf16 pc_re, pc_im;  // and of the strongest column tone
};

// Shared read-only analysis constants derived from a config.
struct DtmfRxDescriptor {
  explicit DtmfRxDescriptor(const DtmfRxConfig& cfg);
  DtmfGateConst gate;
  DtmfRxConfig cfg;
  float coef[8];        // 2 cos(w) for the Goertzel recursion
  float cos_tight[8];   // cos of the largest accepted mean phase error per hop
  float level_thr;      // |W|^2 of a tone at min_level_dbm0
  float rel_peak;       // unexplained energy in a group's other bins < tone * this
  float twist_normal;   // T_col / T_row lower limit (linear power ratio)
  float twist_reverse;  // T_col / T_row upper limit
};

class DtmfRxBank {
 public:
  explicit DtmfRxBank(const DtmfRxConfig& cfg = {});
  DtmfRxBank(const DtmfRxBank&) = delete;
  DtmfRxBank& operator=(const DtmfRxBank&) = delete;
  ~DtmfRxBank();

  // Forgets everything about `lane`; its sample count restarts at 0.
  void reset(int lane);

  using Sink = void (*)(void* ctx, const DtmfEvent& ev);
  // Interleaved input x[t * 16 + lane], 64-byte aligned (as the kernels need), any n.
  void rx(const float* x, int n, Sink sink, void* ctx);
  // 16 channel pointers (nullptr = a silent lane), each n samples.
  void rx16(const int16_t* const* ch, int n, Sink sink, void* ctx);

  const DtmfRxConfig& config() const { return desc_.cfg; }

 private:
  struct Lane;  // scalar per-lane debounce state
  struct WinStats;
  void feed(const Kernels& k, const float* x, int n, Sink sink, void* ctx);
  void end_of_half(const Kernels& k, Sink sink, void* ctx);
  void lane_window(int lane, int digit, const DtmfGateOut& out, Sink sink, void* ctx);
  void set_busy(int lane);
  bool run_passes(const Lane& lane, int row, int col) const;
  float amp(int64_t half, int lane, int row, int col) const;
  int64_t estimate_start(int lane, int64_t first_window, int row, int col) const;
  int64_t estimate_end(int lane, int64_t last_window, int row, int col) const;

  static constexpr int kRing = 16;  // half blocks of amplitude history (power of two)
  DtmfRxDescriptor desc_;
  DtmfGateState* v_;   // vector state
  DtmfHalfDft* ring_;  // the last kRing half blocks
  Lane* lanes_;
  uint32_t busy_ = 0;                 // lanes with a digit reported or being confirmed
  static constexpr int kStage = 256;  // rx16 interleaves this many samples at a time
  float* xbuf_;                       // rx16 staging: kStage * 16 floats
  int pos_ = 0;                       // samples into the current half block
  int64_t half_ = 0;                  // index of the current half block (bank-wide)
};

struct DtmfDigit {
  char digit;
  int64_t start_sample;
  int64_t end_sample;
  int64_t reported_sample;  // when the start event was emitted (latency)
};

// One channel, offline: runs a bank on lane 0 (fed `frame` samples per rx16
// call) and flushes with silence so a digit at the very end is closed.
std::vector<DtmfDigit> dtmf_detect(const int16_t* pcm, size_t n, const DtmfRxConfig& cfg = {}, int frame = kDtmfHalf);

// Up to 16 channels of different lengths at once (one lane each).
std::vector<std::vector<DtmfDigit>> dtmf_detect_bank(const std::vector<const int16_t*>& ch,
                                                     const std::vector<size_t>& len, const DtmfRxConfig& cfg = {},
                                                     int frame = kDtmfHalf);

// Transmitter helper: a digit string ('0'-'9', '*', '#', 'A'-'D'; ',' = a pause
// of pause_ms) as 16-bit PCM, each digit on_ms of its tone pair followed by
// off_ms of silence. `twist_db` is high-group level minus low-group level.
struct DtmfTxParams {
  int on_ms = 50;
  int off_ms = 50;
  int pause_ms = 500;
  double level_dbm0 = -10;  // low-group tone
  double twist_db = 0;
};
// Returns false (and leaves `out` empty) if `digits` has another character.
bool dtmf_tx(const std::string& digits, const DtmfTxParams& p, std::vector<int16_t>* out);

}  // namespace bcti
