// Reading WAV files: every supported format, layout and rate comes out as the
// same 8 kHz mono signal; everything else is refused with CTI_ERR_BAD_WAV and a
// message that says what is wrong.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CtiError } from '../../src/native/errors.ts';
import { parseWav, probeWav, readWav } from '../../src/native/index.ts';
import { aLawDecode, aLawEncode, muLawDecode, muLawEncode, peakOf, rng, tones, toInt16, wavBytes } from '../helpers/ref-signal.ts';
import {
  factChunk,
  fmtChunk,
  listChunk,
  makeWav,
  riff,
  sampleBytes,
  sineAt,
  type Chunk,
  type FixtureFormat,
} from '../helpers/wav-fixtures.ts';
import { levelDbm0, maxAbsDiff, toneDbm0 } from './analysis.ts';

const dir = mkdtempSync(join(tmpdir(), 'bcti-wav-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

function badWav(fn: () => unknown): CtiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CtiError);
    expect((e as CtiError).code).toBe('CTI_ERR_BAD_WAV');
    return e as CtiError;
  }
  throw new Error('expected CTI_ERR_BAD_WAV');
}

// 1 kHz at -10 dBm0 for 500 ms: exactly representable at 8 kHz as 16-bit.
const ref = toInt16(tones([{ freq: 1000, level: -10 }], 500));

describe('8 kHz G.711 and 16-bit files (ref-signal wavBytes)', () => {
  it('16-bit PCM reads back sample for sample', () => {
    const w = readWav(file('pcm16.wav', wavBytes(ref)));
    expect(w).toMatchObject({ sourceRate: 8000, channels: 1, format: 'pcm16', durationMs: 500 });
    expect(Array.from(w.samples)).toEqual(Array.from(ref));
  });

  it.each(['ulaw', 'alaw'] as const)('%s decodes with the G.711 tables', (law) => {
    const w = readWav(file(`${law}.wav`, wavBytes(ref, { format: law })));
    expect(w.format).toBe(law);
    const expected = Array.from(ref, (v) => (law === 'ulaw' ? muLawDecode(muLawEncode(v)) : aLawDecode(aLawEncode(v))));
    expect(Array.from(w.samples)).toEqual(expected);
  });

  it('an odd number of G.711 samples (padded data chunk) reads all of them', () => {
    const odd = ref.subarray(0, 3999);
    const w = readWav(file('odd.wav', wavBytes(odd, { format: 'ulaw' })));
    expect(w.samples.length).toBe(3999);
  });
});

describe('other sample formats at 8 kHz', () => {
  const x = tones([{ freq: 1000, level: -10 }], 250);
  const cases: [FixtureFormat, number][] = [
    ['pcm8', 256], // 8-bit: the step is 256 on the 16-bit scale
    ['pcm16', 0.5],
    ['pcm24', 0.51],
    ['pcm32', 0.51],
    ['float32', 0.51],
    ['float64', 0.51],
  ];
  it.each(cases)('%s', (format, tol) => {
    const w = readWav(file(`${format}.wav`, makeWav(x, { format, rate: 8000, channels: 1 })));
    expect(w.format).toBe(format);
    expect(w.samples.length).toBe(x.length);
    expect(maxAbsDiff(w.samples, x)).toBeLessThanOrEqual(tol + 0.5);
  });

  it('float samples beyond full scale saturate instead of wrapping', () => {
    const loud = Float64Array.from(x, (v) => v * 8); // peaks near 57000: beyond full scale
    const w = readWav(file('float-loud.wav', makeWav(loud, { format: 'float32', rate: 8000, channels: 1 })));
    expect(Math.max(...w.samples)).toBe(32767);
    expect(Math.min(...w.samples)).toBe(-32768);
  });
});

describe('channels and WAVE_FORMAT_EXTENSIBLE', () => {
  const a = tones([{ freq: 1000, level: -10 }], 250);
  const b = tones([{ freq: 600, level: -10 }], 250);

  it('stereo is mixed down by averaging', () => {
    const w = readWav(file('stereo.wav', makeWav([a, b], { format: 'pcm16', rate: 8000, channels: 2 })));
    expect(w.channels).toBe(2);
    const mean = Float64Array.from(a, (v, i) => (Math.round(v) + Math.round(b[i]!)) / 2);
    expect(maxAbsDiff(w.samples, mean)).toBeLessThanOrEqual(1);
  });

  it('six channels, one of them speaking, gives that channel at 1/6', () => {
    const z = new Float64Array(a.length);
    const w = readWav(file('six.wav', makeWav([z, z, a, z, z, z], { format: 'pcm16', rate: 8000, channels: 6 })));
    expect(toneDbm0(w.samples, 1000)).toBeCloseTo(-10 - 20 * Math.log10(6), 1);
  });

  it.each([
    ['pcm16', undefined],
    ['pcm24', undefined],
    ['pcm24', 32], // 24 valid bits in 32-bit containers
    ['float32', undefined],
  ] as const)('extensible %s (container %s)', (format, containerBits) => {
    const w = readWav(
      file(
        `ext-${format}-${containerBits}.wav`,
        makeWav([a, a], { format, rate: 8000, channels: 2, extensible: true, ...(containerBits ? { containerBits } : {}) }),
      ),
    );
    expect(w.format).toBe(format);
    expect(maxAbsDiff(w.samples, a)).toBeLessThanOrEqual(1);
  });
});

describe('chunk layout', () => {
  const x = toInt16(tones([{ freq: 1000, level: -10 }], 100));
  const data = (): Chunk => ({ id: 'data', body: sampleBytes([x], 'pcm16') });
  const fmt = () => fmtChunk({ format: 'pcm16', rate: 8000, channels: 1 });

  it.each([
    ['LIST and fact before fmt', () => riff([listChunk(), factChunk(x.length), fmt(), data()])],
    ['data before fmt', () => riff([data(), fmt()])],
    ['odd-sized chunk, padded', () => riff([{ id: 'JUNK', body: Buffer.from('abc') }, fmt(), data()])],
    ['odd-sized chunk, pad byte missing', () => riff([{ id: 'JUNK', body: Buffer.from('abc'), noPad: true }, fmt(), data()])],
    ['unknown chunks after the data', () => riff([fmt(), data(), { id: 'cue ', body: Buffer.alloc(28) }, listChunk()])],
    ['a RIFF size field that is wrong', () => riff([fmt(), data()], { riffSizeField: 12345 })],
    ['trailing garbage after the data', () => Buffer.concat([riff([fmt(), data()]), Buffer.from([0, 1, 2, 0xff, 0xfe])])],
  ])('%s', (_name, build) => {
    const w = parseWav(build());
    expect(Array.from(w.samples)).toEqual(Array.from(x));
  });

  it('a data chunk cut short (crash) reads the whole frames that are present', () => {
    const full = riff([fmt(), { id: 'data', body: sampleBytes([x], 'pcm16'), sizeField: 100000 }]);
    const cut = full.subarray(0, 44 + 2 * 300 + 1); // 300 frames and half of one
    const w = readWav(file('cut.wav', cut));
    expect(Array.from(w.samples)).toEqual(Array.from(x.subarray(0, 300)));
  });

  it("a streaming writer's 0xFFFFFFFF data size reads to the end", () => {
    const w = parseWav(riff([fmt(), { id: 'data', body: sampleBytes([x], 'pcm16'), sizeField: 0xffffffff }]));
    expect(w.samples.length).toBe(x.length);
  });

  it('probeWav reports the format without decoding', () => {
    const p = probeWav(file('probe.wav', makeWav(sineAt(44100, 1000, 8000, 1500), { format: 'float32', rate: 44100, channels: 1 })));
    expect(p).toMatchObject({ sourceRate: 44100, channels: 1, format: 'float32', sourceFrames: 66150 });
    expect(p.durationMs).toBeCloseTo(1500, 6);
  });
});

describe('other sample rates are resampled to 8 kHz', () => {
  const level = -10;
  const peak = peakOf(level);
  it.each([11025, 16000, 22050, 32000, 44100, 48000, 96000])('%i Hz: a 1 kHz tone keeps its level within 0.5 dB', (rate) => {
    const w = readWav(file(`tone-${rate}.wav`, makeWav(sineAt(rate, 1000, peak, 1000), { format: 'pcm16', rate, channels: 1 })));
    expect(w.sourceRate).toBe(rate);
    expect(w.samples.length).toBe(8000);
    // Away from the edges (the filter's half length of zeros at each end).
    expect(Math.abs(toneDbm0(w.samples, 1000, 8000, 800, 6400) - level)).toBeLessThan(0.5);
    expect(Math.abs(levelDbm0(w.samples, 800, 6400) - level)).toBeLessThan(0.5);
  });

  it('48 kHz: a 5 kHz tone (would alias to 3 kHz) is at least 50 dB down', () => {
    const w = readWav(file('alias-48k.wav', makeWav(sineAt(48000, 5000, peak, 1000), { format: 'pcm16', rate: 48000, channels: 1 })));
    expect(levelDbm0(w.samples, 800, 6400) - level).toBeLessThan(-50);
    expect(toneDbm0(w.samples, 3000, 8000, 800, 6400) - level).toBeLessThan(-50);
  });

  it('44.1 kHz stereo float with an 8 kHz tone in one channel and 1 kHz in the other keeps only the 1 kHz', () => {
    const l = sineAt(44100, 1000, peak, 1000);
    const r = sineAt(44100, 8000, peak, 1000);
    const w = readWav(file('mix-44k.wav', makeWav([l, r], { format: 'float32', rate: 44100, channels: 2 })));
    expect(toneDbm0(w.samples, 1000, 8000, 800, 6400)).toBeCloseTo(level - 20 * Math.log10(2), 0);
    expect(levelDbm0(w.samples, 800, 6400)).toBeCloseTo(level - 20 * Math.log10(2), 0);
  });
});

describe('refusals', () => {
  const good = wavBytes(ref);
  const patched = (off: number, write: (b: Buffer) => void) => {
    const b = Buffer.from(good);
    write(b.subarray(off));
    return b;
  };

  it.each([
    ['a text file', Buffer.from('hello, this is not audio at all\n'), /not a WAV file/],
    ['an MP3 file', Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(100)]), /not a WAV file.*ID3/],
    ['an empty file', Buffer.alloc(0), /too short for a RIFF header/],
    ['a RIFF file of another form', riff([], { form: 'AVI ' }), /'AVI '.*not WAVE/],
    ['RF64', riff([], { magic: 'RF64' }), /RF64/],
    ['a header cut inside the fmt chunk', good.subarray(0, 30), /truncated.*'fmt '/],
    ['no data chunk', riff([fmtChunk({ format: 'pcm16', rate: 8000, channels: 1 })]), /no 'data' chunk/],
    ['no fmt chunk', riff([{ id: 'data', body: Buffer.alloc(100) }]), /no 'fmt ' chunk/],
    ['zero channels', patched(22, (b) => b.writeUInt16LE(0, 0)), /zero channels/],
    ['1000 channels', patched(22, (b) => b.writeUInt16LE(1000, 0)), /1000 channels/],
    ['a zero sample rate', patched(24, (b) => b.writeUInt32LE(0, 0)), /sample rate 0 Hz/],
    ['a 10 MHz sample rate', patched(24, (b) => b.writeUInt32LE(10_000_000, 0)), /sample rate 10000000 Hz/],
    ['12-bit PCM', patched(34, (b) => b.writeUInt16LE(12, 0)), /12 bits per sample/],
    ['a block align that does not fit', patched(32, (b) => b.writeUInt16LE(7, 0)), /block align 7/],
    [
      'IMA ADPCM',
      riff([
        fmtChunk({ format: 'pcm16', rate: 8000, channels: 1, tag: 0x11, bitsField: 4, blockAlignField: 256 }),
        { id: 'data', body: Buffer.alloc(512) },
      ]),
      /unsupported codec IMA ADPCM \(format tag 0x0011\)/,
    ],
    [
      'Microsoft ADPCM',
      riff([
        fmtChunk({ format: 'pcm16', rate: 8000, channels: 1, tag: 2, bitsField: 4, blockAlignField: 256 }),
        { id: 'data', body: Buffer.alloc(512) },
      ]),
      /Microsoft ADPCM/,
    ],
    ['an absurd fmt size', riff([{ id: 'fmt ', body: Buffer.alloc(16), sizeField: 0x7fffffff }]), /absurd/],
    [
      'a chunk claiming more than the file before any audio',
      riff([{ id: 'LIST', body: Buffer.alloc(10), sizeField: 1 << 30 }]),
      /truncated: chunk 'LIST'/,
    ],
    [
      'a corrupt chunk header',
      riff([{ id: '\x01\x02\x03\x04', body: Buffer.alloc(8) }, fmtChunk({ format: 'pcm16', rate: 8000, channels: 1 })]),
      /corrupt chunk header at offset 12/,
    ],
  ])('%s', (_name, bytes, message) => {
    const path = file('bad.wav', bytes);
    const e = badWav(() => readWav(path));
    expect(e.message).toMatch(message);
    expect(e.message).toContain(path);
  });

  it('a missing file is CTI_ERR_FILE_IO, not CTI_ERR_BAD_WAV', () => {
    expect(() => readWav(join(dir, 'nope.wav'))).toThrow(
      expect.objectContaining({ code: 'CTI_ERR_FILE_IO', message: expect.stringMatching(/nope\.wav.*No such file/) }),
    );
  });

  it('bad arguments are CTI_ERR_BAD_ARGUMENT', () => {
    expect(() => readWav('')).toThrow(expect.objectContaining({ code: 'CTI_ERR_BAD_ARGUMENT' }));
    expect(() => parseWav('x' as unknown as Uint8Array)).toThrow(expect.objectContaining({ code: 'CTI_ERR_BAD_ARGUMENT' }));
  });
});

describe('robustness', () => {
  it('damaged files never crash: they read or throw CTI_ERR_BAD_WAV', () => {
    const r = rng(42);
    const x = toInt16(tones([{ freq: 1000, level: -10 }], 50));
    const seeds = [
      wavBytes(x),
      wavBytes(x, { format: 'ulaw' }),
      makeWav([x, x], { format: 'pcm24', rate: 44100, channels: 2, extensible: true }),
      riff([
        listChunk(),
        fmtChunk({ format: 'float32', rate: 16000, channels: 1 }),
        factChunk(x.length),
        { id: 'data', body: sampleBytes([x], 'float32') },
      ]),
    ];
    let ok = 0;
    let refused = 0;
    for (let i = 0; i < 600; i++) {
      const b = Buffer.from(seeds[i % seeds.length]!);
      const flips = 1 + Math.floor(r() * 4);
      for (let k = 0; k < flips; k++) b[Math.floor(r() * Math.min(b.length, 80))] = Math.floor(r() * 256);
      const cut = r() < 0.3 ? Math.floor(r() * b.length) : b.length;
      try {
        const w = parseWav(b.subarray(0, cut));
        expect(w.samples).toBeInstanceOf(Int16Array);
        ok++;
      } catch (e) {
        expect(e).toBeInstanceOf(CtiError);
        expect((e as CtiError).code).toBe('CTI_ERR_BAD_WAV');
        refused++;
      }
    }
    expect(ok).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
