#include "states.h"

namespace bcti::sim {

namespace {
#define BCTI_SIM_AS_NAME(e, s) s,
const char* const kTrunkNames[] = {BCTI_SIM_TRUNK_STATES(BCTI_SIM_AS_NAME)};
const char* const kPhoneNames[] = {BCTI_SIM_PHONE_STATES(BCTI_SIM_AS_NAME)};
#undef BCTI_SIM_AS_NAME

using T = TrunkState;
struct TrunkMove {
  T from, to;
};
// Every allowed move of a trunk. Reset and alarms force Idle / Dead.
constexpr TrunkMove kTrunkMoves[] = {
    {T::kIdle, T::kOffering},
    {T::kIdle, T::kDialTone},
    {T::kIdle, T::kDigits},
    {T::kIdle, T::kDead},
    {T::kOffering, T::kConnected},
    {T::kOffering, T::kIdle},
    {T::kOffering, T::kDead},
    {T::kDialTone, T::kDigits},
    {T::kDialTone, T::kTreatment},
    {T::kDialTone, T::kIdle},
    {T::kDialTone, T::kDead},
    {T::kDigits, T::kAlerting},
    {T::kDigits, T::kTreatment},
    {T::kDigits, T::kIdle},
    {T::kDigits, T::kDead},
    {T::kAlerting, T::kConnected},
    {T::kAlerting, T::kIdle},
    {T::kAlerting, T::kDead},
    {T::kConnected, T::kFarCleared},
    {T::kConnected, T::kBoardCleared},
    {T::kConnected, T::kIdle},
    {T::kConnected, T::kDead},
    {T::kTreatment, T::kIdle},
    {T::kTreatment, T::kDead},
    {T::kFarCleared, T::kIdle},
    {T::kFarCleared, T::kDead},
    {T::kBoardCleared, T::kIdle},
    {T::kBoardCleared, T::kDead},
    {T::kDead, T::kIdle},
};

using P = PhoneState;
struct PhoneMove {
  P from, to;
};
constexpr PhoneMove kPhoneMoves[] = {
    {P::kIdle, P::kRinging},     {P::kIdle, P::kOffHook},      {P::kRinging, P::kRingPause},
    {P::kRinging, P::kOffHook},  {P::kRingPause, P::kRinging}, {P::kRingPause, P::kOffHook},
    {P::kRingPause, P::kIdle},   {P::kRinging, P::kIdle},      {P::kOffHook, P::kIdle},
    {P::kOffHook, P::kFlashing}, {P::kFlashing, P::kOffHook},  {P::kFlashing, P::kIdle},
};
}  // namespace

const char* TrunkStates::name(TrunkState s) { return kTrunkNames[static_cast<int>(s)]; }
bool TrunkStates::allowed(TrunkState from, TrunkState to) {
  for (const auto& m : kTrunkMoves)
    if (m.from == from && m.to == to) return true;
  return false;
}
const char* PhoneStates::name(PhoneState s) { return kPhoneNames[static_cast<int>(s)]; }
bool PhoneStates::allowed(PhoneState from, PhoneState to) {
  for (const auto& m : kPhoneMoves)
    if (m.from == from && m.to == to) return true;
  return false;
}

}  // namespace bcti::sim
