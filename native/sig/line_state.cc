#include "native/sig/line_state.h"

namespace bcti {

#define BCTI_AS_NAME(e, s) s,
static const char* const kNames[] = {BCTI_LINE_STATES(BCTI_AS_NAME)};
#undef BCTI_AS_NAME

const char* line_state_name(LineState s) { return kNames[static_cast<int>(s)]; }

namespace {
using S = LineState;
struct Move {
  S from, to;
};
// Every allowed move. Anything may go Blocked (alarm) or Idle (reset, hang-up).
constexpr Move kMoves[] = {
    {S::kIdle, S::kRinging},      {S::kIdle, S::kAlerting},
    {S::kIdle, S::kSeized},       {S::kIdle, S::kUp},  // FXS: the phone goes off hook
    {S::kRinging, S::kUp},                             // FXS: answered
    {S::kAlerting, S::kUp},                            // FXO/E1: we answered
    {S::kSeized, S::kUp},                              // outgoing call answered (or dialing begins)
    {S::kSeized, S::kClearing},   {S::kUp, S::kClearing},
    {S::kAlerting, S::kClearing}, {S::kBlocked, S::kIdle},
};
}  // namespace

bool line_move_allowed(LineState from, LineState to) {
  if (to == S::kIdle || to == S::kBlocked) return true;
  for (const Move& m : kMoves)
    if (m.from == from && m.to == to) return true;
  return false;
}

void LineStateMachine::record(LineState to, int64_t at_ms, const char* why) {
  hist_[count_ % kHistory] = {at_ms, state_, to, why};
  count_++;
  state_ = to;
}

bool LineStateMachine::move(LineState to, int64_t at_ms, const char* why) {
  if (to == state_) return true;
  if (!line_move_allowed(state_, to)) {
    refused_++;
    return false;
  }
  record(to, at_ms, why);
  return true;
}

void LineStateMachine::force(LineState to, int64_t at_ms, const char* why) {
  if (to != state_) record(to, at_ms, why);
}

int LineStateMachine::history(LineTransition* out, int max) const {
  uint32_t n = count_ < static_cast<uint32_t>(kHistory) ? count_ : kHistory;
  int w = 0;
  for (uint32_t i = count_ - n; i < count_ && w < max; i++) out[w++] = hist_[i % kHistory];
  return w;
}

}  // namespace bcti
