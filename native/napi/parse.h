// Shared argument parsers for the N-API bindings.
#pragma once
#include <napi.h>

#include "native/dsp/tone_gen.h"

namespace bcti::napi {
ToneDescriptor parse_tone_descriptor(Napi::Env env, const Napi::Object& o);
}
