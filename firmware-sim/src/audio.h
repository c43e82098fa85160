// What a person, a machine or the exchange sends down a line: a queue of
// items (a tone descriptor, speech-like audio, silence) played in order.
// Speech is synthetic and deterministic: voiced syllables (a glottal-like
// harmonic series with a gliding pitch and two moving formant peaks) with
// short gaps between them, at a set level; it reads as voice to an energy
// detector and as neither tone nor DTMF to the call-progress and DTMF
// detectors.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>

#include "native/dsp/tone_gen.h"
#include "rng.h"

namespace bcti::sim {

class Speech {
 public:
  Speech(uint64_t seed, uint64_t stream) : rng_(seed, stream) {}
  void set_level(double dbm0);
  // Fills n samples (adds nothing).
  void generate(int16_t* out, int n);

 private:
  void next_syllable();
  Rng rng_;
  double level_peak_ = 3000;
  int64_t left_ = 0;  // samples left in the syllable or gap
  int64_t len_ = 1;   // length of the current syllable
  bool voiced_ = false;
  double phase_ = 0, f0_ = 150, f0_end_ = 150, f1_ = 600, f2_ = 1500;
  double gain_ = 0;  // normalises the harmonic sum to the level
  static constexpr int kMaxHarmonics = 40;
  double weight_[kMaxHarmonics] = {};
  int nharm_ = 0;
};

class Mouth {
 public:
  Mouth(uint64_t seed, uint64_t stream) : speech_(seed, stream) {}
  // Queue items; each plays after the previous one finished.
  // A tone; ms > 0 cuts it after ms (a repeat-for-ever descriptor otherwise
  // never finishes).
  void tone(const ToneDescriptor& d, int ms = 0);
  void speak(int ms, double dbm0);
  void silence(int ms);
  void stop();  // clears the queue: silence from now on
  bool idle() const { return q_.empty(); }
  // n samples of what it sends; silence when idle. Returns true if an item
  // finished during these samples (the queue moved on).
  bool generate(int16_t* out, int n);

 private:
  struct Item {
    enum Kind : uint8_t { kTone, kSpeech, kSilence } kind;
    std::shared_ptr<ToneDescriptor> desc;
    int64_t left = 0;  // speech / silence samples; tone: limit (-1 none)
    double dbm0 = -16;
    bool started = false;
  };
  std::deque<Item> q_;
  ToneGen gen_;
  Speech speech_;
};

}  // namespace bcti::sim
