// Tone plans are data (src/dsp/tone-plans/*.json). This module checks a plan
// with messages that name the field, before the native side (which checks it
// again: native/dsp/tone_plan.cc) builds the detector from its JSON text.
// The schema is documented in native/dsp/tone_plan.h.
import { CtiError } from '../native/errors.ts';
import { TONE_KINDS, type ToneKind } from '../native/types/tones.ts';

/** A cadence element: nominal ms, or an explicit acceptance window. */
export type CadenceElement = number | { ms: number; minMs?: number; maxMs?: number };

export interface TonePlanDetector {
  minLevelDbm0?: number;
  minToneRatio?: number;
  maxTwistDb?: number;
  freqTolerancePct?: number;
  cadenceTolerancePct?: number;
  cadenceToleranceMs?: number;
  debounceMs?: number;
}

interface ToneCommon {
  tone: ToneKind;
  levelDbm0?: number | number[];
  cadenceTolerancePct?: number;
  cadenceToleranceMs?: number;
  freqTolerancePct?: number;
  freqToleranceHz?: number;
}

export interface ContinuousTone extends ToneCommon {
  freqs: number[];
  continuous: true;
  minMs?: number;
  playMs?: number;
}

export interface CadencedTone extends ToneCommon {
  freqs: number[];
  cadenceMs: CadenceElement[];
  minCycles?: number;
}

export interface SequenceStep {
  anyOfHz: number[];
  toleranceHz?: number;
  /** What generation plays (default: the first of anyOfHz). */
  playHz?: number;
  ms: number[];
  minMs?: number;
  maxMs?: number;
}

export interface SequenceTone extends ToneCommon {
  sequence: SequenceStep[];
  gapMaxMs?: number;
  repeatGapMaxMs?: number;
  playGapMs?: number;
}

export type TonePlanTone = ContinuousTone | CadencedTone | SequenceTone;

export interface TonePlanJson {
  name: string;
  description?: string;
  detector?: TonePlanDetector;
  /** How an FXS port rings a phone: ms on, off, ... (default 1000, 4000). */
  ringCadenceMs?: number[];
  tones: TonePlanTone[];
}

function fail(path: string, msg: string): never {
  throw new CtiError('CTI_ERR_BAD_TONE_PLAN', `tone plan: ${path}: ${msg}`);
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(o: Obj, path: string, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(path, `unknown field '${k}' (allowed: ${allowed.join(', ')})`);
}

function num(o: Obj, key: string, path: string, lo: number, hi: number, required = false): number | undefined {
  const v = o[key];
  if (v === undefined) {
    if (required) fail(`${path}.${key}`, 'required');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}.${key}`, `expected a number, got ${JSON.stringify(v)}`);
  if (v < lo || v > hi) fail(`${path}.${key}`, `${v} is outside [${lo}, ${hi}]`);
  return v;
}

function numArray(o: Obj, key: string, path: string, minN: number, maxN: number, lo: number, hi: number): number[] {
  const v = o[key];
  const p = `${path}.${key}`;
  if (!Array.isArray(v)) fail(p, 'expected an array');
  if (v.length < minN || v.length > maxN) fail(p, `expected ${minN} to ${maxN} entries, got ${v.length}`);
  return v.map((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(`${p}[${i}]`, `expected a number, got ${JSON.stringify(x)}`);
    if (x < lo || x > hi) fail(`${p}[${i}]`, `${x} is outside [${lo}, ${hi}]`);
    return x;
  });
}

/** Acceptance window of a duration, as the native side computes it. */
export interface Window {
  ms: number;
  minMs: number;
  maxMs: number;
}

function windowOf(e: CadenceElement, pct: number, absMs: number): Window {
  if (typeof e === 'number') return { ms: e, minMs: Math.max(0, e * (1 - pct / 100) - absMs), maxMs: e * (1 + pct / 100) + absMs };
  return {
    ms: e.ms,
    minMs: e.minMs ?? Math.max(0, e.ms * (1 - pct / 100) - absMs),
    maxMs: e.maxMs ?? e.ms * (1 + pct / 100) + absMs,
  };
}

/** Widest frequency tolerance the detector covers (several 5 ms bins). */
const MAX_TOLERANCE_HZ = 100;

const COMMON_KEYS = ['tone', 'levelDbm0', 'cadenceTolerancePct', 'cadenceToleranceMs', 'freqTolerancePct', 'freqToleranceHz'] as const;

/** Checks a parsed plan; returns it typed, or throws CtiError('CTI_ERR_BAD_TONE_PLAN') naming the field. */
export function validateTonePlan(input: unknown): TonePlanJson {
  if (!isObj(input)) fail('(plan)', 'expected a JSON object');
  onlyKeys(input, '(plan)', ['name', 'description', 'detector', 'ringCadenceMs', 'tones']);
  if (input.ringCadenceMs !== undefined) {
    const rc = numArray(input, 'ringCadenceMs', '(plan)', 2, 8, 50, 10000);
    if (rc.length % 2) fail('ringCadenceMs', 'expected on, off pairs');
  }
  if (typeof input.name !== 'string' || input.name === '') fail('name', 'expected a non-empty string');
  if (input.description !== undefined && typeof input.description !== 'string') fail('description', 'expected a string');
  let freqPct = 2;
  let cadPct = 20;
  let cadMs = 40;
  if (input.detector !== undefined) {
    const d = input.detector;
    if (!isObj(d)) fail('detector', 'expected an object');
    onlyKeys(d, 'detector', [
      'minLevelDbm0',
      'minToneRatio',
      'maxTwistDb',
      'freqTolerancePct',
      'cadenceTolerancePct',
      'cadenceToleranceMs',
      'debounceMs',
    ]);
    num(d, 'minLevelDbm0', 'detector', -70, 0);
    num(d, 'minToneRatio', 'detector', 0.3, 1);
    num(d, 'maxTwistDb', 'detector', 0, 20);
    num(d, 'debounceMs', 'detector', 20, 200);
    freqPct = num(d, 'freqTolerancePct', 'detector', 0, 10) ?? freqPct;
    cadPct = num(d, 'cadenceTolerancePct', 'detector', 0, 100) ?? cadPct;
    cadMs = num(d, 'cadenceToleranceMs', 'detector', 0, 1000) ?? cadMs;
  }
  const tones = input.tones;
  if (!Array.isArray(tones) || tones.length < 1 || tones.length > TONE_KINDS.length)
    fail('tones', `expected an array of 1 to ${TONE_KINDS.length} tones`);

  const seen = new Set<string>();
  // For the ambiguity checks: frequency set key -> tones on it.
  const bySet = new Map<string, { name: string; windows?: Window[]; minMs?: number }[]>();
  tones.forEach((t, i) => {
    const path = `tones[${i}]`;
    if (!isObj(t)) fail(path, 'expected an object');
    if (typeof t.tone !== 'string' || !(TONE_KINDS as readonly string[]).includes(t.tone))
      fail(`${path}.tone`, `expected one of ${TONE_KINDS.join(', ')}, got ${JSON.stringify(t.tone)}`);
    if (seen.has(t.tone)) fail(`${path}.tone`, `'${t.tone}' appears twice`);
    seen.add(t.tone);
    const p = `${path} (${t.tone})`;
    const shapes = ['continuous', 'cadenceMs', 'sequence'].filter((k) => t[k] !== undefined);
    if (shapes.length !== 1) fail(p, 'needs exactly one of continuous, cadenceMs, sequence');
    const pct = num(t, 'cadenceTolerancePct', p, 0, 100) ?? cadPct;
    const absMs = num(t, 'cadenceToleranceMs', p, 0, 1000) ?? cadMs;
    const fpct = num(t, 'freqTolerancePct', p, 0, 10) ?? freqPct;
    const ftol = num(t, 'freqToleranceHz', p, 0, 1000);

    if (t.sequence !== undefined) {
      onlyKeys(t, p, [...COMMON_KEYS, 'sequence', 'gapMaxMs', 'repeatGapMaxMs', 'playGapMs']);
      const seq = t.sequence;
      if (!Array.isArray(seq) || seq.length < 2 || seq.length > 4) fail(`${p}.sequence`, 'expected 2 to 4 steps');
      seq.forEach((s, k) => {
        const sp = `${p}.sequence[${k}]`;
        if (!isObj(s)) fail(sp, 'expected an object');
        onlyKeys(s, sp, ['anyOfHz', 'toleranceHz', 'playHz', 'ms', 'minMs', 'maxMs']);
        num(s, 'playHz', sp, 100, 3800);
        const alts = numArray(s, 'anyOfHz', sp, 1, 4, 100, 3800);
        const tol = num(s, 'toleranceHz', sp, 0, 1000);
        for (const hz of alts) {
          const tl = tol ?? (hz * fpct) / 100;
          if (tl > MAX_TOLERANCE_HZ) fail(`${sp}.toleranceHz`, `${tl} Hz is wider than ${MAX_TOLERANCE_HZ} Hz`);
        }
        const ms = numArray(s, 'ms', sp, 1, 4, 1, 10000);
        const lo = Math.min(...ms);
        const hi = Math.max(...ms);
        const minMs = num(s, 'minMs', sp, 0, 10000) ?? Math.max(0, lo * (1 - pct / 100) - absMs);
        const maxMs = num(s, 'maxMs', sp, 1, 10000) ?? hi * (1 + pct / 100) + absMs;
        if (minMs > lo || maxMs < hi) fail(sp, 'needs minMs <= every ms <= maxMs');
      });
      num(t, 'gapMaxMs', p, 0, 1000);
      num(t, 'repeatGapMaxMs', p, 0, 60000);
      num(t, 'playGapMs', p, 0, 60000);
      if (t.levelDbm0 !== undefined) num(t, 'levelDbm0', p, -60, 3);
      return;
    }

    const freqs = numArray(t, 'freqs', p, 1, 4, 100, 3800);
    for (const [k, hz] of freqs.entries()) {
      const tl = ftol ?? (hz * fpct) / 100;
      if (tl > MAX_TOLERANCE_HZ) fail(`${p}.freqs[${k}]`, `frequency tolerance of ${tl} Hz is wider than ${MAX_TOLERANCE_HZ} Hz`);
    }
    if (t.levelDbm0 !== undefined) {
      if (Array.isArray(t.levelDbm0)) numArray(t, 'levelDbm0', p, freqs.length, freqs.length, -60, 3);
      else num(t, 'levelDbm0', p, -60, 3);
    }
    const key = [...freqs].sort((a, b) => a - b).join('+');
    const list = bySet.get(key) ?? [];
    bySet.set(key, list);
    if (t.continuous !== undefined) {
      onlyKeys(t, p, [...COMMON_KEYS, 'freqs', 'continuous', 'minMs', 'playMs']);
      if (t.continuous !== true) fail(`${p}.continuous`, 'expected true');
      const minMs = num(t, 'minMs', p, 40, 60000) ?? 1000;
      num(t, 'playMs', p, 0, 3600000);
      list.push({ name: t.tone, minMs });
    } else {
      onlyKeys(t, p, [...COMMON_KEYS, 'freqs', 'cadenceMs', 'minCycles']);
      const cad = t.cadenceMs;
      if (!Array.isArray(cad) || cad.length < 2 || cad.length > 8 || cad.length % 2)
        fail(`${p}.cadenceMs`, 'expected 2 to 8 entries, on/off pairs (an even count)');
      const windows = cad.map((e, k) => {
        const ep = `${p}.cadenceMs[${k}]`;
        if (typeof e === 'number') {
          if (!Number.isFinite(e) || e < 1 || e > 60000) fail(ep, `expected 1..60000 ms, got ${JSON.stringify(e)}`);
        } else if (isObj(e)) {
          onlyKeys(e, ep, ['ms', 'minMs', 'maxMs']);
          num(e, 'ms', ep, 1, 60000, true);
          num(e, 'minMs', ep, 0, 60000);
          num(e, 'maxMs', ep, 1, 60000);
        } else {
          fail(ep, 'expected a number of ms or {ms, minMs, maxMs}');
        }
        const w = windowOf(e as CadenceElement, pct, absMs);
        if (!(w.minMs <= w.ms && w.ms <= w.maxMs)) fail(ep, `needs minMs <= ms <= maxMs (${w.minMs}, ${w.ms}, ${w.maxMs})`);
        return w;
      });
      num(t, 'minCycles', p, 1, 20);
      list.push({ name: t.tone, windows });
    }
  });

  // Tones on the same frequencies must be told apart by their timing.
  for (const [freqs, list] of bySet) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const both = `tones ${a.name} and ${b.name} (${freqs} Hz)`;
        if (a.windows && b.windows) {
          if (cadencesAmbiguous(a.windows, b.windows)) fail(both, 'use the same frequencies and their cadence windows overlap');
        } else if (!a.windows && !b.windows) {
          fail(both, 'are both continuous on the same frequencies');
        } else {
          const c = a.windows ? b : a;
          const d = a.windows ? a : b;
          const longest = Math.max(...d.windows!.filter((_, k) => k % 2 === 0).map((w) => w.maxMs));
          if (c.minMs! <= longest)
            fail(
              `${c.name}.minMs`,
              `${c.minMs} must exceed the longest burst accepted for ${d.name} (${longest} ms) on the same frequencies`,
            );
        }
      }
    }
  }
  return input as unknown as TonePlanJson;
}

function overlap(a: Window, b: Window): boolean {
  return a.minMs <= b.maxMs && b.minMs <= a.maxMs;
}

/** True when at some alignment every element of one cadence overlaps the other's. */
export function cadencesAmbiguous(a: Window[], b: Window[]): boolean {
  const n = a.length * b.length;
  for (let shift = 0; shift < b.length; shift += 2) {
    let differs = false;
    for (let k = 0; k < n && !differs; k++) if (!overlap(a[k % a.length]!, b[(k + shift) % b.length]!)) differs = true;
    if (!differs) return true;
  }
  return false;
}

/** Parses and checks a plan's JSON text. */
export function parseTonePlan(text: string, source = '(plan)'): TonePlanJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CtiError('CTI_ERR_BAD_TONE_PLAN', `tone plan ${source}: invalid JSON: ${(e as Error).message}`);
  }
  return validateTonePlan(parsed);
}
