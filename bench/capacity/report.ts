// The capacity benchmark's figures: the JSON object and the table (how to read
// it: bench/README.md, `capacity`).
import { cpus } from 'node:os';
import { formatTable, type BenchResult } from '../benchmark.ts';
import type { Summary } from './digits.ts';
import type { TrialResult } from './trial.ts';

/** What issue 3 §6 asks for. */
export const TARGETS = {
  /** 64 E1 spans in real time on one core */
  channels: 1920,
  /** key -> JS, 99th percentile, ms */
  keyP99Ms: 40,
  /** fast mode, 30 channels: world seconds per wall second */
  speedup: 50,
} as const;

export interface Outcome {
  max: number;
  cpu: number | null;
  /** asked for; each trial says what it got */
  rtPriority: number;
  best: TrialResult | null;
  failedAt: number | null;
  trials: TrialResult[];
  fast: TrialResult;
}

const ms = (v: number | null) => (v === null ? '-' : v.toFixed(1));
const pair = (s: Summary) => `${ms(s.median)} / ${ms(s.p99)}`;
const pct = (v: number | null) => (v === null ? '-' : `${v.toFixed(1)} %`);
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function report(o: Outcome): BenchResult {
  const b = o.best;
  const end = b?.keys.end;
  const keyP99 = end?.total.p99 ?? null;
  const simRead = b?.simReadMsPerTick ?? 0;
  const engineOnlyP99 = keyP99 === null ? null : keyP99 - simRead;
  const targets = {
    channels: { target: TARGETS.channels, met: (b?.channels ?? 0) >= TARGETS.channels },
    keyP99Ms: { target: TARGETS.keyP99Ms, met: keyP99 !== null && keyP99 < TARGETS.keyP99Ms },
    speedup: { target: TARGETS.speedup, met: o.fast.speedup >= TARGETS.speedup },
  };
  const json = {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    pinnedCore: o.cpu,
    rtPriority: b?.rtPriority ?? o.trials[0]?.rtPriority ?? 0,
    maxTried: o.max,
    channels: b?.channels ?? 0,
    spans: b?.spans ?? 0,
    boards: b?.boards ?? 0,
    firstNotCarried: o.failedAt,
    atCapacity: b,
    keyEndToJsP99WithoutSimReadMs: engineOnlyP99 === null ? null : Math.round(engineOnlyP99 * 100) / 100,
    fast: o.fast,
    trials: o.trials.map((t) => ({
      channels: t.channels,
      lateTicks: t.lateTicks,
      resynced: t.resynced,
      connected: t.connected,
      cpu: t.cpu,
      keyEndP99Ms: t.keys.end.total.p99,
    })),
    targets,
  };

  const rows: string[][] = [];
  const capacityLabel = b ? `${b.channels} ch (${b.spans} E1, ${b.boards} board${b.boards > 1 ? 's' : ''})` : 'none';
  rows.push(['channels in real time, no frame late', capacityLabel, `${TARGETS.channels} ch`, met(targets.channels.met)]);
  if (b) {
    const own = Math.round((b.cpu.engine - b.cpu.engineSim) * 10) / 10;
    rows.push(['  media thread CPU', `${pct(b.cpu.engine)} of a core`, '', '']);
    rows.push(['    the engine itself', pct(own), '', '']);
    rows.push(['    the simulated world (board I/O)', pct(b.cpu.engineSim), '', '']);
    rows.push(['  Node main thread CPU', pct(b.cpu.main), '', '']);
    rows.push(["    the simulated world's events", pct(b.cpu.mainSim), '', '']);
    rows.push(['  whole process (all threads)', pct(b.cpu.process), '', '']);
    rows.push(['  other processes on the core', pct(b.cpu.others), '', '']);
    rows.push([
      `key end -> dtmf:end in JS, median / p99`,
      `${pair(b.keys.end.total)} ms`,
      `p99 < ${TARGETS.keyP99Ms} ms`,
      met(targets.keyP99Ms.met),
    ]);
    rows.push(['  line -> engine tick (detector, frame)', pair(b.keys.end.detect), '', '']);
    rows.push(['  engine tick -> JS handler', pair(b.keys.end.deliver), '', '']);
    rows.push(["    of which the sim's read(), per tick", `${simRead.toFixed(1)} (mean)`, '', '']);
    rows.push(['  p99 without the sim read (estimate)', ms(engineOnlyP99), '', '']);
    rows.push([`key start -> dtmf:digit in JS`, `${pair(b.keys.start.total)} ms`, '', '']);
    rows.push(['  line -> engine tick (detector, frame)', pair(b.keys.start.detect), '', '']);
    rows.push(['keys pressed / heard / extra', `${b.keys.pressed} / ${b.keys.detected} / ${b.keys.extra}`, '', '']);
  }
  rows.push(['fast mode, 30 ch: world s per wall s', `${o.fast.speedup.toFixed(0)}x`, `>= ${TARGETS.speedup}x`, met(targets.speedup.met)]);
  rows.push(['  fast: keys pressed / heard', `${o.fast.keys.pressed} / ${o.fast.keys.detected}`, '', '']);
  rows.push(['  fast: other processes on the core', pct(o.fast.cpu.others), '', '']);

  const trialRows = o.trials.map((t) => [
    String(t.channels),
    String(t.lateTicks),
    `${t.connected}/${t.channels}`,
    pct(t.cpu.engine),
    pct(t.cpu.engineSim),
    pct(t.cpu.main),
    pct(t.cpu.others),
    `${ms(t.keys.end.total.median)} / ${ms(t.keys.end.total.p99)}`,
  ]);
  const where = o.cpu === null ? 'not pinned' : `pinned to core ${o.cpu} (engine, Node and the simulated world share it)`;
  const got = json.rtPriority;
  const sched =
    got > 0 ? `media thread SCHED_FIFO ${got}, Node normal` : `normal scheduling${o.rtPriority > 0 ? ' (SCHED_FIFO refused)' : ''}`;
  const text = [
    `capacity: E1 channels in IVR calls on simulated boards, ${b?.frameMs ?? o.fast.frameMs} ms frames, a key every ${(o.fast.keyPeriodMs / 1000).toFixed(1)} s per channel`,
    `${where}; ${sched}`,
    `CPU ${json.cpuModel}; ${b ? `${(b.window.worldMs / 1000).toFixed(0)} s measured per trial` : ''}`,
    '',
    formatTable(['', 'measured', 'target', ''], rows),
    '',
    'trials (a miss is confirmed by a second trial):',
    formatTable(
      ['channels', 'late ticks', 'calls up', 'media thread', 'of it sim', 'main thread', 'others', 'key end -> JS ms'],
      trialRows,
    ),
    o.failedAt !== null
      ? `\n${o.failedAt} channels was not carried.`
      : `\nThe largest size tried (${o.max}) was carried; --max tries more.`,
    'CPU is % of one core over the measured window; delays: bench/README.md, `capacity`.',
  ].join('\n');
  return { json, text };
}
