#include "native/sig/line_signalling.h"

#include "native/base/errors.h"
#include "native/sig/line_events.h"

namespace bcti {

using drv::ChannelKind;
using drv::HookOp;
using drv::LineEventType;
using S = LineState;

bool LineSignalling::go(LineState to, int64_t now_ms, const char* why, SigPort& port, LineCause by) {
  LineState from = sm_.state();
  if (from == to) return true;
  if (!(by == LineCause::kMove ? sm_.move(to, now_ms, why) : sm_.force(by, to, now_ms, why))) {
    port.line_refused(from, to, why, sm_.refused());
    return false;
  }
  port.line_event(lev::kState, line_state_name(to), static_cast<int64_t>(from));
  return true;
}

void LineSignalling::disconnect(const char* cause, int64_t now_ms, SigPort& port) {
  go(S::kClearing, now_ms, cause, port);
  port.line_event(lev::kDisconnect, cause, 0);
}

void LineSignalling::ringer(bool on, SigPort& port) {
  if (on == ringer_on_) return;
  ringer_on_ = on;
  port.hook(on ? HookOp::kRing : HookOp::kRingOff);
}

// ---- events from the board ---------------------------------------------------

void LineSignalling::on_event(const drv::LineEvent& e, int64_t now_ms, SigPort& port) {
  if (sm_.state() == S::kBlocked) return;
  switch (kind_) {
    case ChannelKind::kFxs: on_fxs(e, now_ms, port); break;
    case ChannelKind::kFxo: on_fxo(e, now_ms, port); break;
    case ChannelKind::kE1: on_cas(e, now_ms, port); break;
    default: break;
  }
}

void LineSignalling::on_fxs(const drv::LineEvent& e, int64_t now_ms, SigPort& port) {
  if (e.type == LineEventType::kOffHook) {
    if (onhook_at_ >= 0) {  // back off hook within the flash window
      int64_t held = now_ms - onhook_at_;
      onhook_at_ = -1;
      if (held >= cfg_.flash_min_ms) port.line_event(lev::kFlash, nullptr, held);
      return;
    }
    if (sm_.state() == S::kRinging) {
      ringer(false, port);
      cadence_.clear();
      prelude_until_ = pulse_until_ = -1;
      go(S::kUp, now_ms, "answered", port);
      port.line_event(lev::kAnswered, nullptr, 0);
    } else if (sm_.state() == S::kIdle) {
      go(S::kUp, now_ms, "off-hook", port);
      port.line_event(lev::kOffHook, nullptr, 0);
    }
  } else if (e.type == LineEventType::kOnHook) {
    if (sm_.state() == S::kUp || sm_.state() == S::kClearing) onhook_at_ = now_ms;
  }
}

void LineSignalling::on_fxo(const drv::LineEvent& e, int64_t now_ms, SigPort& port) {
  switch (e.type) {
    case LineEventType::kRingBegin:
      if (sm_.state() == S::kIdle) {
        rings_ = 0;
        go(S::kAlerting, now_ms, "ring", port);
      }
      if (sm_.state() == S::kAlerting) {
        rings_++;
        last_ring_ms_ = now_ms;
        port.line_event(lev::kRing, nullptr, rings_);
      }
      break;
    case LineEventType::kRingEnd:
      if (sm_.state() == S::kAlerting) last_ring_ms_ = now_ms;
      break;
    case LineEventType::kPolarity:
      if (sm_.state() == S::kSeized && cfg_.answer_on_polarity) {
        go(S::kUp, now_ms, "polarity answer", port);
        port.line_event(lev::kAnswered, "polarity", 0);
      } else if (sm_.state() == S::kUp && cfg_.disconnect_on_polarity) {
        disconnect("polarity", now_ms, port);
      }
      break;
    case LineEventType::kLoopDrop:
      if (pulse_.active()) break;  // our own breaks while pulse dialling
      if ((sm_.state() == S::kUp || sm_.state() == S::kSeized) && cfg_.disconnect_on_loop_drop)
        disconnect("loop-drop", now_ms, port);
      break;
    default: break;
  }
}

void LineSignalling::on_cas(const drv::LineEvent& e, int64_t now_ms, SigPort& port) {
  if (e.type != LineEventType::kBits) return;
  uint32_t ab = e.value & cas::kAbMask;
  rx_bits_ = e.value;
  switch (sm_.state()) {
    case S::kIdle:
      if (ab == (cas::kSeize & cas::kAbMask)) {  // incoming seizure
        outgoing_ = false;
        port.set_bits(cas::kSeizeAck);
        rings_ = 1;
        go(S::kAlerting, now_ms, "seizure", port);
        port.line_event(lev::kRing, "seizure", 1);
      }
      break;
    case S::kAlerting:
    case S::kUp:
      if (!outgoing_ && ab == (cas::kIdle & cas::kAbMask)) {  // clear-forward
        if (cleared_back_) {
          port.set_bits(cas::kIdle);
          cleared_back_ = false;
          go(S::kIdle, now_ms, "clear-forward", port);
        } else if (sm_.state() == S::kAlerting) {
          port.set_bits(cas::kIdle);
          go(S::kIdle, now_ms, "clear-forward", port);
          port.line_event(lev::kRingStopped, "clear-forward", 0);
        } else {
          disconnect("clear-forward", now_ms, port);
        }
      } else if (outgoing_ && sm_.state() == S::kUp && ab == (cas::kClearBack & cas::kAbMask)) {
        disconnect("clear-back", now_ms, port);
      }
      break;
    case S::kSeized:
      if (ab == (cas::kAnswered & cas::kAbMask)) {
        go(S::kUp, now_ms, "answer", port);
        port.line_event(lev::kAnswered, "cas", 0);
      }
      break;
    case S::kClearing:
      if (!outgoing_ && cleared_back_ && ab == (cas::kIdle & cas::kAbMask)) {
        port.set_bits(cas::kIdle);
        cleared_back_ = false;
        go(S::kIdle, now_ms, "clear-forward", port);
      }
      break;
    default: break;
  }
}

// ---- timers ------------------------------------------------------------------

void LineSignalling::tick(int64_t now_ms, SigPort& port) {
  if (pulse_.active() && pulse_.tick(now_ms, [&](HookOp op) { port.hook(op); }))
    port.line_event(lev::kDialed, nullptr, 0);
  if (onhook_at_ >= 0 && now_ms - onhook_at_ > cfg_.flash_max_ms) {
    onhook_at_ = -1;
    go(S::kIdle, now_ms, "on-hook", port);
    port.line_event(lev::kOnHook, nullptr, 0);
  }
  if (sm_.state() == S::kRinging && pulse_until_ >= 0 && now_ms >= pulse_until_) {
    pulse_until_ = -1;
    ringer(false, port);
  }
  if (sm_.state() == S::kRinging && prelude_until_ >= 0) {
    if (now_ms < prelude_until_) return;
    prelude_until_ = -1;
    cadence_step_ = 0;
    cadence_next_ms_ = now_ms + cadence_[0];
    ringer(true, port);
    return;
  }
  if (sm_.state() == S::kRinging && !cadence_.empty() && now_ms >= cadence_next_ms_) {
    cadence_step_ = (cadence_step_ + 1) % cadence_.size();
    ringer(cadence_step_ % 2 == 0, port);
    cadence_next_ms_ = now_ms + cadence_[cadence_step_];
    if (cadence_step_ % 2 == 1)
      port.line_event("line:ring-pause", nullptr, static_cast<int64_t>(cadence_step_ / 2 + 1));
  }
  if (sm_.state() == S::kAlerting && kind_ == ChannelKind::kFxo && now_ms - last_ring_ms_ > cfg_.ring_timeout_ms) {
    go(S::kIdle, now_ms, "ring timeout", port);
    port.line_event(lev::kRingStopped, "timeout", rings_);
  }
}

// ---- commands ----------------------------------------------------------------

const char* LineSignalling::offhook(int64_t now_ms, SigPort& port, const char** why) {
  if (kind_ == ChannelKind::kFxs) {
    *why = "an FXS port cannot go off hook: its phone does";
    return err::kBadArgument;
  }
  if (kind_ != ChannelKind::kFxo && kind_ != ChannelKind::kE1) {
    *why = "this channel has no line signalling";
    return err::kBadArgument;
  }
  LineState s = sm_.state();
  if (s == S::kBlocked) {
    *why = "the span is in alarm";
    return err::kDisconnected;
  }
  if (s == S::kAlerting) {  // answer
    if (kind_ == ChannelKind::kE1) port.set_bits(cas::kAnswered);
    else port.hook(HookOp::kOffHook);
    go(S::kUp, now_ms, "answer", port);
    return nullptr;
  }
  if (s == S::kIdle) {  // seize to call out
    outgoing_ = true;
    if (kind_ == ChannelKind::kE1) port.set_bits(cas::kSeize);
    else port.hook(HookOp::kOffHook);
    go(S::kSeized, now_ms, "seize", port);
    return nullptr;
  }
  *why = "the line is already off hook";
  return err::kBusy;
}

const char* LineSignalling::onhook(int64_t now_ms, SigPort& port, const char** why) {
  if (kind_ == ChannelKind::kFxs) {
    // Hanging up on a phone: stop ringing it, or leave it to hang up itself.
    if (sm_.state() == S::kRinging) return stop_ring(now_ms, port, why);
    if (sm_.state() == S::kUp) go(S::kClearing, now_ms, "released", port);
    return nullptr;
  }
  if (kind_ != ChannelKind::kFxo && kind_ != ChannelKind::kE1) {
    *why = "this channel has no line signalling";
    return err::kBadArgument;
  }
  LineState s = sm_.state();
  if (s == S::kIdle || s == S::kBlocked) return nullptr;
  if (kind_ == ChannelKind::kE1) {
    if (outgoing_ || s == S::kClearing) {
      // We called, or the far end already cleared forward: back to idle.
      port.set_bits(cas::kIdle);
      go(S::kIdle, now_ms, "release", port);
    } else {  // we hang up first on an incoming call: clear-back, wait for clear-forward
      port.set_bits(cas::kClearBack);
      cleared_back_ = true;
      go(S::kClearing, now_ms, "clear-back", port);
    }
    return nullptr;
  }
  pulse_.cancel();
  port.hook(HookOp::kOnHook);
  go(S::kIdle, now_ms, "release", port);
  return nullptr;
}

const char* LineSignalling::flash(int64_t now_ms, SigPort& port, const char** why) {
  if (kind_ != ChannelKind::kFxo || sm_.state() != S::kUp) {
    *why = "hook flash needs an FXO line that is off hook";
    return err::kBadArgument;
  }
  port.hook(HookOp::kFlash);
  return nullptr;
}

const char* LineSignalling::pulse_dial(const std::string& digits, int64_t now_ms, SigPort& /*port*/, const char** why) {
  if (kind_ != ChannelKind::kFxo || (sm_.state() != S::kSeized && sm_.state() != S::kUp)) {
    *why = "pulse dialling needs an FXO line that is off hook";
    return err::kBadArgument;
  }
  if (!PulseDialer::valid(digits)) {
    *why = "pulse dialling sends 1 to 32 digits 0-9 only";
    return err::kBadArgument;
  }
  if (pulse_.active()) {
    *why = "the line is already pulse dialling";
    return err::kBusy;
  }
  pulse_.start(digits, cfg_.pulse, now_ms);
  return nullptr;
}

const char* LineSignalling::ring(const std::vector<int>& cadence_ms, int64_t now_ms, SigPort& port, const char** why,
                                 int delay_ms, int pulse_ms) {
  if (kind_ != ChannelKind::kFxs) {
    *why = "only FXS ports ring (this is a line, not a phone)";
    return err::kBadArgument;
  }
  if (sm_.state() == S::kRinging || !go(S::kRinging, now_ms, "ring", port)) {  // refused off idle
    *why = sm_.state() == S::kBlocked ? "the port is out of service" : "the phone is off hook or already ringing";
    return err::kBusy;
  }
  cadence_ = cadence_ms.empty() ? cfg_.ring_cadence_ms : cadence_ms;
  if (cadence_.size() % 2) cadence_.push_back(cadence_.back());
  cadence_step_ = 0;
  cadence_next_ms_ = now_ms + cadence_[0];
  prelude_until_ = pulse_until_ = -1;
  if (delay_ms > 0) {
    prelude_until_ = now_ms + delay_ms;
    if (pulse_ms > 0) {
      pulse_until_ = now_ms + pulse_ms;
      ringer(true, port);
    }
    return nullptr;
  }
  ringer(true, port);
  return nullptr;
}

const char* LineSignalling::stop_ring(int64_t now_ms, SigPort& port, const char** why) {
  if (sm_.state() != S::kRinging) return nullptr;
  ringer(false, port);
  cadence_.clear();
  prelude_until_ = pulse_until_ = -1;
  go(S::kIdle, now_ms, "ring stopped", port);
  return nullptr;
}

void LineSignalling::alarm(bool raised, int64_t now_ms, SigPort& port) {
  if (raised) {
    LineState s = sm_.state();
    if (s == S::kUp || s == S::kSeized || s == S::kAlerting || s == S::kRinging)
      port.line_event(lev::kDisconnect, "alarm", 0);
    ringer(false, port);
    cadence_.clear();
    prelude_until_ = pulse_until_ = -1;
    onhook_at_ = -1;
    pulse_.cancel();
    go(S::kBlocked, now_ms, "alarm", port, LineCause::kAlarm);
  } else if (sm_.state() == S::kBlocked) {
    rx_bits_ = cas::kIdle;
    outgoing_ = cleared_back_ = false;
    go(S::kIdle, now_ms, "alarm cleared", port);
  }
}

void LineSignalling::reset(int64_t now_ms, SigPort& port) {
  LineState s = sm_.state();
  if (s != S::kIdle && s != S::kBlocked) port.line_event(lev::kDisconnect, "reset", 0);
  ringer_on_ = false;
  cadence_.clear();
  prelude_until_ = pulse_until_ = -1;
  onhook_at_ = -1;
  pulse_.cancel();
  rings_ = 0;
  rx_bits_ = cas::kIdle;
  outgoing_ = cleared_back_ = false;
  go(S::kIdle, now_ms, "board reset", port, LineCause::kReset);
  if (s == S::kIdle) port.line_event(lev::kState, line_state_name(S::kIdle), 0);
}

}  // namespace bcti
