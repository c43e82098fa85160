#include "native/sig/r2_register.h"

#include <algorithm>

namespace bcti {

namespace {
char digit_of(int s) { return s == 10 ? '0' : static_cast<char>('0' + s); }
int signal_of(char d) { return d == '0' ? 10 : (d >= '1' && d <= '9' ? d - '0' : 0); }
bool is_digit(int s) { return s >= 1 && s <= 10; }
using P = R2Phase;
constexpr const char* kPhaseNames[] = {
#define BCTI_AS_NAME(e, s) s,
    BCTI_R2_PHASES(BCTI_AS_NAME)
#undef BCTI_AS_NAME
};
constexpr int kPhases = sizeof(kPhaseNames) / sizeof(kPhaseNames[0]);
// kAllowed[from] = the phases it may move to (any phase may stop: stop() is not a move).
constexpr uint8_t bit(P p) { return static_cast<uint8_t>(1u << static_cast<int>(p)); }
constexpr uint8_t kAllowed[kPhases] = {
    /* off       */ static_cast<uint8_t>(bit(P::kArmed) | bit(P::kWaitOn)),
    /* armed     */ static_cast<uint8_t>(bit(P::kSignalOn) | bit(P::kDone)),
    /* signal-on */ static_cast<uint8_t>(bit(P::kWaitOff) | bit(P::kDone)),
    /* wait-off  */ static_cast<uint8_t>(bit(P::kWaitOn) | bit(P::kSignalOn) | bit(P::kDone)),
    /* wait-on   */ static_cast<uint8_t>(bit(P::kWaitOff) | bit(P::kPulse) | bit(P::kDone)),
    /* pulse     */ static_cast<uint8_t>(bit(P::kWaitOn) | bit(P::kDone)),
    /* done      */ 0,
};
}  // namespace

const char* r2_phase_name(R2Phase p) { return kPhaseNames[static_cast<int>(p)]; }
bool r2_move_allowed(R2Phase from, R2Phase to) { return kAllowed[static_cast<int>(from)] & bit(to); }

bool R2Register::go(Phase to, int64_t now_ms, const char* why) {
  if (!r2_move_allowed(phase_, to)) {
    refused_++;
    return false;
  }
  hist_[moves_++ % kR2History] = {now_ms, phase_, to, why};
  phase_ = to;
  return true;
}

int R2Register::history(Move* out, int max) const {
  int n = static_cast<int>(std::min<uint32_t>(moves_, kR2History));
  int k = std::min(n, max);
  for (int i = 0; i < k; i++) out[i] = hist_[(moves_ - n + i) % kR2History];
  return k;
}

void R2Register::start_incoming(int64_t now_ms) {
  stop();
  role_ = Role::kIncoming;
  go(Phase::kWaitOn, now_ms, "seizure");
  progress_ms_ = now_ms;
  rx_fwd_.reset();
}

void R2Register::arm_outgoing(const std::string& dnis, const std::string& ani, bool restricted) {
  stop();
  role_ = Role::kOutgoing;
  go(Phase::kArmed, 0, "setup");
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
    fail("no number to send", now_ms);
    return;
  }
  sent_ = Sent::kDnis;
  dnis_at_ = 1;
  send(signal_of(dnis_[0]), now_ms);
  go(Phase::kSignalOn, now_ms, "seizure acknowledged");
}

void R2Register::stop() {
  role_ = Role::kNone;
  phase_ = Phase::kOff;  // whatever it was doing (hang-up, alarm, reset): not a move of the table
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
}

R2Register::Outcome R2Register::fail(const char* why, int64_t now_ms) {
  tx_signal_ = 0;
  gen_.start(nullptr);
  go(Phase::kDone, now_ms, why);
  res_.why = why;
  return Outcome::kFailed;
}

int R2Register::cause_of_b(const R2Variant& v, int b) {
  if (b == v.b_free_charge || b == v.b_free_no_charge) return 0;
  if (b == v.b_busy) return 17;          // user busy
  if (b == v.b_congestion) return 34;    // no circuit available
  if (b == v.b_unallocated) return 1;    // unallocated number
  if (b == v.b_out_of_order) return 27;  // destination out of order
  return 31;                             // normal, unspecified
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
          go(Phase::kPulse, now_ms, "number complete: pulsed A-3");
          pulse_until_ = now_ms + kR2PulseMs;
        } else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) {
          out = fail("no forward signal", now_ms);
        }
        break;
      case Phase::kWaitOff:  // our answer is on until the forward signal goes
        if (s == 0) {
          send(0, now_ms);
          if (accepting_) {
            go(Phase::kDone, now_ms, "accepted");
            out = Outcome::kComplete;
          } else {
            go(Phase::kWaitOn, now_ms, "forward signal ended");
          }
        } else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) {
          out = fail("the forward signal did not stop", now_ms);
        }
        break;
      case Phase::kPulse:
        if (now_ms >= pulse_until_) {
          send(0, now_ms);
          go(Phase::kWaitOn, now_ms, "pulse ended");
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
          go(Phase::kWaitOff, now_ms, "backward signal");
        } else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) {
          out = fail("no backward signal", now_ms);
        }
        break;
      case Phase::kWaitOn:  // nothing left to send: a pulsed backward signal tells what next
        if (s != 0) {
          heard_ = s;
          go(Phase::kWaitOff, now_ms, "pulsed backward signal");
          progress_ms_ = now_ms;
        } else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) {
          out = fail("no backward signal after the last digit", now_ms);
        }
        break;
      case Phase::kWaitOff:
        if (s == 0) out = forward_act(heard_, now_ms);
        else if (now_ms - progress_ms_ >= kR2CycleTimeoutMs) out = fail("the backward signal did not stop", now_ms);
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
  auto send = [&](int signal, int64_t at) {  // the answer stays on until the forward signal goes
    this->send(signal, at);
    go(Phase::kWaitOff, at, "answer");
  };
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
        return fail("unexpected group I signal in the number", now_ms);
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
        return fail("unexpected group I signal in the calling number", now_ms);
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
    go(Phase::kSignalOn, now_ms, "next signal");
  };
  if (group_b_) {
    res_.b_signal = a;
    res_.cause = cause_of_b(v, a);
    go(Phase::kDone, now_ms, "group B answer");
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
      go(Phase::kWaitOn, now_ms, "no digit left");
      progress_ms_ = now_ms;
    }
  } else if (a == v.a_group_b) {
    group_b_ = true;
    send_as(Sent::kCategoryII, cfg_.category);
  } else if (a == v.a_congestion) {
    res_.cause = 34;
    go(Phase::kDone, now_ms, "congestion (A-4)");
    return Outcome::kComplete;
  } else {
    return fail("unexpected group A signal", now_ms);
  }
  return Outcome::kNone;
}

}  // namespace bcti
