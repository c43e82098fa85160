// The exchange's side of a trunk: an FXO port's PSTN line or an E1 timeslot.
//
// FXO (loop start): an incoming call rings the line with the country's ring
// cadence; the board answers by going off hook. The board seizes the line by
// going off hook, gets dial tone, dials DTMF (the exchange listens with the
// project's DTMF receiver); the number is routed through the numbering plan to
// a scripted far end. Answer is signalled by a polarity reversal (when the line
// has it); the far end hanging up by a reversal back, a loop-current drop or
// busy tone, per line.
//
// E1 CAS line signalling after ITU-T Q.421 (a and b bits; c, d fixed at 0, 1),
// as ABCD nibbles:            forward (caller)        backward (called)
//   idle                      1001 (0x9)              1001 (0x9)
//   seizure / seizure ack     0001 (0x1)              1101 (0xD)
//   answered                  -                       0101 (0x5)
//   clear-back                -                       1101 (0xD)
//   clear-forward             1001 (0x9)              -
// The numbers follow the seizure in MFC-R2 registers (trunk_r2.cc), or, on a
// span configured for DTMF, the board dials the number in DTMF and calls in
// carry none; busy, congestion and SIT are in-band tones, as on an FXO line.
#include <algorithm>

#include "world_parts.h"

namespace bcti::sim {

namespace {
constexpr uint32_t kIdle = 0x9, kSeize = 0x1, kSeizeAck = 0xD, kAnswered = 0x5, kClearBack = 0xD;
constexpr uint32_t kAb = 0xC;

bool active(TrunkState s) { return s != TrunkState::kIdle && s != TrunkState::kDead; }
}  // namespace

void World::trunk_go(Trunk& t, TrunkState to, const char* why) {
  if (t.sm.state() == to) return;
  if (!t.sm.move(to, t_, why)) {
    emit(Ev::kCallState, t.ch, t.call, -1, std::string("refused:") + TrunkStates::name(to));
    return;
  }
  t.since = t_;
  emit(Ev::kCallState, t.ch, t.call, t.incoming ? 1 : 0, t.sm.name());
}

void World::send_bits(Trunk& t, uint32_t abcd) {
  if (t.rx_bits == abcd) return;
  t.rx_bits = abcd;
  line_event(t.ch, BCTI_SIM_EV_BITS, abcd);
}

void World::trunk_end(Trunk& t, const char* why) {
  Chan& c = *chans_[t.ch - 1];
  if (t.call) emit(Ev::kCallEnded, t.ch, t.call, t.incoming ? 1 : 0, why);
  c.mouth.stop();
  ears_->close(t.ch - 1);
  t.call = 0;
  t.incoming = false;
  t.from.clear();
  t.digits.clear();
  t.break_at = t.make_at = -1;
  t.pulses = 0;
  t.script = FarScript{};
  t.timer = -1;
  t.ring_on = false;
  t.rings = 0;
  t.step = 0;
  t.step_started = false;
  t.reversed = false;  // the exchange restores normal battery on release
  t.cid_restore = false;
  t.pulse_end = -1;
  t.pri_call = nullptr;
  t.cause = 0;
  t.restricted = false;
  t.pending_digits.clear();
  trunk_r2_stop(t);
  if (t.sm.state() != TrunkState::kDead) trunk_go(t, TrunkState::kIdle, why);
}

// An incoming call from the PSTN (JS: pstn.call).
void World::incoming(Trunk& t, Command& c) {
  if (t.sm.state() != TrunkState::kIdle || (!t.e1 && t.board_offhook)) {
    const char* why = t.sm.state() == TrunkState::kDead ? "out of service" : "busy";
    emit(Ev::kCallEnded, t.ch, c.call, 1, why);
    return;
  }
  t.call = c.call;
  t.incoming = true;
  t.from = c.text;
  t.script = c.script;
  t.restricted = c.bits != 0;  // PRI and MFC-R2: the caller withheld the number
  if (t.pri) {
    pri_incoming(t);
    return;
  }
  trunk_go(t, TrunkState::kOffering, "incoming call");
  if (t.e1) {
    send_bits(t, kSeize);
    return;
  }
  if (t.script.callerid_timing != 0 && t.script.callerid != 0 && !t.from.empty()) {
    trunk_callerid_first(t);
    return;
  }
  t.cadence_step = 0;
  t.ring_on = true;
  t.rings = 1;
  t.timer = t_ + static_cast<int64_t>(cfg_.ring_cadence_ms[0]) * 8;
  line_event(t.ch, BCTI_SIM_EV_RING_BEGIN, 0);
}

// Caller ID in the first ring pause (Bellcore GR-30 / China YD/T 1277.1:
// starting 500 ms after the first ring, ending >= 200 ms before the second):
// MDMF with the time and the caller's number, as FSK at -13 dBm0 from the
// project's generator (native/dsp/callerid.h); World::read sends it toward the
// board through the line model although the loop is open.
void World::trunk_callerid(Trunk& t) {
  t.cid_pcm.clear();
  t.cid_pos = 0;
  t.cid_at = -1;
  t.cid_restore = false;
  if (t.script.callerid == 0 || t.from.empty()) return;
  CallerIdInfo id;
  id.number = t.from.size() <= kCidMaxNumber ? t.from : t.from.substr(0, kCidMaxNumber);
  std::vector<uint8_t> msg;
  if (cid_encode(id, CidMessageType::kMdmf, &msg)) return;
  if (t.script.callerid_bit_error) msg[msg.size() / 2] ^= 0x10;  // one bit, mid-message
  CidFskTxParams p;
  p.modem = t.script.callerid == 2 ? CidModem::kV23 : CidModem::kBell202;
  cid_fsk_burst_bytes(msg, p, &t.cid_pcm);
  t.cid_at = t_ + static_cast<int64_t>(kCidTimingBellcore.after_ring_ms) * 8;
}

// Caller ID before the first ring (ETSI EN 300 659-1), timed as the engine's
// FXS ports time it (native/dsp/callerid.h, CidAlert): DT-AS: line reversal,
// DT-AS 150 ms later, the FSK 100 ms after it, normal polarity when it ends;
// RP-AS: a 250 ms ring pulse, the FSK 650 ms after it. The first ring comes
// 250 ms after the FSK.
void World::trunk_callerid_first(Trunk& t) {
  trunk_callerid(t);  // the FSK in t.cid_pcm, t.cid_at set for a ring pause: re-timed here
  const bool dtas = t.script.callerid_timing == 1;
  int64_t at;
  if (dtas) {
    std::vector<int16_t> pcm;
    cid_dtas(&pcm);
    pcm.resize(pcm.size() + kCidTimingEtsiDtas.after_ring_ms * 8, 0);
    pcm.insert(pcm.end(), t.cid_pcm.begin(), t.cid_pcm.end());
    t.cid_pcm.swap(pcm);
    t.reversed = true;
    line_event(t.ch, BCTI_SIM_EV_POLARITY, 1);
    t.cid_restore = true;
    at = t_ + static_cast<int64_t>(kEtsiReversalToDtasMs) * 8;
  } else {
    line_event(t.ch, BCTI_SIM_EV_RING_BEGIN, 0);
    t.pulse_end = t_ + static_cast<int64_t>(kRpasMs) * 8;
    at = t.pulse_end + static_cast<int64_t>(kCidTimingEtsiRpas.after_ring_ms) * 8;
  }
  t.cid_at = t.cid_pcm.empty() ? -1 : at;
  t.cadence_step = cfg_.ring_cadence_ms.size() - 1;  // an "off" step: the first ring comes when it ends
  t.ring_on = false;
  t.rings = 0;
  t.timer = at + static_cast<int64_t>(t.cid_pcm.size()) + static_cast<int64_t>(kEtsiDataToRingMs) * 8;
}

void World::trunk_tick(Trunk& t) {
  trunk_pulse_tick(t);
  TrunkState s = t.sm.state();
  if (t.pri && t.cause && t.timer >= 0 && t_ >= t.timer) {  // PRI: the exchange clears (no answer, announcement over)
    t.timer = -1;
    pri_far_hangup(t, t.cause);
    return;
  }
  if (s == TrunkState::kDead) {
    if (t.dead_until >= 0 && t_ >= t.dead_until) {
      t.dead_until = -1;
      t.sm.move(TrunkState::kIdle, t_, "back in service");
      emit(Ev::kCallState, t.ch, 0, 0, t.sm.name());
      if (t.e1) send_bits(t, kIdle);
    }
    return;
  }
  if (s == TrunkState::kOffering) {
    if (t.script.give_up_ms > 0 && t_ - t.since >= static_cast<int64_t>(t.script.give_up_ms) * 8) {
      if (t.pri) {
        pri_far_hangup(t, 16);
        return;
      }
      if (t.e1) send_bits(t, kIdle);
      else if (t.ring_on) line_event(t.ch, BCTI_SIM_EV_RING_END, 0);
      trunk_end(t, "caller gave up");
      return;
    }
    if (t.pulse_end >= 0 && t_ >= t.pulse_end) {
      t.pulse_end = -1;
      line_event(t.ch, BCTI_SIM_EV_RING_END, 0);
    }
    if (!t.e1 && t.timer >= 0 && t_ >= t.timer) {
      const auto& cad = cfg_.ring_cadence_ms;
      t.cadence_step = (t.cadence_step + 1) % cad.size();
      t.ring_on = t.cadence_step % 2 == 0;
      t.timer += static_cast<int64_t>(cad[t.cadence_step]) * 8;
      if (t.ring_on) {
        t.rings++;
        line_event(t.ch, BCTI_SIM_EV_RING_BEGIN, 0);
      } else {
        line_event(t.ch, BCTI_SIM_EV_RING_END, 0);
        if (t.rings == 1 && t.script.callerid_timing == 0) trunk_callerid(t);
      }
    }
    return;
  }
  if (s == TrunkState::kDialTone && t_ - t.since >= static_cast<int64_t>(cfg_.first_digit_ms) * 8) {
    chans_[t.ch - 1]->mouth.stop();
    chans_[t.ch - 1]->mouth.tone(plan_tone(ToneKind::kCongestion));
    trunk_go(t, TrunkState::kTreatment, "no digits");
    return;
  }
  if (s == TrunkState::kDigits && t.timer >= 0 && t_ >= t.timer) {
    if (t.digits.empty()) {
      chans_[t.ch - 1]->mouth.tone(plan_tone(ToneKind::kCongestion));
      trunk_go(t, TrunkState::kTreatment, "no digits");
    } else {
      route(t);
    }
    return;
  }
  if (s == TrunkState::kAlerting && t.timer >= 0 && t_ >= t.timer) answer(t);
}

// ---- the board's signalling ----------------------------------------------------

void World::trunk_board_hook(Trunk& t, int op) {
  TrunkState s = t.sm.state();
  Chan& c = *chans_[t.ch - 1];
  if (op == BCTI_SIM_OFF_HOOK) {
    if (t.board_offhook) return;
    t.board_offhook = true;
    if (trunk_pulse_hook(t, true)) return;
    if (s == TrunkState::kOffering) {  // answer (the ring trips; no ring-end event)
      t.ring_on = false;
      t.timer = -1;
      trunk_go(t, TrunkState::kConnected, "board answered");
      ears_->open(t.ch - 1, t_);
      start_script(t);
    } else if (s == TrunkState::kIdle) {  // seize: dial tone
      t.digits.clear();
      t.call = 0;
      trunk_go(t, TrunkState::kDialTone, "board seized");
      c.mouth.tone(plan_tone(ToneKind::kDial));
      ears_->open(t.ch - 1, t_);
    }
  } else if (op == BCTI_SIM_ON_HOOK) {
    if (!t.board_offhook) return;
    t.board_offhook = false;
    if (trunk_pulse_hook(t, false)) return;
    if (s == TrunkState::kConnected) {
      emit(Ev::kCallHeard, t.ch, t.call, static_cast<int64_t>(Heard::kHangup), "hangup");
      trunk_end(t, "board hung up");
    } else if (s == TrunkState::kFarCleared) {
      trunk_end(t, "far end hung up");
    } else if (active(s) && s != TrunkState::kOffering) {
      trunk_end(t, "board released");
    }
  } else if (op == BCTI_SIM_FLASH) {
    if (s == TrunkState::kConnected) emit(Ev::kCallHeard, t.ch, t.call, static_cast<int64_t>(Heard::kFlash), "flash");
  }
}

void World::trunk_board_bits(Trunk& t, uint32_t abcd) {
  if (abcd == t.tx_bits) return;
  t.tx_bits = abcd;
  emit(Ev::kBoardBits, t.ch, t.call, abcd, "");
  TrunkState s = t.sm.state();
  uint32_t ab = abcd & kAb;
  if (s == TrunkState::kDead) return;
  if (s == TrunkState::kIdle) {
    if (ab == (kSeize & kAb)) {  // the board seizes to call out
      send_bits(t, kSeizeAck);
      t.digits.clear();
      trunk_go(t, TrunkState::kDigits, "board seized");
      t.timer = t_ + static_cast<int64_t>(cfg_.first_digit_ms) * 8;
      ears_->open(t.ch - 1, t_);
      if (t.r2) {  // the registers time themselves
        t.timer = -1;
        trunk_r2_start(t, 2);
      }
    }
    return;
  }
  if (t.incoming) {
    if (s == TrunkState::kOffering && t.r2 && !t.r2_role && ab == (kSeizeAck & kAb) && abcd == kSeizeAck) {
      trunk_r2_start(t, 1);  // the seizure is acknowledged: the numbers go
    } else if (s == TrunkState::kOffering && ab == (kAnswered & kAb)) {
      trunk_r2_stop(t);
      trunk_go(t, TrunkState::kConnected, "board answered");
      ears_->open(t.ch - 1, t_);
      start_script(t);
    } else if (s == TrunkState::kConnected && ab == (kClearBack & kAb)) {
      emit(Ev::kCallHeard, t.ch, t.call, static_cast<int64_t>(Heard::kHangup), "hangup");
      trunk_go(t, TrunkState::kBoardCleared, "clear-back");
      chans_[t.ch - 1]->mouth.stop();
      send_bits(t, kIdle);  // the caller's side clears forward
    } else if ((s == TrunkState::kBoardCleared || s == TrunkState::kFarCleared) && ab == (kIdle & kAb)) {
      trunk_end(t, s == TrunkState::kBoardCleared ? "board hung up" : "far end hung up");
    }
    return;
  }
  // Outgoing: the board clears forward.
  if (ab == (kIdle & kAb) && active(s)) {
    if (s == TrunkState::kConnected) emit(Ev::kCallHeard, t.ch, t.call, static_cast<int64_t>(Heard::kHangup), "hangup");
    const char* why = s == TrunkState::kConnected    ? "board hung up"
                      : s == TrunkState::kFarCleared ? "far end hung up"
                                                     : "board released";
    send_bits(t, kIdle);
    trunk_end(t, why);
  }
}

// ---- digits and routing ----------------------------------------------------------

void World::trunk_heard(Trunk& t, Heard what, const char* text, int64_t at) {
  TrunkState s = t.sm.state();
  if (s == TrunkState::kDialTone || s == TrunkState::kDigits) {
    if (what != Heard::kDigit) return;
    if (s == TrunkState::kDialTone) {
      chans_[t.ch - 1]->mouth.stop();
      trunk_go(t, TrunkState::kDigits, "first digit");
    }
    emit(Ev::kCallHeard, t.ch, 0, static_cast<int64_t>(what), text);
    if (text[0] == '#') {
      route(t);
      return;
    }
    t.digits += text;
    // Complete as soon as the number is known and no longer known number starts with it.
    bool known = cfg_.numbers.count(t.digits) > 0, longer = false;
    for (auto it = cfg_.numbers.upper_bound(t.digits);
         it != cfg_.numbers.end() && it->first.compare(0, t.digits.size(), t.digits) == 0; ++it)
      longer = true;
    if (known && !longer) route(t);
    else t.timer = t_ + static_cast<int64_t>(cfg_.interdigit_ms) * 8;
    return;
  }
  if (s != TrunkState::kConnected || !t.call) return;
  WorldEvent e;
  e.type = Ev::kCallHeard;
  e.channel = t.ch;
  e.call = t.call;
  e.t = at;
  e.value = static_cast<int64_t>(what);
  e.set_text(text);
  emit(e);
  // A script waiting for this?
  if (t.step < t.script.steps.size() && t.step_started && t.script.steps[t.step].op == Step::Op::kWait) {
    const Step& st = t.script.steps[t.step];
    switch (st.wait) {
      case Step::Wait::kVoice: t.step_done |= what == Heard::kVoice; break;
      case Step::Wait::kSilence: t.step_done |= what == Heard::kSilence; break;
      case Step::Wait::kDigits:
        if (what == Heard::kDigit && ++t.digits_heard >= st.count) t.step_done = true;
        break;
      case Step::Wait::kTone:
        t.step_done |= what == Heard::kTone && tone_kind_name(st.tone) == std::string(text);
        break;
    }
  }
}

void World::route(Trunk& t) {
  Chan& c = *chans_[t.ch - 1];
  trunk_r2_stop(t);  // (a board dialling DTMF on a register span is routed as well)
  auto it = cfg_.numbers.find(t.digits);
  t.script = it != cfg_.numbers.end() ? it->second : cfg_.unknown;
  t.call = 0x40000000u + ++out_calls_;
  t.incoming = false;
  t.timer = -1;
  c.mouth.stop();
  emit(Ev::kCallDialled, t.ch, t.call, static_cast<int64_t>(t.script.kind), t.digits);
  switch (t.script.kind) {
    case FarKind::kBusy:
      c.mouth.tone(plan_tone(ToneKind::kBusy));
      trunk_go(t, TrunkState::kTreatment, "busy");
      return;
    case FarKind::kCongestion:
      c.mouth.tone(plan_tone(ToneKind::kCongestion));
      trunk_go(t, TrunkState::kTreatment, "congestion");
      return;
    case FarKind::kUnallocated: {
      // SIT then a recorded announcement, four times, then congestion.
      ToneDescriptor sit = plan_tone(ToneKind::kSit);
      sit.repeat = 1;
      for (int i = 0; i < 4; i++) {
        c.mouth.tone(sit);
        c.mouth.speak(2500, -18);
        c.mouth.silence(500);
      }
      c.mouth.tone(plan_tone(ToneKind::kCongestion));
      trunk_go(t, TrunkState::kTreatment, "unallocated number");
      return;
    }
    default: break;
  }
  c.mouth.tone(plan_tone(ToneKind::kRingback));
  trunk_go(t, TrunkState::kAlerting, "routed");
  if (t.script.kind == FarKind::kNoAnswer) return;
  t.timer = t_ + ring_delay(t.script);
}

// Answer after `rings` ring cycles: right after the last one's burst.
int64_t World::ring_delay(const FarScript& f) const {
  const TonePlanTone* rb = cfg_.plan->find(ToneKind::kRingback);
  double period = 0, on = 0;
  if (rb && !rb->cadence.empty()) {
    for (const auto& d : rb->cadence) period += d.nominal_ms;
    on = rb->cadence[0].nominal_ms;
  }
  int rings = std::max(0, f.rings);
  double ms = rings == 0 ? 0 : (rings - 1) * period + on + 200;
  return static_cast<int64_t>(ms * 8);
}

void World::answer(Trunk& t) {
  chans_[t.ch - 1]->mouth.stop();
  t.timer = -1;
  trunk_go(t, TrunkState::kConnected, "far end answered");
  if (t.pri) {
    pri_connect(t);
  } else if (t.e1) {
    send_bits(t, kAnswered);
  } else if (t.line.answer_polarity) {
    t.reversed = !t.reversed;
    line_event(t.ch, BCTI_SIM_EV_POLARITY, t.reversed ? 1 : 0);
  }
  ears_->open(t.ch - 1, t_);
  start_script(t);
}

void World::far_hangup(Trunk& t) {
  if (t.pri) {
    pri_far_hangup(t, 16);  // normal clearing
    return;
  }
  TrunkState s = t.sm.state();
  Chan& c = *chans_[t.ch - 1];
  if (s == TrunkState::kOffering) {  // the caller hangs up before the answer
    if (t.e1) send_bits(t, kIdle);
    else if (t.ring_on) line_event(t.ch, BCTI_SIM_EV_RING_END, 0);
    trunk_end(t, "caller hung up");
    return;
  }
  if (s != TrunkState::kConnected) return;
  c.mouth.stop();
  trunk_go(t, TrunkState::kFarCleared, "far end hung up");
  if (t.e1) {
    send_bits(t, t.incoming ? kIdle : kClearBack);
    return;
  }
  int sig = t.script.hangup_signal >= 0 ? t.script.hangup_signal : static_cast<int>(t.line.hangup);
  switch (static_cast<HangupSignal>(sig)) {
    case HangupSignal::kPolarity:
      t.reversed = !t.reversed;
      line_event(t.ch, BCTI_SIM_EV_POLARITY, t.reversed ? 1 : 0);
      break;
    case HangupSignal::kLoopDrop:
      t.reversed = false;
      line_event(t.ch, BCTI_SIM_EV_LOOP_DROP, 0);
      break;
    case HangupSignal::kBusyTone: c.mouth.tone(plan_tone(ToneKind::kBusy)); break;
  }
}

}  // namespace bcti::sim
