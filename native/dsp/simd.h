// Portable 16-lane vectors (GCC/Clang vector extensions). Kernels written with
// these are compiled once per instruction set (see native/dsp/isa/) and chosen
// at run time by native/dsp/cpu.h, so one binary runs on an old Atom (SSE2) and
// uses AVX2 or AVX-512 where the CPU has them. A 16-lane vector is one lane per
// channel of a 16-channel bank: the compiler splits it into 4 SSE, 2 AVX or 1
// AVX-512 register.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace bcti {

inline constexpr int kBankLanes = 16;

typedef float vf16 __attribute__((vector_size(64), aligned(64)));
typedef int32_t vi16 __attribute__((vector_size(64), aligned(64)));

// static: each ISA build keeps its own copy (a shared inline copy could carry
// AVX-512 code into the baseline build).
static inline vf16 vf16_splat(float x) { return vf16{x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x}; }

// A zeroed float buffer aligned for vf16: kernels read lane-interleaved data
// as whole vectors, which must start on a 64-byte boundary.
class AlignedFloats {
 public:
  AlignedFloats() = default;
  explicit AlignedFloats(size_t n) { resize(n); }
  void resize(size_t n) {
    size_t bytes = (n * sizeof(float) + 63) / 64 * 64;
    p_.reset(static_cast<float*>(std::aligned_alloc(64, bytes ? bytes : 64)));
    if (!p_) throw std::bad_alloc();
    std::memset(p_.get(), 0, bytes);
    n_ = n;
  }
  float* data() { return p_.get(); }
  const float* data() const { return p_.get(); }
  float& operator[](size_t i) { return p_.get()[i]; }
  size_t size() const { return n_; }

 private:
  struct Free {
    void operator()(float* p) const { std::free(p); }
  };
  std::unique_ptr<float, Free> p_;
  size_t n_ = 0;
};

}  // namespace bcti
