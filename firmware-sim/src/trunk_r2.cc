// The exchange's MFC-R2 registers on an E1 CAS timeslot (ITU-T Q.441; China
// No.1 or ITU meanings per span), written apart from the engine's
// (native/sig/r2_register.cc) so each side checks the other. Signals go out
// through the trunk's mouth (the project's tone generator, -11.5 dBm0 per
// frequency) and are heard with the project's MFC-R2 receiver on what the
// board sends. Compelled: a signal stays on until the answer comes, the answer
// until the signal goes.
//
// The exchange calls the board (forward): after the seizure acknowledgement,
// the DID (the trunk's number) digit by digit, the caller's category and
// number when asked (I-12 when the caller withheld it, I-15 after the last
// digit), then, with no digit left, I-15 (ITU) or silence (China: the board
// pulses A-3); after A-3 the category again, and the board's group B answer
// lets the call ring on (the board answers with the CAS bits).
//
// The board calls out (backward): A-category after the first digit, then the
// calling number, then the rest of the number until the numbering plan knows
// it (or I-15, or 1.5 s without a digit), A-3, and a group B answer for what
// is at the number: free, busy, congestion, unallocated. The call then goes on
// as a dialled one (World::route), the calling number reported first.
#include "world_parts.h"

namespace bcti::sim {

namespace {
struct Codes {
  int a_next_dnis, a_next_ani, a_category, a_group_b;
  int b_free, b_busy, b_congestion, b_unallocated;
  int i_end_dnis, i_end_ani, i_withheld, ii_subscriber;
};
constexpr Codes kChina = {1, 1, 6, 3, 1, 2, 4, 5, 0, 15, 12, 1};
constexpr Codes kItu = {1, 5, 5, 3, 6, 3, 4, 5, 15, 15, 12, 1};
const Codes& codes_of(bool itu) { return itu ? kItu : kChina; }

enum Phase { kOn = 1, kWaitOff, kWaitOn, kPulse };
enum Sent { kSentNone, kSentDnis, kSentCategory, kSentAni, kSentAniEnd, kSentEnd, kSentCategoryII };
enum Expect { kDnis, kCategory, kAni, kGroupII };

constexpr int64_t kQuiet = 1500 * 8;    // backward: no further digit: the number is complete
constexpr int64_t kPulseLen = 150 * 8;  // a pulsed backward signal
constexpr int64_t kTimeout = 5000 * 8;  // no step of the sequence for this long: give up

int sig_of(char d) { return d == '0' ? 10 : (d >= '1' && d <= '9' ? d - '0' : 0); }
char digit_of(int s) { return s == 10 ? '0' : static_cast<char>('0' + s); }
bool digit(int s) { return s >= 1 && s <= 10; }
}  // namespace

void World::trunk_r2_start(Trunk& t, int role) {
  t.r2_role = role;
  t.r2_rx = MfR2Rx(role == 1 ? MfR2Dir::kBackward : MfR2Dir::kForward);
  t.r2_since = t_;
  t.r2_group_b = t.r2_ani_asked = t.r2_ani_done = t.r2_accepting = t.r2_withheld = false;
  t.r2_dnis_at = t.r2_ani_at = 0;
  t.r2_ani.clear();
  t.r2_sent = kSentNone;
  t.r2_expect = kDnis;
  t.r2_pulse_end = -1;
  t.r2_tx = 0;
  ears_->open(t.ch - 1, t_);
  if (role == 1) {  // forward: the first digit of the DID
    t.r2_sent = kSentDnis;
    t.r2_dnis_at = 1;
    trunk_r2_send(t, t.number.empty() ? 15 : sig_of(t.number[0]));
  } else {
    t.r2_phase = kWaitOn;
  }
}

void World::trunk_r2_stop(Trunk& t) {
  if (t.r2_tx) chans_[t.ch - 1]->mouth.stop();
  t.r2_role = 0;
  t.r2_tx = 0;
  t.r2_phase = 0;
}

void World::trunk_r2_send(Trunk& t, int signal) {
  Mouth& m = chans_[t.ch - 1]->mouth;
  m.stop();
  t.r2_tx = signal;
  t.r2_since = t_;
  if (!signal) return;
  m.tone(*mfr2_descriptor(t.r2_role == 1 ? MfR2Dir::kForward : MfR2Dir::kBackward, signal));
  t.r2_phase = t.r2_role == 1 ? kOn : kWaitOff;
}

void World::trunk_r2_frame(Trunk& t, const int16_t* heard, int n) {
  int s = t.r2_rx.rx(heard, n);
  bool late = t_ - t.r2_since > kTimeout;
  if (t.r2_role == 1) {  // forward
    if (t.r2_phase == kOn && s) {
      t.r2_heard = s;
      trunk_r2_send(t, 0);
      t.r2_phase = kWaitOff;
    } else if (t.r2_phase == kWaitOn && s) {  // a pulsed signal: act when it ends
      t.r2_heard = s;
      t.r2_since = t_;
      t.r2_phase = kWaitOff;
    } else if (t.r2_phase == kWaitOff && !s) {
      trunk_r2_forward(t, t.r2_heard);
    } else if (late) {
      emit(Ev::kCallState, t.ch, t.call, -1, "refused:register timeout");
      trunk_r2_stop(t);
    }
    return;
  }
  // backward
  if (t.r2_phase == kWaitOn) {
    if (s) {
      trunk_r2_backward(t, s);
    } else if (t.r2_expect == kDnis && t.r2_ani_done && !t.digits.empty() && t_ - t.r2_since >= kQuiet) {
      t.r2_expect = kGroupII;
      trunk_r2_send(t, codes_of(t.r2_itu).a_group_b);
      t.r2_phase = kPulse;
      t.r2_pulse_end = t_ + kPulseLen;
    } else if (late) {
      trunk_r2_stop(t);
      chans_[t.ch - 1]->mouth.tone(plan_tone(ToneKind::kCongestion));
      trunk_go(t, TrunkState::kTreatment, "register timeout");
    }
  } else if (t.r2_phase == kWaitOff && !s) {
    trunk_r2_send(t, 0);
    t.r2_phase = kWaitOn;
    if (t.r2_accepting) trunk_r2_done(t);
  } else if (t.r2_phase == kPulse && t_ >= t.r2_pulse_end) {
    trunk_r2_send(t, 0);
    t.r2_phase = kWaitOn;
  }
}

// Forward: the board's answer `a` has gone; send what it asked for.
void World::trunk_r2_forward(Trunk& t, int a) {
  const Codes& c = codes_of(t.r2_itu);
  auto send = [&](int what, int signal) {
    t.r2_sent = what;
    trunk_r2_send(t, signal);
  };
  if (t.r2_group_b) {  // the board's decision: free, or not
    emit(Ev::kCallState, t.ch, t.call, 1, a == c.b_free ? "register:accepted" : "register:refused");
    trunk_r2_stop(t);
    return;
  }
  if ((t.r2_sent == kSentCategory || t.r2_sent == kSentAni) && a == c.a_next_ani) {
    if (t.restricted || t.from.empty()) send(kSentAniEnd, t.restricted ? c.i_withheld : c.i_end_ani);
    else if (t.r2_ani_at < t.from.size()) send(kSentAni, sig_of(t.from[t.r2_ani_at++]));
    else send(kSentAniEnd, c.i_end_ani);
  } else if (a == c.a_category && t.r2_sent != kSentCategory) {
    send(kSentCategory, c.ii_subscriber);
  } else if (a == c.a_next_dnis) {
    if (t.r2_dnis_at < t.number.size()) {
      send(kSentDnis, sig_of(t.number[t.r2_dnis_at++]));
    } else if (c.i_end_dnis) {
      send(kSentEnd, c.i_end_dnis);
    } else {  // China: nothing more; the board pulses A-3
      t.r2_sent = kSentNone;
      t.r2_phase = kWaitOn;
      t.r2_since = t_;
    }
  } else if (a == c.a_group_b) {
    t.r2_group_b = true;
    send(kSentCategoryII, c.ii_subscriber);
  } else {
    emit(Ev::kCallState, t.ch, t.call, -1, "refused:unexpected group A signal");
    trunk_r2_stop(t);
  }
}

// Backward: a forward signal began; answer it.
void World::trunk_r2_backward(Trunk& t, int s) {
  const Codes& c = codes_of(t.r2_itu);
  auto complete = [&] {
    if (!cfg_.numbers.count(t.digits)) return false;
    auto it = cfg_.numbers.upper_bound(t.digits);
    return !(it != cfg_.numbers.end() && it->first.compare(0, t.digits.size(), t.digits) == 0);
  };
  auto next = [&] {
    if (!t.r2_ani_asked) {
      t.r2_ani_asked = true;
      t.r2_expect = kCategory;
      trunk_r2_send(t, c.a_category);
    } else if (t.r2_ani_done && complete()) {
      t.r2_expect = kGroupII;
      trunk_r2_send(t, c.a_group_b);
    } else {
      t.r2_expect = kDnis;
      trunk_r2_send(t, c.a_next_dnis);
    }
  };
  switch (t.r2_expect) {
    case kDnis:
      if (digit(s)) {
        t.digits += digit_of(s);
        emit(Ev::kCallHeard, t.ch, 0, static_cast<int64_t>(Heard::kDigit), std::string(1, digit_of(s)));
        next();
      } else {  // I-15: end of the number
        t.r2_expect = kGroupII;
        trunk_r2_send(t, c.a_group_b);
      }
      break;
    case kCategory:
      t.r2_expect = kAni;
      trunk_r2_send(t, c.a_next_ani);
      break;
    case kAni:
      if (digit(s)) {
        t.r2_ani += digit_of(s);
        trunk_r2_send(t, c.a_next_ani);
      } else {
        t.r2_withheld = s == c.i_withheld;
        t.r2_ani_done = true;
        next();
      }
      break;
    case kGroupII: {
      auto it = cfg_.numbers.find(t.digits);
      FarKind k = (it != cfg_.numbers.end() ? it->second : cfg_.unknown).kind;
      int b = k == FarKind::kBusy          ? c.b_busy
              : k == FarKind::kCongestion  ? c.b_congestion
              : k == FarKind::kUnallocated ? c.b_unallocated
                                           : c.b_free;
      t.r2_accepting = true;
      trunk_r2_send(t, b);
      break;
    }
  }
}

// Backward: the group B answer has gone: the call goes on as dialled.
void World::trunk_r2_done(Trunk& t) {
  std::string ani = t.r2_ani;
  int shown = t.r2_withheld ? 1 : (ani.empty() ? 2 : 0);
  trunk_r2_stop(t);
  emit(Ev::kCallCalling, t.ch, 0, shown, ani);
  route(t);
}

}  // namespace bcti::sim
