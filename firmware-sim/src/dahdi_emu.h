// A DAHDI emulator on the simulated board: the kernel side of dahdi/user.h,
// served through the system-call table of drivers/dahdi/boardcti_sys.h, so
// drivers/dahdi runs unchanged against firmware-sim. It reaches the board only
// through the board's own C ABI (boardcti_sim.h), as the engine's sim driver does.
//
// What it emulates, as dahdi-base.c behaves:
//  * `<dir>/ctl` and `<dir>/channel`: a channel fd is bound by DAHDI_SPECIFY,
//    one fd per channel (a second DAHDI_SPECIFY of an open channel is EBUSY).
//  * Block-sized reads and writes; a read with no block waiting advances the
//    board by one block (the board is the clock, as fast as it is read); what
//    the channels wrote is handed to the board at the next advance.
//  * A pending event makes read and write fail with ELAST and poll report
//    POLLPRI, until DAHDI_GETEVENT takes it (at most 64 queued per channel).
//  * Channels: DAHDI span n is the board's span n; analog ports are numbered
//    first (FXS ports, then FXO), then each E1 span takes 31 numbers, one per
//    timeslot (TS16 only exists when the D-channel option is on).
//  * Signalling by DAHDI's naming: an FXS port (a phone) is fxoks, an FXO port
//    (a line) fxsks, an E1 timeslot cas, TS16 a hardhdlc D-channel.
//  * Events: phone off hook RINGOFFHOOK / on hook ONHOOK; ring voltage
//    RINGBEGIN and, when it stops, RINGOFFHOOK; battery reversal POLARITY; loop
//    current lost while off hook ONHOOK (kewlstart); ABCD bits BITSCHANGED;
//    span alarms ALARM / NOALARM on every open channel of the span; DAHDI_RING
//    and DAHDI_RINGOFF answer RINGERON / RINGEROFF, DAHDI_FLASH HOOKCOMPLETE.
//    A board reset has no DAHDI event: the emulator passes none on.
//  * The D-channel's far end is the test: dchan_send() queues a frame the
//    network sent (read back with its FCS), dchan_take() returns what the
//    board sent (the two FCS bytes of each write stripped).
#pragma once
#include <poll.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/dahdi/boardcti_sys.h"
#include "drivers/sim/boardcti_sim.h"

namespace bcti::sim {

struct DahdiEmuOptions {
  bool dchannel = false;  // each E1 span's TS16 is an ISDN D-channel (hardhdlc)
};

struct DahdiEmuChannel {
  int number;   // DAHDI channel number
  int span;     // DAHDI span number
  int chanpos;  // position in the span (E1: the timeslot)
  int sim;      // the board's channel number; 0 for a D-channel
  int sig;      // DAHDI_SIG_*
};

class DahdiEmu {
 public:
  DahdiEmu(const bcti_sim_port* port, const DahdiEmuOptions& opt);
  const bcti_sys* sys() const { return &table_; }
  void retain() { refs_.fetch_add(1); }
  void release();  // deletes at the last reference; the creator holds one

  // The system calls: >= 0, or -errno.
  int open(const char* path, int flags);
  int close(int fd);
  int ioctl(int fd, uint64_t request, void* arg);
  int64_t read(int fd, void* buf, uint64_t n);
  int64_t write(int fd, const void* buf, uint64_t n);
  int poll(struct pollfd* fds, uint64_t nfds, int timeout_ms);

  std::vector<DahdiEmuChannel> channels() const;
  // Tests: queue a DAHDI event on a channel (as a card's driver would).
  bool raise(int number, int event);
  // The D-channel's far end.
  bool dchan_send(int span, const std::vector<uint8_t>& frame);
  std::vector<std::vector<uint8_t>> dchan_take(int span);
  // Called (under the emulator's lock, from whichever thread made the change)
  // when a channel may have become readable or an event was queued: after each
  // block, raise(), dchan_send() and each ioctl. For a server that must wake
  // its pollers (dahdi_fuse.h); it must not call back into the emulator.
  void set_on_change(std::function<void()> f) {
    std::lock_guard<std::mutex> lk(mu_);
    on_change_ = std::move(f);
  }

 private:
  ~DahdiEmu();
  struct Chan {
    DahdiEmuChannel id{};
    uint8_t sim_law = 1;  // bcti::Law of the board's channel
    int law = 0;          // DAHDI_LAW_* the channel runs (0: the board's)
    int fd = -1;
    int block = 160, numbufs = 4, ec_taps = 0;
    bool offhook = false;     // fxsks: the board holds the line
    bool rx_offhook = false;  // fxoks: the phone is off hook
    int rxbits = 0, txbits = 0;
    std::deque<std::vector<uint8_t>> rx, tx;  // blocks, or D-channel frames
    std::deque<int> events;
  };
  struct Fd {
    bool ctl = false;
    int chan = -1;  // index in chans_, -1 until DAHDI_SPECIFY
  };
  Chan* chan_of(int fd, int* err);
  Chan* by_number(int number);
  void advance(int block);
  void queue(Chan& c, int event);
  void on_sim_event(const bcti_sim_event& e);
  int chan_ioctl(Chan& c, uint64_t request, void* arg);
  int spanstat(int span, void* arg);
  void changed() {
    if (on_change_) on_change_();
  }

  const bcti_sim_port* port_;
  bcti_sys table_{};
  std::atomic<int> refs_{1};
  std::mutex mu_;
  std::vector<Chan> chans_;
  std::map<int, int> by_sim_;  // board channel -> index in chans_
  std::map<int, int> alarms_;  // span -> DAHDI_ALARM_* bits
  std::map<int, Fd> fds_;
  int next_fd_ = 1000;
  bool frame_open_ = false;  // a block was read from the board and not yet written
  std::vector<std::vector<uint8_t>> sim_rx_, sim_tx_;
  std::function<void()> on_change_;
};

}  // namespace bcti::sim
