// The board's clock for libpri. libpri times Q.921 and Q.931 (T200, T203,
// T303, T305, T308, T309, T313...) with gettimeofday(), i.e. wall time, while
// the engine's fast and stepped modes run the board faster than real time: a
// call that takes 30 s of board time in a test passes in a second of wall
// time, and every libpri timer would fire late, relative to the board.
//
// So both addons that use libpri (the engine: the CPE side; firmware-sim: the
// network side) link it statically with `-Wl,--wrap=gettimeofday
// -Wl,--wrap=time`: libpri's calls land in __wrap_gettimeofday() /
// __wrap_time() here. While a Scope is alive on a thread, those answer the
// board time given to it (kEpochSeconds + now_ms); with no Scope they pass
// through to the real clock. Every call into libpri is made inside a Scope
// with the board time of the current frame, so Q.931 timers follow the board
// in real-time, fast and stepped modes alike, and a stepped run is
// deterministic. Timers are seen at frame resolution (10 or 20 ms).
#pragma once
#include <cstdint>

namespace bcti::pri_clock {

// Board time 0 as seen by libpri: a fixed, plausible date.
inline constexpr int64_t kEpochSeconds = 1'700'000'000;

class Scope {
 public:
  explicit Scope(int64_t now_ms);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  int64_t prev_;
};

// The time libpri sees on this thread now (ms since board time 0), -1 when no Scope.
int64_t now_ms();

}  // namespace bcti::pri_clock
