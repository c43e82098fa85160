// The simulated board's configuration, as the addon parses it from the object
// TS built and validated (src/sim/config.ts holds the defaults and the
// messages; C++ only guards). Times in ms, levels in dBm0, losses in dB.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "native/dsp/g711.h"
#include "native/dsp/tone_plan.h"

namespace bcti::sim {

// What one line does to audio (line_model.h).
struct LineModelConfig {
  double loss_db = 6;               // each direction
  double noise_dbm0 = -68;          // white noise added toward the board; <= -120: none
  double echo_delay_ms = 4;         // hybrid echo of what the board sends (plus one frame)
  double echo_return_loss_db = 18;  // >= 120: no echo
  bool tandem_g711 = true;          // the far side's network codes the audio once more
};

// How the exchange tells the board that the far end hung up (FXO lines).
enum class HangupSignal : uint8_t { kPolarity, kLoopDrop, kBusyTone };

// One step of a far end's script, run in order once the call is connected.
struct Step {
  enum class Op : uint8_t { kSpeak, kSilence, kPress, kPlay, kWait, kHangup };
  enum class Wait : uint8_t { kVoice, kSilence, kDigits, kTone };
  Op op = Op::kSilence;
  int ms = 0;                       // speak / silence; wait: timeout (0 = none)
  std::string digits;               // press
  ToneKind tone = ToneKind::kBusy;  // play, wait for a tone
  double hz = 0;                    // play: a plain sine of this frequency instead of a plan tone
  double dbm0 = -10;                // its level
  Wait wait = Wait::kVoice;
  int count = 1;  // wait for this many digits
};

// Who is at the far end of a call and how it behaves.
enum class FarKind : uint8_t { kPerson, kBusy, kNoAnswer, kUnallocated, kMachine, kFax, kCongestion };

struct FarScript {
  FarKind kind = FarKind::kPerson;
  int rings = 2;             // outgoing: answers after this many ring cycles
  int greeting_ms = 0;       // person: says hello for this long on answer; machine: greeting
  int record_ms = 20000;     // machine: listens this long after the beep, then hangs up
  double speech_dbm0 = -16;  // level of its voice at its own end
  int give_up_ms = 0;        // incoming: the caller hangs up unanswered after this (0: never)
  // Incoming on an FXO line: caller ID the exchange sends in the first ring
  // pause (0 none, 1 Bell 202 MDMF, 2 V.23), and whether one bit of it is
  // flipped on the way (the checksum must catch it).
  int callerid = 1;
  bool callerid_bit_error = false;
  // When: 0 in the first ring pause; before the first ring (ETSI EN 300 659-1,
  // timed as native/dsp/callerid.h CidAlert says) 1 after line reversal and
  // DT-AS, 2 after a ring pulse (RP-AS).
  int callerid_timing = 0;
  bool cng = false;        // fax: send CNG (a calling fax) instead of CED (an answering fax)
  int hangup_signal = -1;  // FXO: HangupSignal for this call, -1: the line's
  std::vector<Step> steps;
};

struct PhoneConfig {
  std::string extension;
  LineModelConfig line;
  int answer_after_rings = 0;  // 0: only when told to
};

struct LineConfig {  // an FXO port: a PSTN line
  std::string number;
  LineModelConfig line;
  bool answer_polarity = true;  // polarity reversal when the called party answers
  HangupSignal hangup = HangupSignal::kPolarity;
};

struct E1SpanConfig {
  Law law = Law::kAlaw;
  bool pri = false;           // TS16: ISDN PRI (the exchange is the network side) instead of CAS
  bool overlap = false;       // PRI: incoming SETUPs carry part of the number, INFORMATION the rest
  int no_answer_ms = 20000;   // PRI: a far end that never answers is cleared with cause 19 after this
  bool r2 = true;             // CAS: the numbers travel in MFC-R2 registers (false: the board dials DTMF)
  bool r2_itu = false;        // MFC-R2 signal meanings: ITU-T Q.441 instead of China No.1
  std::string number_prefix;  // DDI: timeslot n answers prefix + n in two digits
  LineModelConfig line;
};

struct SimConfig {
  uint64_t seed = 1;
  std::string model = "BCTI-SIM-8S8O1E";
  std::string serial = "SIM-0001";
  std::string firmware = "sim-1.0";
  Law analog_law = Law::kAlaw;
  std::shared_ptr<const TonePlan> plan;
  std::vector<int> ring_cadence_ms = {1000, 4000};  // on, off, ...
  std::vector<PhoneConfig> phones;
  std::vector<LineConfig> lines;
  std::vector<E1SpanConfig> e1;
  std::map<std::string, FarScript> numbers;  // the numbering plan
  FarScript unknown;                         // any other number (unallocated)
  int first_digit_ms = 10000;                // dial tone with no digit: congestion after this
  int interdigit_ms = 4000;                  // the number is complete after this much quiet
  int flash_ms = 300;                        // a phone's hook flash
};

}  // namespace bcti::sim
