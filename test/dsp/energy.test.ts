// Energy detection (silence / voice): onset and offset timing, hysteresis,
// onset time and hangover, level accuracy in dBm0, and option checks. Signals
// from the independent reference generators.
import { describe, expect, it } from 'vitest';
import { detectEnergy } from '../../src/native/index.ts';
import { CtiError } from '../../src/native/errors.ts';
import { add, awgn, concat, silence, tones } from '../helpers/ref-signal.ts';
import { line, speechLike } from '../helpers/ref-tones.ts';

/** A steady voiced sound: six harmonics of 140 Hz falling 3 dB each, `level` dBm0 in all. */
function vowel(ms: number, level: number): Float64Array {
  const rel = [0, 1, 2, 3, 4, 5].map((k) => -3 * k);
  const sum = 10 * Math.log10(rel.reduce((s, r) => s + 10 ** (r / 10), 0));
  const comps = rel.map((r, k) => ({ freq: 140 * (k + 1), level: level + r - sum, phase: k + 1 }));
  return tones(comps, ms);
}

const floor = (ms: number, seed = 1) => awgn(ms, -65, seed);
/** Frame length (ms) bounds how far an edge can be off. */
const EDGE_MS = 12;

describe('onset and offset timing', () => {
  it('silence, voice, silence, voice, silence', () => {
    const parts = [floor(800), vowel(2000, -20), floor(1500, 2), vowel(1000, -30), floor(1000, 3)];
    const x = line(concat(parts));
    const ev = detectEnergy(x);
    expect(ev.map((e) => e.voice)).toEqual([false, true, false, true, false]);
    const want = [0, 800, 2800, 4300, 5300];
    ev.forEach((e, i) => expect(Math.abs(e.ms - want[i]!), `${JSON.stringify(e)} vs ${want[i]}`).toBeLessThanOrEqual(EDGE_MS));
    expect(ev[1]!.levelDbm0).toBeCloseTo(-20, 0);
    expect(ev[3]!.levelDbm0).toBeCloseTo(-30, 0);
    expect(ev[0]!.levelDbm0).toBeLessThan(-60);
  });

  it('through mu-law and A-law, and in noise 20 dB below the voice', () => {
    for (const law of ['ulaw', 'alaw'] as const) {
      const x = concat([silence(500), vowel(1500, -25), silence(1000)]);
      const noisy = add(x, awgn(3000, -45, 5));
      const ev = detectEnergy(line(noisy, law));
      expect(ev.map((e) => [e.voice, Math.round(e.ms / 10) * 10])).toEqual(
        [
          [false, 0],
          [true, 500],
          [false, 2000],
        ].map(([v, m]) => [v, expect.closeTo(m as number, -1.5)]),
      );
    }
  });

  it('speech-like talk spurts: one voice event per spurt with a hangover longer than syllable gaps', () => {
    const x = line(concat([floor(1000), speechLike(3000, 4, -18), floor(2000, 2), speechLike(3000, 5, -18), floor(1000, 3)]));
    const ev = detectEnergy(x, { hangoverMs: 800 });
    expect(ev.map((e) => e.voice)).toEqual([false, true, false, true, false]);
    expect(Math.abs(ev[1]!.ms - 1000)).toBeLessThanOrEqual(60); // speech starts with a soft onset
    expect(Math.abs(ev[3]!.ms - 6000)).toBeLessThanOrEqual(60);
    expect(ev[2]!.ms).toBeGreaterThan(3500);
    expect(ev[2]!.ms).toBeLessThanOrEqual(4000 + EDGE_MS);
  });
});

describe('onset time, hangover and hysteresis', () => {
  it('a click shorter than the onset time is not voice; a longer burst is', () => {
    const ev = detectEnergy(line(concat([floor(500), vowel(20, -10), floor(1000, 2), vowel(60, -10), floor(1000, 3)])));
    expect(ev.map((e) => [e.voice, Math.round(e.ms)])).toEqual([
      [false, 0],
      [true, expect.closeTo(1520, -1.5)],
      [false, expect.closeTo(1580, -1.5)],
    ]);
  });

  it('a pause shorter than the hangover keeps voice; a longer one is silence from its start', () => {
    const ev = detectEnergy(line(concat([vowel(1000, -20), floor(200), vowel(1000, -20), floor(400, 2), vowel(500, -20)])));
    expect(ev.map((e) => e.voice)).toEqual([true, false, true]);
    expect(Math.abs(ev[1]!.ms - 2200)).toBeLessThanOrEqual(EDGE_MS);
    expect(Math.abs(ev[2]!.ms - 2600)).toBeLessThanOrEqual(EDGE_MS);
  });

  it('a level between the thresholds keeps whichever state holds', () => {
    const between = (ms: number) => tones([{ freq: 300, level: -39 }], ms);
    const ev = detectEnergy(line(concat([floor(500), between(2000), vowel(500, -20), between(2000)])));
    expect(ev.map((e) => e.voice)).toEqual([false, true]);
    expect(Math.abs(ev[1]!.ms - 2500)).toBeLessThanOrEqual(EDGE_MS);
  });

  it('thresholds and times are options', () => {
    const x = line(concat([floor(500), tones([{ freq: 300, level: -48 }], 1000), floor(500, 2)]));
    expect(detectEnergy(x).map((e) => e.voice)).toEqual([false]);
    const ev = detectEnergy(x, { voiceDbm0: -50, silenceDbm0: -55, onsetMs: 100, hangoverMs: 200, frameMs: 20 });
    expect(ev.map((e) => e.voice)).toEqual([false, true, false]);
    expect(Math.abs(ev[1]!.ms - 500)).toBeLessThanOrEqual(20);
    expect(ev[1]!.levelDbm0).toBeCloseTo(-48, 0);
  });
});

describe('levels', () => {
  it('a sine reads its dBm0 level', () => {
    for (const level of [-10, -20, -30, -40]) {
      const ev = detectEnergy(line(tones([{ freq: 1004, level }], 1000)), { voiceDbm0: -45, silenceDbm0: -50 });
      expect(ev[0]!.voice).toBe(true);
      expect(Math.abs(ev[0]!.levelDbm0 - level)).toBeLessThanOrEqual(0.2);
    }
  });
});

describe('options are checked', () => {
  it('with messages naming the option', () => {
    const x = new Int16Array(800);
    expect(() => detectEnergy(x, { silenceDbm0: -30, voiceDbm0: -40 })).toThrow(/silenceDbm0 \(-30\) must not be above voiceDbm0 \(-40\)/);
    expect(() => detectEnergy(x, { frameMs: 3 })).toThrow(
      expect.objectContaining({ code: 'CTI_ERR_BAD_ARGUMENT', message: expect.stringMatching(/frameMs/) }),
    );
    expect(() => detectEnergy(x, { onsetMs: 5, frameMs: 10 })).toThrow(CtiError);
    expect(() => detectEnergy([1, 2] as unknown as Int16Array)).toThrow(/samples: expected an Int16Array/);
  });
});
