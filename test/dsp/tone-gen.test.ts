import { describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { DBM0_PEAK, FS } from '../helpers/ref-signal.ts';

// Measures the generator with an independent single-bin DFT and RMS.
function dftMagnitude(x: Int16Array, freq: number, from = 0, to = x.length): number {
  let re = 0;
  let im = 0;
  for (let i = from; i < to; i++) {
    re += x[i]! * Math.cos((2 * Math.PI * freq * i) / FS);
    im -= x[i]! * Math.sin((2 * Math.PI * freq * i) / FS);
  }
  return (2 * Math.hypot(re, im)) / (to - from); // peak amplitude of that component
}

function dbm0OfPeak(peak: number): number {
  return 20 * Math.log10(peak / DBM0_PEAK);
}

describe('tone generation', () => {
  it('makes a dual tone at the requested frequencies and levels', () => {
    const x = addon.generateTone(
      {
        segments: [
          {
            tones: [
              { freq: 480, level: -13 },
              { freq: 620, level: -24 },
            ],
            ms: 1000,
          },
        ],
      },
      100000,
    );
    expect(x.length).toBe(8000);
    expect(dbm0OfPeak(dftMagnitude(x, 480))).toBeCloseTo(-13, 1);
    expect(dbm0OfPeak(dftMagnitude(x, 620))).toBeCloseTo(-24, 1);
    expect(dftMagnitude(x, 550)).toBeLessThan(5); // nothing between
  });

  it('plays cadences for the number of repeats asked, with exact durations', () => {
    // China busy: 350 ms on, 350 ms off, three cycles.
    const x = addon.generateTone({ segments: [{ tones: [{ freq: 450, level: -10 }], ms: 350 }, { ms: 350 }], repeat: 3 }, 100000);
    expect(x.length).toBe(3 * 700 * 8);
    for (let c = 0; c < 3; c++) {
      const on = c * 5600;
      expect(dbm0OfPeak(dftMagnitude(x, 450, on, on + 2800))).toBeCloseTo(-10, 1);
      expect(Math.max(...Array.from(x.subarray(on + 2800, on + 5600), Math.abs))).toBe(0);
    }
  });

  it('stops at maxSamples for a tone that lasts for ever', () => {
    const x = addon.generateTone({ segments: [{ tones: [{ freq: 425 }], ms: 0 }], repeat: 0 }, 12345);
    expect(x.length).toBe(12345);
  });
});
