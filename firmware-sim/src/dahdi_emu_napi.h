// The DAHDI emulator's JS class (dahdi_emu_napi.cc) and the real system calls
// to check it through the kernel (kernel_calls_napi.cc), exported by addon.cc.
#pragma once
#include <napi.h>

namespace bcti::sim {
Napi::Function dahdi_emulator_class(Napi::Env env);
Napi::Object kernel_calls(Napi::Env env);
}  // namespace bcti::sim
