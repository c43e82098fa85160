// G.711 mu-law and A-law (ITU-T G.711), 16-bit linear inside the engine.
// Decoding is a 256-entry table; encoding a table indexed by the top bits of the
// sample (every 16-bit value for mu-law, whose thresholds fall between multiples of
// 4; the top 13 bits for A-law), built once at start-up from the segment rules, so
// the hot loop is one load per sample.
#pragma once
#include <cstddef>
#include <cstdint>

#include "native/base/law.h"

namespace bcti {

uint8_t linear_to_ulaw(int16_t x);  // reference (segment search), used to build tables
uint8_t linear_to_alaw(int16_t x);
int16_t ulaw_to_linear(uint8_t c);
int16_t alaw_to_linear(uint8_t c);

struct G711Tables {
  int16_t ulaw_dec[256];
  int16_t alaw_dec[256];
  uint8_t ulaw_enc[65536];  // index (uint16_t)x
  uint8_t alaw_enc[8192];   // index (x >> 3) + 4096
};
const G711Tables& g711_tables();

void g711_decode(Law law, const uint8_t* in, int16_t* out, size_t n);
void g711_encode(Law law, const int16_t* in, uint8_t* out, size_t n);

inline uint8_t g711_encode_one(const G711Tables& t, Law law, int16_t x) {
  return law == Law::kUlaw ? t.ulaw_enc[static_cast<uint16_t>(x)] : t.alaw_enc[(x >> 3) + 4096];
}
inline int16_t g711_decode_one(const G711Tables& t, Law law, uint8_t c) {
  return law == Law::kUlaw ? t.ulaw_dec[c] : t.alaw_dec[c];
}

}  // namespace bcti
