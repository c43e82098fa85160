// The driver for the simulated board (firmware-sim): adapts the board's C ABI
// (drivers/sim/boardcti_sim.h, the ABI this driver owns) to drv::Board. Pure I/O, like every
// driver: frames, hook/ring/flash, polarity, ABCD bits, raw events and span
// status pass through unchanged; the engine's line signalling interprets them.
//
// The simulated board runs in its own addon; the engine is handed a pointer to
// its port (a napi External) and this class keeps it alive with retain() /
// release() for as long as the engine holds the board.
#pragma once
#include <vector>

#include "drivers/driver.h"
#include "drivers/sim/boardcti_sim.h"

namespace bcti::drv {

class SimDriverBoard final : public Board {
 public:
  // Throws std::invalid_argument if the port is null, of another ABI version,
  // or describes channels this interface cannot hold.
  explicit SimDriverBoard(const bcti_sim_port* port);
  ~SimDriverBoard() override;
  SimDriverBoard(const SimDriverBoard&) = delete;
  SimDriverBoard& operator=(const SimDriverBoard&) = delete;

  const BoardInfo& info() const override { return info_; }
  void read(uint8_t* const* rx, int n) override;
  void write(const uint8_t* const* tx, int n) override;
  void hook(int channel, HookOp op) override;
  void set_polarity(int channel, bool reversed) override;
  void set_bits(int channel, uint32_t abcd) override;
  bool poll_event(LineEvent* ev) override;
  SpanStatus span_status(int span) const override;
  int read_dchan(int span, uint8_t* buf, int max) override;
  int write_dchan(int span, const uint8_t* buf, int n) override;

 private:
  const bcti_sim_port* port_;
  BoardInfo info_;
};

}  // namespace bcti::drv
