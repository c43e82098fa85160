// spandsp, the reference the benchmark compares against (Debian's libspandsp,
// linked into the benchmark only, never into the engine). Its headers stay in
// spandsp_side.cc: they define global linear_to_ulaw() & co. that would sit
// beside the engine's bcti:: ones.
//
// spandsp's detectors are per channel, so each wrapper keeps one state per
// channel and is fed channel by channel, as an application using spandsp would.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/dsp/signals.h"

namespace bcti::bench::spandsp {

// "20110122 075024" for 0.0.6.
const char* release();

// dtmf_rx with its default parameters, one state per channel.
class Dtmf {
 public:
  explicit Dtmf(int channels);
  ~Dtmf();
  void rx(int ch, const int16_t* x, int n);
  // Digits reported so far on `ch` (the verification pass reads these).
  const std::string& digits(int ch) const;
  int64_t count() const { return count_; }
  void reset_all();

 private:
  struct Lane;
  std::vector<std::unique_ptr<Lane>> lanes_;
  int64_t count_ = 0;
};

// super_tone_rx configured from the same tone plan as the engine's detector:
// one super_tone_rx tone per ToneSpec, one element per cadence step with that
// step's acceptance window.
class Tones {
 public:
  Tones(const std::vector<ToneSpec>& specs, int channels);
  ~Tones();
  void rx(int ch, const int16_t* x, int n);
  // Names of the tones whose onset was reported on `ch`, in order.
  const std::vector<std::string>& onsets(int ch) const;
  int64_t count() const { return count_; }
  void reset_all();
  // How each ToneSpec was given to super_tone_rx ("450:0 350..450ms, ...").
  std::vector<std::string> describe() const;

 private:
  struct Lane;
  struct Plan;
  std::unique_ptr<Plan> plan_;
  std::vector<std::unique_ptr<Lane>> lanes_;
  int64_t count_ = 0;
};

// g711_decode / g711_encode through spandsp's g711_state_t API.
class G711 {
 public:
  explicit G711(bool alaw);
  ~G711();
  void decode(const uint8_t* in, int16_t* out, int n);
  void encode(const int16_t* in, uint8_t* out, int n);

 private:
  void* s_;
};

// spandsp's power_meter, one per channel: its nearest equivalent of an energy
// detector, for the spandsp-built pipeline.
class Power {
 public:
  explicit Power(int channels);
  ~Power();
  // Feeds n samples; returns the last reading, so the work is not elided.
  int32_t rx(int ch, const int16_t* x, int n);

 private:
  struct Lanes;
  std::unique_ptr<Lanes> lanes_;
};

}  // namespace bcti::bench::spandsp
