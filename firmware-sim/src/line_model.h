// What a line does to audio between the board and whoever is at its far end:
//   toward the board: the far end's audio less the line loss, plus white noise,
//     plus the hybrid echo of what the board itself sent (delayed, attenuated
//     by the return loss), then G.711 coded in the channel's law;
//   toward the far end: the board's audio (decoded) less the line loss, plus
//     noise, coded once more through G.711 when the far side's network is
//     digital (tandem coding), as the far end's ear receives it.
// The echo delay is counted from when the board sent the sample, plus one
// frame: the board's read of a frame happens before its write, as on a card
// with one frame of buffering each way.
#pragma once
#include <cstdint>
#include <vector>

#include "config.h"
#include "native/dsp/g711.h"
#include "rng.h"

namespace bcti::sim {

class LineModel {
 public:
  LineModel(const LineModelConfig& cfg, Law law, uint64_t seed, uint64_t stream);
  void reset();  // clears the echo history (board reset)

  // far: n samples the far end sends (nullptr: silence); connected: whether the
  // line carries audio at all (an idle FXO line has no loop). rx: n codes.
  void to_board(const int16_t* far, bool connected, uint8_t* rx, int n);
  // tx: n codes the board sent. heard: n samples at the far end. Also feeds
  // the echo history (always: the hybrid is there whether anyone listens).
  void from_board(const uint8_t* tx, bool connected, int16_t* heard, int n);

  Law law() const { return law_; }
  const LineModelConfig& config() const { return cfg_; }

 private:
  LineModelConfig cfg_;
  Law law_;
  Rng rng_;
  double gain_, noise_sigma_, echo_gain_;
  int echo_delay_;             // samples
  std::vector<int16_t> hist_;  // ring of the board's decoded audio
  size_t hist_pos_ = 0;        // next write
  int last_n_ = 160;
};

}  // namespace bcti::sim
