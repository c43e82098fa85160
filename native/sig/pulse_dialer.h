// Pulse (loop-disconnect) dialling on an FXO line: each digit is n breaks of
// the loop (1..9 = 1..9 breaks, 0 = 10), at 10 pulses per second with a
// break/make ratio of 60/40 ms by default (ITU-T Q.23's predecessor practice,
// Bellcore 10 pps 61/39, China YD/T 10 pps 60-66 % break), and an interdigit
// pause during which the loop is held. The dialler is timed by the engine's
// frame tick, so its times are whole frames (10 or 20 ms): 60/40 fit both.
#pragma once
#include <cstdint>
#include <string>

#include "drivers/driver.h"

namespace bcti {

struct PulseTiming {
  int break_ms = 60;
  int make_ms = 40;
  int interdigit_ms = 700;
};

class PulseDialer {
 public:
  // Digits 0-9 only; false (nothing started) for anything else or an empty string.
  static bool valid(const std::string& digits);
  void start(const std::string& digits, const PulseTiming& t, int64_t now_ms);
  void cancel() { digits_.clear(); }
  bool active() const { return !digits_.empty(); }
  // Due hook changes (on hook = break, off hook = make); returns true once the
  // last digit's last make has been sent (the dialler is then idle).
  template <typename Hook>
  bool tick(int64_t now_ms, Hook&& hook) {
    while (active() && now_ms >= next_ms_) {
      if (!broken_) {
        hook(drv::HookOp::kOnHook);
        broken_ = true;
        next_ms_ += t_.break_ms;
        continue;
      }
      hook(drv::HookOp::kOffHook);
      broken_ = false;
      if (--left_ > 0) {
        next_ms_ += t_.make_ms;
      } else if (++idx_ < digits_.size()) {
        left_ = pulses(digits_[idx_]);
        next_ms_ += t_.interdigit_ms;
      } else {
        digits_.clear();
        return true;
      }
    }
    return false;
  }
  static int pulses(char d) { return d == '0' ? 10 : d - '0'; }

 private:
  std::string digits_;
  size_t idx_ = 0;
  int left_ = 0;
  bool broken_ = false;
  int64_t next_ms_ = 0;
  PulseTiming t_;
};

}  // namespace bcti
