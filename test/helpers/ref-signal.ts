// Reference signal generation for the conformance tests, written independently
// of the engine under test (plain doubles, the textbook formulas), so a bug in
// the engine's own generators or codecs cannot hide a bug in its detectors.
//
// Level convention (as native/dsp/levels.h and G.711): 0 dBm0 is a sine whose
// peak is 22656 in 16-bit linear (5664 in mu-law's 14-bit scale).

export const FS = 8000;
export const DBM0_PEAK = 22656;

export function peakOf(dbm0: number): number {
  return DBM0_PEAK * 10 ** (dbm0 / 20);
}

/** Mean power (sum x^2 / n) of a sine at `dbm0`. */
export function powerOf(dbm0: number): number {
  const a = peakOf(dbm0);
  return (a * a) / 2;
}

export interface Component {
  freq: number;
  /** dBm0 */
  level: number;
  /** radians at the first sample */
  phase?: number;
}

/** Float buffer of `ms` milliseconds (or `samples`) of summed sines. */
export function tones(components: Component[], ms: number): Float64Array {
  const n = Math.round((ms * FS) / 1000);
  const out = new Float64Array(n);
  for (const c of components) {
    const a = peakOf(c.level);
    const w = (2 * Math.PI * c.freq) / FS;
    const p = c.phase ?? 0;
    for (let i = 0; i < n; i++) out[i]! += a * Math.sin(w * i + p);
  }
  return out;
}

export function silence(ms: number): Float64Array {
  return new Float64Array(Math.round((ms * FS) / 1000));
}

export function concat(parts: Float64Array[]): Float64Array {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Float64Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Small deterministic PRNG (mulberry32) so every run sees the same noise. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** White Gaussian noise at a mean power given in dBm0 (Box-Muller). */
export function awgn(ms: number, dbm0: number, seed = 1): Float64Array {
  const n = Math.round((ms * FS) / 1000);
  const out = new Float64Array(n);
  const r = rng(seed);
  const sigma = Math.sqrt(powerOf(dbm0));
  for (let i = 0; i < n; i += 2) {
    const u1 = Math.max(r(), 1e-12);
    const u2 = r();
    const m = Math.sqrt(-2 * Math.log(u1)) * sigma;
    out[i] = m * Math.cos(2 * Math.PI * u2);
    if (i + 1 < n) out[i + 1] = m * Math.sin(2 * Math.PI * u2);
  }
  return out;
}

export function add(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(a.length, b.length));
  for (let i = 0; i < out.length; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return out;
}

export function toInt16(x: Float64Array): Int16Array {
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(x[i]!)));
  return out;
}

// G.711 from the standard's segment tables, written here again on purpose.
export function muLawEncode(x: number): number {
  const BIAS = 0x84;
  let v = Math.max(-32768, Math.min(32767, Math.round(x)));
  const sign = v < 0 ? 0x80 : 0;
  if (v < 0) v = -v;
  v = Math.min(v, 32635) + BIAS;
  let exp = 7;
  for (let mask = 0x4000; (v & mask) === 0 && exp > 0; mask >>= 1) exp--;
  const mant = (v >> (exp + 3)) & 0x0f;
  return ~(sign | (exp << 4) | mant) & 0xff;
}

export function muLawDecode(c: number): number {
  const u = ~c & 0xff;
  const exp = (u >> 4) & 7;
  const mant = u & 0x0f;
  const v = (((mant << 3) + 0x84) << exp) - 0x84;
  return u & 0x80 ? 0 - v || 0 : v;
}

export function aLawEncode(x: number): number {
  let v = Math.max(-32768, Math.min(32767, Math.round(x))) >> 3;
  let mask = 0xd5;
  if (v < 0) {
    mask = 0x55;
    v = -v - 1;
  }
  const ends = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
  let seg = 0;
  while (seg < 8 && v > ends[seg]!) seg++;
  if (seg >= 8) return 0x7f ^ mask;
  let code = seg << 4;
  code |= seg < 2 ? (v >> 1) & 0x0f : (v >> seg) & 0x0f;
  return code ^ mask;
}

export function aLawDecode(c: number): number {
  const a = c ^ 0x55;
  const seg = (a & 0x70) >> 4;
  let v = (a & 0x0f) << 4;
  if (seg === 0) v += 8;
  else if (seg === 1) v += 0x108;
  else v = (v + 0x108) << (seg - 1);
  return a & 0x80 ? v : -v;
}

/** Passes a signal through an encode/decode round trip, as a line would. */
export function throughLaw(x: Float64Array, law: 'ulaw' | 'alaw'): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = law === 'ulaw' ? muLawDecode(muLawEncode(x[i]!)) : aLawDecode(aLawEncode(x[i]!));
  return out;
}

export type WavFormat = 'pcm16' | 'ulaw' | 'alaw';

/** A WAV file's bytes (canonical 44-byte header, or 46 for G.711 with cbSize). */
export function wavBytes(x: Float64Array | Int16Array, opts: { rate?: number; format?: WavFormat } = {}): Buffer {
  const rate = opts.rate ?? FS;
  const format = opts.format ?? 'pcm16';
  const n = x.length;
  const bytesPer = format === 'pcm16' ? 2 : 1;
  const fmtLen = format === 'pcm16' ? 16 : 18;
  const dataLen = n * bytesPer;
  const hdr = 12 + 8 + fmtLen + 8;
  const buf = Buffer.alloc(hdr + dataLen + (dataLen & 1));
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(buf.length - 8, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(fmtLen, 16);
  buf.writeUInt16LE(format === 'pcm16' ? 1 : format === 'alaw' ? 6 : 7, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * bytesPer, 28);
  buf.writeUInt16LE(bytesPer, 32);
  buf.writeUInt16LE(bytesPer * 8, 34);
  if (fmtLen === 18) buf.writeUInt16LE(0, 36);
  const d = 12 + 8 + fmtLen;
  buf.write('data', d, 'ascii');
  buf.writeUInt32LE(dataLen, d + 4);
  for (let i = 0; i < n; i++) {
    const v = Math.max(-32768, Math.min(32767, Math.round(Number(x[i]))));
    if (format === 'pcm16') buf.writeInt16LE(v, d + 8 + 2 * i);
    else buf[d + 8 + i] = format === 'ulaw' ? muLawEncode(v) : aLawEncode(v);
  }
  return buf;
}
