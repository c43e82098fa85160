#include "drivers/sim/sim_board.h"

#include <stdexcept>
#include <string>

namespace bcti::drv {

// The C ABI mirrors driver.h value for value; keep them in step.
static_assert(static_cast<int>(HookOp::kOnHook) == BCTI_SIM_ON_HOOK);
static_assert(static_cast<int>(HookOp::kOffHook) == BCTI_SIM_OFF_HOOK);
static_assert(static_cast<int>(HookOp::kFlash) == BCTI_SIM_FLASH);
static_assert(static_cast<int>(HookOp::kRing) == BCTI_SIM_RING);
static_assert(static_cast<int>(HookOp::kRingOff) == BCTI_SIM_RING_OFF);
static_assert(static_cast<int>(LineEventType::kOffHook) == BCTI_SIM_EV_OFF_HOOK);
static_assert(static_cast<int>(LineEventType::kOnHook) == BCTI_SIM_EV_ON_HOOK);
static_assert(static_cast<int>(LineEventType::kRingBegin) == BCTI_SIM_EV_RING_BEGIN);
static_assert(static_cast<int>(LineEventType::kRingEnd) == BCTI_SIM_EV_RING_END);
static_assert(static_cast<int>(LineEventType::kPolarity) == BCTI_SIM_EV_POLARITY);
static_assert(static_cast<int>(LineEventType::kLoopDrop) == BCTI_SIM_EV_LOOP_DROP);
static_assert(static_cast<int>(LineEventType::kBits) == BCTI_SIM_EV_BITS);
static_assert(static_cast<int>(LineEventType::kAlarm) == BCTI_SIM_EV_ALARM);
static_assert(static_cast<int>(LineEventType::kReset) == BCTI_SIM_EV_RESET);
static_assert(uint32_t{kAlarmLos} == uint32_t{BCTI_SIM_ALARM_LOS} &&
              uint32_t{kAlarmRed} == uint32_t{BCTI_SIM_ALARM_RED});
static_assert(uint32_t{kAlarmYellow} == uint32_t{BCTI_SIM_ALARM_YELLOW} &&
              uint32_t{kAlarmBlue} == uint32_t{BCTI_SIM_ALARM_BLUE});
static_assert(static_cast<int>(Law::kUlaw) == BCTI_SIM_ULAW && static_cast<int>(Law::kAlaw) == BCTI_SIM_ALAW);

namespace {
ChannelKind kind_of(uint8_t k) {
  switch (k) {
    case BCTI_SIM_FXS: return ChannelKind::kFxs;
    case BCTI_SIM_FXO: return ChannelKind::kFxo;
    case BCTI_SIM_E1: return ChannelKind::kE1;
    default: throw std::invalid_argument("sim port: unknown channel kind " + std::to_string(k));
  }
}
}  // namespace

SimDriverBoard::SimDriverBoard(const bcti_sim_port* port) : port_(port) {
  if (!port) throw std::invalid_argument("sim port: null");
  if (port->abi_version != BCTI_SIM_ABI_VERSION || port->struct_size < sizeof(bcti_sim_port))
    throw std::invalid_argument("sim port: ABI version " + std::to_string(port->abi_version) + ", this driver speaks " +
                                std::to_string(BCTI_SIM_ABI_VERSION) +
                                " (rebuild firmware-sim and the engine together)");
  info_.driver = "sim";
  info_.model = port->model ? port->model : "";
  info_.serial = port->serial ? port->serial : "";
  info_.firmware = port->firmware ? port->firmware : "";
  for (int32_t i = 0; i < port->channel_count; i++) {
    const bcti_sim_channel& c = port->channels[i];
    if (c.number != i + 1) throw std::invalid_argument("sim port: channel numbers must run 1..n in order");
    if (c.law != BCTI_SIM_ULAW && c.law != BCTI_SIM_ALAW) throw std::invalid_argument("sim port: bad law");
    info_.channels.push_back({c.span, c.number, c.timeslot, kind_of(c.kind), static_cast<Law>(c.law)});
  }
  port_->retain(port_->ctx);
}

SimDriverBoard::~SimDriverBoard() { port_->release(port_->ctx); }

void SimDriverBoard::read(uint8_t* const* rx, int n) { port_->read(port_->ctx, rx, n); }

void SimDriverBoard::write(const uint8_t* const* tx, int n) { port_->write(port_->ctx, tx, n); }

void SimDriverBoard::hook(int channel, HookOp op) { port_->hook(port_->ctx, channel, static_cast<int32_t>(op)); }

void SimDriverBoard::set_polarity(int channel, bool reversed) {
  port_->set_polarity(port_->ctx, channel, reversed ? 1 : 0);
}

void SimDriverBoard::set_bits(int channel, uint32_t abcd) { port_->set_bits(port_->ctx, channel, abcd & 0xF); }

bool SimDriverBoard::poll_event(LineEvent* ev) {
  bcti_sim_event e{};
  if (!port_->poll_event(port_->ctx, &e)) return false;
  ev->type = static_cast<LineEventType>(e.type);
  ev->span = e.span;
  ev->channel = e.channel;
  ev->value = e.value;
  return true;
}

SpanStatus SimDriverBoard::span_status(int span) const {
  bcti_sim_span_status s{};
  SpanStatus out;
  if (!port_->span_status(port_->ctx, span, &s)) return out;
  out.alarms = s.alarms;
  out.slips = s.slips;
  out.crc_errors = s.crc_errors;
  out.bipolar_violations = s.bipolar_violations;
  out.frame_errors = s.frame_errors;
  return out;
}

int SimDriverBoard::read_dchan(int span, uint8_t* buf, int max) {
  return port_->read_dchan(port_->ctx, span, buf, max);
}

int SimDriverBoard::write_dchan(int span, const uint8_t* buf, int n) {
  return port_->write_dchan(port_->ctx, span, buf, n);
}

}  // namespace bcti::drv
