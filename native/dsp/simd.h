// Portable 16-lane vectors (GCC/Clang vector extensions). Kernels written with
// these are compiled once per instruction set (see native/dsp/isa/) and chosen
// at run time by native/dsp/cpu.h, so one binary runs on an old Atom (SSE2) and
// uses AVX2 or AVX-512 where the CPU has them. A 16-lane vector is one lane per
// channel of a 16-channel bank: the compiler splits it into 4 SSE, 2 AVX or 1
// AVX-512 register.
#pragma once
#include <cstdint>

namespace bcti {

inline constexpr int kBankLanes = 16;

typedef float vf16 __attribute__((vector_size(64), aligned(64)));
typedef int32_t vi16 __attribute__((vector_size(64), aligned(64)));

inline vf16 vf16_splat(float x) {
  return vf16{x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x};
}

}  // namespace bcti
