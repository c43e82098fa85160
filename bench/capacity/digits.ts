// The far ends' keys and the delays of their digits, from the line to JS.
//
// Each far end runs a script in the simulated world: a silence (to spread the
// channels over the period), then `press D` and a silence, again and again.
// A script step starts on a frame boundary: the world notices a step has
// finished in write() of the frame where its audio ran out, stamps the
// `call:script` event with that frame's first sample t, and queues the next
// step, whose audio begins with the next frame, at sample t + frameSamples.
// So the k-th press's tone occupies samples [S, S + 800) exactly (100 ms at
// 8 kHz, firmware-sim/src/far_end.cc), with S = t(previous step done) +
// frameSamples: the truth, in world samples, with no detector involved.
//
// Engine tick k (0-based) reads world samples [kF, kF + F) and its events
// carry ts = k * frameMs. In real time tick k is due at scheduleOriginMs + ts
// (CLOCK_MONOTONIC), and the samples it reads were on the line during the
// frame before: sample s was on the line at origin + s / 8 - frameMs. Hence,
// for a digit edge at sample s whose event was emitted by the tick stamped ts
// and seen by a JS handler at wall time `seen`:
//   line -> tick   = ts + frameMs - s / 8      (the detector's decision and the frame wait; world time)
//   tick -> JS     = seen - (origin + ts)      (late wake-up, the rest of the tick, the thread-safe
//                                               function, the event loop, the handlers before ours)
//   line -> JS     = the sum                   (what a caller's key costs until the application knows)
import type { ScriptStep } from '../../src/sim/config.ts';

export const KEY_SAMPLES = 800; // 100 ms tone (far_end.cc kKeyOnMs)
export const KEY_STEP_MS = 200; // tone + 100 ms gap
const KEYS = '1234567890*#';

export function keyFor(channelIndex: number, k: number): string {
  return KEYS[(channelIndex + k) % KEYS.length]!;
}

/** The far end's script: quiet for offsetMs, then a key every periodMs, `presses` times. */
export function keyScript(channelIndex: number, offsetMs: number, periodMs: number, presses: number): ScriptStep[] {
  const steps: ScriptStep[] = [{ op: 'silence', ms: Math.max(1, Math.round(offsetMs)) }];
  for (let k = 0; k < presses; k++) {
    steps.push({ op: 'press', digits: keyFor(channelIndex, k) });
    steps.push({ op: 'silence', ms: periodMs - KEY_STEP_MS });
  }
  return steps;
}

export interface KeyTruth {
  digit: string;
  /** first tone sample, world samples */
  start: number;
  /** first sample after the tone */
  end: number;
}

/** What one channel's JS handler saw of a digit edge. */
export interface SeenEdge {
  digit: string;
  /** the engine's estimate of the edge, engine ms (startMs or endMs) */
  estMs: number;
  /** engine time of the tick that emitted it */
  ts: number;
  /** CLOCK_MONOTONIC ms when the handler ran */
  seenMs: number;
}

export class ChannelKeys {
  readonly truth: KeyTruth[] = [];
  readonly starts: SeenEdge[] = [];
  readonly ends: SeenEdge[] = [];

  constructor(
    readonly index: number,
    private readonly frameSamples: number,
  ) {}

  /** A `call:script` step finished at world sample t: if the next step is a press, its tone starts a frame later. */
  onStepDone(step: number, t: number): void {
    // Steps: 0 silence, then press at 1, 3, 5...; a press follows an even step.
    if (step % 2 !== 0) return;
    const k = step / 2;
    const start = t + this.frameSamples;
    this.truth.push({ digit: keyFor(this.index, k), start, end: start + KEY_SAMPLES });
  }
}

export interface EdgeDelays {
  /** line -> tick, ms of world time */
  detect: number[];
  /** tick -> JS handler, wall ms (real time only) */
  deliver: number[];
  /** line -> JS handler */
  total: number[];
  /** the detector's own estimate of the edge minus the truth, ms: a check on both */
  estimate: number[];
}

export interface KeyTally {
  pressed: number;
  /** starts seen (dtmf:digit) / ends seen (dtmf:end) near the truth */
  detected: number;
  ended: number;
  /** dtmf:digit events with no key pressed near them */
  extra: number;
  start: EdgeDelays;
  end: EdgeDelays;
}

const MATCH_MS = 60;

/**
 * Matches each key pressed with its tone ending in world time [fromMs, toMs)
 * to the first event of the same digit whose estimate lies within 60 ms of the
 * truth. `originMs` is the engine's scheduleOriginMs (null: no wall clock
 * relation, fast mode: only the detect part is measured).
 */
export function tally(channels: ChannelKeys[], fromMs: number, toMs: number, frameMs: number, originMs: number | null): KeyTally {
  const empty = (): EdgeDelays => ({ detect: [], deliver: [], total: [], estimate: [] });
  const t: KeyTally = { pressed: 0, detected: 0, ended: 0, extra: 0, start: empty(), end: empty() };
  const add = (d: EdgeDelays, edgeSample: number, e: SeenEdge) => {
    const detect = e.ts + frameMs - edgeSample / 8;
    d.detect.push(detect);
    d.estimate.push(e.estMs - edgeSample / 8);
    if (originMs !== null) {
      const deliver = e.seenMs - (originMs + e.ts);
      d.deliver.push(deliver);
      d.total.push(detect + deliver);
    }
  };
  const find = (list: SeenEdge[], used: Set<SeenEdge>, digit: string, atMs: number) =>
    list.find((e) => !used.has(e) && e.digit === digit && Math.abs(e.estMs - atMs) <= MATCH_MS);
  for (const ch of channels) {
    const usedS = new Set<SeenEdge>();
    const usedE = new Set<SeenEdge>();
    for (const k of ch.truth) {
      // Every key is matched (so one just outside the window is no 'extra'); those ending inside count.
      const inside = k.end / 8 >= fromMs && k.end / 8 < toMs;
      if (inside) t.pressed++;
      const s = find(ch.starts, usedS, k.digit, k.start / 8);
      if (s) {
        usedS.add(s);
        if (inside) t.detected++;
        if (inside) add(t.start, k.start, s);
      }
      const e = find(ch.ends, usedE, k.digit, k.end / 8);
      if (e) {
        usedE.add(e);
        if (inside) t.ended++;
        if (inside) add(t.end, k.end, e);
      }
    }
    for (const s of ch.starts) if (!usedS.has(s) && s.ts >= fromMs && s.ts < toMs) t.extra++;
  }
  return t;
}

export interface Summary {
  n: number;
  median: number | null;
  p99: number | null;
  max: number | null;
  min: number | null;
}

/** Median, 99th percentile (nearest rank) and maximum. */
export function summarize(xs: number[]): Summary {
  if (xs.length === 0) return { n: 0, median: null, p99: null, max: null, min: null };
  const s = [...xs].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  const r = (v: number) => Math.round(v * 100) / 100;
  return { n: s.length, median: r(rank(0.5)), p99: r(rank(0.99)), max: r(s[s.length - 1]!), min: r(s[0]!) };
}

export function summarizeEdge(d: EdgeDelays): { detect: Summary; deliver: Summary; total: Summary; estimate: Summary } {
  return { detect: summarize(d.detect), deliver: summarize(d.deliver), total: summarize(d.total), estimate: summarize(d.estimate) };
}
