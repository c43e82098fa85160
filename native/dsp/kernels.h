// Vector kernels shared by the detectors, one table per instruction set.
// All buffers of 16-lane data are lane-interleaved: x[t * 16 + lane], one lane
// per channel of a bank, 64-byte aligned.
#pragma once
#include <cstdint>

#include "native/dsp/cpu.h"
#include "native/dsp/simd.h"

namespace bcti {

struct Kernels {
  // Runs `nfreq` Goertzel resonators over n interleaved samples for 16 lanes.
  // coef[f] = 2 cos(2 pi f / fs); state s1/s2 is [nfreq][16]; energy[16]
  // accumulates sum x^2. Frequency-outer loop: states stay in registers.
  void (*goertzel_bank)(const float* coef, int nfreq, float* s1, float* s2, const float* x, int n,
                        float* energy);
  // Gathers n samples from 16 channels (nullptr = silence) starting at `offset`
  // into interleaved floats out[t * 16 + lane].
  void (*gather16)(const int16_t* const* ch, int offset, int n, float* out);
  // Sum of squares of n int16 samples (energy detectors, record silence).
  double (*sum_squares)(const int16_t* x, int n);
};

// Kernels for the active instruction set (see cpu.h).
const Kernels& kernels();
const Kernels& kernels_for(Isa isa);

}  // namespace bcti
