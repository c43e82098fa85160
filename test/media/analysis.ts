// Measurement helpers for the media tests (textbook formulas, doubles).
import { DBM0_PEAK } from '../helpers/ref-signal.ts';

const P0 = (DBM0_PEAK * DBM0_PEAK) / 2; // mean power of a 0 dBm0 sine

/** Mean level in dBm0 of x[start, start+len). */
export function levelDbm0(x: ArrayLike<number>, start = 0, len = x.length - start): number {
  let s = 0;
  for (let i = start; i < start + len; i++) s += Number(x[i]) ** 2;
  return s <= 0 ? -200 : 10 * Math.log10(s / len / P0);
}

/**
 * Level in dBm0 of the component at `freq` in x[start, start+len), by a
 * Hann-windowed single-bin DFT (leakage from components >= 4 bins away is
 * below -60 dB).
 */
export function toneDbm0(x: ArrayLike<number>, freq: number, rate = 8000, start = 0, len = x.length - start): number {
  let re = 0;
  let im = 0;
  let wsum = 0;
  for (let i = 0; i < len; i++) {
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / len);
    const v = Number(x[start + i]) * w;
    const a = (2 * Math.PI * freq * i) / rate;
    re += v * Math.cos(a);
    im -= v * Math.sin(a);
    wsum += w;
  }
  const amp = (2 * Math.hypot(re, im)) / wsum;
  return amp <= 0 ? -200 : 20 * Math.log10(amp / DBM0_PEAK);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>, start = 0, len = Math.min(a.length, b.length) - start): number {
  let m = 0;
  for (let i = start; i < start + len; i++) m = Math.max(m, Math.abs(Number(a[i]) - Number(b[i])));
  return m;
}
