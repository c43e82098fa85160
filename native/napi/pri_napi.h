// ISDN PRI parts of the Engine binding: span options of addBoard(), setup()
// requests, and the parties a SETUP carried, as JS sees them.
#pragma once
#include <napi.h>

#include <vector>

#include "native/core/command.h"
#include "native/core/event.h"
#include "native/sig/pri_span.h"

namespace bcti::napi {
// addBoard({..., pri: [{ span, overlap?, overlapMs? }]})
std::vector<PriSpanConfig> parse_pri_spans(Napi::Env env, const Napi::Object& board);
// setup(board, channel, { called, calling?, calledTon?, callingTon?, presentation?, exclusive? })
SetupSpec parse_setup(Napi::Env env, const Napi::Object& o);
// calling, called, callingTon, calledTon, presentation of a line:ring from a PRI span.
void set_parties(Napi::Env env, Napi::Object& out, const Event& e);
}  // namespace bcti::napi
