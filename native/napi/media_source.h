// Turns a JS play request into a PlaySpec: a WAV file (decoded once and cached
// by path + modification time), raw 8 kHz samples, a tone descriptor or a DTMF
// dialing script. Runs on the JS thread, before the command is queued, so the
// media thread never touches the disk for a prompt.
#pragma once
#include <napi.h>

#include "native/core/command.h"

namespace bcti::napi {
void fill_play_spec(Napi::Env env, const Napi::Object& o, PlaySpec& spec);
}
