// Line signalling of one channel, on the media thread: FXS ports (desk phones),
// FXO ports (PSTN lines) and E1 timeslots with CAS line signalling (ITU-T Q.421
// a/b bits, c/d fixed at 0/1). Drivers report raw facts (hook, ring voltage,
// polarity, loop current, ABCD bits, alarms); this class times and interprets
// them (flash window, ring counting and timeout, answer and disconnect
// supervision) the same way for every board family, and emits `line:*` events.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "drivers/driver.h"
#include "native/sig/line_state.h"
#include "native/sig/pulse_dialer.h"

namespace bcti {

struct SigConfig {
  int flash_min_ms = 100;          // FXS: on-hook shorter than this is a hook bounce
  int flash_max_ms = 800;          // FXS: on-hook up to this long is a flash
  int ring_timeout_ms = 6500;      // FXO: no ring for this long: the caller gave up
  bool answer_on_polarity = true;  // FXO: a reversal on a seized line means answered
  bool disconnect_on_polarity = true;
  bool disconnect_on_loop_drop = true;
  std::vector<int> ring_cadence_ms = {1000, 4000};  // FXS ringing: on, off, ... (the tone plan's)
  PulseTiming pulse;                                // FXO: pulse dialling (10 pps, 60/40)
};

// What signalling needs from its channel: the board, events, the clock.
class SigPort {
 public:
  virtual ~SigPort() = default;
  virtual void hook(drv::HookOp op) = 0;
  virtual void set_bits(uint32_t abcd) = 0;
  // type: a line:* event; name: a reason; value: a count or bits.
  virtual void line_event(const char* type, const char* name, int64_t value) = 0;
  // The table refused `from -> to` (why: the event or command that asked);
  // refused: the channel's count of refused moves so far.
  virtual void line_refused(LineState from, LineState to, const char* why, uint32_t refused) = 0;
};

// Q.421 a/b bits in the ABCD nibble (A = 8, B = 4, C = 2, D = 1; c/d = 0/1).
namespace cas {
inline constexpr uint32_t kIdle = 0x9;       // forward idle / clear-forward; backward idle
inline constexpr uint32_t kSeize = 0x1;      // forward: seizure
inline constexpr uint32_t kSeizeAck = 0xD;   // backward: seizure acknowledged
inline constexpr uint32_t kAnswered = 0x5;   // backward: answered
inline constexpr uint32_t kClearBack = 0xD;  // backward: clear-back (after answer)
inline constexpr uint32_t kAbMask = 0xC;
}  // namespace cas

class LineSignalling {
 public:
  LineSignalling(drv::ChannelKind kind, const SigConfig& cfg) : kind_(kind), cfg_(cfg) {}

  void on_event(const drv::LineEvent& e, int64_t now_ms, SigPort& port);
  void tick(int64_t now_ms, SigPort& port);

  // Commands; each returns nullptr when done, else the CTI_ERR_* code, with
  // *why saying what was wrong.
  const char* offhook(int64_t now_ms, SigPort& port, const char** why);  // answer or seize
  const char* onhook(int64_t now_ms, SigPort& port, const char** why);   // hang up / release
  const char* flash(int64_t now_ms, SigPort& port, const char** why);
  // delay_ms > 0: the cadence starts that long after the command (caller ID
  // before the first ring), the phone counting as ringing meanwhile; with
  // pulse_ms > 0 the ringer is on for that long at once (ETSI RP-AS).
  const char* ring(const std::vector<int>& cadence_ms, int64_t now_ms, SigPort& port, const char** why,
                   int delay_ms = 0, int pulse_ms = 0);
  const char* stop_ring(int64_t now_ms, SigPort& port, const char** why);
  // FXO: dial `digits` (0-9) by loop-disconnect pulses; `line:dialed` when done.
  const char* pulse_dial(const std::string& digits, int64_t now_ms, SigPort& port, const char** why);

  // ISDN PRI (native/sig/pri_span.h) decides the state of its B channels
  // itself; this takes the move (through the table) and reports it.
  void drive(LineState to, int64_t now_ms, const char* why, SigPort& port) { go(to, now_ms, why, port); }

  // A span alarm took the channel out of service (true) or gave it back.
  void alarm(bool raised, int64_t now_ms, SigPort& port);
  // The board was reset: every channel is idle, whatever it was doing.
  void reset(int64_t now_ms, SigPort& port);

  LineState state() const { return sm_.state(); }
  const LineStateMachine& machine() const { return sm_; }
  int rings() const { return rings_; }
  drv::ChannelKind kind() const { return kind_; }

 private:
  // Through the table; false (reported to the port) when it refuses the move.
  bool go(LineState to, int64_t now_ms, const char* why, SigPort& port, LineCause by = LineCause::kMove);
  void disconnect(const char* cause, int64_t now_ms, SigPort& port);
  void on_fxs(const drv::LineEvent& e, int64_t now_ms, SigPort& port);
  void on_fxo(const drv::LineEvent& e, int64_t now_ms, SigPort& port);
  void on_cas(const drv::LineEvent& e, int64_t now_ms, SigPort& port);
  void ringer(bool on, SigPort& port);

  drv::ChannelKind kind_;
  SigConfig cfg_;
  LineStateMachine sm_;
  // FXS
  int64_t onhook_at_ = -1;  // pending on-hook (flash window running)
  std::vector<int> cadence_;
  size_t cadence_step_ = 0;
  int64_t cadence_next_ms_ = 0;
  bool ringer_on_ = false;
  int64_t prelude_until_ = -1;  // ETSI: the cadence starts then
  int64_t pulse_until_ = -1;    // ETSI RP-AS: the ring pulse ends then
  // FXO
  PulseDialer pulse_;
  int rings_ = 0;
  int64_t last_ring_ms_ = 0;
  // E1 CAS
  uint32_t rx_bits_ = cas::kIdle;
  bool outgoing_ = false;
  bool cleared_back_ = false;  // we sent clear-back, waiting for clear-forward
};

}  // namespace bcti
