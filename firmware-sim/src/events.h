// What the world tells JS (through the addon's thread-safe function, batched
// per frame): phones ringing and hearing things, far ends changing state and
// hearing things, numbers the board dialled, faults. Plain data, fixed size.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>

namespace bcti::sim {

#define BCTI_SIM_WORLD_EVENTS(X)                                                                                \
  X(kClock, "clock")                /* time passed (at least every 100 ms) */                                   \
  X(kPhoneRing, "phone:ring")       /* value 1: ringing voltage on, 0: off */                                   \
  X(kPhoneState, "phone:state")     /* text: state name */                                                      \
  X(kPhoneHeard, "phone:heard")     /* value: Heard kind; text: tone or digit */                                \
  X(kPhoneDisplay, "phone:display") /* caller ID decoded: text number (or private / unavailable), value time */ \
  X(kCallState, "call:state")       /* text: trunk state; value: 1 incoming */                                  \
  X(kCallDialled, "call:dialled")   /* the board called text (a new call id) */                                 \
  X(kCallCalling, "call:calling")   /* MFC-R2: the board sent ANI text; value 0 shown, 1 withheld, 2 none */    \
  X(kCallHeard, "call:heard")       /* the far end heard: value Heard, text */                                  \
  X(kCallScript, "call:script")     /* value: index of the step that finished; -1 all */                        \
  X(kCallEnded, "call:ended")       /* text: why */                                                             \
  X(kLineSignal, "line:signal")     /* a raw event the board reported (value type<<8|v) */                      \
  X(kBoardBits, "line:bits")        /* E1: the board sent these ABCD bits */                                    \
  X(kSpanAlarm, "span:alarm")       /* value: alarm bits */                                                     \
  X(kBoardReset, "board:reset")                                                                                 \
  X(kPriEvent, "pri:event") /* ISDN: text what (dchan-up, restart-ack...), value */

#define BCTI_SIM_AS_ENUM(e, s) e,
enum class Ev : uint8_t { BCTI_SIM_WORLD_EVENTS(BCTI_SIM_AS_ENUM) };
#undef BCTI_SIM_AS_ENUM
const char* ev_name(Ev e);

// What a phone or a far end heard.
enum class Heard : uint8_t { kTone = 0, kToneEnd = 1, kDigit = 2, kVoice = 3, kSilence = 4, kFlash = 5, kHangup = 6 };
const char* heard_name(Heard h);

struct WorldEvent {
  Ev type = Ev::kClock;
  int32_t channel = 0;  // 1-based board channel, 0 for none
  uint32_t call = 0;    // call id, 0 for none
  int64_t t = 0;        // world sample when it happened
  int64_t value = 0;
  char text[40] = {0};
  void set_text(const std::string& s) {
    size_t n = s.size() < sizeof(text) - 1 ? s.size() : sizeof(text) - 1;
    std::memcpy(text, s.data(), n);
    text[n] = 0;
  }
};

}  // namespace bcti::sim
