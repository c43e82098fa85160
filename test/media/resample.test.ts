// The band-limited resampler: flat pass band, deep stop band from the lower
// rate's Nyquist frequency up, no added delay, exact output lengths.
import { describe, expect, it } from 'vitest';
import { parseWav, resample } from '../../src/native/index.ts';
import { peakOf } from '../helpers/ref-signal.ts';
import { makeWav, sineAt } from '../helpers/wav-fixtures.ts';
import { levelDbm0, maxAbsDiff, toneDbm0 } from './analysis.ts';

const LEVEL = -10;
const PEAK = peakOf(LEVEL);

function sine16(rate: number, freq: number, ms: number): Int16Array {
  return Int16Array.from(sineAt(rate, freq, PEAK, ms), (v) => Math.round(v));
}

/** Level (dB relative to the input tone) of the 8 kHz output, edges excluded. */
function gainTo8k(rate: number, freq: number): number {
  const y = resample(sine16(rate, freq, 1000), rate, 8000);
  return levelDbm0(y, 800, 6400) - LEVEL;
}

describe('down to 8 kHz', () => {
  it.each([11025, 16000, 22050, 44100, 48000])('%i Hz: pass band 200..3400 Hz flat within 0.1 dB', (rate) => {
    for (let f = 200; f <= 3400; f += 200) expect(Math.abs(gainTo8k(rate, f)), `${f} Hz`).toBeLessThan(0.1);
  });

  it.each([11025, 16000, 22050, 44100, 48000])('%i Hz: stop band 4100 Hz .. rate/2 at least 70 dB down', (rate) => {
    for (let f = 4100; f < rate / 2; f += rate > 20000 ? 1300 : 500) expect(gainTo8k(rate, f), `${f} Hz`).toBeLessThan(-70);
  });

  it('48 kHz: 5 kHz is rejected by at least 50 dB (the acceptance figure)', () => {
    expect(gainTo8k(48000, 5000)).toBeLessThan(-50);
  });

  it('an odd rate (22051 Hz: interpolated filter phases) is just as good', () => {
    for (const f of [300, 1000, 3000, 3400]) expect(Math.abs(gainTo8k(22051, f)), `${f} Hz`).toBeLessThan(0.1);
    for (const f of [4100, 5000, 9000]) expect(gainTo8k(22051, f), `${f} Hz`).toBeLessThan(-70);
  });

  it('block-wise streaming (the WAV reader) gives exactly the one-shot result', () => {
    const x = Int16Array.from(sineAt(44100, 1234, PEAK, 700), (v) => Math.round(v));
    const viaReader = parseWav(makeWav(x, { format: 'pcm16', rate: 44100, channels: 1 })).samples;
    expect(Array.from(viaReader)).toEqual(Array.from(resample(x, 44100, 8000)));
  });

  it('output length is ceil(n * 8000 / rate) and the signal is not delayed', () => {
    for (const [rate, n] of [
      [44100, 44100],
      [44100, 1234],
      [48000, 47999],
      [11025, 11025],
      [16000, 3],
    ] as const) {
      const y = resample(new Int16Array(n), rate, 8000);
      expect(y.length, `${rate} Hz x ${n}`).toBe(Math.ceil((n * 8000) / rate));
    }
    // A 1 kHz tone at 48 kHz: output sample k is the tone at time k / 8000.
    const y = resample(sine16(48000, 1000, 500), 48000, 8000);
    const want = sineAt(8000, 1000, PEAK, 500);
    expect(maxAbsDiff(y, want, 400, 3200)).toBeLessThan(3);
  });
});

describe('up from 8 kHz (export)', () => {
  it.each([16000, 44100, 48000])('8000 -> %i Hz keeps a 1 kHz tone and its timing', (to) => {
    const x = sine16(8000, 1000, 1000);
    const y = resample(x, 8000, to);
    expect(y.length).toBe(to);
    expect(Math.abs(toneDbm0(y, 1000, to, to / 10, (to * 8) / 10) - LEVEL)).toBeLessThan(0.05);
    expect(maxAbsDiff(y, sineAt(to, 1000, PEAK, 1000), to / 10, (to * 8) / 10)).toBeLessThan(4);
  });

  it('8 kHz -> 48 kHz -> 8 kHz gives the original back (within a few LSB)', () => {
    const x = sine16(8000, 1733, 500);
    const back = resample(resample(x, 8000, 48000), 48000, 8000);
    expect(back.length).toBe(x.length);
    expect(maxAbsDiff(back, x, 200, 3600)).toBeLessThan(4);
  });

  it('the same rate is a copy', () => {
    const x = sine16(8000, 1000, 100);
    expect(Array.from(resample(x, 8000, 8000))).toEqual(Array.from(x));
  });
});

describe('arguments', () => {
  it.each([
    [0, 8000],
    [8000, 999],
    [8000, 1e6],
    [8000.5, 8000],
  ])('rates %s -> %s are refused', (from, to) => {
    expect(() => resample(new Int16Array(10), from, to)).toThrow(expect.objectContaining({ code: 'CTI_ERR_BAD_ARGUMENT' }));
  });

  it('samples must be an Int16Array', () => {
    expect(() => resample([1, 2, 3] as unknown as Int16Array, 8000, 16000)).toThrow(
      expect.objectContaining({ code: 'CTI_ERR_BAD_ARGUMENT' }),
    );
  });
});
