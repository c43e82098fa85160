#include "native/sig/pulse_dialer.h"

namespace bcti {

bool PulseDialer::valid(const std::string& digits) {
  if (digits.empty() || digits.size() > 32) return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

void PulseDialer::start(const std::string& digits, const PulseTiming& t, int64_t now_ms) {
  digits_ = digits;
  t_ = t;
  idx_ = 0;
  left_ = pulses(digits_[0]);
  broken_ = false;
  next_ms_ = now_ms;
}

}  // namespace bcti
