// ISDN PRI on one E1 span, the engine being the user side (CPE), through
// libpri (ITU-T Q.921 / Q.931, ETSI EuroISDN switch type). The D channel's
// frames go through the board (drv::Board::read_dchan / write_dchan, libpri's
// callback I/O); everything runs on the media thread: service() once per
// frame reads what arrived and runs libpri's timers on the board clock
// (pri_clock.h).
//
// Per B channel it drives the channel's line state (native/sig/line_state.h)
// and reports line:* events like the other families do:
//   incoming SETUP        -> CALL PROCEEDING + ALERTING sent; alerting;
//                            line:ring (name "setup"; calling, called, type of
//                            number, presentation)
//   answer (offhook)      -> CONNECT; up
//   setup command         -> SETUP; seized; then line:proceeding,
//                            line:alerting, line:progress (value: cause or 0,
//                            name "inband" when in-band information is
//                            available), line:answered (name "connect")
//   far end DISCONNECT    -> clearing; line:disconnect (name: the cause's
//                            name, value: its Q.850 number), or
//                            line:ring-stopped before the answer
//   hangup (onhook)       -> DISCONNECT / RELEASE with the command's cause;
//                            clearing until RELEASE COMPLETE, then idle
//   RESTART from the network -> the channel's call is gone (line:disconnect
//                            "restart"), idle
// Overlap receiving (configured per span): a SETUP without "sending complete"
// is answered with SETUP ACKNOWLEDGE and the called number grows with each
// INFORMATION until sending complete or `overlap_ms` of quiet; then line:ring.
// D channel up/down is reported span-wide (span:dchan). A span alarm takes
// the D channel down at once (an E1 in alarm carries no TS16) rather than
// after Q.921 notices (T203 + N200 x T200), and restarts the data link: when
// the alarm clears, Q.921 establishes it afresh (SABME / UA, both sides'
// sequence numbers reset) before any Q.931 message crosses, and the D
// channel is up once it has. Without that, a short alarm leaves the two
// Q.921 entities with frames lost between them, and the recovery (a SABME in
// multiple-frame mode: libpri's "MDL-ERROR (F)") discards the I-frames still
// unacknowledged -- a SETUP or its CALL PROCEEDING.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "native/sig/pri_channel.h"

struct pri;
struct q931_call;

namespace bcti {

struct PriSpanConfig {
  int span = 0;
  bool overlap = false;   // overlap receiving
  int overlap_ms = 3000;  // quiet after the last digit: the number is complete
};

class PriSpan {
 public:
  // What the span needs of the engine: its board's D channel and span-wide events.
  class Io {
   public:
    virtual ~Io() = default;
    virtual int read_dchan(uint8_t* buf, int max) = 0;
    virtual int write_dchan(const uint8_t* buf, int n) = 0;
    virtual void span_event(const char* type, const char* name, int64_t value) = 0;
  };

  // channels: the span's B channels (their info().timeslot is the Q.931 channel number).
  PriSpan(const PriSpanConfig& cfg, Io& io, std::vector<PriChannel*> channels);
  ~PriSpan();
  PriSpan(const PriSpan&) = delete;
  PriSpan& operator=(const PriSpan&) = delete;

  // Media thread, once per frame after the board's read().
  void service(int64_t now_ms);

  // Commands for a B channel; nullptr when done, else a CTI_ERR_* code with *why.
  const char* setup(PriChannel& ch, const SetupSpec& spec, int64_t now_ms, const char** why);
  const char* answer(PriChannel& ch, int64_t now_ms, const char** why);
  const char* hangup(PriChannel& ch, int cause, int64_t now_ms, const char** why);

  // The board was reset: every call is gone (the channels' own signalling
  // reports the loss).
  void drop_calls(int64_t now_ms);
  // The span went into alarm (its calls are gone, as drop_calls) or out of it.
  void span_alarm(bool on, int64_t now_ms);

  bool dchan_up() const { return dchan_up_; }
  int span() const { return cfg_.span; }

  // Q.850 cause names ("normal-clearing", "user-busy"...); "cause-N" for others.
  static const char* cause_name(int cause);

 private:
  struct BChan {
    PriChannel* ch = nullptr;
    int ts = 0;
    q931_call* call = nullptr;
    bool outgoing = false;
    bool remote_cleared = false;  // DISCONNECT / RELEASE received
    bool local_cleared = false;   // we sent DISCONNECT / RELEASE
    bool collecting = false;      // overlap receiving
    int64_t digits_deadline = 0;
    std::string calling, called;
    int calling_ton = -1, called_ton = -1, presentation = -1;
  };

  static int io_read(struct pri* p, void* buf, int len);
  static int io_write(struct pri* p, void* buf, int len);
  void handle(void* ev, int64_t now_ms);
  void on_ring(void* ev, int64_t now_ms);
  void on_remote_clear(BChan& b, int cause, bool released, int64_t now_ms);
  void offer(BChan& b, int64_t now_ms);
  void finish(BChan& b, int64_t now_ms, const char* why);
  BChan* by_call(q931_call* c);
  BChan* by_ts(int ts);
  BChan* by_channel(PriChannel& ch);
  void report_dchan();
  void restart_link(int64_t now_ms);

  PriSpanConfig cfg_;
  Io& io_;
  struct pri* pri_ = nullptr;
  std::vector<BChan> b_;
  bool dchan_up_ = false;  // as reported: Q.921 up and the span out of alarm
  bool l2_up_ = false;     // as libpri last said
  bool in_alarm_ = false;
  // The frame service() pulled from the board for pri_check_event() to read.
  uint8_t frame_[1024];
  int frame_len_ = 0;
};

}  // namespace bcti
