// Energy (silence / voice) detection on one channel: the level of each frame in
// dBm0, two thresholds with hysteresis, an onset time and a hangover. Used for
// record max-silence, answering-machine features and voice activity.
//   voice   once frames at or above voice_dbm0 have lasted onset_ms;
//   silence once frames below silence_dbm0 have lasted hangover_ms;
// frames in between keep the current state and break either run. Each event is
// back-dated to the first frame of the run that confirmed it. The first state
// the detector settles in is reported too (silence from sample 0, typically).
// rx() never allocates; cheap enough to run on every channel.
#pragma once
#include <cstdint>

namespace bcti {

struct EnergyConfig {
  double voice_dbm0 = -36;    // frames at or above: voice
  double silence_dbm0 = -42;  // frames below: silence (must be <= voice_dbm0)
  int frame_ms = 10;          // 5..50
  int onset_ms = 40;          // voice must last this long (>= frame_ms)
  int hangover_ms = 300;      // silence must last this long (>= frame_ms)
};

struct EnergyEvent {
  int lane;
  bool voice;         // true: voice started; false: silence started
  int64_t sample;     // where the run that confirmed it began
  double level_dbm0;  // mean level over that run
};

enum class EnergyState : int8_t { kUnknown = -1, kSilence = 0, kVoice = 1 };

class EnergyDetector {
 public:
  // Throws CtiError(err::kBadArgument) on an inconsistent configuration.
  explicit EnergyDetector(const EnergyConfig& cfg = EnergyConfig{}, int lane = 0);
  void reset();

  using Sink = void (*)(void* ctx, const EnergyEvent& ev);
  void rx(const int16_t* x, int n, Sink sink, void* ctx);
  // End of input: a partial last frame counts if it is at least half a frame.
  void flush(Sink sink, void* ctx);

  EnergyState state() const { return state_; }
  // Level of the last complete frame, and how long the current state has held.
  double level_dbm0() const { return level_dbm0_; }
  int64_t state_since_sample() const { return since_; }
  int64_t samples() const { return pos_; }
  const EnergyConfig& config() const { return cfg_; }

 private:
  void frame(double sum_sq, int n, Sink sink, void* ctx);
  EnergyConfig cfg_;
  int lane_;
  int frame_n_;
  double voice_pow_, silence_pow_;
  EnergyState state_ = EnergyState::kUnknown;
  int64_t pos_ = 0;  // samples received
  int64_t frame_start_ = 0;
  int fill_ = 0;
  double acc_ = 0;
  int vrun_ = 0, qrun_ = 0;  // frames in the voice / quiet run
  int64_t vstart_ = 0, qstart_ = 0, since_ = 0;
  double vsum_ = 0, qsum_ = 0;
  double level_dbm0_ = -120;
};

}  // namespace bcti
