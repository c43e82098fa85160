// Signal levels. 0 dBm0 is the G.711 reference level: a sine whose peak is
// 5664 in mu-law's 14-bit scale (G.711 table 1/2), i.e. 22656 in 16-bit linear.
// The same reference is used for A-law (its overload point is +3.14 dBm0).
#pragma once
#include <cmath>

namespace bcti {

inline constexpr double kDbm0PeakAmplitude = 22656.0;
inline constexpr int kSampleRate = 8000;

// Peak amplitude (16-bit linear) of a sine at `dbm0`.
inline double dbm0_to_peak(double dbm0) { return kDbm0PeakAmplitude * std::pow(10.0, dbm0 / 20.0); }

// Mean power (sum x^2 / n, 16-bit linear) of a sine at `dbm0`.
inline double dbm0_to_power(double dbm0) {
  double a = dbm0_to_peak(dbm0);
  return a * a / 2.0;
}

// Level in dBm0 of a mean power (sum x^2 / n).
inline double power_to_dbm0(double power) {
  if (power <= 0) return -120.0;
  return 10.0 * std::log10(power / dbm0_to_power(0.0));
}

}  // namespace bcti
