// The engine's side of the comparison: its detectors run the way the engine runs
// them, 16 channels to a bank (one per SIMD lane), fed one 20 ms frame at a time.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/dsp/signals.h"
#include "native/dsp/g711.h"

namespace bcti {
class DtmfRxBank;
class CallProgressBank;
class EnergyDetector;
struct DtmfEvent;
struct EnergyEvent;
struct ToneEvent;
struct TonePlan;
}  // namespace bcti

namespace bcti::bench::engine {

// Parses a tone plan (the project's JSON) and lists its tones the way the signal
// generator and spandsp's super_tone_rx take them.
std::shared_ptr<const TonePlan> load_plan(const std::string& json);
std::vector<ToneSpec> tone_specs(const TonePlan& plan);

// Detector results per channel, for the verification pass.
struct Log {
  std::vector<std::string> digits;               // [channel] digits started
  std::vector<std::vector<std::string>> onsets;  // [channel] tones started
  int64_t events = 0;
};

// DtmfRxBank over ceil(channels / 16) banks; the last bank's spare lanes are
// silent (nullptr), as on a board whose channel count is not a multiple of 16.
class Dtmf {
 public:
  explicit Dtmf(int channels);
  ~Dtmf();
  Dtmf(const Dtmf&) = delete;
  Dtmf& operator=(const Dtmf&) = delete;
  // One frame of every channel: ch[c] points at n samples of channel c. Uses
  // rx16, so the int16 -> float lane interleave is part of the cost.
  void rx16(const int16_t* const* ch, int n);
  // Bank `b` from samples already interleaved (x[t * 16 + lane]).
  void rx(int bank, const float* x, int n);
  // Same work as rx16, transposing the whole frame at once (kernels().gather16
  // over n <= kFrame samples) and then rx(): shows what rx16's own chunked
  // interleave costs.
  void gather_then_rx(const int16_t* const* ch, int n);
  const Log& log() const { return log_; }

 private:
  struct Ctx {
    Dtmf* self;
    int base;  // channel of lane 0
  };
  static void on_event(void* ctx, const DtmfEvent& e);
  std::vector<std::unique_ptr<DtmfRxBank>> banks_;
  std::vector<Ctx> ctx_;
  Log log_;
  int channels_;
  float* frame_;  // kFrame * 16 interleaved floats, 64-byte aligned
};

// CallProgressBank over banks of 16, like Dtmf.
class Tones {
 public:
  Tones(std::shared_ptr<const TonePlan> plan, int channels);
  ~Tones();
  void rx16(const int16_t* const* ch, int n);
  void rx(int bank, const float* x, int n);
  const Log& log() const { return log_; }

 private:
  struct Ctx {
    Tones* self;
    int base;
  };
  static void on_event(void* ctx, const ToneEvent& e);
  std::shared_ptr<const TonePlan> plan_;
  std::vector<std::unique_ptr<CallProgressBank>> banks_;
  std::vector<Ctx> ctx_;
  Log log_;
  int channels_;
};

// The whole per-channel receive path of the engine for one frame, per bank of
// 16 channels (what native/core's ChannelPipeline::decode and the media thread
// do): G.711 decode of each channel into its linear frame and its float lane of
// the bank buffer -> DTMF bank -> call-progress bank (both on that one
// interleaved buffer) -> each channel's energy detector -> G.711 encode of the
// frame for the recording.
class Pipeline {
 public:
  Pipeline(std::shared_ptr<const TonePlan> plan, int channels, Law law);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  // codes[c]: n line codes of channel c; rec[c]: where its recording frame goes.
  void frame(const uint8_t* const* codes, uint8_t* const* rec, int n);
  const Log& dtmf_log() const { return dtmf_.log(); }
  const Log& tones_log() const { return tones_.log(); }
  int64_t energy_events() const { return energy_events_; }

 private:
  static void on_energy(void* self, const EnergyEvent& e);
  int channels_;
  Law law_;
  Dtmf dtmf_;
  Tones tones_;
  std::vector<std::unique_ptr<EnergyDetector>> energy_;
  float* bank_;      // kFrame * 16 interleaved floats, 64-byte aligned
  int16_t* linear_;  // [16][kFrame] this bank's linear frames
  int64_t energy_events_ = 0;
};

}  // namespace bcti::bench::engine
