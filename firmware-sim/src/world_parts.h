// The parts of the world (private to firmware-sim/src): a board channel with
// its line, a phone, a trunk with the call on it, a span.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "native/dsp/callerid.h"
#include "native/dsp/mf_r2.h"
#include "world.h"

namespace bcti::sim {

// The audio path of one board channel: who talks toward the board (mouth),
// the line model, and scratch buffers for one frame.
struct World::Chan {
  Chan(const bcti_sim_channel& i, const LineModelConfig& lm, uint64_t seed)
      : info(i), line(lm, static_cast<Law>(i.law), seed, 1000 + i.number), mouth(seed, 2000 + i.number) {}
  bcti_sim_channel info;
  LineModel line;
  Mouth mouth;
  int phone = -1;              // index into phones_
  int trunk = -1;              // index into trunks_
  std::vector<int16_t> heard;  // what the listener heard this frame
};

// A desk phone on an FXS port.
struct World::Phone {
  int ch = 0;  // 1-based board channel
  PhoneConfig cfg;
  PhoneMachine sm{PhoneState::kIdle};
  bool ringer = false;       // ringing voltage present (whatever the hook)
  int rings = 0;             // rings since it last rang from quiet
  int64_t last_edge = -1;    // world sample of the last ringer change
  int64_t quiet_since = -1;  // ring pause started
  int64_t answer_at = -1;    // auto-answer deadline
  int64_t flash_until = -1;  // back off hook then
  // The caller ID receiver, listening across the line while on hook (as a
  // real phone's is), fed by World::write.
  CidFskRx cid;
  std::vector<int16_t> cid_buf;
  bool heard_dtas = false;  // on hook: DT-AS on the line now
  bool heard_data = false;  // on hook: other signal (FSK) on the line now
};

// The exchange's side of one trunk (FXO line or E1 timeslot) and its call.
struct World::Trunk {
  int ch = 0;  // 1-based board channel
  bool e1 = false;
  int span = 1;        // 1-based board span
  int index = 0;       // FXO: line number (1-based); E1: timeslot
  std::string number;  // this trunk's own number (what callers dial to reach it)
  LineConfig line;     // FXO signalling options (E1: unused)
  TrunkMachine sm{TrunkState::kIdle};
  int64_t since = 0;  // world sample of the last state change

  // The call on it.
  uint32_t call = 0;
  bool incoming = false;
  std::string from;    // incoming: caller number
  std::string digits;  // outgoing: dialled so far
  FarScript script;
  int64_t timer = -1;  // next deadline (ring cadence, digit timeout, answer)
  size_t cadence_step = 0;
  bool ring_on = false;
  int rings = 0;
  size_t step = 0;  // script step
  bool step_started = false;
  bool step_done = false;  // a wait step was satisfied
  int64_t step_deadline = -1;
  int digits_heard = 0;
  bool greeted = false;          // machine / fax prologue queued
  std::vector<int16_t> cid_pcm;  // caller ID burst being sent in the first ring pause
  size_t cid_pos = 0;
  int64_t cid_at = -1;       // world sample it starts at (-1: none)
  bool cid_restore = false;  // ETSI DT-AS: normal polarity again when the burst ends
  int64_t pulse_end = -1;    // ETSI RP-AS: the ring pulse ends then

  // Line state.
  bool board_offhook = false;  // FXO: the board holds the loop
  bool reversed = false;       // FXO: battery polarity toward the board
  uint32_t rx_bits = 0x9;      // E1: what the board receives
  uint32_t tx_bits = 0x9;      // E1: what the board sends
  int64_t dead_until = -1;     // line dropped until then (-1: in service)

  // ISDN PRI (pri_net.cc)
  bool pri = false;
  struct q931_call* pri_call = nullptr;
  int cause = 0;               // the cause the exchange clears with when `timer` fires
  bool restricted = false;     // incoming: the caller's number is not to be presented
  std::string pending_digits;  // overlap: sent in INFORMATION after SETUP ACKNOWLEDGE

  // MFC-R2 registers (trunk_r2.cc): the exchange's own register, forward
  // when it calls the board, backward when the board calls out.
  bool r2 = false;
  bool r2_itu = false;
  int r2_role = 0;    // 0 none, 1 forward, 2 backward
  int r2_phase = 0;   // trunk_r2.cc: Phase
  int r2_tx = 0;      // the signal the exchange sends (0 none)
  int r2_heard = 0;   // the signal being answered
  int r2_sent = 0;    // forward: what the last signal was (trunk_r2.cc: Sent)
  int r2_expect = 0;  // backward: what the next forward signal is (trunk_r2.cc: Expect)
  bool r2_group_b = false, r2_ani_asked = false, r2_ani_done = false, r2_accepting = false, r2_withheld = false;
  size_t r2_dnis_at = 0, r2_ani_at = 0;
  std::string r2_ani;         // backward: the calling number received
  int64_t r2_since = 0;       // world sample of the last step
  int64_t r2_pulse_end = -1;  // backward: a pulsed signal ends then
  MfR2Rx r2_rx{MfR2Dir::kBackward};

  // FXO pulse dialling, while the exchange waits for digits.
  int64_t break_at = -1;  // the board opened the loop then (-1: closed)
  int64_t make_at = -1;   // the loop closed again after a pulse
  int pulses = 0;         // pulses of the digit being dialled
};

// libpri's userdata for a span's controller (pri_net.cc).
struct World::PriNet {
  World* world = nullptr;
  Span* span = nullptr;
  static int read(struct pri* p, void* buf, int len);
  static int write(struct pri* p, void* buf, int len);
};

struct World::Span {
  int number = 1;
  bool e1 = false;
  E1SpanConfig cfg;
  // ISDN PRI: the exchange's libpri controller and the D channel's frames.
  struct pri* net = nullptr;
  PriNet ctx;
  std::deque<std::vector<uint8_t>> to_board, from_board;
  std::vector<uint8_t> frame;  // the frame pri_check_event() reads
  bool dchan_up = false;
  bcti_sim_span_status status{};
  int64_t crc_acc = 0;  // samples toward the next CRC error while in alarm
};

}  // namespace bcti::sim
