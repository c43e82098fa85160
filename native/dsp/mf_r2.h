// MFC-R2 register signals (ITU-T Q.441, Q.454, Q.455): fifteen signals, each a
// pair of two of six frequencies spaced 120 Hz apart,
//   forward (outgoing register -> incoming): 1380 1500 1620 1740 1860 1980 Hz
//   backward (incoming register -> outgoing): 1140 1020  900  780  660  540 Hz
// signal n being the pair of frequencies (f_i, f_j) with n = i + j-th entry of
// the Q.441 table: 1 f0+f1, 2 f0+f2, 3 f1+f2, 4 f0+f3, 5 f1+f3, 6 f2+f3,
// 7 f0+f4, 8 f1+f4, 9 f2+f4, 10 f3+f4, 11 f0+f5, 12 f1+f5, 13 f2+f5,
// 14 f3+f5, 15 f4+f5 (f0 being the first frequency of the group above).
//
// Sending: both frequencies at -11.5 dBm0 for as long as the signal lasts
// (compelled signalling: the sender stops when the other side answers).
// Receiving (after Q.455): a signal is two of the group's frequencies, each
// from -35 to -5 dBm0, within 7 dB of each other, +-10 Hz of nominal, the
// other four at least 11 dB below the weaker; energy outside the group's six
// frequencies must not hold most of the block. Goertzel filters over blocks of
// 133 samples (16.6 ms, 60 Hz resolution: the neighbours of a frequency fall
// on the filter's nulls); a signal begins after two agreeing blocks and ends
// after two blocks without it.
//
// The descriptors are shared read-only; an MfR2Rx is the small per-channel
// state. rx() never allocates.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "native/dsp/tone_gen.h"

namespace bcti {

enum class MfR2Dir : uint8_t { kForward, kBackward };

inline constexpr int kMfR2Block = 133;
inline constexpr double kMfR2SendDbm0 = -11.5;

// The frequencies of signal 1..15 of a direction; false for any other signal.
bool mfr2_frequencies(MfR2Dir dir, int signal, double* f1, double* f2);

// Signal 1..15 as a tone that lasts until stopped; nullptr for any other.
const ToneDescriptor* mfr2_descriptor(MfR2Dir dir, int signal);

struct MfR2RxConfig {
  double min_level_dbm0 = -35;  // per frequency (Q.455: operate down to -35 dBm0)
  double max_twist_db = 7;      // between the two frequencies
  double min_lead_db = 11;      // the weaker of the two over any other of the six
  double min_share = 0.6;       // the two frequencies' share of the block's energy
};

class MfR2Rx {
 public:
  explicit MfR2Rx(MfR2Dir dir, const MfR2RxConfig& cfg = {});
  void reset();
  // Feeds n samples; returns the signal present now (0 none, 1..15).
  int rx(const int16_t* x, int n);
  int signal() const { return signal_; }
  // Sample (counted from the last reset) at which the present signal (or the
  // silence) began.
  int64_t since() const { return since_; }

 private:
  int block_result() const;
  MfR2Dir dir_;
  MfR2RxConfig cfg_;
  double coeff_[6];
  double s1_[6], s2_[6];
  double energy_ = 0;
  int fill_ = 0;
  int64_t samples_ = 0;  // at the start of the block being filled
  int last_hit_ = 0;     // previous block's result
  int64_t last_start_ = 0;
  int misses_ = 0;
  int signal_ = 0;
  int64_t since_ = 0;
};

struct MfR2Hit {
  int signal;
  int64_t start_sample;
  int64_t end_sample;
};

// Offline: every signal in a recording, in order.
std::vector<MfR2Hit> mfr2_detect(const int16_t* x, size_t n, MfR2Dir dir, const MfR2RxConfig& cfg = {});

}  // namespace bcti
