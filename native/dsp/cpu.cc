#include "native/dsp/cpu.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace bcti {

bool isa_supported(Isa isa) {
#if defined(__x86_64__) || defined(__i386__)
  switch (isa) {
    case Isa::kGeneric: return true;
    case Isa::kAvx2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Isa::kAvx512:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
             __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  }
  return false;
#else
  return isa == Isa::kGeneric;
#endif
}

static Isa detect() {
  Isa best = Isa::kGeneric;
  if (isa_supported(Isa::kAvx2)) best = Isa::kAvx2;
  if (isa_supported(Isa::kAvx512)) best = Isa::kAvx512;
  const char* want = std::getenv("BOARDCTI_ISA");
  if (want) {
    Isa w = best;
    if (!std::strcmp(want, "generic")) w = Isa::kGeneric;
    else if (!std::strcmp(want, "avx2")) w = Isa::kAvx2;
    else if (!std::strcmp(want, "avx512")) w = Isa::kAvx512;
    if (isa_supported(w)) best = w;
  }
  return best;
}

static std::atomic<int> g_isa{-1};

Isa active_isa() {
  int v = g_isa.load(std::memory_order_relaxed);
  if (v < 0) {
    v = static_cast<int>(detect());
    g_isa.store(v, std::memory_order_relaxed);
  }
  return static_cast<Isa>(v);
}

bool force_isa(Isa isa) {
  if (!isa_supported(isa)) return false;
  g_isa.store(static_cast<int>(isa), std::memory_order_relaxed);
  return true;
}

const char* isa_name(Isa isa) {
  switch (isa) {
    case Isa::kGeneric: return "generic";
    case Isa::kAvx2: return "avx2";
    case Isa::kAvx512: return "avx512";
  }
  return "?";
}

}  // namespace bcti
