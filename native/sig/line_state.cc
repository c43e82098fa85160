#include "native/sig/line_state.h"

namespace bcti {

#define BCTI_AS_NAME(e, s) s,
static const char* const kNames[] = {BCTI_LINE_STATES(BCTI_AS_NAME)};
#undef BCTI_AS_NAME

const char* line_state_name(LineState s) { return kNames[static_cast<int>(s)]; }

namespace {
using S = LineState;
using C = LineCause;
// Every allowed move, and what takes it.
constexpr LineMove kMoves[] = {
    {S::kIdle, S::kRinging, C::kMove},
    {S::kIdle, S::kAlerting, C::kMove},
    {S::kIdle, S::kSeized, C::kMove},
    {S::kIdle, S::kUp, C::kMove},      // FXS: the phone goes off hook
    {S::kRinging, S::kUp, C::kMove},   // FXS: answered
    {S::kAlerting, S::kUp, C::kMove},  // FXO/E1: we answered
    {S::kSeized, S::kUp, C::kMove},    // outgoing call answered (or dialing begins)
    {S::kSeized, S::kClearing, C::kMove},
    {S::kUp, S::kClearing, C::kMove},
    {S::kAlerting, S::kClearing, C::kMove},
    // Back to idle: ringing stopped, the caller gave up, released, cleared, alarm over.
    {S::kRinging, S::kIdle, C::kMove},
    {S::kAlerting, S::kIdle, C::kMove},
    {S::kSeized, S::kIdle, C::kMove},
    {S::kUp, S::kIdle, C::kMove},
    {S::kClearing, S::kIdle, C::kMove},
    {S::kBlocked, S::kIdle, C::kMove},
    // A span alarm takes a channel out of service from any state.
    {S::kIdle, S::kBlocked, C::kAlarm},
    {S::kRinging, S::kBlocked, C::kAlarm},
    {S::kAlerting, S::kBlocked, C::kAlarm},
    {S::kSeized, S::kBlocked, C::kAlarm},
    {S::kUp, S::kBlocked, C::kAlarm},
    {S::kClearing, S::kBlocked, C::kAlarm},
    // A board reset leaves every channel idle, whatever it was doing.
    {S::kRinging, S::kIdle, C::kReset},
    {S::kAlerting, S::kIdle, C::kReset},
    {S::kSeized, S::kIdle, C::kReset},
    {S::kUp, S::kIdle, C::kReset},
    {S::kClearing, S::kIdle, C::kReset},
    {S::kBlocked, S::kIdle, C::kReset},
};
constexpr const char* kCauses[] = {"move", "alarm", "reset"};
}  // namespace

const char* line_cause_name(LineCause c) { return kCauses[static_cast<int>(c)]; }

int line_moves(const LineMove** rows) {
  *rows = kMoves;
  return static_cast<int>(sizeof kMoves / sizeof kMoves[0]);
}

bool line_move_allowed(LineState from, LineState to, LineCause by) {
  for (const LineMove& m : kMoves)
    if (m.from == from && m.to == to && m.by == by) return true;
  return false;
}

void LineStateMachine::record(LineState to, int64_t at_ms, const char* why) {
  hist_[count_ % kHistory] = {at_ms, state_, to, why};
  count_++;
  state_ = to;
}

bool LineStateMachine::take(LineState to, LineCause by, int64_t at_ms, const char* why) {
  if (to == state_) return true;
  if (!line_move_allowed(state_, to, by)) {
    refused_++;
    return false;
  }
  record(to, at_ms, why);
  return true;
}

bool LineStateMachine::move(LineState to, int64_t at_ms, const char* why) {
  return take(to, LineCause::kMove, at_ms, why);
}

bool LineStateMachine::force(LineCause by, LineState to, int64_t at_ms, const char* why) {
  return take(to, by, at_ms, why);
}

int LineStateMachine::history(LineTransition* out, int max) const {
  uint32_t n = count_ < static_cast<uint32_t>(kHistory) ? count_ : kHistory;
  int w = 0;
  for (uint32_t i = count_ - n; i < count_ && w < max; i++) out[w++] = hist_[i % kHistory];
  return w;
}

}  // namespace bcti
