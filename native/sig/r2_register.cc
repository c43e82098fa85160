#include "native/sig/r2_register.h"

#include <algorithm>

namespace bcti {

namespace {
char digit_of(int s) { return s == 10 ? '0' : static_cast<char>('0' + s); }
int signal_of(char d) { return d == '0' ? 10 : (d >= '1' && d <= '9' ? d - '0' : 0); }
bool is_digit(int s) { return s >= 1 && s <= 10; }
}  // namespace

void R2Register::start_incoming(int64_t now_ms) {
  stop();
  role_ = Role::kIncoming;
  phase_ = Phase::kWaitOn;
  progress_ms_ = now_ms;
  rx_fwd_.reset();
}

void R2Register::arm_outgoing(const std::string& dnis, const std::string& ani, bool restricted) {
  stop();
  role_ = Role::kOutgoing;
  phase_ = Phase::kArmed;
  // Register signals carry digits only: anything else in a number is left out.
  for (char c : dnis)
    if (signal_of(c)) dnis_ += c;
  for (char c : ani)
    if (signal_of(c)) ani_ += c;
  restricted_ = restricted;
  res_.dnis = dnis_;
  res_.ani = ani_;
  res_.restricted = restricted;
}

void R2Register::begin(int64_t now_ms) {
  if (!armed()) return;
  rx_back_.reset();
  progress_ms_ = now_ms;
  if (dnis_.empty()) {
    fail("no number to send");
    return;
  }
  sent_ = Sent::kDnis;
  dnis_at_ = 1;
  send(signal_of(dnis_[0]), now_ms);
}

void R2Register::stop() {
  role_ = Role::kNone;
  phase_ = Phase::kOff;
  tx_signal_ = 0;
  gen_.start(nullptr);
  res_ = Result{};
  expect_ = Expect::kDnis;
  ani_asked_ = ani_done_ = accepting_ = false;
  dnis_.clear();
  ani_.clear();
  restricted_ = false;
  dnis_at_ = ani_at_ = 0;
  sent_ = Sent::kNone;
  group_b_ = false;
  heard_ = 0;
}

void R2Register::send(int signal, int64_t now_ms) {
  tx_signal_ = signal;
  gen_.start(signal ? mfr2_descriptor(incoming() ? MfR2Dir::kBackward : MfR2Dir::kForward, signal) : nullptr);
  progress_ms_ = now_ms;
  if (signal) phase_ = incoming() ? Phase::kWaitOff : Phase::kSignalOn;
}

R2Register::Outcome R2Register::fail(const char* why) {
  tx_signal_ = 0;
  gen_.start(nullptr);
  phase_ = Phase::kDone;
  res_.why = why;
  return Outcome::kFailed;
}

int R2Register::cause_of_b(const R2Variant& v, int b) {
  if (b == v.b_free_charge || b == v.b_free_no_charge) return 0;
  if (b == v.b_busy) return 17;         // user busy
  if (b == v.b_congestion) return 34;   // no circuit available
  if (b == v.b_unallocated) return 1;   // unallocated number
  if (b == v.b_out_of_order) return 27; // destination out of order
  return 31;                            // normal, unspecified
}

R2Register::Outcome R2Register::frame(const int16_t* rx, int16_t* tx, int n, int64_t now_ms) {
  if (!active() || phase_ == Phase::kDone) return Outcome::kNone;
  Outcome out = Outcome::kNone;
  if (incoming()) {
    int s = rx_fwd_.rx(rx, n);
    switch (phase_) {
      case Phase::kWaitOn:
        if (s != 0) {
          out = backward_heard(s, now_ms);
        } else if (expect_ == Expect::kDnis && !res_.dnis.empty() && ani_done_ &&
                   now_ms - progress_ms_ >= kR2DnisQuietMs) {
          // The outgoing register has no more digits and no end signal: pulse A-3.
          expect_ = Expect::kGroupII;
          send(cfg_.variant->a_group_b, now_ms);
          phase_ = Phase::kPulse;
          pulse_until_ = now_ms + kR2PulseMs;
        } else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) {
          out = fail("no forward signal");
        }
        break;
      case Phase::kWaitOff:  // our answer is on until the forward signal goes
        if (s == 0) {
          send(0, now_ms);
          if (accepting_) {
            phase_ = Phase::kDone;
            out = Outcome::kComplete;
          } else {
            phase_ = Phase::kWaitOn;
          }
        } else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) {
          out = fail("the forward signal did not stop");
        }
        break;
      case Phase::kPulse:
        if (now_ms >= pulse_until_) {
          send(0, now_ms);
          phase_ = Phase::kWaitOn;
        }
        break;
      default: break;
    }
  } else {
    int s = rx_back_.rx(rx, n);
    switch (phase_) {
      case Phase::kSignalOn:  // ours is on until the backward answer comes
        if (s != 0) {
          heard_ = s;
          send(0, now_ms);
          phase_ = Phase::kWaitOff;
        } else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) {
          out = fail("no backward signal");
        }
        break;
      case Phase::kWaitOn:  // nothing left to send: a pulsed backward signal tells what next
        if (s != 0) {
          heard_ = s;
          phase_ = Phase::kWaitOff;
          progress_ms_ = now_ms;
        } else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) {
          out = fail("no backward signal after the last digit");
        }
        break;
      case Phase::kWaitOff:
        if (s == 0) out = forward_act(heard_, now_ms);
        else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) out = fail("the backward signal did not stop");
        break;
      default: break;
    }
  }
  if (tx_signal_) gen_.generate(tx, n);
  return out;
}

// Incoming: a forward signal began; answer it.
R2Register::Outcome R2Register::backward_heard(int s, int64_t now_ms) {
  const R2Variant& v = *cfg_.variant;
  auto dnis_full = [&] { return cfg_.max_dnis > 0 && static_cast<int>(res_.dnis.size()) >= cfg_.max_dnis; };
  auto next = [&] {  // after a DNIS digit or the end of the ANI
    if (!ani_asked_) {
      ani_asked_ = true;
      expect_ = Expect::kCategory;
      send(v.a_category, now_ms);
    } else if (dnis_full()) {
      expect_ = Expect::kGroupII;
      send(v.a_group_b, now_ms);
    } else {
      expect_ = Expect::kDnis;
      send(v.a_next_dnis, now_ms);
    }
  };
  switch (expect_) {
    case Expect::kDnis:
      if (is_digit(s) && res_.dnis.size() < 32) {
        res_.dnis += digit_of(s);
        next();
      } else if (s == 15 || is_digit(s)) {  // I-15: end of the number
        expect_ = Expect::kGroupII;
        send(v.a_group_b, now_ms);
      } else {
        return fail("unexpected group I signal in the number");
      }
      break;
    case Expect::kCategory:
      res_.category = s;
      expect_ = Expect::kAni;
      send(v.a_next_ani, now_ms);
      break;
    case Expect::kAni:
      if (is_digit(s) && res_.ani.size() < 32) {
        res_.ani += digit_of(s);
        send(v.a_next_ani, now_ms);
      } else if (s == v.i_end_of_ani || s == v.i_ani_restricted || is_digit(s)) {
        if (s == v.i_ani_restricted) {
          res_.restricted = true;
          res_.ani.clear();
        }
        ani_done_ = true;
        next();
      } else {
        return fail("unexpected group I signal in the calling number");
      }
      break;
    case Expect::kGroupII:
      res_.category = s;
      accepting_ = true;
      send(v.b_free_charge, now_ms);
      break;
  }
  return Outcome::kNone;
}

// Outgoing: the backward answer `a` has gone; send what it asked for.
R2Register::Outcome R2Register::forward_act(int a, int64_t now_ms) {
  const R2Variant& v = *cfg_.variant;
  auto send_as = [&](Sent what, int signal) {
    sent_ = what;
    send(signal, now_ms);
  };
  if (group_b_) {
    res_.b_signal = a;
    res_.cause = cause_of_b(v, a);
    phase_ = Phase::kDone;
    return Outcome::kComplete;
  }
  if ((sent_ == Sent::kCategory || sent_ == Sent::kAni) && a == v.a_next_ani) {
    if (restricted_) send_as(Sent::kAniEnd, v.i_ani_restricted);
    else if (ani_at_ < ani_.size()) send_as(Sent::kAni, signal_of(ani_[ani_at_++]));
    else send_as(Sent::kAniEnd, v.i_end_of_ani);
  } else if (a == v.a_category && sent_ != Sent::kCategory) {
    send_as(Sent::kCategory, cfg_.category);
  } else if (a == v.a_next_dnis) {
    if (dnis_at_ < dnis_.size()) {
      send_as(Sent::kDnis, signal_of(dnis_[dnis_at_++]));
    } else if (v.i_end_of_dnis) {
      send_as(Sent::kDnisEnd, v.i_end_of_dnis);
    } else {
      sent_ = Sent::kNone;
      phase_ = Phase::kWaitOn;
      progress_ms_ = now_ms;
    }
  } else if (a == v.a_group_b) {
    group_b_ = true;
    send_as(Sent::kCategoryII, cfg_.category);
  } else if (a == v.a_congestion) {
    res_.cause = 34;
    phase_ = Phase::kDone;
    return Outcome::kComplete;
  } else {
    return fail("unexpected group A signal");
  }
  return Outcome::kNone;
}

}  // namespace bcti
