// A board with no hardware: channels in pairs (1<->2, 3<->4, ...), each hearing
// what its partner sent one frame earlier. It exercises the whole media path
// (G.711 both ways, detectors, players, recorders, bridges) in tests and in the
// benchmark before any simulated world or real card is involved.
#pragma once
#include <vector>

#include "drivers/driver.h"

namespace bcti::drv {

class LoopbackBoard final : public Board {
 public:
  LoopbackBoard(int channels, Law law, int max_frame);
  const BoardInfo& info() const override { return info_; }
  void read(uint8_t* const* rx, int n) override;
  void write(const uint8_t* const* tx, int n) override;

 private:
  BoardInfo info_;
  int max_frame_;
  std::vector<uint8_t> line_;  // [channel][max_frame]: last frame each channel sent
};

}  // namespace bcti::drv
