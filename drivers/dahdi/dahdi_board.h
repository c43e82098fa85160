// The DAHDI driver: a board made of Linux DAHDI channels (Digium/Sangoma,
// OpenVox, Allo... analog and E1/T1 cards), reached through /dev/dahdi/channel
// with the ioctls of dahdi/user.h, and only through the DahdiSys seam
// (dahdi_sys.h), so tests run this very code against firmware-sim's DAHDI
// emulator. See drivers/dahdi/README.md.
//
// One file descriptor per channel, opened on /dev/dahdi/channel and bound with
// DAHDI_SPECIFY; block-sized, non-blocking reads and writes (DAHDI_SET_BLOCKSIZE,
// DAHDI_SET_BUFINFO); the channel's signalling type (DAHDI_GET_PARAMS) decides
// its kind. DAHDI names a port by the signalling it *uses*, the opposite of the
// port's name: an FXS port (a phone on it) runs FXO signalling (fxoks) and is
// drv::ChannelKind::kFxs here; an FXO port (a PSTN line) runs FXS signalling
// (fxsks) and is kFxo; E1 CAS timeslots (cas) and clear bearer channels are kE1;
// an HDLC channel (hardhdlc / dchan) is its span's ISDN D-channel.
//
// Events: a pending event makes read() and write() fail with ELAST and poll()
// report POLLPRI until DAHDI_GETEVENT takes it. read() therefore drains a
// channel's events whenever ELAST stops it, and once more after every frame for
// each fd that polls POLLPRI, so an event reaches poll_event() in the frame it
// arrived in and no audio block is lost to it.
#pragma once
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "drivers/dahdi/dahdi_sys.h"
#include "drivers/driver.h"

namespace bcti::drv {

struct DahdiConfig {
  std::string dev_dir = "/dev/dahdi";  // holds `channel` and `ctl`
  std::vector<int> channels;           // DAHDI channel numbers, in board order
  int block = 160;                     // samples per read / write: the engine's frame
  int numbufs = 4;                     // kernel buffers each way (DAHDI_SET_BUFINFO)
  int echo_taps = 0;                   // echo canceller length (8 taps per ms); 0 = off
  int law = -1;                        // -1: the span's own; else a bcti::Law to set
};

// The device is missing (no DAHDI on this machine) or refused to open.
class DahdiUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class DahdiBoard final : public Board {
 public:
  // Opens and sets up every channel; throws DahdiUnavailable when the device
  // is not there, std::invalid_argument for a bad configuration (a channel not
  // configured in DAHDI, an unsupported signalling type, a refused ioctl).
  DahdiBoard(std::unique_ptr<DahdiSys> sys, const DahdiConfig& cfg);
  ~DahdiBoard() override;
  DahdiBoard(const DahdiBoard&) = delete;
  DahdiBoard& operator=(const DahdiBoard&) = delete;

  const BoardInfo& info() const override { return info_; }
  void read(uint8_t* const* rx, int n) override;
  void write(const uint8_t* const* tx, int n) override;
  void hook(int channel, HookOp op) override;
  void set_polarity(int channel, bool reversed) override;
  void set_bits(int channel, uint32_t abcd) override;
  bool poll_event(LineEvent* ev) override;
  SpanStatus span_status(int span) const override;
  int read_dchan(int span, uint8_t* buf, int max) override;
  int write_dchan(int span, const uint8_t* frame, int n) override;

  // Diagnostics: system calls that failed where the interface has no way to
  // say so (a refused DAHDI_HOOK, a short read padded with idle codes).
  uint64_t io_errors() const { return io_errors_; }

 private:
  struct Chan {
    int fd = -1;
    int dahdi = 0;     // DAHDI channel number
    int span = 0;      // DAHDI span number (= the board's span)
    int timeslot = 0;  // E1: the position in the span (DAHDI's chanpos), the Q.931 B channel
    ChannelKind kind = ChannelKind::kFxs;
    uint8_t idle = 0xD5;
    bool reversed = false;  // FXO: polarity as the events toggled it
  };
  struct DChan {
    int fd = -1;
    int dahdi = 0;
    int span = 0;
    std::vector<uint8_t> buf;  // one frame + FCS
  };

  void open_channel(int number);
  void setup_voice(Chan& c);
  void fail(const std::string& what, int number) const;
  void drain(int fd, int index);  // index: voice channel, or -1 - dchannel index
  void on_event(int index, int event);
  void check_alarms(int span);
  void push(LineEventType type, int span, int channel, uint32_t value);
  DChan* dchan(int span);

  std::unique_ptr<DahdiSys> sys_;
  DahdiConfig cfg_;
  BoardInfo info_;
  int ctl_ = -1;
  std::vector<Chan> chans_;
  std::vector<DChan> dchans_;
  std::vector<struct pollfd> pfds_;
  std::vector<uint32_t> alarms_;  // by span: the bits last reported
  std::vector<LineEvent> ring_;   // pending events, a ring
  size_t head_ = 0, count_ = 0;
  uint64_t io_errors_ = 0;
};

// DAHDI alarm bits (DAHDI_ALARM_*) as drv::AlarmBits.
uint32_t alarm_bits_from_dahdi(int dahdi_alarms);

}  // namespace bcti::drv
