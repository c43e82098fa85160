// The simulated board and the world behind it. The board's channels, in order:
// FXS ports (span 1, desk phones), FXO ports (span 1, PSTN lines), then each
// E1 span's 30 voice timeslots (TS1-15, 17-31; TS16 is kept for signalling).
//
// Behind them: phones (phone.cc), the exchange with its trunks and numbering
// plan (trunk.cc, exchange.cc), far ends running scripts (far_end.cc), a line
// model per channel (line_model.h), the detectors every listener hears with
// (ears.h), and faults (faults.cc).
//
// Threads: the board side (read/write/hook/set_polarity/set_bits/poll_event/
// span_status) runs on one thread at a time: the engine's media thread, or the
// JS thread when a test steps the board itself. JS queues commands
// (command()), applied at the start of the next read(); world events are
// batched and announced through the notify callback at the end of each frame
// in which there were some (and at least every 100 ms of world time).
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audio.h"
#include "config.h"
#include "drivers/sim/boardcti_sim.h"
#include "ears.h"
#include "events.h"
#include "line_model.h"
#include "states.h"

namespace bcti::sim {

// What JS asks of the world.
struct Command {
  enum class Op : uint8_t {
    kCallIn,        // ch, call, text (caller number), script
    kExpect,        // text (number), script
    kForget,        // text (number)
    kFarPress,      // call, text
    kFarSpeak,      // call, ms
    kFarSilence,    // call, ms
    kFarPlay,       // call, tone, ms
    kFarHangup,     // call
    kPhoneOffHook,  // ch
    kPhoneOnHook,   // ch
    kPhoneDial,     // ch, text
    kPhoneFlash,    // ch, ms
    kPhoneSpeak,    // ch, ms
    kPhoneStop,     // ch: stop sending
    kDropLine,      // ch, ms
    kAlarm,         // span, bits
    kClearAlarm,    // span
    kSpanErrors,    // span, n (CRC errors), ms (slips)
    kPriRestart,    // ch: the exchange sends RESTART for this B channel
    kReset,
  };
  Op op = Op::kReset;
  int ch = 0;  // 1-based channel
  uint32_t call = 0;
  std::string text;
  int ms = 0;
  int64_t n = 0;
  ToneKind tone = ToneKind::kBusy;
  uint32_t bits = 0;
  FarScript script;
};

class World {
 public:
  explicit World(SimConfig cfg);
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // ---- the board (C ABI) ----
  const bcti_sim_port* port() const { return &port_; }
  const std::vector<bcti_sim_channel>& channels() const { return chan_info_; }
  void read(uint8_t* const* rx, int n);
  void write(const uint8_t* const* tx, int n);
  void hook(int ch, int op);
  void set_polarity(int ch, bool reversed);
  void set_bits(int ch, uint32_t abcd);
  bool poll_event(bcti_sim_event* ev);
  bool span_status(int span, bcti_sim_span_status* out);
  int read_dchan(int span, uint8_t* buf, int max);
  int write_dchan(int span, const uint8_t* buf, int n);
  void retain() { refs_.fetch_add(1); }
  // Deletes the world at the last release.
  void release();
  // The port's retain/release: a driver (an engine) holds the board.
  void driver_retain() {
    drivers_.fetch_add(1);
    retain();
  }
  void driver_release() {
    drivers_.fetch_sub(1);
    release();
  }
  // Whether a driver holds the port (the test hooks are off then).
  bool attached() const { return drivers_.load() > 0; }

  // ---- JS side ----
  void command(Command c);
  uint32_t new_call_id();  // ids of calls JS places (outgoing ones the world numbers itself)
  std::vector<WorldEvent> drain();
  void set_notify(std::function<void()> fn);
  int64_t now() const { return now_.load(std::memory_order_relaxed); }
  const SimConfig& config() const { return cfg_; }

 private:
  friend class Exchange;
  struct Chan;
  struct Phone;
  struct Trunk;
  struct Span;

  // world.cc
  void emit(const WorldEvent& e);
  void emit(Ev type, int ch, uint32_t call, int64_t value, const std::string& text);
  void line_event(int ch, uint8_t type, uint32_t value, int span = -1);
  void apply(Command& c);
  void on_heard(int ch, Heard what, const char* text, int64_t t);
  bool connected(const Chan& c) const;
  // phone.cc
  void phone_hook(Phone& p, bool off, const char* why);
  void phone_ringer(Phone& p, bool on);
  void phone_callerid(Phone& p, const uint8_t* tx, int n);
  void trunk_callerid(Trunk& t);
  void trunk_callerid_first(Trunk& t);
  bool trunk_sends_callerid(Trunk& t, int16_t* far, int n);
  void phone_tick(Phone& p);
  void phone_command(Phone& p, Command& c);
  // trunk.cc: the exchange's side of a trunk
  void trunk_go(Trunk& t, TrunkState to, const char* why);
  void trunk_board_hook(Trunk& t, int op);
  // Pulse dialling (trunk_pulse.cc): true when the hook change was a pulse.
  bool trunk_pulse_hook(Trunk& t, bool off);
  void trunk_pulse_tick(Trunk& t);
  void trunk_board_bits(Trunk& t, uint32_t abcd);
  void trunk_tick(Trunk& t);
  void trunk_heard(Trunk& t, Heard what, const char* text, int64_t at);
  void trunk_end(Trunk& t, const char* why);
  void send_bits(Trunk& t, uint32_t abcd);
  void incoming(Trunk& t, Command& c);
  void route(Trunk& t);
  void answer(Trunk& t);
  void far_hangup(Trunk& t);
  // trunk_r2.cc: MFC-R2 registers on a CAS timeslot
  void trunk_r2_start(Trunk& t, int role);
  void trunk_r2_stop(Trunk& t);
  void trunk_r2_frame(Trunk& t, const int16_t* heard, int n);
  void trunk_r2_send(Trunk& t, int signal);
  void trunk_r2_forward(Trunk& t, int a);
  void trunk_r2_backward(Trunk& t, int s);
  void trunk_r2_done(Trunk& t);
  // far_end.cc: scripts
  void start_script(Trunk& t);
  void run_script(Trunk& t);
  void far_action(Trunk& t, Command& c);
  // pri_net.cc: the exchange's side of an ISDN PRI span
  struct PriNet;
  void pri_start(Span& s);
  void pri_tick(Span& s);
  void pri_handle(Span& s, void* ev);
  void pri_incoming(Trunk& t);
  void pri_route(Trunk& t);
  void pri_far_hangup(Trunk& t, int cause);
  void pri_board_cleared(Trunk& t, int cause);
  void pri_restart(Trunk& t);
  void pri_connect(Trunk& t);
  int64_t ring_delay(const FarScript& f) const;  // samples from alerting to the answer
  void pri_drop(Span& s);
  Span& span_of(const Trunk& t);
  // faults.cc
  void drop_line(Trunk& t, int ms);
  void alarm(Span& s, uint32_t bits);
  void reset_board();
  void span_tick(Span& s, int n);

  Trunk* trunk_of_call(uint32_t call);
  Trunk* trunk_at(int ch);
  Phone* phone_at(int ch);
  ToneDescriptor plan_tone(ToneKind k) const;

  SimConfig cfg_;
  bcti_sim_port port_{};
  std::vector<bcti_sim_channel> chan_info_;
  std::vector<std::unique_ptr<Chan>> chans_;
  std::vector<std::unique_ptr<Phone>> phones_;
  std::vector<std::unique_ptr<Trunk>> trunks_;
  std::vector<std::unique_ptr<Span>> spans_;  // index 0: the analog span
  std::unique_ptr<Ears> ears_;
  std::deque<bcti_sim_event> line_q_;  // to the board's driver
  std::atomic<int> refs_{1};
  std::atomic<int> drivers_{0};
  std::atomic<int64_t> now_{0};  // world sample at the start of the next frame
  int64_t t_ = 0;                // the same, board thread only
  int frame_ = 160;              // samples in the current frame
  uint32_t out_calls_ = 0;
  int64_t last_clock_ = 0;
  std::vector<int16_t> pcm_;  // scratch: [channel][frame]
  std::vector<const int16_t*> heard_ptrs_;

  std::mutex cmd_mu_;
  std::vector<Command> cmds_;
  uint32_t js_calls_ = 0;

  std::mutex ev_mu_;
  std::vector<WorldEvent> events_;
  std::vector<WorldEvent> frame_events_;  // board thread, moved to events_ per frame
  std::function<void()> notify_;
};

}  // namespace bcti::sim
