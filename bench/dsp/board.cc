#include "bench/dsp/board.h"

#include <algorithm>

namespace bcti::bench {

Board load_board(const Corpus& c) {
  Board b;
  b.channels = c.channels;
  b.frames = c.samples / kFrame;
  size_t total = static_cast<size_t>(c.channels) * c.samples;
  b.pcm.resize(total);
  b.ulaw.resize(total);
  b.alaw.resize(total);
  for (int f = 0; f < b.frames; f++) {
    for (int ch = 0; ch < c.channels; ch++) {
      size_t o = b.at(f, ch);
      std::copy_n(c.pcm[ch].data() + static_cast<size_t>(f) * kFrame, kFrame, b.pcm.data() + o);
      g711_encode(Law::kUlaw, b.pcm.data() + o, b.ulaw.data() + o, kFrame);
      g711_encode(Law::kAlaw, b.pcm.data() + o, b.alaw.data() + o, kFrame);
    }
  }
  return b;
}

}  // namespace bcti::bench
