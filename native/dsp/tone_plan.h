// Tone plans: the call-progress tones of a network (China 450 Hz, ITU/CEPT
// 425 Hz, North American precise tones, plus SIT, fax CNG and CED) as DATA. The
// JSON files live in src/dsp/tone-plans/*.json; TS validates them with clear
// errors (src/dsp/tone-plans.ts) and hands the text to tone_plan_from_json(),
// which checks it again and builds the shared read-only descriptor that every
// CallProgressBank of the plan reads. The benchmark (pure C++) loads the same
// files through the same function.
//
// JSON schema (all times in ms, levels in dBm0 per component):
//   { "name": "cn", "description": "...",
//     "detector": { "minLevelDbm0": -40, "minToneRatio": 0.8, "maxTwistDb": 6,
//                   "freqTolerancePct": 2, "cadenceTolerancePct": 20,
//                   "cadenceToleranceMs": 40, "debounceMs": 40 },     (all optional)
//     "ringCadenceMs": [1000, 4000],    (FXS ringing: on, off, ...; optional)
//     "tones": [
//       { "tone": "dial", "freqs": [450], "levelDbm0": -10, "continuous": true, "minMs": 1500 },
//       { "tone": "busy", "freqs": [450], "levelDbm0": -10, "cadenceMs": [350, 350], "minCycles": 2 },
//       { "tone": "ringback", "freqs": [440, 480], "cadenceMs": [{"ms": 2000, "minMs": 1500, "maxMs": 2500}, 4000] },
//       { "tone": "sit", "levelDbm0": -24, "sequence": [
//           { "anyOfHz": [950], "toleranceHz": 50, "playHz": 913.8, "ms": [274, 380] }, ... ],
//         "gapMaxMs": 60, "repeatGapMaxMs": 1500, "playGapMs": 1000 } ] }
// A tone is exactly one of: continuous (on for at least minMs), a cadence (on,
// off, on, off... repeated; recognised after minCycles bursts and the minimum
// of the silence that follows, so that it cannot be another cadence on the same
// frequencies), or a sequence (steps of different frequencies in order, e.g.
// the SIT triplet). "freqs" are summed components (1 to 4); "anyOfHz" are
// alternatives ("playHz": what generation plays, default the first). A cadence
// element is nominal ms (window: ms * (1 -+ cadenceTolerancePct) -+
// cadenceToleranceMs) or {ms, minMs, maxMs}. Optional per tone:
// "freqTolerancePct"/"freqToleranceHz", "cadenceTolerancePct"/
// "cadenceToleranceMs", "playMs" (continuous tones). Tones on the same
// frequencies must differ in timing somewhere (checked), and a continuous
// tone's minMs must exceed every burst a cadence on its frequencies accepts.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "native/dsp/tone_gen.h"

namespace bcti {

// stutter: special / stutter dial tone (messages waiting); howler: off-hook
// warning (receiver off hook, ROH) for a phone left off hook.
// clang-format off
#define BCTI_TONE_KINDS(X) \
  X(kDial, "dial") X(kBusy, "busy") X(kRingback, "ringback") X(kCongestion, "congestion") X(kSit, "sit") \
  X(kCng, "cng") X(kCed, "ced") X(kStutter, "stutter") X(kHowler, "howler")
// clang-format on
#define BCTI_TONE_KIND_ENUM(k, s) k,
enum class ToneKind : uint8_t { BCTI_TONE_KINDS(BCTI_TONE_KIND_ENUM) };
#undef BCTI_TONE_KIND_ENUM
inline constexpr int kToneKinds = 9;

const char* tone_kind_name(ToneKind k);
// Parses "dial", "busy", ...; false for any other name.
bool tone_kind_from_name(const std::string& s, ToneKind* out);

// Block length of the detector: 25 ms. Every duration is measured in blocks.
// 25 ms (not the engine's 20 ms frame) because its 40 Hz bin spacing makes the
// North American 440+480 Hz ringback pair exactly orthogonal: at 20 ms the two
// leak into each other by -12.6 dB and the pair's measured share of the energy
// swings with their relative phase.
inline constexpr int kCptBlock = 200;

// One Goertzel resonator. Its window (200, 100, 50 or 40 samples, averaged over
// the block) is the longest whose main lobe keeps 85% of a sine's power across
// the whole tolerance band: the close low tones (350/440/480 at +-1.5%) get
// 25 ms resolution, wide-tolerance high tones (SIT, CNG, CED) 5-12.5 ms
// windows; a band wider than a 5 ms bin reaches gets several (best one counts).
struct TonePlanBin {
  double hz = 0;
  int sub = kCptBlock;
};

// A frequency set: components that must all be present (summed), each the best
// of its alternative bins. Tones sharing a set (busy/congestion) differ by cadence.
struct TonePlanSet {
  std::vector<std::vector<int>> comps;  // [component][alternative] -> bin index
};

struct DurationRange {
  double nominal_ms = 0, min_ms = 0, max_ms = 0;
};

struct SequenceStep {
  int set = -1;                 // index into TonePlan::sets
  std::vector<double> play_hz;  // what generation plays (first alternative)
  DurationRange ms;
};

enum class ToneShape : uint8_t { kContinuous, kCadence, kSequence };

struct TonePlanTone {
  ToneKind kind = ToneKind::kDial;
  ToneShape shape = ToneShape::kContinuous;
  int set = -1;                        // continuous / cadence
  std::vector<double> freqs_hz;        // continuous / cadence components
  std::vector<double> level_dbm0;      // per component (sequence: one level)
  double min_ms = 0;                   // continuous: on this long before it counts
  double play_ms = 0;                  // continuous: generation length (0 = for ever)
  std::vector<DurationRange> cadence;  // on, off, on, off, ... (even count)
  int min_cycles = 1;                  // cadence: bursts before recognition
  std::vector<SequenceStep> sequence;  // sequence steps
  double gap_max_ms = 0;               // sequence: silence allowed between steps
  double repeat_gap_max_ms = 0;        // sequence: a repeat within this is the same event
  double play_gap_ms = 0;              // sequence: silence after the steps when played
};

struct TonePlan {
  std::string name;
  std::string description;
  double min_level_dbm0 = -40;
  double min_tone_ratio = 0.8;
  double max_twist_db = 6;
  double debounce_ms = 40;
  std::vector<TonePlanBin> bins;
  std::vector<TonePlanSet> sets;
  std::vector<TonePlanTone> tones;
  // How an FXS port rings a phone in this country: on, off, ... ms ("ringCadenceMs").
  std::vector<int> ring_cadence_ms = {1000, 4000};

  const TonePlanTone* find(ToneKind k) const;
};

// Parses and checks a plan; throws CtiError(err::kBadTonePlan) naming the field.
std::shared_ptr<const TonePlan> tone_plan_from_json(const std::string& json);

// What the engine plays for a tone of the plan (dial, busy, ringback to a phone):
// nominal cadence at the plan's levels, repeating for ever (continuous tones:
// for ever, or playMs). Returns an empty descriptor if the plan lacks the tone.
ToneDescriptor tone_plan_descriptor(const TonePlan& plan, ToneKind kind);

}  // namespace bcti
