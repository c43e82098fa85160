// Line states of a channel, one declared table (STYLE.md #1): the names, the
// allowed moves, and a short history per channel for diagnostics. An illegal
// move is refused and counted, never taken; the signalling reports each refusal
// (line:refused, logged by src/telephony with span, channel and call). The
// moves an alarm or a board reset force, whatever the channel was doing, are
// rows of the same table, marked with what forces them.
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

// What takes a move: an event or command (LineStateMachine::move), or what
// forces it (LineStateMachine::force).
enum class LineCause : uint8_t {
  kMove,   // an event from the board or a command
  kAlarm,  // a span alarm took the channel out of service
  kReset,  // the board was reset: every channel is idle
};
const char* line_cause_name(LineCause c);

struct LineMove {
  LineState from;
  LineState to;
  LineCause by;
};

// The table: every allowed move, and what takes it. Returns the row count.
int line_moves(const LineMove** rows);

// Whether the table has `from -> to` taken by `by`.
bool line_move_allowed(LineState from, LineState to, LineCause by = LineCause::kMove);

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
  // Takes the move if the table allows it; returns false (and counts it) if not.
  bool move(LineState to, int64_t at_ms, const char* why);
  // The move an alarm or a board reset forces: taken when the table lists it
  // as forced by `by`, else refused and counted like any other.
  bool force(LineCause by, LineState to, int64_t at_ms, const char* why);
  // Refused moves since start.
  uint32_t refused() const { return refused_; }
  // Oldest first; returns how many were written.
  int history(LineTransition* out, int max) const;

 private:
  bool take(LineState to, LineCause by, int64_t at_ms, const char* why);
  void record(LineState to, int64_t at_ms, const char* why);
  LineState state_ = LineState::kIdle;
  std::array<LineTransition, kHistory> hist_{};
  uint32_t count_ = 0;
  uint32_t refused_ = 0;
};

}  // namespace bcti
