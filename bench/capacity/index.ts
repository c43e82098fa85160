// `boardcti bench capacity`: how many E1 channels the engine carries in real
// time with every channel in an IVR call (prompt, barge-in, digits), what that
// costs the media thread and the Node main thread, and how long a caller's key
// takes to reach JS; then the faster-than-real-time speed-up with 30 channels.
// Each trial runs in a process of its own (worker.ts), pinned to one core.
import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchFailure, BenchUsageError, numberOption, type BenchContext, type Benchmark } from '../benchmark.ts';
import { idlestCore } from './cpu.ts';
import { report, TARGETS } from './report.ts';
import { CHANNELS_PER_SPAN, type TrialOptions, type TrialResult } from './trial.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..', '..');

function runWorker(opts: TrialOptions, cpu: number | null, ctx: BenchContext): Promise<TrialResult> {
  const node = [process.execPath, '--import', 'tsx', join(HERE, 'worker.ts'), JSON.stringify(opts)];
  const [cmd, ...args] = cpu === null ? node : ['taskset', '-c', String(cpu), ...node];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const limit = setTimeout(() => child.kill('SIGKILL'), (opts.seconds + 120) * 1000);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      for (let nl = err.indexOf('\n'); nl >= 0; nl = err.indexOf('\n')) {
        ctx.log(`  ${err.slice(0, nl)}`);
        err = err.slice(nl + 1);
      }
    });
    child.on('error', (e) => reject(new BenchFailure(`${cmd}: ${e.message}`)));
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      if (err) ctx.log(err);
      if (code !== 0) return reject(new BenchFailure(`capacity trial of ${opts.channels} channels failed (${signal ?? `exit ${code}`})`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as TrialResult);
      } catch {
        reject(new BenchFailure(`capacity trial printed something that is not JSON:\n${out.slice(0, 500)}`));
      }
    });
  });
}

/** A size is carried when every call was up and no frame was late. */
export function carried(r: TrialResult): boolean {
  return r.lateTicks === 0 && r.connected === r.channels;
}

async function cpuOption(ctx: BenchContext): Promise<number | null> {
  const raw = ctx.options.get('cpu');
  const count = cpus().length;
  if (raw === 'all') return null;
  if (raw === undefined) {
    const idle = await idlestCore();
    if (idle)
      ctx.log(`core ${idle.core} is the least busy (${idle.busyPct.toFixed(0)} % used by others over 1 s): trials are pinned to it`);
    return idle?.core ?? count - 1;
  }
  const v = Number(raw);
  if (raw === true || !Number.isInteger(v) || v < 0 || v >= count)
    throw new BenchUsageError(`--cpu must be a core from 0 to ${count - 1}, or 'all' (got '${String(raw)}')`);
  return v;
}

async function run(ctx: BenchContext) {
  const max = numberOption(ctx, 'max', TARGETS.channels, { min: CHANNELS_PER_SPAN, max: 7680, integer: true });
  const seconds = numberOption(ctx, 'seconds', 10, { min: 2, max: 600 });
  const frameMs = numberOption(ctx, 'frame-ms', 20, { min: 10, max: 20, integer: true });
  if (frameMs !== 10 && frameMs !== 20) throw new BenchUsageError('--frame-ms must be 10 or 20');
  const keyPeriodMs = numberOption(ctx, 'key-ms', 2000, { min: 500, max: 60_000, integer: true });
  const rtPriority = numberOption(ctx, 'rt-priority', 10, { min: 0, max: 99, integer: true });
  let cpu = await cpuOption(ctx);
  if (cpu !== null && spawnSync('taskset', ['-V']).status !== 0) {
    ctx.log('taskset not found: trials run on every core');
    cpu = null;
  }
  const top = Math.floor(max / CHANNELS_PER_SPAN) * CHANNELS_PER_SPAN;
  const base: Omit<TrialOptions, 'channels'> = { mode: 'realtime', seconds, frameMs: frameMs as 10 | 20, keyPeriodMs, rtPriority };
  const trials: TrialResult[] = [];
  const trial = async (n: number): Promise<TrialResult> => {
    ctx.log(`real time, ${n} channels, ${seconds} s${cpu === null ? '' : ` on core ${cpu}`}`);
    let r = await runWorker({ ...base, channels: n }, cpu, ctx);
    // The machine may be shared: a miss is confirmed by a second trial.
    if (!carried(r)) {
      ctx.log(`  ${r.lateTicks} late ticks, ${r.connected}/${n} calls up: once more to confirm`);
      trials.push(r);
      r = await runWorker({ ...base, channels: n }, cpu, ctx);
    }
    trials.push(r);
    ctx.log(
      `  ${carried(r) ? 'carried' : 'NOT carried'}: late ticks ${r.lateTicks}, media thread ${r.cpu.engine} %, main thread ${r.cpu.main ?? '?'} %`,
    );
    return r;
  };

  // Grow by doubling from one board (8 spans), then bisect by spans.
  let best: TrialResult | null = null;
  let failed: number | null = null;
  for (let n = Math.min(top, 8 * CHANNELS_PER_SPAN); ; n = Math.min(top, n * 2)) {
    const r = await trial(n);
    if (!carried(r)) {
      failed = n;
      break;
    }
    best = r;
    if (n >= top) break;
  }
  while (failed !== null && failed - (best?.channels ?? 0) > CHANNELS_PER_SPAN) {
    const lo = best?.channels ?? 0;
    const mid = Math.floor((lo + failed) / 2 / CHANNELS_PER_SPAN) * CHANNELS_PER_SPAN;
    const r = await trial(mid);
    if (carried(r)) best = r;
    else failed = mid;
  }

  ctx.log(`fast mode, 30 channels, 60 s of world time`);
  const fast = await runWorker({ ...base, mode: 'fast', channels: 30, seconds: 60 }, cpu, ctx);
  return report({ max: top, cpu, rtPriority, best, failedAt: failed, trials, fast });
}

export const benchmark: Benchmark = {
  name: 'capacity',
  summary: 'E1 channels carried in real time with every channel in an IVR call; CPU per thread; key delay to JS; fast-mode speed-up',
  options: {
    max: { arg: 'N', help: `largest channel count tried, rounded down to whole E1 spans of 30 (default ${TARGETS.channels})` },
    seconds: { arg: 'S', help: 'measured seconds per real-time trial, after every call is up (default 10)' },
    'frame-ms': { arg: 'MS', help: "the engine's frame, 10 or 20 (default 20, as the server)" },
    'key-ms': { arg: 'MS', help: 'every far end presses a key this often (default 2000)' },
    'rt-priority': {
      arg: 'P',
      help: "real time: the media thread's SCHED_FIFO priority, where allowed (default 10; 0: normal scheduling)",
    },
    cpu: { arg: 'CORE|all', help: 'core every trial is pinned to (default: the least busy one at the start); all: not pinned' },
  },
  run,
};
