// MFC-R2 register signals (ITU-T Q.441 table, Q.454 sending, Q.455 receiving).
// Input comes from test/helpers/ref-signal.ts (plain sines, its own G.711 and
// noise), with the Q.441 frequency table written out again here, so nothing
// under test makes its own input. Limits asserted:
//   all 15 signals of both directions, each only in its own direction;
//   -5 .. -35 dBm0 per frequency accepted, -42 dBm0 rejected (Q.455);
//   +-10 Hz accepted on both frequencies; 5 dB between the two accepted, 12 dB
//   rejected; a single frequency and three frequencies rejected; through A-law
//   and mu-law; with noise 20 dB below the pair; start and end within 40 ms.
// The generator: each signal's two frequencies at -11.5 dBm0 +-1 dB (Q.454),
// nothing else above -40 dBm0, measured with a reference DFT.
import { describe, expect, it } from 'vitest';
import { CtiError } from '../../src/native/errors.ts';
import { detectMfR2, generateMfR2, type MfR2Direction } from '../../src/native/index.ts';
import { add, awgn, concat, powerOf, silence, throughLaw, toInt16, tones } from '../helpers/ref-signal.ts';

const FREQ: Record<MfR2Direction, number[]> = {
  forward: [1380, 1500, 1620, 1740, 1860, 1980],
  backward: [1140, 1020, 900, 780, 660, 540],
};
/** Q.441: signal n is the pair (f_a, f_b) of its group. */
const PAIRS: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 2],
  [0, 3],
  [1, 3],
  [2, 3],
  [0, 4],
  [1, 4],
  [2, 4],
  [3, 4],
  [0, 5],
  [1, 5],
  [2, 5],
  [3, 5],
  [4, 5],
];
const SIGNALS = Array.from({ length: 15 }, (_, i) => i + 1);
const other = (d: MfR2Direction): MfR2Direction => (d === 'forward' ? 'backward' : 'forward');

interface Spec {
  signal: number;
  dir: MfR2Direction;
  ms?: number;
  level?: number;
  /** level of the second frequency (default: level) */
  level2?: number;
  dev?: number;
}

function signalPcm(s: Spec): Float64Array {
  const [a, b] = PAIRS[s.signal - 1]!;
  const f = FREQ[s.dir];
  const level = s.level ?? -11.5;
  return tones(
    [
      { freq: f[a]! + (s.dev ?? 0), level },
      { freq: f[b]! + (s.dev ?? 0), level: s.level2 ?? level, phase: 1.1 },
    ],
    s.ms ?? 150,
  );
}

const framed = (x: Float64Array) => concat([silence(100), x, silence(100)]);
const detect = (x: Float64Array, dir: MfR2Direction) => detectMfR2(toInt16(x), { direction: dir });

describe('MFC-R2 receiver', () => {
  it.each(['forward', 'backward'] as const)('recognises all 15 %s signals, and only in their direction', (dir) => {
    for (const signal of SIGNALS) {
      const x = framed(signalPcm({ signal, dir }));
      const hits = detect(x, dir);
      expect(
        hits.map((h) => h.signal),
        `signal ${signal}`,
      ).toEqual([signal]);
      expect(Math.abs(hits[0]!.startMs - 100)).toBeLessThanOrEqual(40);
      expect(Math.abs(hits[0]!.endMs - 250)).toBeLessThanOrEqual(40);
      expect(detect(x, other(dir)), `signal ${signal} in the other direction`).toEqual([]);
    }
  });

  it('a compelled sequence of signals back to back, with and without gaps', () => {
    const seq = [1, 3, 8, 0, 0, 1, 3, 8, 0, 0, 1, 3, 8, 15].map((n) => n || 10);
    const parts = seq.flatMap((signal, i) => [signalPcm({ signal, dir: 'forward', ms: 80 }), silence(i % 2 ? 60 : 50)]);
    expect(detect(concat([silence(50), ...parts]), 'forward').map((h) => h.signal)).toEqual(seq);
  });

  it('accepts -5 to -35 dBm0 per frequency, rejects -42 dBm0 (Q.455)', () => {
    for (const level of [-5, -11.5, -20, -30, -35])
      expect(
        detect(framed(signalPcm({ signal: 5, dir: 'backward', level })), 'backward').map((h) => h.signal),
        `${level} dBm0`,
      ).toEqual([5]);
    expect(detect(framed(signalPcm({ signal: 5, dir: 'backward', level: -42 })), 'backward')).toEqual([]);
  });

  it('accepts +-10 Hz on both frequencies', () => {
    for (const dev of [-10, 10])
      for (const dir of ['forward', 'backward'] as const)
        expect(
          detect(framed(signalPcm({ signal: 9, dir, dev })), dir).map((h) => h.signal),
          `${dir} ${dev} Hz`,
        ).toEqual([9]);
  });

  it('accepts 5 dB between the two frequencies, rejects 12 dB', () => {
    expect(detect(framed(signalPcm({ signal: 12, dir: 'forward', level: -10, level2: -15 })), 'forward').map((h) => h.signal)).toEqual([
      12,
    ]);
    expect(detect(framed(signalPcm({ signal: 12, dir: 'forward', level: -15, level2: -10 })), 'forward').map((h) => h.signal)).toEqual([
      12,
    ]);
    expect(detect(framed(signalPcm({ signal: 12, dir: 'forward', level: -5, level2: -17 })), 'forward')).toEqual([]);
  });

  it('rejects one frequency alone and three at once', () => {
    const f = FREQ.forward;
    expect(detect(framed(tones([{ freq: f[2]!, level: -10 }], 200)), 'forward')).toEqual([]);
    const three = tones(
      [
        { freq: f[0]!, level: -12 },
        { freq: f[2]!, level: -12 },
        { freq: f[4]!, level: -12 },
      ],
      200,
    );
    expect(detect(framed(three), 'forward')).toEqual([]);
  });

  it('works through A-law and mu-law, and with noise 20 dB below the pair', () => {
    for (const law of ['alaw', 'ulaw'] as const) {
      const x = framed(signalPcm({ signal: 14, dir: 'backward', level: -25 }));
      expect(
        detect(throughLaw(x, law), 'backward').map((h) => h.signal),
        law,
      ).toEqual([14]);
    }
    const x = framed(signalPcm({ signal: 7, dir: 'forward', level: -15 }));
    const pairDbm0 = -15 + 10 * Math.log10(2);
    const noisy = add(x, awgn(x.length / 8, pairDbm0 - 20, 7));
    expect(detect(noisy, 'forward').map((h) => h.signal)).toEqual([7]);
  });

  it('rejects bad arguments with CTI_ERR_BAD_ARGUMENT', () => {
    expect(() => detectMfR2(new Int16Array(10), { direction: 'sideways' as MfR2Direction })).toThrow(CtiError);
    expect(() => generateMfR2([16], { direction: 'forward' })).toThrow(/1\.\.15/);
  });
});

/** Power of `freq` in x by a reference single-bin DFT (Hann-windowed, normalised to a sine's mean power). */
function powerAt(x: Int16Array, freq: number): number {
  let re = 0;
  let im = 0;
  let wsum = 0;
  for (let i = 0; i < x.length; i++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (x.length - 1));
    re += w * x[i]! * Math.cos((2 * Math.PI * freq * i) / 8000);
    im += w * x[i]! * Math.sin((2 * Math.PI * freq * i) / 8000);
    wsum += w;
  }
  const amp = (2 * Math.hypot(re, im)) / wsum;
  return (amp * amp) / 2;
}
const dbm0 = (p: number) => 10 * Math.log10(p / powerOf(0));

describe('MFC-R2 generator', () => {
  it.each(['forward', 'backward'] as const)('sends each %s signal as its two frequencies at -11.5 dBm0 (Q.454)', (dir) => {
    for (const signal of SIGNALS) {
      const pcm = generateMfR2([signal], { direction: dir, onMs: 200, offMs: 0 });
      const [a, b] = PAIRS[signal - 1]!;
      for (const [i, f] of FREQ[dir].entries()) {
        const level = dbm0(powerAt(pcm, f));
        if (i === a || i === b) expect(Math.abs(level + 11.5), `${signal}: ${f} Hz at ${level.toFixed(1)}`).toBeLessThanOrEqual(1);
        else expect(level, `${signal}: ${f} Hz`).toBeLessThan(-40);
      }
      for (const f of FREQ[other(dir)]) expect(dbm0(powerAt(pcm, f))).toBeLessThan(-40);
    }
  });
});
