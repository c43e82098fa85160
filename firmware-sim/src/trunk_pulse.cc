// The exchange counts dial pulses on an FXO line waiting for digits: a loop
// break of up to kMaxBreakMs that closes again is one pulse; a make longer than
// kDigitGapMs ends the digit (n pulses = digit n, 10 = 0), which then counts
// exactly as a DTMF digit would; a break longer than kReleaseMs is the board
// hanging up. 10 pps at 60/40 (or anything from about 8 to 12 pps) passes.
#include "world_parts.h"

namespace bcti::sim {

namespace {
constexpr int64_t kMaxBreakMs = 150;
constexpr int64_t kReleaseMs = 300;
constexpr int64_t kDigitGapMs = 250;
bool waits_for_digits(TrunkState s) { return s == TrunkState::kDialTone || s == TrunkState::kDigits; }
}  // namespace

bool World::trunk_pulse_hook(Trunk& t, bool off) {
  if (t.e1 || !waits_for_digits(t.sm.state())) return false;
  if (!off) {  // the loop opens: a pulse, or the board hanging up (the tick decides)
    t.break_at = t_;
    return true;
  }
  if (t.break_at < 0) return false;
  int64_t held = t_ - t.break_at;
  t.break_at = -1;
  if (held <= kMaxBreakMs * 8) {
    t.pulses++;
    t.make_at = t_;
  }
  return true;
}

void World::trunk_pulse_tick(Trunk& t) {
  if (t.break_at >= 0 && t_ - t.break_at > kReleaseMs * 8) {
    t.break_at = -1;
    t.pulses = 0;
    t.make_at = -1;
    if (waits_for_digits(t.sm.state())) trunk_end(t, "board released");
    return;
  }
  if (t.pulses > 0 && t.break_at < 0 && t.make_at >= 0 && t_ - t.make_at > kDigitGapMs * 8) {
    const char digit[2] = {static_cast<char>(t.pulses >= 10 ? '0' : '0' + t.pulses), 0};
    t.pulses = 0;
    t.make_at = -1;
    trunk_heard(t, Heard::kDigit, digit, t_);
  }
}

}  // namespace bcti::sim
