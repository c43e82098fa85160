// The vector kernels built for the avx2 instruction set (flags in binding.gyp).
#define BCTI_ISA_NS isa_avx2
#include "native/dsp/isa/kernels.inc"
