// Call-progress tones and energy detection for TS callers: loads the bundled
// tone plans (or a plan file), validates them, and runs the native detector
// (src/native/tones.ts) with them.
//   loadTonePlan('cn' | 'itu' | 'us' | path) -> { name, plan, json }
//   detectTones(samples, planOrName)         -> [{tone, startMs, endMs}]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CtiError,
  checkTonePlanNatively,
  detectPlanTones,
  planToneDescriptor,
  type ToneDescriptor,
  type ToneKind,
  type ToneSpan,
} from '../native/index.ts';
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
  checkTonePlanNatively(text); // the native guard: same rules, so this only fails on a bug
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
  return detectPlanTones(samples, planOf(plan).json);
}

/** The CLI's output: one JSON object per tone, one per line. */
export function formatToneLines(spans: ToneSpan[]): string {
  return spans.map((t) => JSON.stringify({ tone: t.tone, startMs: t.startMs, endMs: t.endMs }) + '\n').join('');
}

/** What to play for a tone of the plan (dial, busy, ringback to a phone). */
export function toneDescriptor(plan: LoadedTonePlan | TonePlanName | string, tone: ToneKind): ToneDescriptor {
  return planToneDescriptor(planOf(plan).json, tone);
}
