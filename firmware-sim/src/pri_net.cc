// The exchange's side of an ISDN PRI span: libpri as the NETWORK node (ETSI
// EuroISDN), its D channel being TS16 of the span, carried to the board as
// whole frames (World::read_dchan / write_dchan). Runs on the board thread
// inside read()/write(), on the world clock (native/sig/pri_clock.h).
//
// Calls into the board (a PSTN caller, pstn.call): SETUP with the trunk's DDI
// number as called party (type unknown, E.164), the caller's number (national)
// presented or restricted, B channel exclusive; with `overlap`, the SETUP
// carries the first 4 digits and INFORMATION messages the rest once the board
// acknowledges. The board's CONNECT connects; either side clears with
// DISCONNECT / RELEASE.
//
// Calls from the board (its SETUP): CALL PROCEEDING, then by the far end's kind
//   person, machine, fax  ALERTING (in-band ringback), CONNECT after the rings
//   no-answer             ALERTING, ringback; DISCONNECT cause 19 after noAnswerMs
//   busy                  DISCONNECT cause 17 (busy tone in band)
//   congestion            DISCONNECT cause 34 (congestion tone in band)
//   unallocated           PROGRESS cause 1 with in-band information (SIT and an
//                         announcement), DISCONNECT cause 1 after 3 s
// A call offered while the D channel is re-establishing waits in libpri for
// the link. The far end hanging up sends DISCONNECT cause 16. A dropped line clears with
// 41; a RESTART (faults.restart) resets one B channel.
extern "C" {
#include <libpri.h>  // a C header without its own extern "C"
}

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "native/sig/pri_clock.h"
#include "world_parts.h"

namespace bcti::sim {

namespace {
constexpr int kOverlapHead = 4;        // digits in an overlap SETUP
constexpr int kAnnouncementMs = 3000;  // unallocated: SIT + announcement before the DISCONNECT

bool debug_on() {
  static const bool on = std::getenv("BCTI_PRI_DEBUG") != nullptr;
  return on;
}
// libpri's messages, with BCTI_PRI_DEBUG: on stderr, each marked as the network side's.
void quiet(struct pri*, char* s) {
  if (!debug_on()) return;
  std::fputs("[net] ", stderr);
  std::fputs(s, stderr);
}
}  // namespace

int World::PriNet::read(struct pri* p, void* buf, int len) {
  auto* c = static_cast<PriNet*>(pri_get_userdata(p));
  std::vector<uint8_t>& f = c->span->frame;
  if (f.empty()) return 0;
  int n = static_cast<int>(f.size()) < len ? static_cast<int>(f.size()) : len;
  std::memcpy(buf, f.data(), static_cast<size_t>(n));
  f.clear();
  return n;
}

int World::PriNet::write(struct pri* p, void* buf, int len) {
  auto* c = static_cast<PriNet*>(pri_get_userdata(p));
  Span& s = *c->span;
  const auto* b = static_cast<const uint8_t*>(buf);
  if (!s.status.alarms && s.to_board.size() < 1024) s.to_board.emplace_back(b, b + len);
  return len;  // on a span in alarm the frame is lost on the line
}

World::Span& World::span_of(const Trunk& t) { return *spans_[t.span - 1]; }

void World::pri_start(Span& s) {
  pri_set_message(quiet);
  pri_set_error(quiet);
  s.ctx.world = this;
  s.ctx.span = &s;
  s.net = pri_new_cb(-1, PRI_NETWORK, PRI_SWITCH_EUROISDN_E1, PriNet::read, PriNet::write, &s.ctx);
  // Without overlap mode libpri marks every SETUP "sending complete".
  if (s.net && s.cfg.overlap) pri_set_overlapdial(s.net, 1);
  if (s.net && debug_on())
    pri_set_debug(s.net, PRI_DEBUG_Q931_DUMP | PRI_DEBUG_Q931_STATE | PRI_DEBUG_Q921_STATE | PRI_DEBUG_Q921_DUMP);
}

void World::pri_tick(Span& s) {
  if (!s.net) pri_start(s);
  if (!s.net) return;
  for (int i = 0; i < 256 && !s.from_board.empty(); i++) {
    s.frame = std::move(s.from_board.front());
    s.from_board.pop_front();
    pri_event* e = pri_check_event(s.net);
    s.frame.clear();
    if (e) pri_handle(s, e);
  }
  int64_t now_ms = t_ / 8;
  for (int i = 0; i < 64; i++) {
    struct timeval* tv = pri_schedule_next(s.net);
    if (!tv) break;
    int64_t due = (static_cast<int64_t>(tv->tv_sec) - pri_clock::kEpochSeconds) * 1000 + tv->tv_usec / 1000;
    if (due > now_ms) break;
    pri_event* e = pri_schedule_run(s.net);
    if (e) pri_handle(s, e);
  }
}

void World::pri_handle(Span& s, void* ev) {
  auto* e = static_cast<pri_event*>(ev);
  auto find_call = [](std::vector<std::unique_ptr<Trunk>>& trunks, q931_call* c) -> Trunk* {
    if (!c) return nullptr;
    for (auto& t : trunks)
      if (t->pri_call == c) return t.get();
    return nullptr;
  };
  switch (e->e) {
    case PRI_EVENT_DCHAN_UP:
    case PRI_EVENT_DCHAN_DOWN:
      s.dchan_up = e->e == PRI_EVENT_DCHAN_UP;
      emit(Ev::kPriEvent, 0, 0, s.number, s.dchan_up ? "dchan-up" : "dchan-down");
      return;
    case PRI_EVENT_RING: {  // the board calls out
      int ts = e->ring.channel & 0xff;
      Trunk* t = nullptr;
      for (auto& x : trunks_)
        if (x->span == s.number && x->index == ts) t = x.get();
      auto free_trunk = [](const Trunk& x) { return x.sm.state() == TrunkState::kIdle && !x.pri_call; };
      if (!t || !free_trunk(*t)) {
        Trunk* alt = nullptr;
        if (!t || e->ring.flexible)
          for (auto& x : trunks_)
            if (x->span == s.number && free_trunk(*x)) {
              alt = x.get();
              break;
            }
        if (!alt) {
          pri_hangup(s.net, e->ring.call, PRI_CAUSE_REQUESTED_CHAN_UNAVAIL);
          emit(Ev::kPriEvent, 0, 0, PRI_CAUSE_REQUESTED_CHAN_UNAVAIL, "setup-refused");
          return;
        }
        t = alt;
      }
      t->pri_call = e->ring.call;
      t->incoming = false;
      t->digits = e->ring.callednum;
      t->from = e->ring.callingnum;
      t->restricted = (e->ring.callingpres & PRI_PRES_RESTRICTION) == PRI_PRES_RESTRICTED;
      emit(Ev::kPriEvent, t->ch, 0, t->restricted ? 1 : 0, "setup from:" + t->from);
      trunk_go(*t, TrunkState::kDigits, "setup");
      ears_->open(t->ch - 1, t_);
      pri_route(*t);
      return;
    }
    case PRI_EVENT_SETUP_ACK: {  // overlap: the rest of the number
      Trunk* t = find_call(trunks_, e->setup_ack.call);
      if (!t) return;
      for (char d : t->pending_digits) pri_information(s.net, t->pri_call, d);
      t->pending_digits.clear();
      return;
    }
    case PRI_EVENT_PROCEEDING:
    case PRI_EVENT_RINGING: {
      Trunk* t = find_call(trunks_, e->proceeding.call);
      if (t) emit(Ev::kPriEvent, t->ch, t->call, 0, e->e == PRI_EVENT_RINGING ? "alerting" : "proceeding");
      return;
    }
    case PRI_EVENT_ANSWER: {  // the board answered
      Trunk* t = find_call(trunks_, e->answer.call);
      if (!t || t->sm.state() != TrunkState::kOffering) return;
      emit(Ev::kPriEvent, t->ch, t->call, 0, "connect");
      trunk_go(*t, TrunkState::kConnected, "board answered");
      ears_->open(t->ch - 1, t_);
      start_script(*t);
      return;
    }
    case PRI_EVENT_HANGUP_REQ:  // the board's DISCONNECT
    case PRI_EVENT_HANGUP: {    // its RELEASE / RELEASE COMPLETE
      Trunk* t = find_call(trunks_, e->hangup.call);
      if (!t) {
        pri_hangup(s.net, e->hangup.call, e->hangup.cause);
        return;
      }
      emit(Ev::kPriEvent, t->ch, t->call, e->hangup.cause, e->e == PRI_EVENT_HANGUP ? "release" : "disconnect");
      pri_board_cleared(*t, e->hangup.cause);
      return;
    }
    case PRI_EVENT_HANGUP_ACK: {  // our clearing is complete
      Trunk* t = find_call(trunks_, e->hangup.call);
      if (!t) return;
      TrunkState st = t->sm.state();
      trunk_end(*t, st == TrunkState::kFarCleared ? "far end hung up"
                    : st == TrunkState::kOffering ? "caller hung up"
                                                  : "released");
      return;
    }
    case PRI_EVENT_RESTART_ACK: emit(Ev::kPriEvent, 0, 0, e->restartack.channel & 0xff, "restart-ack"); return;
    default: return;
  }
}

void World::pri_incoming(Trunk& t) {
  Span& s = span_of(t);
  // With the span in alarm there is no D channel to offer the call on. Merely
  // down (re-establishing after an alarm, say), libpri keeps the SETUP until
  // Q.921 is up again, Q.931's T303 clearing the call if it never comes.
  if (!s.net || s.status.alarms) {
    emit(Ev::kCallEnded, t.ch, t.call, 1, "D channel down");
    t.call = 0;
    t.incoming = false;
    t.from.clear();
    t.script = FarScript{};
    return;
  }
  q931_call* call = pri_new_call(s.net);
  struct pri_sr* sr = pri_sr_new();
  std::string called = t.number, head = called, from = t.from;
  bool overlap = s.cfg.overlap && static_cast<int>(called.size()) > kOverlapHead;
  if (overlap) {
    head = called.substr(0, kOverlapHead);
    t.pending_digits = called.substr(kOverlapHead);
  }
  pri_sr_set_channel(sr, t.index, 1, 0);
  pri_sr_set_bearer(sr, PRI_TRANS_CAP_SPEECH, s.cfg.law == Law::kUlaw ? PRI_LAYER_1_ULAW : PRI_LAYER_1_ALAW);
  pri_sr_set_called(sr, head.data(), PRI_NPI_E163_E164, overlap ? 0 : 1);
  pri_sr_set_caller(sr, from.empty() ? nullptr : from.data(), nullptr, PRI_NATIONAL_ISDN,
                    t.restricted ? PRES_PROHIB_USER_NUMBER_NOT_SCREENED : PRES_ALLOWED_USER_NUMBER_NOT_SCREENED);
  pri_setup(s.net, call, sr);
  pri_sr_free(sr);
  t.pri_call = call;
  trunk_go(t, TrunkState::kOffering, "incoming call");
}

void World::pri_route(Trunk& t) {
  Span& s = span_of(t);
  Chan& c = *chans_[t.ch - 1];
  auto it = cfg_.numbers.find(t.digits);
  t.script = it != cfg_.numbers.end() ? it->second : cfg_.unknown;
  t.call = 0x40000000u + ++out_calls_;
  t.timer = -1;
  t.cause = 0;
  c.mouth.stop();
  emit(Ev::kCallDialled, t.ch, t.call, static_cast<int64_t>(t.script.kind), t.digits);
  pri_proceeding(s.net, t.pri_call, t.index, 0);
  switch (t.script.kind) {
    case FarKind::kBusy:
    case FarKind::kCongestion: {
      bool busy = t.script.kind == FarKind::kBusy;
      c.mouth.tone(plan_tone(busy ? ToneKind::kBusy : ToneKind::kCongestion));
      trunk_go(t, TrunkState::kTreatment, busy ? "busy" : "congestion");
      pri_hangup(s.net, t.pri_call, busy ? PRI_CAUSE_USER_BUSY : PRI_CAUSE_NORMAL_CIRCUIT_CONGESTION);
      return;
    }
    case FarKind::kUnallocated: {
      pri_progress_with_cause(s.net, t.pri_call, t.index, 1, PRI_CAUSE_UNALLOCATED);
      ToneDescriptor sit = plan_tone(ToneKind::kSit);
      sit.repeat = 1;
      c.mouth.tone(sit);
      c.mouth.speak(2000, -18);
      trunk_go(t, TrunkState::kTreatment, "unallocated number");
      t.cause = PRI_CAUSE_UNALLOCATED;
      t.timer = t_ + static_cast<int64_t>(kAnnouncementMs) * 8;
      return;
    }
    default: break;
  }
  pri_acknowledge(s.net, t.pri_call, t.index, 1);  // ALERTING, in-band ringback
  c.mouth.tone(plan_tone(ToneKind::kRingback));
  trunk_go(t, TrunkState::kAlerting, "routed");
  if (t.script.kind == FarKind::kNoAnswer) {
    t.cause = PRI_CAUSE_NO_ANSWER;
    t.timer = t_ + static_cast<int64_t>(s.cfg.no_answer_ms) * 8;
    return;
  }
  t.timer = t_ + ring_delay(t.script);
}

void World::pri_connect(Trunk& t) {
  if (t.pri_call) pri_answer(span_of(t).net, t.pri_call, t.index, 0);
}

// The exchange clears: the caller gave up, the far end hung up, no answer, the line dropped.
void World::pri_far_hangup(Trunk& t, int cause) {
  Span& s = span_of(t);
  TrunkState st = t.sm.state();
  if (!t.pri_call) return;
  pri_hangup(s.net, t.pri_call, cause);  // DISCONNECT
  if (st == TrunkState::kOffering) {
    t.pri_call = nullptr;  // libpri finishes the clearing; the board's RELEASE needs nobody
    trunk_end(t, "caller hung up");
    return;
  }
  chans_[t.ch - 1]->mouth.stop();
  if (st == TrunkState::kConnected) trunk_go(t, TrunkState::kFarCleared, "far end hung up");
  else if (st != TrunkState::kTreatment) trunk_go(t, TrunkState::kTreatment, "cleared by the exchange");
  if (cause == PRI_CAUSE_NO_ANSWER) emit(Ev::kCallEnded, t.ch, t.call, 0, "no answer");
}

// The board cleared (DISCONNECT or RELEASE): release our side and end the call.
void World::pri_board_cleared(Trunk& t, int cause) {
  TrunkState st = t.sm.state();
  pri_hangup(span_of(t).net, t.pri_call, cause);
  t.pri_call = nullptr;
  if (st == TrunkState::kConnected) emit(Ev::kCallHeard, t.ch, t.call, static_cast<int64_t>(Heard::kHangup), "hangup");
  const char* why = st == TrunkState::kConnected    ? "board hung up"
                    : st == TrunkState::kFarCleared ? "far end hung up"
                    : st == TrunkState::kOffering   ? "board refused"
                                                    : "board released";
  trunk_end(t, why);
}

void World::pri_restart(Trunk& t) {
  Span& s = span_of(t);
  if (!s.net) return;
  if (t.pri_call) pri_destroycall(s.net, t.pri_call);
  t.pri_call = nullptr;
  if (t.sm.state() != TrunkState::kIdle && t.sm.state() != TrunkState::kDead) trunk_end(t, "restart");
  emit(Ev::kPriEvent, t.ch, 0, t.index, "restart");
  pri_reset(s.net, t.index);
}

void World::pri_drop(Span& s) {
  if (!s.net) return;
  for (auto& t : trunks_) {
    if (t->span != s.number || !t->pri_call) continue;
    pri_destroycall(s.net, t->pri_call);
    t->pri_call = nullptr;
  }
}

}  // namespace bcti::sim
