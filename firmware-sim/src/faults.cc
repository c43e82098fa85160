// Faults on demand: a line dropped, span alarms raised and cleared (with the
// error counters a framer keeps), the whole board reset.
#include <limits>

#include "world_parts.h"

namespace bcti::sim {

namespace {
constexpr uint32_t kIdle = 0x9;
constexpr int64_t kForever = std::numeric_limits<int64_t>::max();
// While the span has lost signal or frame: one CRC-4 error and one frame error
// per 2 ms sub-multiframe.
constexpr int64_t kSubMultiframe = 16;  // samples
}  // namespace

void World::drop_line(Trunk& t, int ms) {
  if (t.sm.state() == TrunkState::kDead) return;
  if (!t.e1 && t.board_offhook) line_event(t.ch, BCTI_SIM_EV_LOOP_DROP, 0);
  if (t.pri && t.pri_call) pri_far_hangup(t, 41);  // temporary failure
  if (t.e1 && !t.pri && t.sm.state() != TrunkState::kIdle) {
    // The far switch clears the call: forward when it called, backward when called.
    uint32_t clear = t.incoming ? kIdle : 0xD;
    if (t.rx_bits != clear) {
      t.rx_bits = clear;
      line_event(t.ch, BCTI_SIM_EV_BITS, clear);
    }
  }
  if (t.call) emit(Ev::kCallEnded, t.ch, t.call, t.incoming ? 1 : 0, "line dropped");
  t.call = 0;
  trunk_end(t, "line dropped");
  t.sm.force(TrunkState::kDead, t_, "line dropped");
  emit(Ev::kCallState, t.ch, 0, 0, t.sm.name());
  t.dead_until = t_ + static_cast<int64_t>(ms > 20 ? ms : 20) * 8;
}

void World::alarm(Span& s, uint32_t bits) {
  uint32_t prev = s.status.alarms;
  if (bits == prev) return;
  s.status.alarms = bits;
  line_event(0, BCTI_SIM_EV_ALARM, bits, s.number);
  emit(Ev::kSpanAlarm, 0, 0, bits, std::to_string(s.number));
  if (bits && !prev) {
    pri_drop(s);         // the D channel is down with the span: the exchange forgets its calls
    s.to_board.clear();  // frames on their way either side are lost on the line
    s.from_board.clear();
    for (auto& t : trunks_) {
      if (t->span != s.number) continue;
      if (t->call) emit(Ev::kCallEnded, t->ch, t->call, t->incoming ? 1 : 0, "span alarm");
      t->call = 0;
      trunk_end(*t, "span alarm");
      t->sm.force(TrunkState::kDead, t_, "span alarm");
      t->dead_until = kForever;
      t->rx_bits = t->tx_bits = kIdle;
    }
  } else if (!bits) {
    s.status.slips++;  // the framer re-aligns: one controlled slip
    for (auto& t : trunks_) {
      if (t->span != s.number) continue;
      t->sm.force(TrunkState::kIdle, t_, "alarm cleared");
      t->dead_until = -1;
      emit(Ev::kCallState, t->ch, 0, 0, t->sm.name());
    }
  }
}

void World::span_tick(Span& s, int n) {
  if (!(s.status.alarms & (BCTI_SIM_ALARM_LOS | BCTI_SIM_ALARM_RED))) return;
  s.crc_acc += n;
  while (s.crc_acc >= kSubMultiframe) {
    s.crc_acc -= kSubMultiframe;
    s.status.crc_errors++;
    s.status.frame_errors++;
  }
}

void World::reset_board() {
  line_q_.clear();
  for (auto& s : spans_) pri_drop(*s);
  for (auto& t : trunks_) {
    bool alarmed = spans_[t->span - 1]->status.alarms != 0;
    if (t->call) emit(Ev::kCallEnded, t->ch, t->call, t->incoming ? 1 : 0, "board reset");
    t->call = 0;
    trunk_end(*t, "board reset");
    t->board_offhook = false;
    t->rx_bits = t->tx_bits = kIdle;
    if (alarmed) continue;
    t->dead_until = -1;
    if (t->sm.state() != TrunkState::kIdle) {
      t->sm.force(TrunkState::kIdle, t_, "board reset");
      emit(Ev::kCallState, t->ch, 0, 0, t->sm.name());
    }
  }
  for (auto& p : phones_) {
    p->ringer = false;
    p->answer_at = -1;
    PhoneState s = p->sm.state();
    if (s == PhoneState::kRinging || s == PhoneState::kRingPause) p->sm.force(PhoneState::kIdle, t_, "board reset");
    if (s == PhoneState::kFlashing) p->sm.force(PhoneState::kOffHook, t_, "board reset");
    if (p->sm.state() != s) {
      p->rings = 0;
      emit(Ev::kPhoneRing, p->ch, 0, 0, "");
      emit(Ev::kPhoneState, p->ch, 0, 0, p->sm.name());
    }
  }
  for (auto& c : chans_) c->line.reset();
  line_event(0, BCTI_SIM_EV_RESET, 0, 0);
  // The board reports the hook state it finds: phones still off hook.
  for (auto& p : phones_)
    if (p->sm.state() == PhoneState::kOffHook) line_event(p->ch, BCTI_SIM_EV_OFF_HOOK, 0);
  emit(Ev::kBoardReset, 0, 0, 0, "");
}

}  // namespace bcti::sim
