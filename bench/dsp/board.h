// The corpus as a board delivers it: one buffer per 20 ms frame holding every
// channel's samples (linear, and both G.711 laws), frame after frame. The
// benchmark reads it in that order, so memory streams as from a driver's DMA
// ring instead of hopping across per-channel recordings seconds apart.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "bench/dsp/signals.h"
#include "native/dsp/g711.h"

namespace bcti::bench {

struct Board {
  int channels = 0, frames = 0;
  std::vector<int16_t> pcm;  // [frame][channel][kFrame]
  std::vector<uint8_t> ulaw, alaw;
  size_t at(int f, int c) const { return (static_cast<size_t>(f) * channels + c) * kFrame; }
};

// Lays the corpus out frame by frame and encodes it with the engine's G.711.
Board load_board(const Corpus& c);

// Frame f of every channel, as the pointer arrays the detectors take.
struct Frames {
  explicit Frames(const Board& b) : board(b), pcm(b.channels), codes(b.channels) {}
  void at(int f, Law law) {
    const uint8_t* lc = (law == Law::kUlaw ? board.ulaw : board.alaw).data();
    for (int c = 0; c < board.channels; c++) {
      pcm[c] = board.pcm.data() + board.at(f, c);
      codes[c] = lc + board.at(f, c);
    }
  }
  const Board& board;
  std::vector<const int16_t*> pcm;
  std::vector<const uint8_t*> codes;
};

}  // namespace bcti::bench
