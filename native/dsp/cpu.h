// Run-time choice of instruction set for the vector kernels.
#pragma once
#include <string>

namespace bcti {

enum class Isa { kGeneric, kAvx2, kAvx512 };

// The best instruction set this CPU runs, unless BOARDCTI_ISA (generic|avx2|avx512)
// asks for a lower one (a higher one than the CPU has is refused and ignored).
Isa active_isa();
const char* isa_name(Isa isa);
// Forces an ISA (tests compare all variants); returns false if the CPU lacks it.
bool force_isa(Isa isa);
bool isa_supported(Isa isa);

}  // namespace bcti
