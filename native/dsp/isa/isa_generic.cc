// The vector kernels built for the generic instruction set (flags in binding.gyp).
#define BCTI_ISA_NS isa_generic
#include "native/dsp/isa/kernels.inc"
