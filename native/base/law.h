// The sample encodings of a channel: G.711 mu-law and A-law, or 16-bit linear.
// A base name every layer uses (drivers describe their channels with it); the
// codec itself is native/dsp/g711.h.
#pragma once
#include <cstdint>

namespace bcti {

enum class Law : uint8_t { kUlaw = 0, kAlaw = 1, kLinear = 2 };

}  // namespace bcti
