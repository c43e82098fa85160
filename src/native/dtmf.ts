// Typed wrapper over the native DTMF receiver and transmitter helper. Options
// are validated here with precise messages; C++ only guards (STYLE.md #5).
import { addon } from './addon.ts';
import { CtiError } from './errors.ts';
import type { DtmfDigitHit, DtmfRxOptions, DtmfTxOptions } from './types/dtmf.ts';

export type { DtmfDigitHit, DtmfRxOptions, DtmfTxOptions } from './types/dtmf.ts';

/** The 16 DTMF digits in keypad order (rows 697..941 Hz, columns 1209..1633 Hz). */
export const DTMF_DIGITS = '123A456B789C*0#D';

/** Receiver lanes per bank (one channel per SIMD lane). */
export const DTMF_BANK_LANES = 16;

type Range = readonly [min: number, max: number];
const RX_LIMITS: Record<keyof DtmfRxOptions, Range> = {
  minLevelDbm0: [-70, 0],
  maxNormalTwistDb: [0, 20],
  maxReverseTwistDb: [0, 20],
  freqTolerancePct: [0.5, 4],
  minToneShare: [0.3, 1],
  frameSamples: [1, 8000],
};
const TX_LIMITS: Record<keyof DtmfTxOptions, Range> = {
  onMs: [1, 60_000],
  offMs: [0, 60_000],
  pauseMs: [0, 60_000],
  levelDbm0: [-90, 3],
  twistDb: [-20, 20],
};

const INTEGER_OPTIONS = new Set(['frameSamples', 'onMs', 'offMs', 'pauseMs']);

function checkOptions<T extends object>(what: string, o: T | undefined, limits: Record<string, Range>): T | undefined {
  if (o === undefined) return undefined;
  if (o === null || typeof o !== 'object') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}: expected an object`);
  for (const [key, value] of Object.entries(o)) {
    const range = limits[key];
    if (!range) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}.${key}: unknown option (known: ${Object.keys(limits).join(', ')})`);
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < range[0] || value > range[1])
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}.${key}: expected a number in [${range[0]}, ${range[1]}], got ${String(value)}`);
    if (INTEGER_OPTIONS.has(key) && !Number.isInteger(value))
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}.${key}: expected an integer, got ${value}`);
  }
  return o;
}

function checkSamples(what: string, s: unknown): Int16Array {
  if (!(s instanceof Int16Array)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}: expected an Int16Array of 8 kHz PCM`);
  return s;
}

/** Digits in one channel of 8 kHz 16-bit PCM, with start/end times in ms. */
export function detectDtmf(samples: Int16Array, options?: DtmfRxOptions): DtmfDigitHit[] {
  return addon.detectDtmf(checkSamples('samples', samples), checkOptions('options', options, RX_LIMITS));
}

/** Up to 16 channels through one receiver bank (one lane each); results per channel. */
export function detectDtmfBank(channels: Int16Array[], options?: DtmfRxOptions): DtmfDigitHit[][] {
  if (!Array.isArray(channels)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'channels: expected an array of Int16Array');
  if (channels.length > DTMF_BANK_LANES)
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `channels: at most ${DTMF_BANK_LANES} per bank, got ${channels.length}`);
  channels.forEach((c, i) => checkSamples(`channels[${i}]`, c));
  return addon.detectDtmfBank(channels, checkOptions('options', options, RX_LIMITS));
}

/** Digits as 8 kHz PCM: each digit's tone pair for onMs then offMs of silence; ',' pauses. */
export function generateDtmf(digits: string, options?: DtmfTxOptions): Int16Array {
  if (typeof digits !== 'string' || !/^[0-9*#A-Da-d,]*$/.test(digits))
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'digits: only 0-9, *, #, A-D and "," (pause) are allowed');
  return addon.generateDtmf(digits.toUpperCase(), checkOptions('options', options, TX_LIMITS));
}
