// Reference call-progress signals for the tone tests, written from the
// standards' numbers (not from src/dsp/tone-plans/*.json), on top of
// ref-signal.ts:
//   China (YD/T 1277 / GB 3380): 450 Hz; dial continuous, busy 0.35/0.35 s,
//     ringback 1/4 s, congestion 0.7/0.7 s.
//   ITU-T E.180 / CEPT: 425 Hz; dial continuous, busy 0.5/0.5 s, ringing
//     1/4 s, congestion 0.25/0.25 s.
//   North American precise tones: dial 350+440 continuous, ringback 440+480
//     2/4 s, busy 480+620 0.5/0.5 s, reorder 480+620 0.25/0.25 s.
//   SIT: ITU 950/1400/1800 Hz, 330 ms each, up to 30 ms gaps, repeated after
//     1 s; Telcordia variants 913.8|985.2, 1370.6|1428.5, 1776.7 Hz with 274 ms
//     (short) or 380 ms (long) segments, no gaps.
//   Fax: CNG 1100 Hz 0.5 s on / 3 s off (T.30); CED 2100 Hz 2.6-4 s, optionally
//     with phase reversals every 450 ms (V.25).
// Plus talk-off material: speech-like audio (harmonic series with moving
// formants and intonation) and DTMF digit strings.
import { FS, add, awgn, concat, peakOf, powerOf, rng, silence, throughLaw, toInt16 } from './ref-signal.ts';

export type Kind = 'dial' | 'busy' | 'ringback' | 'congestion' | 'sit' | 'cng' | 'ced' | 'stutter' | 'howler';
export type PlanName = 'cn' | 'itu' | 'us';

/** A tone as the standard states it: components and an on/off cadence (empty = continuous). */
export interface StdTone {
  freqs: number[];
  level: number;
  /** on, off, on, off ... ms; [] = continuous */
  cadence: number[];
}

export const STANDARD: Record<PlanName, Partial<Record<Kind, StdTone>>> = {
  cn: {
    dial: { freqs: [450], level: -10, cadence: [] },
    busy: { freqs: [450], level: -10, cadence: [350, 350] },
    ringback: { freqs: [450], level: -10, cadence: [1000, 4000] },
    congestion: { freqs: [450], level: -10, cadence: [700, 700] },
    // stutter dial tone (0.1 / 0.1 s; see cn.json)
    stutter: { freqs: [450], level: -10, cadence: [100, 100] },
  },
  itu: {
    dial: { freqs: [425], level: -10, cadence: [] },
    busy: { freqs: [425], level: -10, cadence: [500, 500] },
    ringback: { freqs: [425], level: -10, cadence: [1000, 4000] },
    congestion: { freqs: [425], level: -10, cadence: [250, 250] },
    // E.180 special dial tone
    stutter: { freqs: [425], level: -10, cadence: [400, 40] },
  },
  us: {
    dial: { freqs: [350, 440], level: -13, cadence: [] },
    ringback: { freqs: [440, 480], level: -19, cadence: [2000, 4000] },
    busy: { freqs: [480, 620], level: -24, cadence: [500, 500] },
    congestion: { freqs: [480, 620], level: -24, cadence: [250, 250] },
    // stutter dial tone; receiver off hook (ROH)
    stutter: { freqs: [350, 440], level: -13, cadence: [100, 100] },
    howler: { freqs: [1400, 2060, 2450, 2600], level: -10, cadence: [100, 100] },
  },
};
for (const p of ['cn', 'itu', 'us'] as const) {
  STANDARD[p].cng = { freqs: [1100], level: -15, cadence: [500, 3000] };
  STANDARD[p].ced = { freqs: [2100], level: -12, cadence: [] };
}

/** Telcordia SIT variants (segment frequency, ms). */
export const SIT_NA: Record<string, [number, number][]> = {
  IC: [
    [913.8, 274],
    [1370.6, 274],
    [1776.7, 380],
  ],
  VC: [
    [985.2, 380],
    [1370.6, 274],
    [1776.7, 380],
  ],
  RO1: [
    [913.8, 274],
    [1428.5, 380],
    [1776.7, 380],
  ],
  NC1: [
    [985.2, 380],
    [1428.5, 380],
    [1776.7, 380],
  ],
  RO2: [
    [985.2, 274],
    [1370.6, 380],
    [1776.7, 380],
  ],
  NC2: [
    [913.8, 380],
    [1370.6, 380],
    [1776.7, 380],
  ],
  IO: [
    [913.8, 380],
    [1370.6, 274],
    [1776.7, 380],
  ],
  FUT: [
    [985.2, 380],
    [1428.5, 274],
    [1776.7, 380],
  ],
};
export const SIT_ITU: [number, number][] = [
  [950, 330],
  [1400, 330],
  [1800, 330],
];

export interface Truth {
  kind: Kind;
  startMs: number;
  endMs: number;
}

export interface GenOptions {
  /** Per-segment timing error: each duration times (1 + u), u uniform in [-jitter, jitter]. */
  jitter?: number;
  /** Fixed timing scale (e.g. 1.1 = every duration 10% long); applied with jitter. */
  timeScale?: number;
  /** Frequency error, relative (0.015 = +1.5%). */
  freqErr?: number;
  /** Level per component, dBm0 (default: the standard's). */
  level?: number;
  seed?: number;
}

/** A signal under construction: samples plus where each tone really was. */
export class Track {
  private parts: Float64Array[] = [];
  private n = 0;
  readonly truth: Truth[] = [];
  private r: () => number;
  constructor(seed = 1) {
    this.r = rng(seed);
  }
  get ms(): number {
    return (this.n * 1000) / FS;
  }
  rand(): number {
    return this.r();
  }
  silence(ms: number): this {
    return this.push(silence(ms));
  }
  push(x: Float64Array): this {
    this.parts.push(x);
    this.n += x.length;
    return this;
  }
  /** Summed sines with random starting phases, for `ms`. */
  sines(freqs: number[], level: number, ms: number, phases?: number[]): this {
    const n = Math.round((ms * FS) / 1000);
    const out = new Float64Array(n);
    freqs.forEach((f, k) => {
      const a = peakOf(level);
      const w = (2 * Math.PI * f) / FS;
      const p = phases?.[k] ?? this.r() * 2 * Math.PI;
      for (let i = 0; i < n; i++) out[i]! += a * Math.sin(w * i + p);
    });
    return this.push(out);
  }
  samples(): Float64Array {
    return concat(this.parts);
  }
}

function dur(ms: number, o: GenOptions, r: () => number): number {
  const j = o.jitter ?? 0;
  return ms * (o.timeScale ?? 1) * (1 + (2 * r() - 1) * j);
}

/**
 * Appends `cycles` cycles of a standard tone (a continuous tone: `continuousMs`),
 * recording its truth from the first burst's start to the last burst's end.
 * The trailing silence after the last burst is included.
 */
export function addTone(t: Track, kind: Kind, std: StdTone, cycles: number, o: GenOptions = {}, continuousMs = 3000): Track {
  const freqs = std.freqs.map((f) => f * (1 + (o.freqErr ?? 0)));
  const level = o.level ?? std.level;
  const start = t.ms;
  let end = start;
  if (std.cadence.length === 0) {
    t.sines(
      freqs,
      level,
      dur(continuousMs, o, () => t.rand()),
    );
    end = t.ms;
  } else {
    for (let c = 0; c < cycles; c++) {
      for (let k = 0; k < std.cadence.length; k++) {
        const d = dur(std.cadence[k]!, o, () => t.rand());
        if (k % 2 === 0) {
          t.sines(freqs, level, d);
          end = t.ms;
        } else {
          t.silence(d);
        }
      }
    }
  }
  t.truth.push({ kind, startMs: start, endMs: end });
  return t;
}

/** A SIT: segments in order, `gapMs` silence between them, `repeats` times with `repeatGapMs` between. */
export function addSit(
  t: Track,
  segs: [number, number][],
  o: GenOptions & { gapMs?: number; repeats?: number; repeatGapMs?: number } = {},
): Track {
  const level = o.level ?? -24;
  const start = t.ms;
  let end = start;
  for (let r = 0; r < (o.repeats ?? 1); r++) {
    if (r > 0) t.silence(o.repeatGapMs ?? 1000);
    segs.forEach(([f, ms], k) => {
      if (k > 0 && o.gapMs) t.silence(o.gapMs);
      t.sines(
        [f * (1 + (o.freqErr ?? 0))],
        level,
        dur(ms, o, () => t.rand()),
      );
    });
    end = t.ms;
  }
  t.truth.push({ kind: 'sit', startMs: start, endMs: end });
  return t;
}

/** CED: 2100 Hz for `ms`, with a 180-degree phase reversal every 450 ms if asked. */
export function addCed(t: Track, ms: number, o: GenOptions & { reversals?: boolean } = {}): Track {
  const f = 2100 * (1 + (o.freqErr ?? 0));
  const a = peakOf(o.level ?? -12);
  const n = Math.round((ms * FS) / 1000);
  const out = new Float64Array(n);
  const w = (2 * Math.PI * f) / FS;
  const seg = Math.round(0.45 * FS);
  for (let i = 0; i < n; i++) {
    const flip = o.reversals && Math.floor(i / seg) % 2 === 1 ? Math.PI : 0;
    out[i] = a * Math.sin(w * i + flip);
  }
  const start = t.ms;
  t.push(out);
  t.truth.push({ kind: 'ced', startMs: start, endMs: t.ms });
  return t;
}

// ---- channel impairments ----------------------------------------------------------

/** White noise `snrDb` below the power of a sine at `toneLevel` dBm0 (per component). */
export function withNoise(x: Float64Array, toneLevel: number, snrDb: number, seed = 7): Float64Array {
  const ms = (x.length * 1000) / FS;
  return add(x, awgn(ms, toneLevel - snrDb, seed)).subarray(0, x.length);
}

export function line(x: Float64Array, law?: 'ulaw' | 'alaw'): Int16Array {
  return toInt16(law ? throughLaw(x, law) : x);
}

// ---- talk-off material ----------------------------------------------------------------

/** Vowel formant targets (F1, F2, F3 Hz) of an adult speaker. */
const VOWELS: [number, number, number][] = [
  [730, 1090, 2440], // a
  [270, 2290, 3010], // i
  [300, 870, 2240], // u
  [530, 1840, 2480], // e
  [570, 840, 2410], // o
  [660, 1720, 2410], // ae
  [440, 1020, 2240], // uh
  [490, 1350, 1690], // er
];

/**
 * Speech-like audio: syllables of voiced harmonic series (F0 90-240 Hz with
 * intonation and vibrato, -6 dB/octave source) shaped by three formants that
 * glide between vowel targets, with onsets, decays and pauses; long-term level
 * about `level` dBm0.
 */
export function speechLike(ms: number, seed = 1, level = -18): Float64Array {
  const r = rng(seed);
  const n = Math.round((ms * FS) / 1000);
  const out = new Float64Array(n);
  const block = 40; // 5 ms parameter updates
  let i = 0;
  const maxH = 48;
  const phase = new Float64Array(maxH + 1);
  let f0Base = 90 + r() * 150;
  while (i < n) {
    // a syllable (or a short word) then a pause
    const syl = Math.round((0.12 + r() * 0.35) * FS);
    const pause = Math.round((r() < 0.3 ? 0.15 + r() * 0.5 : 0.02 + r() * 0.08) * FS);
    const v0 = VOWELS[Math.floor(r() * VOWELS.length)]!;
    const v1 = VOWELS[Math.floor(r() * VOWELS.length)]!;
    const f0a = f0Base * (0.85 + r() * 0.3);
    const f0b = f0a * (0.8 + r() * 0.45);
    const vibHz = 4 + r() * 3;
    const vibDepth = r() * 0.03;
    const loud = 10 ** ((r() * 12 - 6) / 20);
    for (let s = 0; s < syl && i < n; s += block) {
      const u = s / syl;
      const f0 = (f0a + (f0b - f0a) * u) * (1 + vibDepth * Math.sin((2 * Math.PI * vibHz * s) / FS));
      const fm: number[] = [0, 1, 2].map((k) => v0[k]! + (v1[k]! - v0[k]!) * u);
      const env = Math.min(1, u / 0.15) * Math.min(1, (1 - u) / 0.25) * loud;
      const nh = Math.min(maxH, Math.floor(3800 / f0));
      const amps: number[] = [];
      for (let h = 1; h <= nh; h++) {
        const f = h * f0;
        let g = 1 / h; // source -12 dB/oct + radiation +6 dB/oct
        for (let k = 0; k < 3; k++) {
          const F = fm[k]!;
          const B = 60 + 40 * k;
          g *= (F * F) / Math.sqrt((F * F - f * f) ** 2 + (B * f) ** 2);
        }
        amps.push(g * env);
      }
      for (let t = 0; t < block && i < n; t++, i++) {
        let acc = 0;
        for (let h = 1; h <= nh; h++) {
          phase[h] = (phase[h]! + (2 * Math.PI * h * f0) / FS) % (2 * Math.PI);
          acc += amps[h - 1]! * Math.sin(phase[h]!);
        }
        out[i] = acc;
      }
    }
    i += pause;
    f0Base = Math.min(240, Math.max(90, f0Base * (0.9 + r() * 0.2)));
  }
  // normalise the active part to `level`
  let e = 0;
  let m = 0;
  for (let k = 0; k < n; k++) {
    if (out[k] !== 0) {
      e += out[k]! ** 2;
      m++;
    }
  }
  const g = Math.sqrt(powerOf(level) / (e / Math.max(1, m)));
  for (let k = 0; k < n; k++) out[k]! *= g;
  return out;
}

const DTMF_ROW = [697, 770, 852, 941];
const DTMF_COL = [1209, 1336, 1477, 1633];
const KEYS = '123A456B789C*0#D';

/** DTMF digits, `onMs` tone and `offMs` silence each; twist = high minus low, dB. */
export function dtmfDigits(
  digits: string,
  o: { onMs?: number; offMs?: number; level?: number; twistDb?: number; seed?: number } = {},
): Float64Array {
  const t = new Track(o.seed ?? 3);
  for (const d of digits) {
    const i = KEYS.indexOf(d);
    if (i < 0) throw new Error(`not a DTMF key: ${d}`);
    const lo = DTMF_ROW[Math.floor(i / 4)]!;
    const hi = DTMF_COL[i % 4]!;
    const lvl = o.level ?? -10;
    const n = Math.round(((o.onMs ?? 80) * FS) / 1000);
    const seg = new Float64Array(n);
    const pl = t.rand() * 6.28;
    const ph = t.rand() * 6.28;
    for (let k = 0; k < n; k++)
      seg[k] =
        peakOf(lvl) * Math.sin((2 * Math.PI * lo * k) / FS + pl) +
        peakOf(lvl + (o.twistDb ?? 0)) * Math.sin((2 * Math.PI * hi * k) / FS + ph);
    t.push(seg).silence(o.offMs ?? 80);
  }
  return t.samples();
}
