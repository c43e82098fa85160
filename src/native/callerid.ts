// Typed wrapper over the native caller ID generator and offline detector.
// Arguments are validated here with precise messages; C++ only guards.
import { addon } from './addon.ts';
import { CtiError } from './errors.ts';
import type { CallerIdHit, CallerIdInfo, CallerIdTxOptions } from './types/callerid.ts';

export type { CallerIdFormat, CallerIdHit, CallerIdInfo, CallerIdTxOptions, CallerIdWithheld } from './types/callerid.ts';

const bad = (msg: string): CtiError => new CtiError('CTI_ERR_BAD_ARGUMENT', msg);

const INFO_KEYS = new Set(['number', 'name', 'time', 'withheld', 'nameWithheld', 'redirect', 'messageWaiting']);

/** Checks a caller ID's fields; throws CTI_ERR_BAD_ARGUMENT naming the field. */
export function checkCallerIdInfo(info: unknown, what = 'info'): CallerIdInfo {
  if (info === null || typeof info !== 'object') throw bad(`${what}: expected an object`);
  const o = info as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!INFO_KEYS.has(k)) throw bad(`${what}.${k}: unknown field (known: ${[...INFO_KEYS].join(', ')})`);
  const str = (k: string, re: RegExp, rule: string): void => {
    const v = o[k];
    if (v === undefined) return;
    if (typeof v !== 'string' || !re.test(v)) throw bad(`${what}.${k}: ${rule}, got ${JSON.stringify(v)}`);
  };
  str('number', /^[0-9*#+-]{1,20}$/, 'expected 1-20 of 0-9 * # + -');
  str('redirect', /^[0-9]{1,20}$/, 'expected 1-20 digits');
  str('name', /^[\x20-\x7e]{1,50}$/, 'expected 1-50 printable ASCII characters');
  str('time', /^(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9]$/, 'expected MMDDHHMM');
  str('withheld', /^(private|unavailable)$/, "expected 'private' or 'unavailable'");
  str('nameWithheld', /^(private|unavailable)$/, "expected 'private' or 'unavailable'");
  if (o.number !== undefined && o.withheld !== undefined) throw bad(`${what}: number and withheld exclude each other`);
  if (o.name !== undefined && o.nameWithheld !== undefined) throw bad(`${what}: name and nameWithheld exclude each other`);
  if (o.messageWaiting !== undefined && typeof o.messageWaiting !== 'boolean') throw bad(`${what}.messageWaiting: expected a boolean`);
  return o as CallerIdInfo;
}

const TX_RANGES: Record<string, readonly [number, number]> = {
  seizureBits: [0, 2000],
  markBits: [0, 2000],
  levelDbm0: [-60, 3],
  freqScale: [0.9, 1.1],
  onMs: [20, 1000],
  offMs: [20, 1000],
};
const TX_ENUMS: Record<string, readonly string[]> = {
  format: ['bell202', 'v23', 'dtmf'],
  message: ['sdmf', 'mdmf', 'mwi'],
  dtmfVariant: ['AC', 'DC', 'A#', '#'],
};

/** A whole caller ID burst (FSK seizure + mark + message, or DTMF digits) as 8 kHz PCM. */
export function generateCallerId(info: CallerIdInfo, options: CallerIdTxOptions = {}): Int16Array {
  checkCallerIdInfo(info);
  if (options === null || typeof options !== 'object') throw bad('options: expected an object');
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    const range = TX_RANGES[k];
    const choices = TX_ENUMS[k];
    if (range) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < range[0] || v > range[1])
        throw bad(`options.${k}: expected a number in [${range[0]}, ${range[1]}], got ${String(v)}`);
    } else if (choices) {
      if (!choices.includes(v as string)) throw bad(`options.${k}: expected one of ${choices.join(', ')}, got ${String(v)}`);
    } else {
      throw bad(`options.${k}: unknown option`);
    }
  }
  if (options.message === 'mwi' && (info.messageWaiting === undefined || info.number !== undefined || info.name !== undefined))
    throw bad('info: a message-waiting message (message: mwi) carries messageWaiting and no number or name');
  if (options.message !== 'mwi' && info.messageWaiting !== undefined) throw bad('info.messageWaiting: only with message: mwi');
  return addon.generateCallerId(info, options);
}

/**
 * An FSK message-waiting burst (Bellcore GR-30 / ETSI MWI: message type 0x82,
 * visual indicator 0x0B = 0xFF on / 0x00 off), sent to an idle phone without
 * ringing: the phone's lamp follows it.
 */
export function messageWaitingBurst(on: boolean, options: Pick<CallerIdTxOptions, 'format' | 'levelDbm0'> = {}): Int16Array {
  if (options.format === 'dtmf') throw bad('messageWaitingBurst: MWI is an FSK message (bell202 or v23)');
  return generateCallerId({ messageWaiting: on }, { ...options, message: 'mwi' });
}

/** Every caller ID message in one channel of 8 kHz PCM, in time order. */
export function detectCallerId(samples: Int16Array): CallerIdHit[] {
  if (!(samples instanceof Int16Array)) throw bad('samples: expected an Int16Array of 8 kHz PCM');
  return addon.detectCallerId(samples);
}
