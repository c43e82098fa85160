// The skeleton driver: copy this directory to drivers/<family>/ when you add a
// board family, rename SkelBoard, and fill in each method where it says so.
// It compiles as it is (drivers/ is built into the engine) and describes a
// board with no channels, so it can never be mistaken for hardware.
//
// The rules every driver keeps (drivers/README.md):
//   * Pure I/O. Report what the hardware says (hook, ring voltage, polarity,
//     loop current, ABCD bits, alarms) as raw LineEvents; never time a flash,
//     count rings or decide that a call ended -- native/sig does that, the same
//     way for every family.
//   * read() and write() run on the engine's media thread once per frame, in
//     that order, then poll_event() until it returns false. None of them may
//     block, allocate or take a lock another thread holds for long: the frame
//     budget of every channel on every board is shared.
//   * The board is the clock: a real card's interrupt paces read(); a driver
//     never sleeps to keep time.
//   * Pass test/drivers/conformance.ts (write a test/drivers/<family>.test.ts
//     with a factory for your rig).
#pragma once
#include <string>

#include "drivers/driver.h"

namespace bcti::drv {

class SkelBoard final : public Board {
 public:
  // Open the device here (e.g. "/dev/dahdi/chan/001"): throw
  // std::runtime_error with the device name and errno text when it fails, so
  // the engine reports a clear CTI_ERR_* to whoever added the board.
  explicit SkelBoard(const std::string& device);
  ~SkelBoard() override;

  const BoardInfo& info() const override { return info_; }

  // Fill rx[c] (c = channel number - 1) with n line codes per channel: what
  // the card received during the last frame. If the card delivered less, pad
  // with the law's idle code (0xD5 A-law, 0xFF mu-law); never leave garbage.
  void read(uint8_t* const* rx, int n) override;
  // Hand tx[c] (n codes per channel) to the card for the next frame.
  void write(const uint8_t* const* tx, int n) override;

  // Signalling commands, already decided by native/sig: apply them, nothing more.
  void hook(int channel, HookOp op) override;
  void set_polarity(int channel, bool reversed) override;
  void set_bits(int channel, uint32_t abcd) override;

  // One raw event per call (DAHDI: DAHDI_GETEVENT per channel, mapped from
  // DAHDI_EVENT_RINGOFFHOOK, _ONHOOK, _RINGBEGIN, _RINGEROFF, _POLARITY,
  // _NOALARM/_ALARM, _BITSCHANGED...). Return false when none is pending.
  bool poll_event(LineEvent* ev) override;
  SpanStatus span_status(int span) const override;
  // ISDN PRI spans also override read_dchan()/write_dchan(): DAHDI's read()
  // and write() on the span's D-channel device carry exactly those frames.

 private:
  BoardInfo info_;
  std::string device_;
};

}  // namespace bcti::drv
