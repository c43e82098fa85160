// The DAHDI emulator's JS class (dahdi_emu_napi.cc), exported by addon.cc.
#pragma once
#include <napi.h>

namespace bcti::sim {
Napi::Function dahdi_emulator_class(Napi::Env env);
}  // namespace bcti::sim
