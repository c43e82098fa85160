// Typed wrapper over the native MFC-R2 signal receiver and generator
// (native/dsp/mf_r2.h). Options are validated here; C++ only guards.
import { addon } from './addon.ts';
import { CtiError } from './errors.ts';
import type { MfR2Hit, MfR2RxOptions, MfR2TxOptions } from './types/mfr2.ts';

export type { MfR2Direction, MfR2Hit, MfR2RxOptions, MfR2TxOptions } from './types/mfr2.ts';

/** Q.441 frequencies of each direction (signal n is a pair of them, see mf_r2.h). */
export const MFR2_FREQUENCIES = {
  forward: [1380, 1500, 1620, 1740, 1860, 1980],
  backward: [1140, 1020, 900, 780, 660, 540],
} as const;

function checkDirection(what: string, o: { direction?: unknown } | undefined): void {
  if (!o || typeof o !== 'object') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}: expected an object with direction`);
  if (o.direction !== 'forward' && o.direction !== 'backward')
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}.direction: expected 'forward' or 'backward', got ${String(o.direction)}`);
}

/** MFC-R2 signals of one direction in 8 kHz 16-bit PCM. */
export function detectMfR2(samples: Int16Array, options: MfR2RxOptions): MfR2Hit[] {
  if (!(samples instanceof Int16Array)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'samples: expected an Int16Array of 8 kHz PCM');
  checkDirection('options', options);
  const l = options.minLevelDbm0;
  if (l !== undefined && !(typeof l === 'number' && l >= -60 && l <= 0))
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `options.minLevelDbm0: expected a number in [-60, 0], got ${String(l)}`);
  return addon.detectMfR2(samples, options);
}

/** Signals (1..15) as 8 kHz PCM from the engine's generator, each onMs then offMs of silence. */
export function generateMfR2(signals: number[], options: MfR2TxOptions): Int16Array {
  if (!Array.isArray(signals) || !signals.every((s) => Number.isInteger(s) && s >= 1 && s <= 15))
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'signals: expected an array of integers 1..15');
  checkDirection('options', options);
  return addon.generateMfR2(signals, options);
}
