// The interface every board family implements: pure I/O, no call logic.
// board -> spans -> channels; the engine's media thread calls read() then
// write() once per frame. Signalling (hook, ring, flash, polarity, alarms) joins
// this interface with the simulated board and the DAHDI driver; the shape
// follows DAHDI's one-block-per-channel read/write so that driver fits as is.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "native/dsp/g711.h"

namespace bcti::drv {

enum class ChannelKind : uint8_t { kFxs, kFxo, kE1, kLoopback };

struct ChannelInfo {
  int span = 0;
  int number = 0;  // 1-based within the board, as DAHDI numbers channels
  ChannelKind kind = ChannelKind::kLoopback;
  Law law = Law::kAlaw;
};

struct BoardInfo {
  std::string driver;  // "loopback", "sim", "dahdi"
  std::string model;
  std::string serial;
  std::string firmware;
  std::vector<ChannelInfo> channels;
};

class Board {
 public:
  virtual ~Board() = default;
  virtual const BoardInfo& info() const = 0;
  // One frame of line codewords per channel: rx[c] receives `n` bytes, tx[c]
  // holds `n` bytes to send. Called on the media thread only, in this order.
  virtual void read(uint8_t* const* rx, int n) = 0;
  virtual void write(const uint8_t* const* tx, int n) = 0;
};

}  // namespace bcti::drv
