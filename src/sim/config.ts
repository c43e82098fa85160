// The simulated board's configuration: defaults, validation with messages that
// name the field (C++ only guards), and the object handed to the addon.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTonePlan, type CadenceElement } from '../dsp/tone-plans.ts';
import { CtiError } from '../native/errors.ts';
import type { NativeScript, NativeSimConfig } from './addon.ts';

export type Law = 'alaw' | 'ulaw';
export type HangupSignal = 'polarity' | 'loop-drop' | 'busy-tone';
export const FAR_KINDS = ['person', 'busy', 'no-answer', 'unallocated', 'machine', 'fax', 'congestion'] as const;
export type FarKind = (typeof FAR_KINDS)[number];
export const SIM_TONES = ['dial', 'busy', 'ringback', 'congestion', 'sit', 'cng', 'ced', 'stutter', 'howler'] as const;
export type SimTone = (typeof SIM_TONES)[number];

/** What a line does to audio (firmware-sim/src/line_model.h). */
export interface LineModel {
  /** Loss each way, dB. */
  lossDb?: number;
  /** White noise toward the board, dBm0 (<= -120: none). */
  noiseDbm0?: number;
  /** Hybrid echo of the board's own audio: delay (plus one frame) and return loss (>= 120: none). */
  echoDelayMs?: number;
  echoReturnLossDb?: number;
  /** The far side's network codes the audio through G.711 once more. */
  tandemG711?: boolean;
}

/** One step of a far end's script, run in order once connected. */
export type ScriptStep =
  | { op: 'speak'; ms: number }
  | { op: 'silence'; ms: number }
  | { op: 'press'; digits: string }
  | { op: 'play'; tone: SimTone; ms?: number }
  | { op: 'wait'; for: 'voice' | 'silence'; timeoutMs?: number }
  | { op: 'wait'; for: 'digits'; count?: number; timeoutMs?: number }
  | { op: 'wait'; for: 'tone'; tone: SimTone; timeoutMs?: number }
  | { op: 'hangup' };

/** Who is at a number (or calling in) and how it behaves. */
export interface FarScript {
  kind?: FarKind;
  /** Outgoing: answers after this many ring cycles (0: at once). Default 2 (machine 4). */
  rings?: number;
  /** Person: says hello for this long on answering. Machine: its greeting (default 4000). */
  greetingMs?: number;
  /** Machine: listens this long after the beep, then hangs up. Default 20000. */
  recordMs?: number;
  /** Level of its voice at its own end. Default -16 dBm0. */
  speechDbm0?: number;
  /** Incoming: hangs up unanswered after this long (0: never). */
  giveUpMs?: number;
  /** Incoming on an FXO line: caller ID sent in the first ring pause. Default bell202. */
  callerId?: 'none' | 'bell202' | 'v23';
  /** Incoming: one bit of the caller ID message is flipped on the way. */
  callerIdBitError?: boolean;
  /** Incoming on an FXO line: in the first ring pause (default) or before the first ring (ETSI). */
  callerIdTiming?: 'between-rings' | 'etsi-dtas' | 'etsi-rpas';
  /** Fax: send CNG (a calling fax) rather than CED (an answering one). Incoming faxes always send CNG. */
  cng?: boolean;
  /** FXO: how the exchange signals this far end hanging up; default the line's. */
  hangup?: HangupSignal;
  steps?: ScriptStep[];
}

export interface PhoneConfig {
  extension?: string;
  line?: LineModel;
  /** Picks up by itself 0.8 s into this ring (0: only when told). */
  answerAfterRings?: number;
}

export interface LineConfig {
  /** The line's own number (what callers dial to reach it). */
  number?: string;
  line?: LineModel;
  /** Polarity reversal when the called party answers. Default true. */
  answerPolarity?: boolean;
  /** How the exchange signals that the far end hung up. Default 'polarity'. */
  hangup?: HangupSignal;
}

export interface E1Config {
  law?: Law;
  /** DDI: timeslot n answers prefix + n in two digits. */
  numberPrefix?: string;
  line?: LineModel;
  /** TS16: 'cas' (Q.421 line signalling, the default) or 'pri' (ISDN, the exchange being the network side). */
  signalling?: 'cas' | 'pri';
  /**
   * CAS: how the exchange sends and takes the numbers after the seizure. 'mfcr2' (default):
   * compelled MFC-R2 registers, the DID and the caller's number both ways; 'dtmf': the board
   * dials the number in DTMF, and calls in carry no number.
   */
  registers?: 'mfcr2' | 'dtmf';
  /** MFC-R2 signal meanings: 'china' (China No.1, default) or 'itu' (Q.441). */
  mfcr2Variant?: 'china' | 'itu';
  /** PRI: incoming SETUPs carry the first 4 digits of the number, INFORMATION the rest. */
  overlap?: boolean;
  /** PRI: a far end that never answers is cleared with cause 19 (no answer) after this. Default 20000. */
  noAnswerMs?: number;
}

export interface SimWorldConfig {
  /** Seed of every random thing in the world (noise, speech). Default 1. */
  seed?: number;
  /** Tone plan: 'cn' (default), 'itu', 'us' or a path to a plan file. */
  tonePlan?: string;
  /** G.711 law of the analog ports. Default 'alaw'. */
  law?: Law;
  /** FXS ports: a count (extensions 101, 102, ...) or one entry per port. Default 8. */
  fxs?: number | PhoneConfig[];
  /** FXO ports: a count or one entry per line. Default 8. */
  fxo?: number | LineConfig[];
  /** E1 spans: a count or one entry per span. Default 1. */
  e1?: number | E1Config[];
  /** Ringing cadence on FXO lines (on, off, ...). Default: the plan's ringback cadence. */
  ringCadenceMs?: number[];
  /** The numbering plan: numbers the board can dial, added to (and overriding) the defaults. */
  numbers?: Record<string, FarScript>;
  /** Drop the default numbers. */
  replaceNumbers?: boolean;
  /** Any other number. Default: unallocated (SIT + announcement). */
  unknown?: FarScript;
  /** Default line models per port kind. */
  lineModel?: { fxs?: LineModel; fxo?: LineModel; e1?: LineModel };
  firstDigitMs?: number;
  interdigitMs?: number;
  /** A phone's hook flash. Default 300. */
  flashMs?: number;
  model?: string;
  serial?: string;
  firmware?: string;
}

/** Line models: a desk phone on a short loop; a PSTN line through a local exchange; an E1 to a remote subscriber. */
export const DEFAULT_LINE_MODELS: Required<Record<'fxs' | 'fxo' | 'e1', Required<LineModel>>> = {
  fxs: { lossDb: 1, noiseDbm0: -75, echoDelayMs: 1, echoReturnLossDb: 24, tandemG711: false },
  fxo: { lossDb: 6, noiseDbm0: -68, echoDelayMs: 4, echoReturnLossDb: 18, tandemG711: true },
  e1: { lossDb: 3, noiseDbm0: -72, echoDelayMs: 16, echoReturnLossDb: 26, tandemG711: false },
};

/** The far ends the default numbering plan holds (anything else is unallocated). */
export const DEFAULT_NUMBERS: Record<string, FarScript> = {
  '13800000001': { kind: 'person', rings: 2, greetingMs: 1500 },
  '13800000002': { kind: 'busy' },
  '13800000003': { kind: 'no-answer' },
  '13800000004': { kind: 'machine', rings: 4 },
  '13800000005': { kind: 'fax', rings: 2 },
  '13800000006': { kind: 'person', rings: 1, greetingMs: 2000, steps: [{ op: 'hangup' }] },
  '13800000007': { kind: 'congestion' },
};

const plansDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dsp', 'tone-plans');

function bad(msg: string): never {
  throw new CtiError('CTI_ERR_BAD_ARGUMENT', `sim config: ${msg}`);
}

function checkKeys(o: object, where: string, keys: string[]): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) bad(`${where}.${k}: unknown option (known: ${keys.join(', ')})`);
}

function num(v: unknown, where: string, lo: number, hi: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v)))
    bad(`${where} must be ${integer ? 'an integer' : 'a number'} in [${lo}, ${hi}], got ${JSON.stringify(v)}`);
  return v;
}

function obj(v: unknown, where: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) bad(`${where} must be an object`);
  return v as Record<string, unknown>;
}

function digitsOk(s: unknown, where: string, extra = ''): string {
  if (typeof s !== 'string' || s.length === 0 || s.length > 32 || !new RegExp(`^[0-9*#A-D${extra}]+$`).test(s))
    bad(`${where} must be 1..32 DTMF digits (0-9 * # A-D${extra ? ' ' + extra : ''}), got ${JSON.stringify(s)}`);
  return s;
}

export function checkLineModel(v: unknown, where: string, def: Required<LineModel>): Required<LineModel> {
  if (v === undefined) return { ...def };
  const o = obj(v, where);
  checkKeys(o, where, ['lossDb', 'noiseDbm0', 'echoDelayMs', 'echoReturnLossDb', 'tandemG711']);
  const m = { ...def };
  if (o.lossDb !== undefined) m.lossDb = num(o.lossDb, `${where}.lossDb`, 0, 60);
  if (o.noiseDbm0 !== undefined) m.noiseDbm0 = num(o.noiseDbm0, `${where}.noiseDbm0`, -200, -10);
  if (o.echoDelayMs !== undefined) m.echoDelayMs = num(o.echoDelayMs, `${where}.echoDelayMs`, 0, 500);
  if (o.echoReturnLossDb !== undefined) m.echoReturnLossDb = num(o.echoReturnLossDb, `${where}.echoReturnLossDb`, 0, 200);
  if (o.tandemG711 !== undefined) {
    if (typeof o.tandemG711 !== 'boolean') bad(`${where}.tandemG711 must be true or false`);
    m.tandemG711 = o.tandemG711;
  }
  return m;
}

function checkStep(v: unknown, where: string): ScriptStep {
  const o = obj(v, where);
  const ops = ['speak', 'silence', 'press', 'play', 'wait', 'hangup'];
  if (!ops.includes(o.op as string)) bad(`${where}.op must be one of ${ops.join(', ')}, got ${JSON.stringify(o.op)}`);
  switch (o.op) {
    case 'speak':
    case 'silence':
      checkKeys(o, where, ['op', 'ms']);
      num(o.ms, `${where}.ms`, 1, 3_600_000, true);
      break;
    case 'press':
      checkKeys(o, where, ['op', 'digits']);
      digitsOk(o.digits, `${where}.digits`, ',');
      break;
    case 'play':
      checkKeys(o, where, ['op', 'tone', 'ms']);
      if (!(SIM_TONES as readonly string[]).includes(o.tone as string)) bad(`${where}.tone must be one of ${SIM_TONES.join(', ')}`);
      if (o.ms !== undefined) num(o.ms, `${where}.ms`, 1, 3_600_000, true);
      break;
    case 'wait': {
      checkKeys(o, where, ['op', 'for', 'timeoutMs', 'count', 'tone']);
      const fors = ['voice', 'silence', 'digits', 'tone'];
      if (!fors.includes(o.for as string)) bad(`${where}.for must be one of ${fors.join(', ')}`);
      if (o.timeoutMs !== undefined) num(o.timeoutMs, `${where}.timeoutMs`, 1, 3_600_000, true);
      if (o.count !== undefined) num(o.count, `${where}.count`, 1, 64, true);
      if (o.for === 'tone' && !(SIM_TONES as readonly string[]).includes(o.tone as string))
        bad(`${where}.tone must be one of ${SIM_TONES.join(', ')}`);
      break;
    }
    case 'hangup':
      checkKeys(o, where, ['op']);
      break;
  }
  return o as unknown as ScriptStep;
}

/** Checks a far-end script; returns it as the addon reads it. */
export function checkScript(v: unknown, where: string): NativeScript {
  const o = obj(v ?? {}, where);
  checkKeys(o, where, [
    'kind',
    'rings',
    'greetingMs',
    'recordMs',
    'speechDbm0',
    'giveUpMs',
    'cng',
    'hangup',
    'steps',
    'callerId',
    'callerIdBitError',
    'callerIdTiming',
  ]);
  if (o.callerIdTiming !== undefined && !['between-rings', 'etsi-dtas', 'etsi-rpas'].includes(o.callerIdTiming as string))
    bad(`${where}.callerIdTiming must be between-rings, etsi-dtas or etsi-rpas, got ${JSON.stringify(o.callerIdTiming)}`);
  if (o.callerId !== undefined && !['none', 'bell202', 'v23'].includes(o.callerId as string))
    bad(`${where}.callerId must be none, bell202 or v23, got ${JSON.stringify(o.callerId)}`);
  if (o.callerIdBitError !== undefined && typeof o.callerIdBitError !== 'boolean') bad(`${where}.callerIdBitError must be true or false`);
  if (o.kind !== undefined && !(FAR_KINDS as readonly string[]).includes(o.kind as string))
    bad(`${where}.kind must be one of ${FAR_KINDS.join(', ')}, got ${JSON.stringify(o.kind)}`);
  if (o.rings !== undefined) num(o.rings, `${where}.rings`, 0, 100, true);
  if (o.greetingMs !== undefined) num(o.greetingMs, `${where}.greetingMs`, 0, 600_000, true);
  if (o.recordMs !== undefined) num(o.recordMs, `${where}.recordMs`, 1, 3_600_000, true);
  if (o.speechDbm0 !== undefined) num(o.speechDbm0, `${where}.speechDbm0`, -60, 0);
  if (o.giveUpMs !== undefined) num(o.giveUpMs, `${where}.giveUpMs`, 0, 3_600_000, true);
  if (o.cng !== undefined && typeof o.cng !== 'boolean') bad(`${where}.cng must be true or false`);
  if (o.hangup !== undefined && !['polarity', 'loop-drop', 'busy-tone'].includes(o.hangup as string))
    bad(`${where}.hangup must be polarity, loop-drop or busy-tone`);
  const out: NativeScript = { ...o };
  if (o.kind === 'machine' && o.rings === undefined) out.rings = 4;
  if (o.steps !== undefined) {
    if (!Array.isArray(o.steps)) bad(`${where}.steps must be an array`);
    out.steps = o.steps.map((s, i) => {
      const st = checkStep(s, `${where}.steps[${i}]`) as Record<string, unknown>;
      // The addon's names: wait timeouts travel as ms.
      return st.op === 'wait' ? { ...st, ms: st.timeoutMs ?? 0 } : st;
    });
  }
  return out;
}

function cadenceMs(e: CadenceElement): number {
  return typeof e === 'number' ? e : e.ms;
}

function listOf<T>(v: number | T[] | undefined, def: number, where: string, max: number): (T | undefined)[] {
  if (v === undefined) v = def;
  if (typeof v === 'number') return new Array(num(v, where, 0, max, true)).fill(undefined);
  if (!Array.isArray(v)) bad(`${where} must be a count or an array`);
  if (v.length > max) bad(`${where}: at most ${max}`);
  return v;
}

export interface ResolvedSimConfig {
  native: NativeSimConfig;
  plan: string;
  phones: { extension: string }[];
  lines: { number: string }[];
  e1: { numberPrefix: string; signalling: 'cas' | 'pri'; registers: 'mfcr2' | 'dtmf' }[];
  numbers: Record<string, FarScript>;
}

/** Validates a world configuration and fills in the defaults. */
export function resolveSimConfig(input: SimWorldConfig = {}): ResolvedSimConfig {
  const c = obj(input, 'config') as SimWorldConfig;
  checkKeys(c, 'config', [
    'seed',
    'tonePlan',
    'law',
    'fxs',
    'fxo',
    'e1',
    'ringCadenceMs',
    'numbers',
    'replaceNumbers',
    'unknown',
    'lineModel',
    'firstDigitMs',
    'interdigitMs',
    'flashMs',
    'model',
    'serial',
    'firmware',
  ]);
  const seed = c.seed === undefined ? 1 : num(c.seed, 'seed', 0, Number.MAX_SAFE_INTEGER, true);
  const law = c.law ?? 'alaw';
  if (law !== 'alaw' && law !== 'ulaw') bad(`law must be 'alaw' or 'ulaw', got ${JSON.stringify(law)}`);

  const planName = c.tonePlan ?? 'cn';
  if (typeof planName !== 'string') bad('tonePlan must be cn, itu, us or a file path');
  const planPath = ['cn', 'itu', 'us'].includes(planName) ? join(plansDir, `${planName}.json`) : planName;
  let planText: string;
  try {
    planText = readFileSync(planPath, 'utf8');
  } catch (e) {
    throw new CtiError('CTI_ERR_FILE_IO', `sim config: tonePlan ${planName}: ${(e as Error).message}`);
  }
  const plan = parseTonePlan(planText, planName);
  let ring = c.ringCadenceMs;
  if (ring === undefined) {
    const rb = plan.tones.find((t) => t.tone === 'ringback');
    ring = rb && 'cadenceMs' in rb ? rb.cadenceMs.map(cadenceMs) : [1000, 4000];
  }
  if (!Array.isArray(ring) || ring.length === 0) bad('ringCadenceMs must be a non-empty array of ms (on, off, ...)');
  ring.forEach((d, i) => num(d, `ringCadenceMs[${i}]`, 50, 60_000, true));

  const lm = c.lineModel === undefined ? {} : obj(c.lineModel, 'lineModel');
  checkKeys(lm, 'lineModel', ['fxs', 'fxo', 'e1']);
  const defFxs = checkLineModel(lm.fxs, 'lineModel.fxs', DEFAULT_LINE_MODELS.fxs);
  const defFxo = checkLineModel(lm.fxo, 'lineModel.fxo', DEFAULT_LINE_MODELS.fxo);
  const defE1 = checkLineModel(lm.e1, 'lineModel.e1', DEFAULT_LINE_MODELS.e1);

  const extensions = new Set<string>();
  const phones = listOf<PhoneConfig>(c.fxs, 8, 'fxs', 64).map((p, i) => {
    const w = `fxs[${i}]`;
    const o = obj(p ?? {}, w);
    checkKeys(o, w, ['extension', 'line', 'answerAfterRings']);
    const extension = o.extension === undefined ? String(101 + i) : digitsOk(o.extension, `${w}.extension`);
    if (extensions.has(extension)) bad(`${w}.extension ${extension} is used twice`);
    extensions.add(extension);
    const answerAfterRings = o.answerAfterRings === undefined ? 0 : num(o.answerAfterRings, `${w}.answerAfterRings`, 0, 100, true);
    return { extension, line: checkLineModel(o.line, `${w}.line`, defFxs), answerAfterRings };
  });
  const lineNumbers = new Set<string>();
  const lines = listOf<LineConfig>(c.fxo, 8, 'fxo', 64).map((l, i) => {
    const w = `fxo[${i}]`;
    const o = obj(l ?? {}, w);
    checkKeys(o, w, ['number', 'line', 'answerPolarity', 'hangup']);
    const number = o.number === undefined ? `0755266000${String(i + 1).padStart(2, '0')}` : digitsOk(o.number, `${w}.number`);
    if (lineNumbers.has(number)) bad(`${w}.number ${number} is used twice`);
    lineNumbers.add(number);
    if (o.answerPolarity !== undefined && typeof o.answerPolarity !== 'boolean') bad(`${w}.answerPolarity must be true or false`);
    const hangup = o.hangup ?? 'polarity';
    if (!['polarity', 'loop-drop', 'busy-tone'].includes(hangup as string)) bad(`${w}.hangup must be polarity, loop-drop or busy-tone`);
    return { number, line: checkLineModel(o.line, `${w}.line`, defFxo), answerPolarity: o.answerPolarity ?? true, hangup };
  });
  const e1 = listOf<E1Config>(c.e1, 1, 'e1', 8).map((e, i) => {
    const w = `e1[${i}]`;
    const o = obj(e ?? {}, w);
    checkKeys(o, w, ['law', 'numberPrefix', 'line', 'signalling', 'registers', 'mfcr2Variant', 'overlap', 'noAnswerMs']);
    const registers = o.registers ?? 'mfcr2';
    if (registers !== 'mfcr2' && registers !== 'dtmf') bad(`${w}.registers must be 'mfcr2' or 'dtmf'`);
    const mfcr2Variant = o.mfcr2Variant ?? 'china';
    if (mfcr2Variant !== 'china' && mfcr2Variant !== 'itu') bad(`${w}.mfcr2Variant must be 'china' or 'itu'`);
    const sig = o.signalling ?? 'cas';
    if (sig !== 'cas' && sig !== 'pri') bad(`${w}.signalling must be 'cas' or 'pri'`);
    const signalling = sig as 'cas' | 'pri';
    if (o.overlap !== undefined && typeof o.overlap !== 'boolean') bad(`${w}.overlap must be true or false`);
    const noAnswerMs = o.noAnswerMs === undefined ? 20_000 : num(o.noAnswerMs, `${w}.noAnswerMs`, 1000, 600_000, true);
    const spanLaw = o.law ?? 'alaw';
    if (spanLaw !== 'alaw' && spanLaw !== 'ulaw') bad(`${w}.law must be 'alaw' or 'ulaw'`);
    const numberPrefix = o.numberPrefix === undefined ? `07552670${i}` : digitsOk(o.numberPrefix, `${w}.numberPrefix`);
    return {
      law: spanLaw,
      numberPrefix,
      line: checkLineModel(o.line, `${w}.line`, defE1),
      signalling,
      registers: registers as 'mfcr2' | 'dtmf',
      mfcr2Variant: mfcr2Variant as 'china' | 'itu',
      overlap: o.overlap ?? false,
      noAnswerMs,
    };
  });
  if (phones.length + lines.length + e1.length === 0) bad('the board has no channels (fxs, fxo and e1 are all 0)');

  const numbers: Record<string, FarScript> = c.replaceNumbers ? {} : { ...DEFAULT_NUMBERS };
  if (c.numbers !== undefined) Object.assign(numbers, obj(c.numbers, 'numbers'));
  const nativeNumbers: Record<string, NativeScript> = {};
  for (const [k, v] of Object.entries(numbers)) {
    digitsOk(k, `numbers key`);
    nativeNumbers[k] = checkScript(v, `numbers.${k}`);
  }
  const unknown = checkScript(c.unknown ?? { kind: 'unallocated' }, 'unknown');
  const firstDigitMs = c.firstDigitMs === undefined ? 10_000 : num(c.firstDigitMs, 'firstDigitMs', 100, 600_000, true);
  const interdigitMs = c.interdigitMs === undefined ? 4_000 : num(c.interdigitMs, 'interdigitMs', 100, 600_000, true);
  const flashMs = c.flashMs === undefined ? 300 : num(c.flashMs, 'flashMs', 20, 2_000, true);
  for (const k of ['model', 'serial', 'firmware'] as const)
    if (c[k] !== undefined && typeof c[k] !== 'string') bad(`${k} must be a string`);

  const native: NativeSimConfig = {
    seed,
    model: c.model ?? `BCTI-SIM-${phones.length}S${lines.length}O${e1.length}E`,
    serial: c.serial ?? `SIM-${String(seed).padStart(4, '0')}`,
    firmware: c.firmware ?? 'sim-1.0',
    law,
    tonePlan: planText,
    ringCadenceMs: ring,
    phones,
    lines,
    e1,
    numbers: nativeNumbers,
    unknown,
    firstDigitMs,
    interdigitMs,
    flashMs,
  };
  return { native, plan: plan.name, phones, lines, e1, numbers };
}
