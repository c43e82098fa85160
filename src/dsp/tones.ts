// Call-progress tones and energy detection for TS callers: loads the bundled
// tone plans (or a plan file), validates them, and runs the native detectors.
//   loadTonePlan('cn' | 'itu' | 'us' | path) -> { name, plan, json }
//   detectTones(samples, planOrName)         -> [{tone, startMs, endMs}]
//   detectEnergy(samples, options)           -> [{voice, sample, ms, levelDbm0}]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addon } from '../native/addon.ts';
import { CtiError } from '../native/errors.ts';
import type { EnergyEvent, EnergyOptions, ToneKind, ToneSpan } from '../native/types/tones.ts';
import type { ToneDescriptor } from '../native/types/dsp-basic.ts';
import { parseTonePlan, type TonePlanJson } from './tone-plans.ts';

export const TONE_PLAN_NAMES = ['cn', 'itu', 'us'] as const;
export type TonePlanName = (typeof TONE_PLAN_NAMES)[number];

const plansDir = join(dirname(fileURLToPath(import.meta.url)), 'tone-plans');

export interface LoadedTonePlan {
  name: string;
  plan: TonePlanJson;
  /** The JSON text handed to the native detector. */
  json: string;
  /** Where it came from (bundled name or file path). */
  source: string;
}

function isBundled(s: string): s is TonePlanName {
  return (TONE_PLAN_NAMES as readonly string[]).includes(s);
}

/**
 * A bundled plan by name, or a plan file by path. Checked here (field-naming
 * errors) and again natively; throws CtiError CTI_ERR_BAD_TONE_PLAN, or
 * CTI_ERR_FILE_IO when the file cannot be read.
 */
export function loadTonePlan(nameOrPath: TonePlanName | string): LoadedTonePlan {
  const path = isBundled(nameOrPath) ? join(plansDir, `${nameOrPath}.json`) : nameOrPath;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CtiError('CTI_ERR_FILE_IO', `tone plan ${nameOrPath}: ${(e as Error).message}`);
  }
  return tonePlanFromText(text, nameOrPath);
}

/** A plan from JSON text (configuration, API). */
export function tonePlanFromText(text: string, source = '(plan)'): LoadedTonePlan {
  const plan = parseTonePlan(text, source);
  addon.tonePlanInfo(text); // the native guard: same rules, so this only fails on a bug
  return { name: plan.name, plan, json: text, source };
}

/** The JSON text of a bundled plan (what `boardcti dsp tones --plan` uses). */
export function loadTonePlanJson(name: TonePlanName): string {
  return loadTonePlan(name).json;
}

function planOf(p: LoadedTonePlan | TonePlanName | string): LoadedTonePlan {
  return typeof p === 'string' ? loadTonePlan(p) : p;
}

/** Every call-progress tone in one channel of 8 kHz PCM, in order of start. */
export function detectTones(samples: Int16Array, plan: LoadedTonePlan | TonePlanName | string): ToneSpan[] {
  if (!(samples instanceof Int16Array)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'samples: expected an Int16Array');
  return addon.detectTones(samples, planOf(plan).json);
}

/** The CLI's output: one JSON object per tone, one per line. */
export function formatToneLines(spans: ToneSpan[]): string {
  return spans.map((t) => JSON.stringify({ tone: t.tone, startMs: t.startMs, endMs: t.endMs }) + '\n').join('');
}

/** What to play for a tone of the plan (dial, busy, ringback to a phone). */
export function toneDescriptor(plan: LoadedTonePlan | TonePlanName | string, tone: ToneKind): ToneDescriptor {
  return addon.tonePlanDescriptor(planOf(plan).json, tone);
}

function checkNumber(o: EnergyOptions, key: keyof EnergyOptions, lo: number, hi: number, integer = false): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v)))
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `energy options: ${key} must be ${integer ? 'an integer' : 'a number'} in [${lo}, ${hi}], got ${JSON.stringify(v)}`);
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
  if (silence > voice) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `energy options: silenceDbm0 (${silence}) must not be above voiceDbm0 (${voice})`);
  return addon.detectEnergy(samples, options);
}
