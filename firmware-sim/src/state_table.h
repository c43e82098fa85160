// A declared state table (STYLE.md #1), shared by the world's state machines:
// the names and the allowed moves come from one list per machine; an illegal
// move is refused and counted, never taken; each machine keeps its last
// kHistory transitions for diagnostics.
//
// A machine is declared with an X-macro of (name, "text") pairs and a function
// saying which moves are allowed, e.g. trunk_states.h.
#pragma once
#include <array>
#include <cstdint>

namespace bcti::sim {

template <typename S>
struct Transition {
  int64_t at = 0;  // world sample
  S from{}, to{};
  const char* why = "";  // static string
};

// Traits: const char* name(S); bool allowed(S from, S to).
template <typename S, typename Traits>
class StateMachine {
 public:
  static constexpr int kHistory = 16;
  explicit StateMachine(S initial = S{}) : state_(initial) {}
  S state() const { return state_; }
  const char* name() const { return Traits::name(state_); }
  // Takes the move if the table allows it; false (counted) if not.
  bool move(S to, int64_t at, const char* why) {
    if (to == state_) return true;
    if (!Traits::allowed(state_, to)) {
      refused_++;
      return false;
    }
    record(to, at, why);
    return true;
  }
  // Moves regardless of the table: board reset, span alarm.
  void force(S to, int64_t at, const char* why) {
    if (to != state_) record(to, at, why);
  }
  uint32_t refused() const { return refused_; }
  int history(Transition<S>* out, int max) const {
    int n = count_ < static_cast<uint32_t>(kHistory) ? static_cast<int>(count_) : kHistory;
    if (n > max) n = max;
    for (int i = 0; i < n; i++) out[i] = hist_[(count_ - n + i) % kHistory];
    return n;
  }

 private:
  void record(S to, int64_t at, const char* why) {
    hist_[count_ % kHistory] = {at, state_, to, why};
    count_++;
    state_ = to;
  }
  S state_;
  std::array<Transition<S>, kHistory> hist_{};
  uint32_t count_ = 0;
  uint32_t refused_ = 0;
};

}  // namespace bcti::sim
