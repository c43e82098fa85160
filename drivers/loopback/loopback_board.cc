#include "drivers/loopback/loopback_board.h"

#include <cstring>

namespace bcti::drv {

LoopbackBoard::LoopbackBoard(int channels, Law law, int max_frame) : max_frame_(max_frame) {
  info_.driver = "loopback";
  info_.model = "loopback";
  info_.serial = "LB-0";
  info_.firmware = "n/a";
  for (int i = 0; i < channels; i++) info_.channels.push_back({0, i + 1, 0, ChannelKind::kLoopback, law});
  // Idle line: the codeword of zero amplitude.
  uint8_t idle = law == Law::kUlaw ? 0xFF : 0xD5;
  line_.assign(static_cast<size_t>(channels) * max_frame, idle);
}

void LoopbackBoard::read(uint8_t* const* rx, int n) {
  int count = static_cast<int>(info_.channels.size());
  for (int c = 0; c < count; c++) {
    int peer = c ^ 1;
    if (peer >= count) peer = c;  // an odd last channel hears itself
    std::memcpy(rx[c], &line_[static_cast<size_t>(peer) * max_frame_], n);
  }
}

void LoopbackBoard::write(const uint8_t* const* tx, int n) {
  int count = static_cast<int>(info_.channels.size());
  for (int c = 0; c < count; c++) std::memcpy(&line_[static_cast<size_t>(c) * max_frame_], tx[c], n);
}

}  // namespace bcti::drv
