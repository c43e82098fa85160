// The line:* event names native/sig reports (through SigPort::line_event), for
// every board family: analog and CAS (line_signalling.cc) and ISDN PRI
// (pri_span.cc). TS reads them in src/telephony (leg.ts, dial.ts).
#pragma once

namespace bcti::lev {
inline constexpr const char* kState = "line:state";
inline constexpr const char* kRefused = "line:refused";           // the line state table refused a move (logged by TS)
inline constexpr const char* kOffHook = "line:offhook";           // FXS: the phone went off hook
inline constexpr const char* kOnHook = "line:onhook";             // FXS: the phone hung up
inline constexpr const char* kFlash = "line:flash";               // FXS: hook flash
inline constexpr const char* kAnswered = "line:answered";         // the called side answered
inline constexpr const char* kRing = "line:ring";                 // FXO: a ring (value: count); E1: seizure; PRI: SETUP
inline constexpr const char* kRingStopped = "line:ring-stopped";  // the caller gave up before answer
inline constexpr const char* kDisconnect = "line:disconnect";     // the far end left (name: cause)
inline constexpr const char* kDialed = "line:dialed";             // FXO: pulse dialling finished
inline constexpr const char* kProceeding = "line:proceeding";     // PRI: CALL PROCEEDING
inline constexpr const char* kAlerting = "line:alerting";         // PRI: ALERTING
inline constexpr const char* kProgress = "line:progress";         // PRI: PROGRESS (value: cause or 0)
inline constexpr const char* kSpanDchan = "span:dchan";           // PRI, span-wide: D channel up (1) or down (0)
}  // namespace bcti::lev
