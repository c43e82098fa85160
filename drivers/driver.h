// The interface every board family implements: pure I/O, no call logic.
// board -> spans -> channels; the engine's media thread calls read() then
// write() once per frame. Signalling (hook, ring, flash, polarity, alarms) joins
// this interface with the simulated board and the DAHDI driver; the shape
// follows DAHDI's one-block-per-channel read/write so that driver fits as is.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "native/base/law.h"

namespace bcti::drv {

enum class ChannelKind : uint8_t { kFxs, kFxo, kE1, kLoopback };

struct ChannelInfo {
  int span = 0;
  int number = 0;    // 1-based within the board, as DAHDI numbers channels
  int timeslot = 0;  // E1: 1..15, 17..31 (the B channel number in Q.931); analog: 0
  ChannelKind kind = ChannelKind::kLoopback;
  Law law = Law::kAlaw;
};

// Signalling the engine asks of a channel, as DAHDI_HOOK does.
enum class HookOp : uint8_t {
  kOnHook,   // FXO: release the line; E1: clear
  kOffHook,  // FXO: seize / answer; E1: seize / answer
  kFlash,    // FXO: hook flash (the board times it)
  kRing,     // FXS: ringer on (cadence is timed by the engine)
  kRingOff,  // FXS: ringer off
};

// What a board reports, as DAHDI_GETEVENT does. Raw: the engine times flashes,
// counts rings and debounces, so every driver reports the same facts.
enum class LineEventType : uint8_t {
  kOffHook,    // FXS: the phone went off hook
  kOnHook,     // FXS: the phone went on hook
  kRingBegin,  // FXO: ringing voltage started
  kRingEnd,    // FXO: ringing voltage stopped
  kPolarity,   // FXO: battery reversed (value: 1 reversed, 0 normal)
  kLoopDrop,   // FXO: loop current dropped (far end cleared on some exchanges)
  kBits,       // E1 CAS: received ABCD bits changed (value: 0..15)
  kAlarm,      // span: alarms changed (value: AlarmBits), 0 = cleared
  kReset,      // the board was reset: every channel is idle again
};

enum AlarmBits : uint32_t {
  kAlarmLos = 1u << 0,     // loss of signal
  kAlarmRed = 1u << 1,     // loss of frame / multiframe (local alarm)
  kAlarmYellow = 1u << 2,  // remote alarm indication from the far end
  kAlarmBlue = 1u << 3,    // AIS: all ones from upstream
};

struct LineEvent {
  LineEventType type = LineEventType::kOnHook;
  int span = 0;
  int channel = 0;  // 1-based on the board; 0 for span-wide events
  uint32_t value = 0;
};

struct SpanStatus {
  uint32_t alarms = 0;
  uint64_t slips = 0;
  uint64_t crc_errors = 0;
  uint64_t bipolar_violations = 0;
  uint64_t frame_errors = 0;
};

struct BoardInfo {
  std::string driver;  // "loopback", "sim", "dahdi"
  std::string model;
  std::string serial;
  std::string firmware;
  std::vector<ChannelInfo> channels;
  // Spans with an ISDN D-channel (see Board::read_dchan); not channels.
  std::vector<int> dchannel_spans;
};

class Board {
 public:
  virtual ~Board() = default;
  virtual const BoardInfo& info() const = 0;
  // One frame of line codewords per channel: rx[c] receives `n` bytes, tx[c]
  // holds `n` bytes to send. Called on the media thread only, in this order.
  virtual void read(uint8_t* const* rx, int n) = 0;
  virtual void write(const uint8_t* const* tx, int n) = 0;

  // Signalling; the defaults fit a board without any (the loopback board).
  virtual void hook(int /*channel*/, HookOp /*op*/) {}
  virtual void set_polarity(int /*channel*/, bool /*reversed*/) {}
  virtual void set_bits(int /*channel*/, uint32_t /*abcd*/) {}
  // Media thread, after read(): the next pending event, false when none.
  virtual bool poll_event(LineEvent* /*ev*/) { return false; }
  virtual SpanStatus span_status(int /*span*/) const { return {}; }

  // ISDN D channel of a span (E1: TS16 on a PRI span), media thread only.
  // Whole HDLC frames, each followed by its two FCS octets, as DAHDI's
  // D-channel read()/write() carry them (libpri's framing): the driver or the
  // card computes and checks the FCS, the engine never looks at those octets.
  // read_dchan: the next received frame into buf (at most max octets); its
  // length, 0 when none is waiting, -1 when the span has no D channel.
  virtual int read_dchan(int /*span*/, uint8_t* /*buf*/, int /*max*/) { return -1; }
  // write_dchan: queues one frame for sending; n, or -1 when it cannot be sent.
  virtual int write_dchan(int /*span*/, const uint8_t* /*buf*/, int /*n*/) { return -1; }
};

}  // namespace bcti::drv
