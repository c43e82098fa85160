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

// ---- call-progress kernels (tone plans, native/dsp/call_progress.cc) ---------
// A table of its own so areas add kernels without touching each other's.
namespace bcti {

struct ToneKernels {
  // Goertzel resonators started from zero on each consecutive sub-block of `sub`
  // samples of n interleaved samples (n % sub == 0): adds every sub-block's
  // |X|^2 = s1^2 + s2^2 - coef s1 s2 to power[f * 16 + lane]. Several
  // resonators run per sample (independent chains: throughput, not FMA latency,
  // bounds the loop). If `energy` is not null, adds sum x^2 to energy[lane].
  void (*goertzel_power)(const float* coef, int nfreq, const float* x, int n, int sub, float* power,
                         float* energy);
};

namespace isa_generic { const ToneKernels& tone_table(); }
#if defined(__x86_64__)
namespace isa_avx2 { const ToneKernels& tone_table(); }
namespace isa_avx512 { const ToneKernels& tone_table(); }
#endif

inline const ToneKernels& tone_kernels_for(Isa isa) {
#if defined(__x86_64__)
  if (isa == Isa::kAvx512 && isa_supported(isa)) return isa_avx512::tone_table();
  if (isa == Isa::kAvx2 && isa_supported(isa)) return isa_avx2::tone_table();
#else
  (void)isa;
#endif
  return isa_generic::tone_table();
}
inline const ToneKernels& tone_kernels() { return tone_kernels_for(active_isa()); }

}  // namespace bcti

// ---- DTMF receiver kernels (native/dsp/dtmf_rx.cc) ---------------------------
namespace bcti {

struct DtmfGateConst;
struct DtmfGateState;
struct DtmfGateOut;
struct DtmfHalfDft;

struct DtmfKernels {
  // The 8 DTMF Goertzel resonators over n interleaved samples of 16 lanes, all
  // 8 dependency chains interleaved where the registers hold them (the
  // recursion is latency-bound otherwise). s1/s2: [8][16]; energy[16] += sum x^2.
  // `fresh`: start s1, s2 and energy from zero instead of their contents.
  void (*goertzel8)(const float* coef, float* s1, float* s2, const float* x, int n, float* energy, bool fresh);
  // Like Kernels::gather16 (16 int16 channels from `offset`, nullptr = silence,
  // into out[t * 16 + lane]), as blocks of in-register transposes: several
  // times cheaper than the element-wise copy.
  void (*interleave16)(const int16_t* const* ch, int offset, int n, float* out);
  // End of a half block of the DTMF receiver: turns the Goertzel state of the 8
  // DTMF frequencies into the half block's DFT (written to `cur`), forms the
  // 106-sample window with the previous half block's (`prev`), measures each
  // group's strongest tone and its phase advance, and gates a candidate digit
  // per lane. Structures and meaning: native/dsp/dtmf_rx.h.
  void (*gate)(const DtmfGateConst& c, DtmfGateState* st, const DtmfHalfDft* prev, DtmfHalfDft* cur,
               DtmfGateOut* out);
};

namespace isa_generic { const DtmfKernels& dtmf_table(); }
#if defined(__x86_64__)
namespace isa_avx2 { const DtmfKernels& dtmf_table(); }
namespace isa_avx512 { const DtmfKernels& dtmf_table(); }
#endif

inline const DtmfKernels& dtmf_kernels_for(Isa isa) {
#if defined(__x86_64__)
  if (isa == Isa::kAvx512 && isa_supported(isa)) return isa_avx512::dtmf_table();
  if (isa == Isa::kAvx2 && isa_supported(isa)) return isa_avx2::dtmf_table();
#else
  (void)isa;
#endif
  return isa_generic::dtmf_table();
}
inline const DtmfKernels& dtmf_kernels() { return dtmf_kernels_for(active_isa()); }

}  // namespace bcti
