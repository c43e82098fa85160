#include "native/dsp/g711.h"

namespace bcti {

namespace {
constexpr int kUlawBias = 0x84;
constexpr int kUlawClip = 32635;

int top_segment(int v, int first_limit) {
  int seg = 0;
  for (int lim = first_limit; seg < 8 && v > lim; lim = lim * 2 + 1) seg++;
  return seg;
}
}  // namespace

uint8_t linear_to_ulaw(int16_t x) {
  int v = x;
  int sign = (v < 0) ? 0x80 : 0x00;
  if (v < 0) v = -v;
  if (v > kUlawClip) v = kUlawClip;
  v += kUlawBias;
  // Segment = position of the highest set bit above bit 7.
  int seg = 0;
  for (int t = v >> 8; t; t >>= 1) seg++;
  if (seg > 7) seg = 7;
  int mant = (v >> (seg + 3)) & 0x0F;
  return static_cast<uint8_t>(~(sign | (seg << 4) | mant));
}

int16_t ulaw_to_linear(uint8_t c) {
  c = static_cast<uint8_t>(~c);
  int seg = (c >> 4) & 0x07;
  int mant = c & 0x0F;
  int v = (((mant << 3) + kUlawBias) << seg) - kUlawBias;
  return static_cast<int16_t>((c & 0x80) ? -v : v);
}

uint8_t linear_to_alaw(int16_t x) {
  int v = x >> 3;  // 13-bit
  int mask;
  if (v >= 0) {
    mask = 0xD5;
  } else {
    mask = 0x55;
    v = -v - 1;
  }
  int seg = top_segment(v, 31);
  uint8_t code;
  if (seg >= 8) {
    code = 0x7F;
  } else {
    code = static_cast<uint8_t>(seg << 4);
    code |= (seg < 2) ? ((v >> 1) & 0x0F) : ((v >> seg) & 0x0F);
  }
  return static_cast<uint8_t>(code ^ mask);
}

int16_t alaw_to_linear(uint8_t c) {
  c ^= 0x55;
  int seg = (c & 0x70) >> 4;
  int v = (c & 0x0F) << 4;
  if (seg == 0) v += 8;
  else if (seg == 1) v += 0x108;
  else v = (v + 0x108) << (seg - 1);
  return static_cast<int16_t>((c & 0x80) ? v : -v);
}

static G711Tables* build() {
  auto* tp = new G711Tables{};
  G711Tables& t = *tp;
  for (int c = 0; c < 256; c++) {
    t.ulaw_dec[c] = ulaw_to_linear(static_cast<uint8_t>(c));
    t.alaw_dec[c] = alaw_to_linear(static_cast<uint8_t>(c));
  }
  for (int i = 0; i < 65536; i++) t.ulaw_enc[i] = linear_to_ulaw(static_cast<int16_t>(static_cast<uint16_t>(i)));
  for (int i = 0; i < 8192; i++) t.alaw_enc[i] = linear_to_alaw(static_cast<int16_t>((i - 4096) << 3));
  return tp;
}

const G711Tables& g711_tables() {
  static const G711Tables* t = build();
  return *t;
}

void g711_decode(Law law, const uint8_t* in, int16_t* out, size_t n) {
  const G711Tables& t = g711_tables();
  const int16_t* tab = law == Law::kUlaw ? t.ulaw_dec : t.alaw_dec;
  for (size_t i = 0; i < n; i++) out[i] = tab[in[i]];
}

void g711_encode(Law law, const int16_t* in, uint8_t* out, size_t n) {
  const G711Tables& t = g711_tables();
  if (law == Law::kUlaw) {
    for (size_t i = 0; i < n; i++) out[i] = t.ulaw_enc[static_cast<uint16_t>(in[i])];
  } else {
    for (size_t i = 0; i < n; i++) out[i] = t.alaw_enc[(in[i] >> 3) + 4096];
  }
}

}  // namespace bcti
