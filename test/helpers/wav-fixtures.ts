// WAV files of every shape the engine must read, written here independently of
// the engine (byte by byte, from the RIFF/WAVE layout), plus a header parser for
// checking what the engine writes. Complements ref-signal.ts wavBytes(), which
// covers canonical 8 kHz 16-bit, mu-law and A-law files.
import { aLawEncode, muLawEncode } from './ref-signal.ts';

export type FixtureFormat = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32' | 'float64' | 'ulaw' | 'alaw';

export interface Chunk {
  id: string;
  body: Buffer;
  /** Written in the size field instead of body.length (e.g. a file cut short). */
  sizeField?: number;
  /** Leave out the pad byte after an odd-sized body (a writer bug seen in the wild). */
  noPad?: boolean;
}

const TAG: Record<FixtureFormat, number> = { pcm8: 1, pcm16: 1, pcm24: 1, pcm32: 1, float32: 3, float64: 3, ulaw: 7, alaw: 6 };
const BYTES: Record<FixtureFormat, number> = { pcm8: 1, pcm16: 2, pcm24: 3, pcm32: 4, float32: 4, float64: 8, ulaw: 1, alaw: 1 };

export interface FmtSpec {
  format: FixtureFormat;
  rate: number;
  channels: number;
  /** WAVE_FORMAT_EXTENSIBLE with a PCM/float sub-format GUID. */
  extensible?: boolean;
  /** Extensible only: container bits when larger than the sample (24 in 32). */
  containerBits?: number;
  /** Overrides for broken-file tests. */
  tag?: number;
  bitsField?: number;
  blockAlignField?: number;
}

export function fmtChunk(s: FmtSpec): Chunk {
  const container = (s.containerBits ?? BYTES[s.format] * 8) / 8;
  const bits = s.bitsField ?? container * 8;
  const align = s.blockAlignField ?? s.channels * container;
  const tag = s.tag ?? (s.extensible ? 0xfffe : TAG[s.format]);
  const body = Buffer.alloc(s.extensible ? 40 : TAG[s.format] === 1 && !s.tag ? 16 : 18);
  body.writeUInt16LE(tag, 0);
  body.writeUInt16LE(s.channels, 2);
  body.writeUInt32LE(s.rate, 4);
  body.writeUInt32LE(s.rate * align, 8);
  body.writeUInt16LE(align, 12);
  body.writeUInt16LE(bits, 14);
  if (body.length >= 18) body.writeUInt16LE(s.extensible ? 22 : 0, 16);
  if (s.extensible) {
    body.writeUInt16LE(BYTES[s.format] * 8, 18); // valid bits
    body.writeUInt32LE(s.channels === 2 ? 3 : 0, 20); // channel mask
    body.writeUInt16LE(TAG[s.format], 24); // sub-format GUID: tag + KSDATAFORMAT tail
    Buffer.from([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71]).copy(body, 26);
  }
  return { id: 'fmt ', body };
}

/** Interleaved sample bytes; `channels[c][i]` on the int16 scale (floats allowed). */
export function sampleBytes(channels: ArrayLike<number>[], format: FixtureFormat, containerBits?: number): Buffer {
  const n = channels[0]?.length ?? 0;
  const nc = channels.length;
  const size = (containerBits ?? BYTES[format] * 8) / 8;
  const buf = Buffer.alloc(n * nc * size);
  let o = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < nc; c++) {
      const x = Number(channels[c]![i]);
      const v16 = Math.max(-32768, Math.min(32767, Math.round(x)));
      switch (format) {
        case 'pcm8':
          buf[o] = Math.max(0, Math.min(255, Math.round(x / 256) + 128));
          break;
        case 'pcm16':
          buf.writeInt16LE(v16, o);
          break;
        case 'pcm24': {
          const v = Math.max(-8388608, Math.min(8388607, Math.round(x * 256)));
          if (size === 4)
            buf.writeInt32LE(v * 256, o); // left-justified in 32 bits
          else buf.writeIntLE(v, o, 3);
          break;
        }
        case 'pcm32':
          buf.writeInt32LE(Math.max(-2147483648, Math.min(2147483647, Math.round(x * 65536))), o);
          break;
        case 'float32':
          buf.writeFloatLE(x / 32768, o);
          break;
        case 'float64':
          buf.writeDoubleLE(x / 32768, o);
          break;
        case 'ulaw':
          buf[o] = muLawEncode(v16);
          break;
        case 'alaw':
          buf[o] = aLawEncode(v16);
          break;
      }
      o += size;
    }
  }
  return buf;
}

/** A RIFF/WAVE file from chunks in the given order. */
export function riff(chunks: Chunk[], opts: { riffSizeField?: number; form?: string; magic?: string } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const c of chunks) {
    const h = Buffer.alloc(8);
    h.write(c.id.padEnd(4).slice(0, 4), 0, 'latin1');
    h.writeUInt32LE(c.sizeField ?? c.body.length, 4);
    parts.push(h, c.body);
    if (c.body.length & 1 && !c.noPad) parts.push(Buffer.alloc(1));
  }
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(12);
  head.write(opts.magic ?? 'RIFF', 0, 'latin1');
  head.writeUInt32LE(opts.riffSizeField ?? body.length + 4, 4);
  head.write(opts.form ?? 'WAVE', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** The usual file: fmt, then data. `signal` is mono or one array per channel. */
export function makeWav(
  signal: ArrayLike<number> | ArrayLike<number>[],
  spec: FmtSpec,
  extra: { before?: Chunk[]; after?: Chunk[] } = {},
): Buffer {
  const channels = Array.isArray(signal) ? (signal as ArrayLike<number>[]) : [signal as ArrayLike<number>];
  if (channels.length !== spec.channels) throw new Error('makeWav: channel count mismatch');
  return riff([
    ...(extra.before ?? []),
    fmtChunk(spec),
    { id: 'data', body: sampleBytes(channels, spec.format, spec.containerBits) },
    ...(extra.after ?? []),
  ]);
}

export function listChunk(): Chunk {
  const info = Buffer.from('INFOISFT\x0e\x00\x00\x00boardcti tests', 'latin1');
  return { id: 'LIST', body: info };
}

export function factChunk(frames: number): Chunk {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(frames, 0);
  return { id: 'fact', body: b };
}

/** Sine on the int16 scale at a sample rate (float, not rounded). */
export function sineAt(rate: number, freq: number, peak: number, ms: number, phase = 0): Float64Array {
  const n = Math.round((rate * ms) / 1000);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = peak * Math.sin((2 * Math.PI * freq * i) / rate + phase);
  return out;
}

export interface ParsedHeader {
  riffSize: number;
  formatTag: number;
  channels: number;
  rate: number;
  byteRate: number;
  blockAlign: number;
  bits: number;
  factFrames: number | null;
  dataOffset: number;
  dataSize: number;
  chunkIds: string[];
}

/** Independent RIFF walk, for checking files the engine wrote. */
export function parseHeader(buf: Buffer): ParsedHeader {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'RIFF' || buf.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error('not RIFF/WAVE');
  const h: Partial<ParsedHeader> & { chunkIds: string[] } = { riffSize: buf.readUInt32LE(4), factFrames: null, chunkIds: [] };
  let off = 12;
  while (off + 8 <= buf.length) {
    const id = buf.toString('latin1', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    h.chunkIds.push(id);
    if (id === 'fmt ') {
      h.formatTag = buf.readUInt16LE(off + 8);
      h.channels = buf.readUInt16LE(off + 10);
      h.rate = buf.readUInt32LE(off + 12);
      h.byteRate = buf.readUInt32LE(off + 16);
      h.blockAlign = buf.readUInt16LE(off + 20);
      h.bits = buf.readUInt16LE(off + 22);
    } else if (id === 'fact') {
      h.factFrames = buf.readUInt32LE(off + 8);
    } else if (id === 'data') {
      h.dataOffset = off + 8;
      h.dataSize = size;
      break;
    }
    off += 8 + size + (size & 1);
  }
  if (h.dataOffset === undefined || h.formatTag === undefined) throw new Error('no fmt or data chunk');
  return h as ParsedHeader;
}
