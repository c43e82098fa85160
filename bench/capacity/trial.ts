// One capacity trial: N E1 timeslots on simulated boards (8 spans of 30 per
// board, as many boards as it takes, all on one engine), every one carrying a
// call from the PSTN that the telephony core answers and runs through a small
// IVR (a looped WAV prompt with barge-in and collectDigits, again after every
// key), while the far end presses a key every period. Measures, over a window
// of world time after every call is up: late ticks, the media thread's CPU
// (and the simulated world's part of it), the Node main thread's CPU (and the
// simulated world's event handling in it), and each key's delays (digits.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTonePlan } from '../../src/dsp/tones.ts';
import { MediaEngine, type NativeEvent } from '../../src/native/engine.ts';
import { chimeWav } from '../../src/server/services/prompts.ts';
import type { NativeWorldEvent } from '../../src/sim/addon.ts';
import { SimWorld } from '../../src/sim/world.ts';
import { Inventory } from '../../src/telephony/inventory.ts';
import type { Leg } from '../../src/telephony/leg.ts';
import { silentLog } from '../../src/telephony/log.ts';
import { Telephony } from '../../src/telephony/telephony.ts';
import { allowedCpus, coresBusyMs, mainThreadCpuMs, monoMs, processCpuMs } from './cpu.ts';
import { ChannelKeys, keyScript, summarizeEdge, tally, type Summary } from './digits.ts';

export const CHANNELS_PER_SPAN = 30;
export const SPANS_PER_BOARD = 8; // the simulated board's limit (src/sim/config.ts)

export interface TrialOptions {
  channels: number;
  mode: 'realtime' | 'fast';
  /** measurement window, seconds of world time */
  seconds: number;
  frameMs?: 10 | 20;
  /** a key every this many ms on every channel */
  keyPeriodMs?: number;
  seed?: number;
  /** real time: SCHED_FIFO priority of the media thread (0: normal scheduling) */
  rtPriority?: number;
  log?: (msg: string) => void;
}

export interface EdgeSummary {
  detect: Summary;
  deliver: Summary;
  total: Summary;
  estimate: Summary;
}

export interface TrialResult {
  channels: number;
  spans: number;
  boards: number;
  mode: 'realtime' | 'fast';
  frameMs: number;
  keyPeriodMs: number;
  /** cores the trial's process was allowed to run on */
  cpus: string | null;
  /** the SCHED_FIFO priority the media thread ran at (0: normal) */
  rtPriority: number;
  /** calls answered and running the IVR */
  connected: number;
  setupWallMs: number;
  window: { worldMs: number; wallMs: number };
  /** world seconds per wall second over the window */
  speedup: number;
  ticks: number;
  lateTicks: number;
  /** the engine fell so far behind that it moved its schedule: wall-clock delays are not measured */
  resynced: boolean;
  /** media thread CPU per tick over the window, µs */
  tickCpuUs: number;
  /** over the whole run, set-up included */
  maxTickUs: number;
  /** the simulated boards' read() per tick, CPU ms: it runs before the detectors, so every event waits for it */
  simReadMsPerTick: number;
  /** CPU over the window, % of one core (wall time) */
  cpu: {
    engine: number;
    /** of engine: the simulated world (boards' read/write/poll) */
    engineSim: number;
    main: number | null;
    /** of main: the simulated world's event handling in JS */
    mainSim: number;
    process: number;
    /** other processes on the cores this trial ran on (/proc/stat busy less ours), % of one core */
    others: number | null;
  };
  keys: { pressed: number; detected: number; ended: number; extra: number; start: EdgeSummary; end: EdgeSummary };
}

interface Snapshot {
  wall: number;
  world: number;
  ticks: number;
  late: number;
  engine: number;
  board: number;
  boardRead: number;
  main: number | null;
  proc: number;
  simJs: number;
  origin: number;
  cores: number | null;
}

export async function runTrial(o: TrialOptions): Promise<TrialResult> {
  const log = o.log ?? (() => {});
  const frameMs = o.frameMs ?? 20;
  const period = o.keyPeriodMs ?? 2000;
  const n = o.channels;
  const spans = Math.ceil(n / CHANNELS_PER_SPAN);
  const boards = Math.ceil(spans / SPANS_PER_BOARD);
  const plan = loadTonePlan('cn');
  const dir = mkdtempSync(join(tmpdir(), 'boardcti-capacity-'));
  const prompt = join(dir, 'prompt.wav');
  writeFileSync(prompt, chimeWav());

  const worlds: SimWorld[] = [];
  for (let b = 0; b < boards; b++) {
    const e1 = Math.min(SPANS_PER_BOARD, spans - b * SPANS_PER_BOARD);
    worlds.push(new SimWorld({ seed: (o.seed ?? 1) + b, tonePlan: 'cn', fxs: 0, fxo: 0, e1 }));
  }
  const engine = new MediaEngine({
    mode: o.mode,
    frameMs,
    tonePlan: plan.json,
    clockEventMs: 100,
    ...(o.mode === 'realtime' ? { rtPriority: o.rtPriority ?? 0 } : {}),
  });
  const ids = worlds.map((w) => engine.addSimBoard(w.port));
  const inventory = new Inventory();
  ids.forEach((id, b) => inventory.addBoard(id, engine.boardInfo(id), `sim${b}`, engine.lineStates(id)));
  const telephony = new Telephony({ engine, inventory, log: silentLog, toneDetection: true });

  // The channels in use, their keys, and the taps that record what happens to them.
  const keys: ChannelKeys[][] = ids.map(() => []);
  const all: ChannelKeys[] = [];
  const placed: { world: SimWorld; name: string; keys: ChannelKeys }[] = [];
  worlds.forEach((w, b) => {
    for (const c of w.channels) {
      if (all.length === n) break;
      const k = new ChannelKeys(all.length, frameMs * 8);
      keys[b]![c.number] = k;
      all.push(k);
      placed.push({ world: w, name: c.name, keys: k });
    }
    w.onEvent((e: NativeWorldEvent) => {
      if (e.type === 'call:script' && e.text === 'done') keys[b]![e.channel]?.onStepDone(e.value, e.t);
    });
  });
  let simJsMs = 0;
  for (const w of worlds) {
    const ingest = w.ingest.bind(w);
    w.ingest = (evs) => {
      const t0 = monoMs();
      ingest(evs);
      simJsMs += monoMs() - t0;
    };
  }
  const tap = (e: NativeEvent, end: boolean) => {
    const k = keys[e.board ?? -1]?.[e.channel ?? -1];
    if (!k || !e.digit) return;
    const est = end ? e.endMs : e.startMs;
    (end ? k.ends : k.starts).push({ digit: e.digit, estMs: est ?? e.ts, ts: e.ts, seenMs: monoMs() });
  };
  engine.on('dtmf:digit', (e: NativeEvent) => tap(e, false));
  engine.on('dtmf:end', (e: NativeEvent) => tap(e, true));

  // The IVR: answer, then prompt + collect one key, again and again.
  let running = true;
  let connected = 0;
  const ivr = async (leg: Leg) => {
    try {
      await leg.answer();
      connected++;
      while (running && leg.live) {
        const play = leg.play({ file: prompt, loop: true, bargeIn: true });
        play.catch(() => {});
        await leg.collectDigits({ max: 1, timeout: 3_600_000, interDigitTimeout: 3_600_000 });
        await play;
      }
    } catch {
      // the engine stopped under it
    }
  };
  telephony.on('call:offered', ({ leg }: { leg: Leg }) => void ivr(leg));
  telephony.start();
  engine.start();

  const after = (ms: number) => engine.clock.sleep(ms);
  const t0 = monoMs();
  const settleMs = 1000;
  const presses = Math.ceil((settleMs + 2 * period + o.seconds * 1000 + 10_000) / period);
  placed.forEach((p, i) => {
    const offset = settleMs + (i * period) / n;
    p.world.pstn.call({
      from: `1380000${String(i).padStart(4, '0')}`,
      to: p.name,
      greetingMs: 0,
      steps: keyScript(i, offset, period, presses),
    });
  });
  for (let waited = 0; connected < n && waited < 20_000; waited += 100) await after(100);
  const setupWallMs = monoMs() - t0;
  log(`${n} channels: ${connected} calls up after ${Math.round(setupWallMs)} ms`);
  // Every channel through its first key before the window opens.
  await after(settleMs + period);

  const snap = (): Snapshot => {
    const s = engine.stats();
    return {
      wall: monoMs(),
      world: s.nowMs,
      ticks: s.ticks,
      late: s.lateTicks,
      engine: s.threadCpuMs,
      board: s.boardCpuMs,
      boardRead: s.boardReadCpuMs,
      main: mainThreadCpuMs(),
      proc: processCpuMs(),
      simJs: simJsMs,
      origin: s.scheduleOriginMs,
      cores: coresBusyMs(),
    };
  };
  const a = snap();
  await after(o.seconds * 1000);
  const b = snap();
  await after(300); // the end events of the last keys in the window
  const stats = engine.stats();
  running = false;
  await engine.close();
  for (const w of worlds) w.close();
  rmSync(dir, { recursive: true, force: true });

  const wallMs = b.wall - a.wall;
  const pct = (ms: number) => Math.round((ms / wallMs) * 1000) / 10;
  // After a long stall the engine resynchronises its schedule (scheduleOriginMs
  // moves): the wall-clock relation no longer holds, so no wall delays.
  const resynced = stats.scheduleOriginMs !== a.origin;
  const origin = o.mode === 'realtime' && !resynced ? stats.scheduleOriginMs : null;
  const t = tally(all, a.world, b.world, frameMs, origin);
  const ticks = b.ticks - a.ticks;
  return {
    channels: n,
    spans,
    boards,
    mode: o.mode,
    frameMs,
    keyPeriodMs: period,
    cpus: allowedCpus(),
    rtPriority: stats.rtPriority,
    connected,
    setupWallMs: Math.round(setupWallMs),
    window: { worldMs: b.world - a.world, wallMs: Math.round(wallMs) },
    speedup: Math.round(((b.world - a.world) / wallMs) * 10) / 10,
    ticks,
    lateTicks: b.late - a.late,
    resynced,
    tickCpuUs: ticks ? Math.round(((b.engine - a.engine) * 1000) / ticks) : 0,
    maxTickUs: Math.round(stats.maxTickUs),
    simReadMsPerTick: ticks ? Math.round(((b.boardRead - a.boardRead) / ticks) * 100) / 100 : 0,
    cpu: {
      engine: pct(b.engine - a.engine),
      engineSim: pct(b.board - a.board),
      main: a.main === null || b.main === null ? null : pct(b.main - a.main),
      mainSim: pct(b.simJs - a.simJs),
      process: pct(b.proc - a.proc),
      others: a.cores === null || b.cores === null ? null : Math.max(0, pct(b.cores - a.cores - (b.proc - a.proc))),
    },
    keys: {
      pressed: t.pressed,
      detected: t.detected,
      ended: t.ended,
      extra: t.extra,
      start: summarizeEdge(t.start),
      end: summarizeEdge(t.end),
    },
  };
}
