// Line states of a channel, one declared table (STYLE.md #1): the names, the
// allowed moves, and a short history per channel for diagnostics. An illegal
// move is refused and counted, never taken.
#pragma once
#include <array>
#include <cstdint>

namespace bcti {

#define BCTI_LINE_STATES(X)                                               \
  X(Idle, "idle")         /* on hook, nothing happening */                \
  X(Ringing, "ringing")   /* FXS: we ring the phone */                    \
  X(Alerting, "alerting") /* FXO/E1: an incoming call rings us */         \
  X(Seized, "seized")     /* FXO/E1: we took the line to call out */      \
  X(Up, "up")             /* off hook and connected (or dialing) */       \
  X(Clearing, "clearing") /* the far end left; waiting for our on-hook */ \
  X(Blocked, "blocked")   /* span alarm: out of service */

#define BCTI_AS_ENUM(e, s) k##e,
enum class LineState : uint8_t { BCTI_LINE_STATES(BCTI_AS_ENUM) };
#undef BCTI_AS_ENUM

const char* line_state_name(LineState s);

// Whether `from -> to` is an allowed move.
bool line_move_allowed(LineState from, LineState to);

struct LineTransition {
  int64_t at_ms = 0;
  LineState from = LineState::kIdle;
  LineState to = LineState::kIdle;
  const char* why = "";  // static string: the event or command that moved it
};

// The state plus the last kHistory transitions.
class LineStateMachine {
 public:
  static constexpr int kHistory = 16;
  LineState state() const { return state_; }
  // Takes the move if allowed; returns false (and counts it) if not.
  bool move(LineState to, int64_t at_ms, const char* why);
  // Moves whatever the table says: after a board reset or an alarm.
  void force(LineState to, int64_t at_ms, const char* why);
  uint32_t refused() const { return refused_; }
  // Oldest first; returns how many were written.
  int history(LineTransition* out, int max) const;

 private:
  void record(LineState to, int64_t at_ms, const char* why);
  LineState state_ = LineState::kIdle;
  std::array<LineTransition, kHistory> hist_{};
  uint32_t count_ = 0;
  uint32_t refused_ = 0;
};

}  // namespace bcti
