// Q.850 cause names for PriSpan's events (native/sig/pri_span.h).
#include <cstdio>

extern "C" {
#include <libpri.h>  // a C header without its own extern "C"
}

#include "native/sig/pri_span.h"

namespace bcti {

const char* PriSpan::cause_name(int cause) {
  switch (cause) {
    case PRI_CAUSE_UNALLOCATED: return "unallocated";
    case PRI_CAUSE_NO_ROUTE_DESTINATION: return "no-route-destination";
    case PRI_CAUSE_CHANNEL_UNACCEPTABLE: return "channel-unacceptable";
    case PRI_CAUSE_NORMAL_CLEARING: return "normal-clearing";
    case PRI_CAUSE_USER_BUSY: return "user-busy";
    case PRI_CAUSE_NO_USER_RESPONSE: return "no-user-response";
    case PRI_CAUSE_NO_ANSWER: return "no-answer";
    case PRI_CAUSE_CALL_REJECTED: return "call-rejected";
    case PRI_CAUSE_NUMBER_CHANGED: return "number-changed";
    case PRI_CAUSE_DESTINATION_OUT_OF_ORDER: return "destination-out-of-order";
    case PRI_CAUSE_INVALID_NUMBER_FORMAT: return "invalid-number-format";
    case PRI_CAUSE_NORMAL_UNSPECIFIED: return "normal-unspecified";
    case PRI_CAUSE_NORMAL_CIRCUIT_CONGESTION: return "no-circuit-available";
    case PRI_CAUSE_NETWORK_OUT_OF_ORDER: return "network-out-of-order";
    case PRI_CAUSE_NORMAL_TEMPORARY_FAILURE: return "temporary-failure";
    case PRI_CAUSE_SWITCH_CONGESTION: return "switch-congestion";
    case PRI_CAUSE_REQUESTED_CHAN_UNAVAIL: return "channel-unavailable";
    case PRI_CAUSE_RECOVERY_ON_TIMER_EXPIRE: return "timer-expired";
    case PRI_CAUSE_INTERWORKING: return "interworking";
    default: break;
  }
  static thread_local char buf[16];
  std::snprintf(buf, sizeof buf, "cause-%d", cause);
  return buf;
}

}  // namespace bcti
