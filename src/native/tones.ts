// The native call-progress tone detector and the energy (voice / silence)
// detector over one channel of 8 kHz PCM, and the native tone-plan guard.
// Plans are JSON text here; src/dsp/tones.ts loads and validates them.
import { addon } from './addon.ts';
import { CtiError } from './errors.ts';
import type { ToneDescriptor } from './types/dsp-basic.ts';
import type { EnergyEvent, EnergyOptions, ToneKind, ToneSpan } from './types/tones.ts';

export type { EnergyEvent, EnergyOptions, ToneKind, ToneSpan } from './types/tones.ts';
export { TONE_KINDS } from './types/tones.ts';

/** The native plan parser's verdict on plan JSON text: throws CtiError CTI_ERR_BAD_TONE_PLAN. */
export function checkTonePlanNatively(json: string): void {
  addon.tonePlanInfo(json);
}

/** Every call-progress tone of the plan (JSON text) in one channel of 8 kHz PCM, in order of start. */
export function detectPlanTones(samples: Int16Array, planJson: string): ToneSpan[] {
  if (!(samples instanceof Int16Array)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'samples: expected an Int16Array');
  return addon.detectTones(samples, planJson);
}

/** What to play for a tone of the plan (JSON text). */
export function planToneDescriptor(planJson: string, tone: ToneKind): ToneDescriptor {
  return addon.tonePlanDescriptor(planJson, tone);
}

function checkNumber(o: EnergyOptions, key: keyof EnergyOptions, lo: number, hi: number, integer = false): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v)))
    throw new CtiError(
      'CTI_ERR_BAD_ARGUMENT',
      `energy options: ${key} must be ${integer ? 'an integer' : 'a number'} in [${lo}, ${hi}], got ${JSON.stringify(v)}`,
    );
}

/** Silence / voice events over one channel of 8 kHz PCM. */
export function detectEnergy(samples: Int16Array, options: EnergyOptions = {}): EnergyEvent[] {
  if (!(samples instanceof Int16Array)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'samples: expected an Int16Array');
  checkNumber(options, 'voiceDbm0', -90, 3);
  checkNumber(options, 'silenceDbm0', -90, 3);
  checkNumber(options, 'frameMs', 5, 50, true);
  checkNumber(options, 'onsetMs', 5, 10000, true);
  checkNumber(options, 'hangoverMs', 5, 600000, true);
  const voice = options.voiceDbm0 ?? -36;
  const silence = options.silenceDbm0 ?? -42;
  if (silence > voice)
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `energy options: silenceDbm0 (${silence}) must not be above voiceDbm0 (${voice})`);
  return addon.detectEnergy(samples, options);
}
