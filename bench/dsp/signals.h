// The benchmark's input: N channels of 8 kHz telephone audio, generated
// deterministically from a seed, mixing what a call-center line carries: speech,
// DTMF digit strings, the call-progress tones of a tone plan, pauses, and a low
// noise floor everywhere. Written independently of the engine's generators (plain
// doubles, textbook formulas) so a bug there cannot flatter a detector here.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bcti::bench {

inline constexpr int kFs = 8000;
inline constexpr int kFrame = 160;  // 20 ms, what the engine hands its detectors

// One call-progress tone as the generator and spandsp's super_tone_rx see it: a
// cadence of steps, each summed sines (or silence) for a nominal time, accepted
// by a detector between min_ms and max_ms.
struct ToneStep {
  std::vector<double> freqs_hz;  // empty: silence
  int ms = 0;                    // nominal; <= 0: lasts for ever (a continuous tone)
  int min_ms = 0;                // acceptance window (for a continuous tone, min_ms is
  int max_ms = 0;                // how long it must last before it counts; max_ms = 0)
};

struct ToneSpec {
  std::string name;
  double level_dbm0 = -10;      // per component
  std::vector<ToneStep> steps;  // one cycle
  int min_cycles = 1;           // cycles a detector must see before it says so
  bool continuous() const { return steps.size() == 1 && steps[0].ms <= 0; }
};

// What was put on one channel, for checking the detectors' answers.
struct ChannelTruth {
  std::string digits;                    // every DTMF digit, in order
  std::vector<std::string> tone_bursts;  // names of the tones played, in order
};

struct Corpus {
  int channels = 0;
  int samples = 0;                        // per channel, a multiple of kFrame
  std::vector<std::vector<int16_t>> pcm;  // [channel][sample]
  std::vector<ChannelTruth> truth;
};

// `seconds` of audio per channel. Tones come from `tones` (may be empty).
Corpus make_corpus(int channels, double seconds, const std::vector<ToneSpec>& tones, uint32_t seed = 1);

// Writes each channel as DIR/chN.wav (8 kHz 16-bit PCM) and DIR/chN.txt (what
// was put in), so a mismatch the benchmark reports can be replayed through
// `boardcti dsp dtmf|tones`. Throws on an I/O error.
void dump_corpus(const Corpus& c, const std::string& dir);

}  // namespace bcti::bench
