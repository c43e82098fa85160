#include "native/sig/pri_clock.h"

#include <sys/time.h>
#include <time.h>

namespace bcti::pri_clock {
namespace {
thread_local int64_t t_now_ms = -1;
}

Scope::Scope(int64_t now_ms) : prev_(t_now_ms) { t_now_ms = now_ms < 0 ? 0 : now_ms; }
Scope::~Scope() { t_now_ms = prev_; }

int64_t now_ms() { return t_now_ms; }

}  // namespace bcti::pri_clock

// The linker sends libpri's gettimeofday() and time() here (--wrap, see the header).
extern "C" {
int __real_gettimeofday(struct timeval* tv, void* tz);
time_t __real_time(time_t* t);

int __wrap_gettimeofday(struct timeval* tv, void* tz) {
  int64_t ms = bcti::pri_clock::now_ms();
  if (ms < 0) return __real_gettimeofday(tv, tz);
  if (tv) {
    tv->tv_sec = static_cast<time_t>(bcti::pri_clock::kEpochSeconds + ms / 1000);
    tv->tv_usec = static_cast<suseconds_t>((ms % 1000) * 1000);
  }
  return 0;
}

time_t __wrap_time(time_t* t) {
  int64_t ms = bcti::pri_clock::now_ms();
  if (ms < 0) return __real_time(t);
  time_t v = static_cast<time_t>(bcti::pri_clock::kEpochSeconds + ms / 1000);
  if (t) *t = v;
  return v;
}
}
