// Events from the engine to TS. Types are `noun:verb` strings with static
// storage; the N-API layer turns a batch into an array of plain objects.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bcti {

namespace ev {
inline constexpr const char* kDtmf = "dtmf:digit";   // digit recognised (start_ms = its start)
inline constexpr const char* kDtmfEnd = "dtmf:end";  // digit ended (end_ms)
inline constexpr const char* kTone = "tone:start";   // call-progress tone recognised
inline constexpr const char* kToneEnd = "tone:end";
inline constexpr const char* kVoice = "energy:voice";      // speech/energy began
inline constexpr const char* kSilence = "energy:silence";  // energy ended
inline constexpr const char* kPlayDone = "play:done";
inline constexpr const char* kRecordDone = "record:done";
inline constexpr const char* kCollectDone = "collect:done";
inline constexpr const char* kCommandDone = "command:done";  // an immediate command was applied
inline constexpr const char* kAdvanced = "engine:advanced";  // stepped mode: a budget of ticks is spent
inline constexpr const char* kClock = "engine:clock";        // engine time, every clock_ms
inline constexpr const char* kError = "channel:error";
inline constexpr const char* kSpanAlarm = "span:alarm";  // value: alarm bits (0 = cleared)
inline constexpr const char* kBoardReset = "board:reset";
// line:* events (line:offhook, line:ring, line:disconnect...) and span:dchan come
// from native/sig (native/sig/line_events.h).
}  // namespace ev

struct Event {
  const char* type = nullptr;
  int board = -1;
  int span = -1;
  int channel = -1;  // 1-based channel number on its board, -1 for engine events
  uint32_t cmd = 0;  // command id this completes, 0 if none
  uint64_t seq = 0;
  int64_t ts_ms = 0;           // engine time
  const char* name = nullptr;  // tone name, completion reason
  const char* code = nullptr;  // CTI_ERR_* when the command failed
  char digit = 0;
  int64_t start_ms = -1;
  int64_t end_ms = -1;
  double value = 0;            // level (dBm0), duration ms, ...
  std::string text;            // collected digits, file path, message
  const char* from = nullptr;  // line:refused: the state the refused move was from (name: the state it was to)
  // ISDN call set-up (line:ring on a PRI span): the parties as the SETUP
  // carried them. ton: Q.931 type of number (0 unknown, 1 international,
  // 2 national, 4 subscriber...), -1 absent; presentation: 0 allowed,
  // 1 restricted, 2 not available, -1 absent.
  std::string calling;
  std::string called;
  int calling_ton = -1;
  int called_ton = -1;
  int presentation = -1;
};

using EventBatch = std::vector<Event>;

}  // namespace bcti
