#include "drivers/skel/skel_board.h"

#include <cstring>

namespace bcti::drv {

SkelBoard::SkelBoard(const std::string& device) : device_(device) {
  info_.driver = "skel";  // the name engine.addBoard({ driver }) will use
  info_.model = "skeleton";
  info_.serial = device;  // read the real serial from the card
  info_.firmware = "none";
  // One entry per channel, numbered 1..n in the order read()/write() use:
  //   info_.channels.push_back({span, number, timeslot, ChannelKind::kFxo, Law::kAlaw});
}

SkelBoard::~SkelBoard() {
  // Close the device; the engine has stopped calling read/write by now.
}

void SkelBoard::read(uint8_t* const* rx, int n) {
  // Copy the card's receive buffer of each channel; here: idle codes.
  for (size_t c = 0; c < info_.channels.size(); c++)
    std::memset(rx[c], info_.channels[c].law == Law::kUlaw ? 0xFF : 0xD5, static_cast<size_t>(n));
}

void SkelBoard::write(const uint8_t* const* tx, int n) {
  // Copy tx[c] to the card's transmit buffer of each channel.
  (void)tx;
  (void)n;
}

void SkelBoard::hook(int channel, HookOp op) {
  // FXO: kOffHook / kOnHook / kFlash (the card times the flash). FXS: kRing /
  // kRingOff (the engine times the cadence). Ignore what the channel cannot do.
  (void)channel;
  (void)op;
}

void SkelBoard::set_polarity(int channel, bool reversed) {
  (void)channel;
  (void)reversed;
}

void SkelBoard::set_bits(int channel, uint32_t abcd) {
  // E1 CAS: transmit these ABCD bits on the channel's TS16 nibble.
  (void)channel;
  (void)abcd;
}

bool SkelBoard::poll_event(LineEvent* ev) {
  (void)ev;
  return false;
}

SpanStatus SkelBoard::span_status(int span) const {
  // Alarms (AlarmBits) and the framer's counters of the span.
  (void)span;
  return {};
}

}  // namespace bcti::drv
