// The vector kernels built for the avx512 instruction set (flags in binding.gyp).
#define BCTI_ISA_NS isa_avx512
#include "native/dsp/isa/kernels.inc"
