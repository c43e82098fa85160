// The MFC-R2 registers of an E1 CAS timeslot (native/sig/r2_register.h) in
// the channel's pipeline: an incoming seizure starts the incoming register and
// the call is offered (line:ring with the numbers) only when it completes; a
// setup() seizes and sends the numbers once the seizure is acknowledged, and
// the group B answer is reported as line:alerting (subscriber free) or
// line:progress with the Q.850 cause it stands for.
#include <cstring>

#include "native/base/errors.h"
#include "native/core/channel_pipeline.h"
#include "native/core/engine.h"
#include "native/sig/line_events.h"

namespace bcti {

void ChannelPipeline::on_line_event(const drv::LineEvent& e) {
  sig_.on_event(e, now_ms(), *this);
  if (r2_on_ && r2_.armed() && e.type == drv::LineEventType::kBits && sig_.state() == LineState::kSeized &&
      (e.value & cas::kAbMask) == (cas::kSeizeAck & cas::kAbMask))
    r2_.begin(now_ms());
}

// Whether a line event of the signalling goes out as it is (false: the register holds it).
bool ChannelPipeline::register_line_event(const char* type, const char* name) {
  if (std::strcmp(type, lev::kRing) == 0 && name && std::strcmp(name, "seizure") == 0) {
    r2_.start_incoming(now_ms());  // the call is offered when the numbers are in
    return false;
  }
  if (std::strcmp(type, lev::kRingStopped) == 0 && r2_.active() && r2_.incoming()) {
    r2_.stop();  // the caller cleared forward during the register: nobody was offered the call
    return false;
  }
  bool idle = sig_.state() == LineState::kIdle || sig_.state() == LineState::kBlocked;
  // (Clear-forward during the incoming register: the ring-stopped that follows stops it.)
  if (std::strcmp(type, lev::kDisconnect) == 0 || (idle && !(r2_.active() && r2_.incoming()))) r2_.stop();
  return true;
}

const char* ChannelPipeline::register_setup(const SetupSpec& s, int64_t now, const char** why) {
  if (s.called.empty() || s.called.find_first_not_of("0123456789") != std::string::npos) {
    *why = "MFC-R2 registers send the digits 0-9 only";
    return err::kBadArgument;
  }
  if (sig_.state() != LineState::kIdle) {
    *why = "the timeslot is not idle";
    return err::kBusy;
  }
  if (const char* code = sig_.offhook(now, *this, why)) return code;
  r2_.arm_outgoing(s.called, s.calling, s.restricted);
  return nullptr;
}

void ChannelPipeline::register_frame(int n) {
  if (!r2_.active()) return;
  R2Register::Outcome out = r2_.frame(rx_, tx_, n, now_ms());
  if (out == R2Register::Outcome::kNone) return;
  const R2Register::Result r = r2_.result();
  const bool incoming = r2_.incoming();
  r2_.stop();
  published_state_.store(static_cast<uint8_t>(sig_.state()), std::memory_order_relaxed);
  if (incoming) {
    // Offered with what arrived, complete or not: a caller is never dropped for a register fault.
    Event e = make(lev::kRing);
    e.name = out == R2Register::Outcome::kComplete ? "mfcr2" : "mfcr2-incomplete";
    e.value = 1;
    e.text = r.ani;
    e.calling = r.ani;
    e.called = r.dnis;
    e.presentation = r.restricted ? 1 : (r.ani.empty() ? 2 : 0);
    engine_.emit(std::move(e));
    return;
  }
  Event e = make(out == R2Register::Outcome::kComplete && r.cause == 0 ? lev::kAlerting : lev::kProgress);
  e.name = out == R2Register::Outcome::kFailed ? r.why : "mfcr2";
  e.value = out == R2Register::Outcome::kFailed ? 0 : r.cause;
  engine_.emit(std::move(e));
}

}  // namespace bcti
