// Desk phones on FXS ports: the handset (hook), the ringer, the keypad, the
// mouthpiece, and an ear that runs the detectors on what the phone hears.
#include <string>

#include "native/dsp/levels.h"
#include "native/dsp/tone_gen.h"
#include "world_parts.h"

namespace bcti::sim {

namespace {
constexpr int64_t kRingQuietSamples = 8 * 8000;  // no ring for 8 s: it stopped ringing
constexpr int64_t kAutoAnswerSamples = 800 * 8;  // a person picks up 0.8 s into the ring
// A phone's keypad: 100 ms tones, 100 ms gaps, -7 dBm0 low group, +2 dB twist.
constexpr int kKeyOnMs = 100, kKeyOffMs = 100;
constexpr double kKeyLevel = -7, kKeyTwist = 2;
// A ringer burst this short is an alerting ring pulse (ETSI RP-AS, 200..300
// ms), not a ring: the phone neither counts it nor answers it.
constexpr int64_t kRingPulseMaxSamples = 400 * 8;
}  // namespace

void World::phone_hook(Phone& p, bool off, const char* why) {
  Chan& c = *chans_[p.ch - 1];
  PhoneState to = off ? PhoneState::kOffHook : PhoneState::kIdle;
  if (!p.sm.move(to, t_, why)) return;
  p.answer_at = -1;
  p.cid.reset();
  if (off) {
    ears_->open(p.ch - 1, t_);
    line_event(p.ch, BCTI_SIM_EV_OFF_HOOK, 0);
  } else {
    ears_->close(p.ch - 1);
    c.mouth.stop();
    line_event(p.ch, BCTI_SIM_EV_ON_HOOK, 0);
    p.rings = 0;
  }
  emit(Ev::kPhoneState, p.ch, 0, 0, p.sm.name());
}

void World::phone_ringer(Phone& p, bool on) {
  if (on == p.ringer) return;
  p.ringer = on;
  int64_t since = p.last_edge >= 0 ? t_ - p.last_edge : -1;
  p.last_edge = t_;
  // value: 1 on / 0 off; text: how long the previous ringer state lasted (ms).
  emit(Ev::kPhoneRing, p.ch, 0, on ? 1 : 0, since >= 0 ? std::to_string(since / 8) : "");
  PhoneState s = p.sm.state();
  if (s == PhoneState::kOffHook || s == PhoneState::kFlashing) return;  // the ringer is off the loop
  if (on) {
    if (s == PhoneState::kIdle) p.rings = 0;
    p.rings++;
    p.sm.move(PhoneState::kRinging, t_, "ring");
    if (p.cfg.answer_after_rings > 0 && p.rings >= p.cfg.answer_after_rings && p.answer_at < 0)
      p.answer_at = t_ + kAutoAnswerSamples;
  } else if (since >= 0 && since < kRingPulseMaxSamples && p.rings == 1) {
    p.rings = 0;
    p.answer_at = -1;
    p.sm.move(PhoneState::kIdle, t_, "ring pulse");
    emit(Ev::kPhoneState, p.ch, 0, since / 8, "ring-pulse");
  } else {
    p.sm.move(PhoneState::kRingPause, t_, "ring off");
    p.quiet_since = t_;
  }
  emit(Ev::kPhoneState, p.ch, 0, p.rings, p.sm.name());
}

// On hook, the phone's caller ID receiver hears the line (the board's audio
// through the line model: loss, noise, G.711) and sets the display from a
// message whose checksum holds; a damaged one shows nothing. A message-waiting
// message (0x82) switches the phone's lamp instead (phone:state "mwi").
void World::phone_callerid(Phone& p, const uint8_t* tx, int n) {
  Chan& c = *chans_[p.ch - 1];
  if (p.cid_buf.size() < static_cast<size_t>(n)) p.cid_buf.resize(n);
  c.line.from_board(tx, true, p.cid_buf.data(), n);
  struct Ctx {
    World* w;
    Phone* p;
  } ctx{this, &p};
  // What an on-hook phone notices on the line, for tests of the timing:
  // "alert" 1/0 while DT-AS is heard, "data" 1/0 while another signal (the
  // FSK) is, each at the frame it started or stopped.
  bool dtas = cid_dtas_block(p.cid_buf.data(), n);
  double e = 0;
  for (int i = 0; i < n; i++) e += static_cast<double>(p.cid_buf[i]) * p.cid_buf[i];
  bool data = !dtas && e / n >= dbm0_to_power(-35);
  if (dtas != p.heard_dtas) emit(Ev::kPhoneState, p.ch, 0, dtas ? 1 : 0, "alert");
  if (data != p.heard_data) emit(Ev::kPhoneState, p.ch, 0, data ? 1 : 0, "data");
  p.heard_dtas = dtas;
  p.heard_data = data;
  p.cid.rx(
      p.cid_buf.data(), n,
      [](void* vctx, const CidMessage& m) {
        auto* x = static_cast<Ctx*>(vctx);
        if (m.info.message_waiting >= 0) {  // MWI (0x82): the lamp, not the display
          x->w->emit(Ev::kPhoneState, x->p->ch, 0, m.info.message_waiting, "mwi");
          return;
        }
        std::string text = !m.info.number.empty() ? m.info.number : cid_withheld_name(m.info.number_withheld);
        x->w->emit(Ev::kPhoneDisplay, x->p->ch, 0, m.info.time.empty() ? 0 : std::stoll(m.info.time), text);
      },
      &ctx);
}

void World::phone_tick(Phone& p) {
  PhoneState s = p.sm.state();
  if (s == PhoneState::kFlashing && t_ >= p.flash_until) {
    p.sm.move(PhoneState::kOffHook, t_, "flash done");
    line_event(p.ch, BCTI_SIM_EV_OFF_HOOK, 0);
    emit(Ev::kPhoneState, p.ch, 0, 0, p.sm.name());
  }
  if (p.answer_at >= 0 && t_ >= p.answer_at && (s == PhoneState::kRinging || s == PhoneState::kRingPause)) {
    phone_hook(p, true, "answered");
  }
  if (s == PhoneState::kRingPause && t_ - p.quiet_since >= kRingQuietSamples) {
    p.sm.move(PhoneState::kIdle, t_, "ringing stopped");
    p.rings = 0;
    p.answer_at = -1;
    emit(Ev::kPhoneState, p.ch, 0, 0, p.sm.name());
  }
}

void World::phone_command(Phone& p, Command& c) {
  using Op = Command::Op;
  Chan& ch = *chans_[p.ch - 1];
  PhoneState s = p.sm.state();
  bool off = s == PhoneState::kOffHook || s == PhoneState::kFlashing;
  switch (c.op) {
    case Op::kPhoneOffHook:
      if (!off) phone_hook(p, true, s == PhoneState::kIdle ? "lifted" : "answered");
      break;
    case Op::kPhoneOnHook:
      if (off) {
        if (s == PhoneState::kFlashing) p.sm.move(PhoneState::kOffHook, t_, "hung up during flash");
        phone_hook(p, false, "hung up");
      }
      break;
    case Op::kPhoneDial:
      if (!off) break;
      for (char d : c.text) {
        if (d == ',') ch.mouth.silence(500);
        else ch.mouth.tone(dtmf_descriptor(d, kKeyOnMs, kKeyOffMs, kKeyLevel, kKeyTwist));
      }
      break;
    case Op::kPhoneFlash:
      if (s != PhoneState::kOffHook) break;
      p.sm.move(PhoneState::kFlashing, t_, "flash");
      p.flash_until = t_ + static_cast<int64_t>(c.ms > 0 ? c.ms : cfg_.flash_ms) * 8;
      line_event(p.ch, BCTI_SIM_EV_ON_HOOK, 0);
      emit(Ev::kPhoneState, p.ch, 0, 0, p.sm.name());
      break;
    case Op::kPhoneSpeak:
      if (off) ch.mouth.speak(c.ms, -16);
      break;
    case Op::kPhoneStop: ch.mouth.stop(); break;
    default: break;
  }
}

}  // namespace bcti::sim
