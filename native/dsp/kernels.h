// Vector kernels shared by the detectors, one table per instruction set.
// All buffers of 16-lane data are lane-interleaved: x[t * 16 + lane], one lane
// per channel of a bank, 64-byte aligned.
#pragma once
#include <cstdint>

#include "native/dsp/cpu.h"
#include "native/dsp/simd.h"

namespace bcti {

struct DtmfGateConst;
struct DtmfGateState;
struct DtmfGateOut;
struct DtmfHalfDft;

struct Kernels {
  // ---- shared
  // Gathers n samples from 16 channels (nullptr = silence) starting at `offset`
  // into interleaved floats out[t * 16 + lane], as blocks of in-register
  // transposes.
  void (*gather16)(const int16_t* const* ch, int offset, int n, float* out);
  // Sum of squares of n int16 samples (energy detectors, record silence).
  double (*sum_squares)(const int16_t* x, int n);

  // ---- call progress (native/dsp/call_progress.cc)
  // Goertzel resonators started from zero on each consecutive sub-block of `sub`
  // samples of n interleaved samples (n % sub == 0): adds every sub-block's
  // |X|^2 = s1^2 + s2^2 - coef s1 s2 to power[f * 16 + lane]. Several
  // resonators run per sample (independent chains: throughput, not FMA latency,
  // bounds the loop). If `energy` is not null, adds sum x^2 to energy[lane].
  void (*goertzel_power)(const float* coef, int nfreq, const float* x, int n, int sub, float* power, float* energy);

  // ---- DTMF receiver (native/dsp/dtmf_rx.cc)
  // The 8 DTMF Goertzel resonators over n interleaved samples of 16 lanes, all
  // 8 dependency chains interleaved where the registers hold them (the
  // recursion is latency-bound otherwise). s1/s2: [8][16]; energy[16] += sum x^2.
  // `fresh`: start s1, s2 and energy from zero instead of their contents.
  void (*goertzel8)(const float* coef, float* s1, float* s2, const float* x, int n, float* energy, bool fresh);
  // End of a half block of the DTMF receiver: turns the Goertzel state of the 8
  // DTMF frequencies into the half block's DFT (written to `cur`), forms the
  // 106-sample window with the previous half block's (`prev`), measures each
  // group's strongest tone and its phase advance, and gates a candidate digit
  // per lane. Structures and meaning: native/dsp/dtmf_rx.h.
  void (*gate)(const DtmfGateConst& c, DtmfGateState* st, const DtmfHalfDft* prev, DtmfHalfDft* cur, DtmfGateOut* out);
};

// Kernels for the active instruction set (see cpu.h).
const Kernels& kernels();
const Kernels& kernels_for(Isa isa);

}  // namespace bcti
