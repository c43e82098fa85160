// Shared argument parsers for the N-API bindings.
#pragma once
#include <napi.h>

#include <memory>
#include <vector>

#include "native/dsp/tone_gen.h"

namespace bcti {
struct Command;
}
namespace bcti::napi {
ToneDescriptor parse_tone_descriptor(Napi::Env env, const Napi::Object& o);
// ring(): the caller ID burst for a ring command's callerId (callerid_napi.cc).
// Fills c->callerid and, for caller ID before the first ring, the ETSI timing.
void ring_callerid(Napi::Env env, Napi::Value v, const Napi::Object& o, const std::vector<int>& cadence, Command* c);
}  // namespace bcti::napi
