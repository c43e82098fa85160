// Reads the board's configuration from the object src/sim/config.ts built
// (validated there with messages that name the field); here only guarded.
#pragma once
#include <napi.h>

#include "config.h"

namespace bcti::sim {

// Throws std::invalid_argument naming the field on a malformed value and
// CtiError(kBadTonePlan) on a bad plan.
SimConfig parse_config(const Napi::Object& o);
FarScript parse_script(const Napi::Value& v, const char* where);
bool parse_tone(const std::string& name, ToneKind* out);

}  // namespace bcti::sim
