// The world's ears: what every phone and every far end hears is run through
// the project's own detectors, 16 channels per bank as the engine does -- DTMF
// (DtmfRxBank), call-progress tones of the tone plan (CallProgressBank) and
// voice / silence (EnergyDetector). A channel's ear is opened when someone
// starts listening (a phone off hook, a call on a trunk) and closed after;
// its detectors restart on opening, and every report is stamped in world
// samples.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "events.h"
#include "native/dsp/call_progress.h"
#include "native/dsp/dtmf_rx.h"
#include "native/dsp/energy.h"

namespace bcti::sim {

class Ears {
 public:
  // One report: channel index (0-based), what, tone name or digit, world sample.
  using Sink = std::function<void(int ch, Heard what, const char* text, int64_t t)>;
  Ears(int channels, std::shared_ptr<const TonePlan> plan, Sink sink);
  ~Ears();
  void open(int ch, int64_t now);
  void close(int ch);
  bool is_open(int ch) const { return open_[ch]; }
  // One frame: heard[ch] (n samples) for every channel, nullptr when closed.
  void hear(const int16_t* const* heard, int n, int64_t frame_start);

 private:
  static void on_dtmf(void* ctx, const DtmfEvent& e);
  static void on_tone(void* ctx, const ToneEvent& e);
  static void on_energy(void* ctx, const EnergyEvent& e);
  int channels_;
  Sink sink_;
  std::vector<std::unique_ptr<DtmfRxBank>> dtmf_;
  std::vector<std::unique_ptr<CallProgressBank>> tones_;
  std::vector<EnergyDetector> energy_;
  std::vector<bool> open_;
  std::vector<int64_t> origin_;  // world sample of each lane's reset
  int cur_bank_ = 0;             // bank being fed (for the callbacks)
  int cur_ch_ = 0;
};

}  // namespace bcti::sim
