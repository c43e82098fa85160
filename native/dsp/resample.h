// Band-limited sample-rate conversion by a rational ratio (windowed-sinc,
// polyphase). Used to bring prompts recorded at 11.025/16/22.05/44.1/48 kHz down
// to the engine's 8 kHz (anti-aliased: the stop band starts at the lower rate's
// Nyquist frequency) and, for export, 8 kHz up to other rates.
//
// The kernel is a Kaiser-windowed sinc designed once per rate pair:
//   pass band  0 .. 0.43 * min(from, to)   (3440 Hz at 8 kHz), ripple < 0.01 dB
//   stop band  0.5 * min(from, to) ..      (4000 Hz at 8 kHz), >= 75 dB down
// Output sample k lies at input time k * from / to exactly (no added delay:
// the filter is centred and the stream is flushed with zeros at the end), so a
// converted buffer has ceil(n * to / from) samples and lines up with the input.
//
// A Resampler is streaming (push blocks, then flush once) and allocates; use it
// on a loader or reader thread, never on the media thread.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

namespace bcti {

class ResampleKernel;  // the shared, read-only filter table for a rate pair

class Resampler {
 public:
  // Rates in Hz, 1000 .. 768000. Throws CtiError(kBadArgument) otherwise.
  Resampler(int from_rate, int to_rate);
  ~Resampler();
  Resampler(Resampler&&) noexcept;
  Resampler& operator=(Resampler&&) noexcept;

  int from_rate() const { return from_; }
  int to_rate() const { return to_; }

  // Appends the output that `n` more input samples make available to `out`.
  // Samples are floats on the int16 scale (clipping happens on conversion).
  void push(const float* in, size_t n, std::vector<float>& out);
  // Ends the stream: appends the remaining output (the total output length is
  // ceil(total_in * to / from)). The resampler is then reset for a new stream.
  void flush(std::vector<float>& out);
  void reset();

 private:
  void produce(std::vector<float>& out, int64_t limit);
  int from_, to_;
  int64_t up_ = 1, down_ = 1;  // to / from reduced: output k at input time k * down / up
  std::shared_ptr<const ResampleKernel> kernel_;
  std::vector<float> hist_;  // input samples from absolute index base_ on
  int64_t base_ = 0;         // absolute input index of hist_[0]
  int64_t total_in_ = 0;
  int64_t total_out_ = 0;
  int64_t pos_int_ = 0;  // floor(total_out_ * down / up)
  int64_t pos_rem_ = 0;  // (total_out_ * down) mod up
};

// One-shot conversions.
std::vector<float> resample(const float* in, size_t n, int from_rate, int to_rate);
std::vector<int16_t> resample(const int16_t* in, size_t n, int from_rate, int to_rate);

// Rounds and saturates a float sample to int16 (NaN becomes 0).
inline int16_t float_to_s16(float v) {
  if (!(v == v)) return 0;
  if (v >= 32767.0f) return 32767;
  if (v <= -32768.0f) return -32768;
  return static_cast<int16_t>(v < 0 ? v - 0.5f : v + 0.5f);
}

}  // namespace bcti
