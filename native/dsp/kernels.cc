#include "native/dsp/kernels.h"

namespace bcti {
namespace isa_generic {
const Kernels& table();
}
#if defined(__x86_64__)
namespace isa_avx2 {
const Kernels& table();
}
namespace isa_avx512 {
const Kernels& table();
}
#endif

const Kernels& kernels_for(Isa isa) {
#if defined(__x86_64__)
  if (isa == Isa::kAvx512 && isa_supported(isa)) return isa_avx512::table();
  if (isa == Isa::kAvx2 && isa_supported(isa)) return isa_avx2::table();
#else
  (void)isa;
#endif
  return isa_generic::table();
}

const Kernels& kernels() { return kernels_for(active_isa()); }

}  // namespace bcti
