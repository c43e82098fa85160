// Tone generation from descriptors: cadenced segments of up to four summed sine
// components (dial, busy, ringback, SIT, beeps, DTMF digits, caller-side test
// tones). A descriptor is shared read-only; a ToneGen is the small per-channel
// state that plays it. generate() never allocates.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bcti {

struct ToneComponent {
  double freq_hz = 0;
  double level_dbm0 = -10;
};

struct ToneSegment {
  std::vector<ToneComponent> tones;  // empty: silence
  int duration_ms = 0;               // <= 0: this segment lasts for ever
};

struct ToneDescriptor {
  std::vector<ToneSegment> segments;
  int repeat = 1;  // how many times the segment list plays; 0 = for ever
};

// The 16 DTMF digits: 0-9, *, #, A-D. Returns false for any other character.
bool dtmf_frequencies(char digit, double* low_hz, double* high_hz);

// One digit: its tone pair for on_ms followed by off_ms of silence. `twist_db`
// is high-group level minus low-group level.
ToneDescriptor dtmf_descriptor(char digit, int on_ms, int off_ms, double level_dbm0 = -10, double twist_db = 0);

class ToneGen {
 public:
  explicit ToneGen(const ToneDescriptor* d = nullptr) { start(d); }
  void start(const ToneDescriptor* d);
  // Adds nothing, writes up to n samples; returns how many were written (fewer
  // than n only when the descriptor has finished).
  int generate(int16_t* out, int n);
  bool done() const { return d_ == nullptr; }

 private:
  void enter_segment(size_t idx);
  const ToneDescriptor* d_ = nullptr;
  size_t seg_ = 0;
  int plays_ = 0;
  int64_t left_ = 0;  // samples left in the segment, -1 = for ever
  int ncomp_ = 0;
  double amp_[4] = {0, 0, 0, 0};
  double re_[4] = {1, 1, 1, 1}, im_[4] = {0, 0, 0, 0};  // phasor per component
  double cw_[4] = {1, 1, 1, 1}, sw_[4] = {0, 0, 0, 0};  // rotation per sample
  int renorm_ = 0;
};

}  // namespace bcti
