// PriSpan's commands for a B channel (SETUP, CONNECT, DISCONNECT / RELEASE)
// and its span-wide state: calls dropped on an alarm or reset, the D channel
// as reported, the Q.921 restart (native/sig/pri_span.h).
#include <cstring>

extern "C" {
#include <libpri.h>  // a C header without its own extern "C"
}

#include "native/base/errors.h"
#include "native/sig/line_events.h"
#include "native/sig/pri_clock.h"
#include "native/sig/pri_span.h"

namespace bcti {

using S = LineState;

namespace {
int plan_of(int ton) { return ((ton & 0x7) << 4) | PRI_NPI_E163_E164; }
}  // namespace

// ---- commands --------------------------------------------------------------------

const char* PriSpan::setup(PriChannel& ch, const SetupSpec& spec, int64_t now_ms, const char** why) {
  pri_clock::Scope clock(now_ms);
  BChan* b = by_channel(ch);
  if (!b) {
    *why = "this channel is not a B channel of a PRI span";
    return err::kBadArgument;
  }
  if (ch.sig_state() == S::kBlocked) {
    *why = "the span is in alarm";
    return err::kDisconnected;
  }
  if (!pri_ || !dchan_up_) {
    *why = "the D channel is down";
    return err::kDisconnected;
  }
  if (b->call || ch.sig_state() != S::kIdle) {
    *why = "the B channel is in use";
    return err::kBusy;
  }
  q931_call* call = pri_new_call(pri_);
  struct pri_sr* sr = pri_sr_new();
  if (!call || !sr) {
    if (sr) pri_sr_free(sr);
    *why = "libpri: no call record";
    return err::kInternal;
  }
  std::string called = spec.called, calling = spec.calling;
  pri_sr_set_channel(sr, b->ts, spec.exclusive ? 1 : 0, 0);
  pri_sr_set_bearer(sr, PRI_TRANS_CAP_SPEECH, ch.info().law == Law::kUlaw ? PRI_LAYER_1_ULAW : PRI_LAYER_1_ALAW);
  pri_sr_set_called(sr, called.data(), plan_of(spec.called_ton), 1);
  pri_sr_set_caller(sr, calling.empty() ? nullptr : calling.data(), nullptr, plan_of(spec.calling_ton),
                    spec.restricted ? (PRI_PRES_RESTRICTED | PRI_PRES_USER_NUMBER_UNSCREENED)
                                    : PRES_ALLOWED_USER_NUMBER_NOT_SCREENED);
  int r = pri_setup(pri_, call, sr);
  pri_sr_free(sr);
  if (r) {
    pri_destroycall(pri_, call);
    *why = "libpri refused the SETUP";
    return err::kInternal;
  }
  b->call = call;
  b->outgoing = true;
  b->remote_cleared = b->local_cleared = false;
  b->called = spec.called;
  ch.pri_go(S::kSeized, "setup");
  return nullptr;
}

const char* PriSpan::answer(PriChannel& ch, int64_t now_ms, const char** why) {
  pri_clock::Scope clock(now_ms);
  BChan* b = by_channel(ch);
  if (!b || !b->call || b->outgoing || ch.sig_state() != S::kAlerting || b->collecting) {
    *why = ch.sig_state() == S::kBlocked ? "the span is in alarm" : "no incoming call to answer on this channel";
    return ch.sig_state() == S::kBlocked ? err::kDisconnected : err::kBusy;
  }
  pri_answer(pri_, b->call, b->ts, 0);  // CONNECT
  ch.pri_go(S::kUp, "connect");
  return nullptr;
}

const char* PriSpan::hangup(PriChannel& ch, int cause, int64_t now_ms, const char** why) {
  pri_clock::Scope clock(now_ms);
  BChan* b = by_channel(ch);
  if (!b) {
    *why = "this channel is not a B channel of a PRI span";
    return err::kBadArgument;
  }
  LineState s = ch.sig_state();
  if (s == S::kBlocked) return nullptr;
  if (!b->call) {  // already released by the network (or never placed)
    finish(*b, now_ms, "release");
    return nullptr;
  }
  if (b->local_cleared) return nullptr;
  b->local_cleared = true;
  b->collecting = false;
  pri_hangup(pri_, b->call, cause > 0 && cause < 128 ? cause : PRI_CAUSE_NORMAL_CLEARING);
  if (b->remote_cleared) {
    // The network disconnected first: our RELEASE ends it; RELEASE COMPLETE is a formality.
    b->call = nullptr;
    finish(*b, now_ms, "release");
  } else {
    ch.pri_go(S::kClearing, "disconnect");
  }
  return nullptr;
}

void PriSpan::report_dchan() {
  bool up = l2_up_ && !in_alarm_;
  if (up == dchan_up_) return;
  dchan_up_ = up;
  io_.span_event(lev::kSpanDchan, up ? "up" : "down", up ? 1 : 0);
}

void PriSpan::span_alarm(bool on, int64_t now_ms) {
  if (on) drop_calls(now_ms);
  in_alarm_ = on;
  restart_link(now_ms);
  report_dchan();
}

// libpri 1.6 has no call to restart Q.921 (pri_restart() does nothing since
// its Q.921 rewrite), so the restart goes through Q.921's own procedure: an
// unsolicited DM (F=0) from the peer -- "I am in disconnected mode" -- makes a
// link in multiple-frame or timer-recovery mode re-establish (MDL-ERROR E,
// SABME, DCHAN_DOWN), and one with only a TEI establish. A link already
// awaiting establishment ignores it (its SABMEs go on every T200).
void PriSpan::restart_link(int64_t now_ms) {
  if (!pri_) return;
  pri_clock::Scope clock(now_ms);
  // SAPI 0, C/R 0 (a response from the network), TEI 0; DM, F=0; the two FCS octets.
  static const uint8_t kDm[] = {0x00, 0x01, 0x0f, 0x00, 0x00};
  std::memcpy(frame_, kDm, sizeof kDm);
  frame_len_ = static_cast<int>(sizeof kDm);
  pri_event* e = pri_check_event(pri_);
  frame_len_ = 0;
  if (e) handle(e, now_ms);
}

void PriSpan::drop_calls(int64_t now_ms) {
  if (!pri_) return;
  pri_clock::Scope clock(now_ms);
  for (BChan& b : b_) {
    if (b.call) pri_destroycall(pri_, b.call);
    b.call = nullptr;
    b.outgoing = b.remote_cleared = b.local_cleared = b.collecting = false;
  }
}

}  // namespace bcti
