// The world's state machines, each one declared table (see state_table.h):
//   TrunkState  the exchange's side of one trunk (an FXO line or an E1
//               timeslot) and the call on it;
//   PhoneState  a desk phone on an FXS port.
#pragma once
#include <cstdint>

#include "state_table.h"

namespace bcti::sim {

#define BCTI_SIM_TRUNK_STATES(X)                                                             \
  X(Idle, "idle")                  /* nothing on the trunk */                                \
  X(Offering, "offering")          /* incoming: FXO ringing / E1 seized, not yet answered */ \
  X(DialTone, "dial-tone")         /* FXO seized by the board: dial tone, no digit yet */    \
  X(Digits, "digits")              /* collecting the dialled number */                       \
  X(Alerting, "alerting")          /* routed: the far end rings, ringback to the board */    \
  X(Connected, "connected")        /* answered: audio both ways */                           \
  X(Treatment, "treatment")        /* busy, congestion or SIT + announcement to the board */ \
  X(FarCleared, "far-cleared")     /* the far end hung up; waiting for the board */          \
  X(BoardCleared, "board-cleared") /* E1 incoming: the board sent clear-back */              \
  X(Dead, "dead")                  /* line dropped or span in alarm: no service */

#define BCTI_SIM_AS_ENUM(e, s) k##e,
enum class TrunkState : uint8_t { BCTI_SIM_TRUNK_STATES(BCTI_SIM_AS_ENUM) };

#define BCTI_SIM_PHONE_STATES(X)                                    \
  X(Idle, "idle")            /* on hook, quiet */                   \
  X(Ringing, "ringing")      /* on hook, ringing voltage present */ \
  X(RingPause, "ring-pause") /* on hook, between two rings */       \
  X(OffHook, "off-hook")     /* handset lifted */                   \
  X(Flashing, "flashing")    /* on hook for a flash, coming back */

enum class PhoneState : uint8_t { BCTI_SIM_PHONE_STATES(BCTI_SIM_AS_ENUM) };
#undef BCTI_SIM_AS_ENUM

struct TrunkStates {
  static const char* name(TrunkState s);
  static bool allowed(TrunkState from, TrunkState to);
};
struct PhoneStates {
  static const char* name(PhoneState s);
  static bool allowed(PhoneState from, PhoneState to);
};

using TrunkMachine = StateMachine<TrunkState, TrunkStates>;
using PhoneMachine = StateMachine<PhoneState, PhoneStates>;

}  // namespace bcti::sim
