#include "native/sig/pri_span.h"

extern "C" {
#include <libpri.h>  // a C header without its own extern "C"
}

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "native/base/errors.h"
#include "native/sig/line_events.h"
#include "native/sig/pri_clock.h"

namespace bcti {

using S = LineState;

using namespace lev;  // line:* events

namespace {
// libpri's own messages go nowhere unless BCTI_PRI_DEBUG is set (then stderr).
bool debug_on() {
  static const bool on = std::getenv("BCTI_PRI_DEBUG") != nullptr;
  return on;
}
void pri_out(struct pri*, char* s) {
  if (!debug_on()) return;
  std::fputs("[cpe] ", stderr);
  std::fputs(s, stderr);
}
void install_messages() {
  static std::once_flag once;
  std::call_once(once, [] {
    pri_set_message(pri_out);
    pri_set_error(pri_out);
  });
}

int ton_of(int plan) { return plan < 0 ? -1 : (plan >> 4) & 0x7; }
int presentation_of(int pres) {
  if (pres < 0) return -1;
  switch (pres & PRI_PRES_RESTRICTION) {
    case PRI_PRES_ALLOWED: return 0;
    case PRI_PRES_RESTRICTED: return 1;
    default: return 2;
  }
}
}  // namespace

PriSpan::PriSpan(const PriSpanConfig& cfg, Io& io, std::vector<PriChannel*> channels) : cfg_(cfg), io_(io) {
  for (PriChannel* ch : channels) {
    BChan b;
    b.ch = ch;
    b.ts = ch->info().timeslot;
    b_.push_back(b);
  }
}

PriSpan::~PriSpan() {
  // libpri 1.6 has no call to free a controller; its memory goes with the process.
  if (pri_) pri_set_userdata(pri_, nullptr);
}

int PriSpan::io_read(struct pri* p, void* buf, int len) {
  auto* self = static_cast<PriSpan*>(pri_get_userdata(p));
  if (!self || self->frame_len_ <= 0) return 0;
  int n = self->frame_len_ < len ? self->frame_len_ : len;
  std::memcpy(buf, self->frame_, static_cast<size_t>(n));
  self->frame_len_ = 0;
  return n;
}

int PriSpan::io_write(struct pri* p, void* buf, int len) {
  auto* self = static_cast<PriSpan*>(pri_get_userdata(p));
  if (!self) return 0;
  int r = self->io_.write_dchan(static_cast<const uint8_t*>(buf), len);
  return r < 0 ? 0 : r;
}

void PriSpan::service(int64_t now_ms) {
  pri_clock::Scope clock(now_ms);
  if (!pri_) {
    install_messages();
    // Creating the controller starts Q.921: the first SABME goes out now.
    pri_ = pri_new_cb(-1, PRI_CPE, PRI_SWITCH_EUROISDN_E1, io_read, io_write, this);
    if (!pri_) return;
    if (cfg_.overlap) pri_set_overlapdial(pri_, 1);
    if (debug_on())
      pri_set_debug(pri_, PRI_DEBUG_Q931_DUMP | PRI_DEBUG_Q931_STATE | PRI_DEBUG_Q921_STATE | PRI_DEBUG_Q921_DUMP);
  }
  // Frames the board received, one pri_check_event() each.
  for (int i = 0; i < 256; i++) {
    int n = io_.read_dchan(frame_, static_cast<int>(sizeof frame_));
    if (n <= 0) break;
    frame_len_ = n;
    pri_event* e = pri_check_event(pri_);
    frame_len_ = 0;
    if (e) handle(e, now_ms);
  }
  // Timers due by now on the board clock.
  for (int i = 0; i < 64; i++) {
    struct timeval* tv = pri_schedule_next(pri_);
    if (!tv) break;
    int64_t due = (static_cast<int64_t>(tv->tv_sec) - pri_clock::kEpochSeconds) * 1000 + tv->tv_usec / 1000;
    if (due > now_ms) break;
    pri_event* e = pri_schedule_run(pri_);
    if (e) handle(e, now_ms);
  }
  // Overlap receiving: the number is complete after a quiet spell.
  for (BChan& b : b_)
    if (b.collecting && now_ms >= b.digits_deadline) offer(b, now_ms);
}

PriSpan::BChan* PriSpan::by_call(q931_call* c) {
  if (!c) return nullptr;
  for (BChan& b : b_)
    if (b.call == c) return &b;
  return nullptr;
}

PriSpan::BChan* PriSpan::by_ts(int ts) {
  for (BChan& b : b_)
    if (b.ts == ts) return &b;
  return nullptr;
}

PriSpan::BChan* PriSpan::by_channel(PriChannel& ch) {
  for (BChan& b : b_)
    if (b.ch == &ch) return &b;
  return nullptr;
}

// ---- what the network sends ----------------------------------------------------

void PriSpan::handle(void* ev, int64_t now_ms) {
  auto* e = static_cast<pri_event*>(ev);
  switch (e->e) {
    case PRI_EVENT_DCHAN_UP:
    case PRI_EVENT_DCHAN_DOWN:
      l2_up_ = e->e == PRI_EVENT_DCHAN_UP;
      report_dchan();
      return;
    case PRI_EVENT_RING: on_ring(e, now_ms); return;
    case PRI_EVENT_INFO_RECEIVED: {
      BChan* b = by_call(e->ring.call);
      if (!b || !b->collecting) return;
      b->called += e->ring.callednum;
      b->digits_deadline = now_ms + cfg_.overlap_ms;
      if (e->ring.complete) offer(*b, now_ms);
      return;
    }
    case PRI_EVENT_PROCEEDING: {
      BChan* b = by_call(e->proceeding.call);
      if (!b) return;
      int ch = e->proceeding.channel & 0xff;
      if (ch > 0 && ch != 0xff && ch != b->ts) {
        // The network moved the call to another B channel: this engine keeps a
        // call on the channel it was placed on, so it gives the call up.
        b->ch->pri_event(kDisconnect, cause_name(PRI_CAUSE_CHANNEL_UNACCEPTABLE), PRI_CAUSE_CHANNEL_UNACCEPTABLE);
        pri_hangup(pri_, b->call, PRI_CAUSE_CHANNEL_UNACCEPTABLE);
        b->local_cleared = true;
        b->ch->pri_go(S::kClearing, "channel unacceptable");
        return;
      }
      b->ch->pri_event(kProceeding, nullptr, 0);
      return;
    }
    case PRI_EVENT_RINGING: {
      BChan* b = by_call(e->ringing.call);
      if (!b) return;
      bool inband = (e->ringing.progressmask & PRI_PROG_INBAND_AVAILABLE) != 0;
      b->ch->pri_event(kAlerting, inband ? "inband" : nullptr, 0);
      return;
    }
    case PRI_EVENT_PROGRESS: {
      BChan* b = by_call(e->proceeding.call);
      if (!b) return;
      bool inband = (e->proceeding.progressmask & PRI_PROG_INBAND_AVAILABLE) != 0;
      int cause = e->proceeding.cause > 0 ? e->proceeding.cause : 0;
      b->ch->pri_event(kProgress, inband ? "inband" : nullptr, cause);
      return;
    }
    case PRI_EVENT_ANSWER: {
      BChan* b = by_call(e->answer.call);
      if (!b || b->local_cleared) return;
      b->ch->pri_go(S::kUp, "connect");
      b->ch->pri_event(kAnswered, "connect", 0);
      return;
    }
    case PRI_EVENT_HANGUP_REQ: {  // DISCONNECT from the network
      BChan* b = by_call(e->hangup.call);
      if (!b) {
        pri_hangup(pri_, e->hangup.call, e->hangup.cause);
        return;
      }
      on_remote_clear(*b, e->hangup.cause, false, now_ms);
      return;
    }
    case PRI_EVENT_HANGUP: {  // RELEASE / RELEASE COMPLETE: the call is gone
      BChan* b = by_call(e->hangup.call);
      if (!b) {
        pri_hangup(pri_, e->hangup.call, e->hangup.cause);
        return;
      }
      on_remote_clear(*b, e->hangup.cause, true, now_ms);
      return;
    }
    case PRI_EVENT_HANGUP_ACK: {  // our clearing is complete
      BChan* b = by_call(e->hangup.call);
      if (b) finish(*b, now_ms, "release complete");
      return;
    }
    case PRI_EVENT_RESTART: {
      int ts = e->restart.channel & 0xff;
      for (BChan& b : b_) {
        if (ts != 0 && ts != 0xff && b.ts != ts) continue;
        LineState s = b.ch->sig_state();
        if (b.call) pri_destroycall(pri_, b.call);
        b.call = nullptr;
        if (s == S::kBlocked) continue;
        if (s != S::kIdle && !b.local_cleared) b.ch->pri_event(kDisconnect, "restart", 0);
        finish(b, now_ms, "restart");
      }
      return;
    }
    default: return;
  }
}

void PriSpan::on_ring(void* ev, int64_t now_ms) {
  auto* e = static_cast<pri_event*>(ev);
  int want = e->ring.channel & 0xff;
  BChan* b = (want > 0 && want != 0xff) ? by_ts(want) : nullptr;
  auto free_chan = [](const BChan& x) { return !x.call && x.ch->sig_state() == S::kIdle; };
  if (!b || !free_chan(*b)) {
    // Preferred (flexible) or any channel: take the first free one.
    BChan* alt = nullptr;
    if (!b || e->ring.flexible) {
      for (BChan& x : b_)
        if (free_chan(x)) {
          alt = &x;
          break;
        }
    }
    if (!alt) {
      pri_hangup(pri_, e->ring.call, b ? PRI_CAUSE_REQUESTED_CHAN_UNAVAIL : PRI_CAUSE_NORMAL_CIRCUIT_CONGESTION);
      return;
    }
    b = alt;
  }
  b->call = e->ring.call;
  b->outgoing = false;
  b->remote_cleared = b->local_cleared = false;
  b->calling = e->ring.callingnum;
  b->called = e->ring.callednum;
  b->calling_ton = b->calling.empty() ? -1 : ton_of(e->ring.callingplan);
  b->called_ton = ton_of(e->ring.calledplan);
  b->presentation = presentation_of(e->ring.callingpres);
  b->ch->pri_go(S::kAlerting, "setup");
  if (cfg_.overlap && !e->ring.complete) {
    pri_need_more_info(pri_, b->call, b->ts, 0);  // SETUP ACKNOWLEDGE
    b->collecting = true;
    b->digits_deadline = now_ms + cfg_.overlap_ms;
    return;
  }
  pri_proceeding(pri_, b->call, b->ts, 0);
  offer(*b, now_ms);
}

void PriSpan::offer(BChan& b, int64_t now_ms) {
  (void)now_ms;
  if (b.collecting) {
    b.collecting = false;
    pri_proceeding(pri_, b.call, b.ts, 0);
  }
  pri_acknowledge(pri_, b.call, b.ts, 0);  // ALERTING: the network plays ringback
  CallParties parties{b.calling, b.called, b.calling_ton, b.called_ton, b.presentation};
  b.ch->pri_event(kRing, "setup", 1, &parties);
}

void PriSpan::on_remote_clear(BChan& b, int cause, bool released, int64_t now_ms) {
  if (b.local_cleared) {
    // We cleared first (or both at once): this completes it.
    if (released) {
      pri_hangup(pri_, b.call, cause);
      finish(b, now_ms, "released");
    }
    return;
  }
  bool first = !b.remote_cleared;
  b.remote_cleared = true;
  LineState s = b.ch->sig_state();
  if (b.collecting || (s == S::kAlerting && !b.outgoing)) {
    // The caller gave up before the answer: nobody needs the call any more.
    b.collecting = false;
    pri_hangup(pri_, b.call, cause);
    if (released) b.call = nullptr;
    b.local_cleared = true;
    b.ch->pri_go(S::kIdle, "caller cleared");
    b.ch->pri_event(kRingStopped, cause_name(cause), cause);
    if (released) finish(b, now_ms, "caller cleared");
    return;
  }
  if (released) {
    // RELEASE without DISCONNECT: the call record is freed now; the channel
    // stays clearing until the leg hangs up.
    pri_hangup(pri_, b.call, cause);
    b.call = nullptr;
  }
  if (first) {
    b.ch->pri_go(S::kClearing, "disconnect");
    b.ch->pri_event(kDisconnect, cause_name(cause), cause);
  }
}

void PriSpan::finish(BChan& b, int64_t now_ms, const char* why) {
  (void)now_ms;
  b.call = nullptr;
  b.outgoing = b.remote_cleared = b.local_cleared = b.collecting = false;
  b.calling.clear();
  b.called.clear();
  if (b.ch->sig_state() != S::kBlocked) b.ch->pri_go(S::kIdle, why);
}

}  // namespace bcti
