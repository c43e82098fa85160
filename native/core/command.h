// Commands from JS to the media thread. The N-API layer validates arguments and
// fills these; the engine applies them at the start of the next tick.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "native/dsp/g711.h"
#include "native/dsp/tone_gen.h"
#include "native/sig/pri_channel.h"  // SetupSpec

namespace bcti {

enum class Op : uint8_t {
  kPlay,
  kStopPlay,
  kRecord,
  kStopRecord,
  kDetect,
  kCollect,
  kStopCollect,
  kBridge,
  kUnbridge,
  kConfJoin,
  kConfLeave,
  kHangup,  // stop every media operation on the channel (canceled)
  // Line signalling (native/sig):
  kOffHook,    // FXO/E1: answer an alerting line, or seize an idle one
  kOnHook,     // release the line (FXS: stop ringing)
  kFlash,      // FXO: hook flash
  kRing,       // FXS: ring the phone with `cadence_ms`
  kStopRing,   // FXS
  kSetup,      // ISDN PRI: place a call on this B channel (SETUP)
  kPulseDial,  // FXO: dial `digits` by loop-disconnect pulses
};

struct PlaySpec {
  std::shared_ptr<const std::vector<int16_t>> pcm;  // decoded 8 kHz prompt
  std::shared_ptr<const ToneDescriptor> tone;       // or a tone / digit script
  bool loop = false;
  bool barge_in = false;  // a DTMF digit stops the prompt
  std::string label;      // file path or description, echoed in play:done
};

enum class RecordSource : uint8_t { kRx, kTx, kBoth };

struct RecordSpec {
  std::string path;
  Law format = Law::kLinear;  // kLinear = 16-bit PCM
  int max_ms = 0;             // 0 = no limit
  int max_silence_ms = 0;     // 0 = off
  double silence_dbm0 = -42;  // below this is silence
  std::string stop_digits;    // any of these ends the recording
  bool beep = false;          // a 400 ms 1 kHz beep before recording
  RecordSource source = RecordSource::kRx;
};

struct DetectSpec {
  bool dtmf = true;
  bool tones = false;
  bool energy = false;
};

struct CollectSpec {
  int max_digits = 1;
  int timeout_ms = 5000;      // for the first digit
  int inter_digit_ms = 3000;  // between digits
  std::string terminators;    // e.g. "#"
  bool flush = false;         // discard digits typed ahead
};

enum class ConfMode : uint8_t { kTalkListen, kListenOnly, kTalkOnly };

struct Command {
  uint32_t id = 0;
  Op op = Op::kStopPlay;
  int board = 0;
  int channel = 0;  // 1-based
  int board2 = 0;   // bridge partner
  int channel2 = 0;
  int conf = 0;
  ConfMode conf_mode = ConfMode::kTalkListen;
  PlaySpec play;
  RecordSpec rec;
  DetectSpec detect;
  CollectSpec collect;
  std::vector<int> cadence_ms;  // kRing; empty = the channel's default
  // kRing: caller ID to play in the first ring pause (null: none), starting
  // callerid_after_ms after the first ring ends.
  std::shared_ptr<const std::vector<int16_t>> callerid;
  int callerid_after_ms = 500;
  // kRing, caller ID before the first ring (ETSI EN 300 659-1): the burst
  // (DT-AS + FSK, or FSK) starts callerid_at_ms after the command (-1: in the
  // first ring pause instead); the line is reversed at once and restored when
  // it ends (callerid_reverse); ringing starts ring_delay_ms after the command,
  // after a ring pulse of ring_pulse_ms at once (RP-AS) when > 0.
  int callerid_at_ms = -1;
  bool callerid_reverse = false;
  int ring_delay_ms = 0;
  int ring_pulse_ms = 0;
  SetupSpec setup;     // kSetup
  int cause = 16;      // kOnHook on a PRI channel: the Q.850 cause (16 normal clearing)
  std::string digits;  // kPulseDial
};

}  // namespace bcti
