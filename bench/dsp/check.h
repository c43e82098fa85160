// Are the detectors being timed right? Each one's answers from one pass over
// the corpus, compared with what the corpus holds, so a fast but broken
// detector shows up beside its figure.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/dsp/board.h"
#include "bench/dsp/json_writer.h"
#include "bench/dsp/signals.h"

namespace bcti {
struct TonePlan;
}

namespace bcti::bench {

// One detector's answers against the truth, channel by channel. `matched` is
// the longest common subsequence of reported and expected, so a missed digit and
// an extra one are both counted, not netted out.
struct SequenceVerdict {
  int64_t expected = 0, reported = 0, matched = 0;
  int channels = 0, exact_channels = 0;
  std::map<std::string, int64_t> expected_by_name, reported_by_name;  // tones only
  int first_bad_channel = -1;
  std::string first_bad_expected, first_bad_reported;
};

// The engine's G.711 against spandsp's: codes (of 256) that decode differently,
// 16-bit values (of 65536) that encode differently.
struct G711Verdict {
  int ulaw_decode = 0, ulaw_encode = 0, alaw_decode = 0, alaw_encode = 0;
};

struct Verdicts {
  SequenceVerdict dtmf_ours, dtmf_spandsp;
  bool have_tones = false;  // and the pipeline: both need a tone plan
  SequenceVerdict tones_ours, tones_spandsp;
  SequenceVerdict pipeline_dtmf, pipeline_tones;  // the engine's pipeline, from A-law
  std::vector<std::string> spandsp_plan;          // how the plan was given to super_tone_rx
  G711Verdict g711;
};

// Runs every detector once over the board from a fresh state (the engine's
// pipeline too, on the A-law codes) and compares the answers with the corpus.
// Without a plan (nullptr) only DTMF and G.711 are checked.
Verdicts verify(const Corpus& corpus, const Board& board, std::shared_ptr<const TonePlan> plan,
                const std::vector<ToneSpec>& specs);

SequenceVerdict compare_digits(const Corpus& c, const std::vector<std::string>& reported);
SequenceVerdict compare_tones(const Corpus& c, const std::vector<std::vector<std::string>>& reported);
G711Verdict compare_g711();

// Writes the "check" object of the report.
void write_verdicts(JsonWriter& j, const Verdicts& v);

}  // namespace bcti::bench
