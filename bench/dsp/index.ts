// `boardcti bench dsp`: builds bench/out/bench_dsp (bench/dsp/build.ts), runs it
// pinned to one core, and reports its figures (bench/dsp/report.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { BenchFailure, BenchUsageError, numberOption, type BenchContext, type Benchmark } from '../benchmark.ts';
import { buildBenchDsp, REPO_ROOT } from './build.ts';
import { shape, table, type Environment, type RawReport } from './report.ts';

const ISAS = ['generic', 'avx2', 'avx512'];

// `cn` -> src/dsp/tone-plans/cn.json; anything with a slash or .json is a file.
function planPath(ctx: BenchContext): { path: string; name: string } | null {
  const opt = ctx.options.get('plan');
  const value = typeof opt === 'string' ? opt : 'cn';
  const isFile = value.includes('/') || value.endsWith('.json');
  const path = isFile ? resolve(value) : join(REPO_ROOT, 'src', 'dsp', 'tone-plans', `${value}.json`);
  if (existsSync(path)) return { path, name: basename(path, '.json') };
  if (opt !== undefined) throw new BenchUsageError(`tone plan not found: ${path}`);
  ctx.log(`no tone plan at ${path}: call progress and the pipeline are skipped`);
  return null;
}

function spandspPackage(): string | null {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'libspandsp2'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout ? r.stdout.trim() : null;
}

function runProgram(binary: string, args: string[], env: NodeJS.ProcessEnv, ctx: BenchContext): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      for (;;) {
        const nl = err.indexOf('\n');
        if (nl < 0) break;
        ctx.log(err.slice(0, nl));
        err = err.slice(nl + 1);
      }
    });
    child.on('error', (e) => reject(new BenchFailure(`${binary}: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (err) ctx.log(err);
      if (code === 0) resolvePromise(out);
      else reject(new BenchFailure(`bench_dsp failed (${signal ?? `exit ${code}`})`));
    });
  });
}

async function run(ctx: BenchContext) {
  const channels = numberOption(ctx, 'channels', 32, { min: 1, max: 4096, integer: true });
  const seconds = numberOption(ctx, 'seconds', 20, { min: 1, max: 600 });
  const reps = numberOption(ctx, 'reps', 7, { min: 1, max: 100, integer: true });
  const minTime = numberOption(ctx, 'min-time', 0.3, { min: 0.3, max: 60 });
  const cpu = numberOption(ctx, 'cpu', -1, { min: 0, max: 4095, integer: true });
  const isa = ctx.options.get('isa');
  if (isa !== undefined && !ISAS.includes(String(isa))) {
    throw new BenchUsageError(`--isa must be one of ${ISAS.join(', ')} (got '${String(isa)}')`);
  }
  const plan = planPath(ctx);

  const binary = await buildBenchDsp(ctx.log);
  const args = ['--channels', String(channels), '--seconds', String(seconds), '--reps', String(reps)];
  args.push('--min-time', String(minTime));
  if (cpu >= 0) args.push('--cpu', String(cpu));
  if (plan) args.push('--plan', plan.path);
  // The engine honours BOARDCTI_ISA (native/dsp/cpu.h); --isa sets it. The ISA
  // actually measured is reported either way.
  const env = { ...process.env };
  if (isa !== undefined) env.BOARDCTI_ISA = String(isa);

  const out = await runProgram(binary, args, env, ctx);
  let raw: RawReport;
  try {
    raw = JSON.parse(out) as RawReport;
  } catch {
    throw new BenchFailure(`bench_dsp printed something that is not JSON:\n${out.slice(0, 500)}`);
  }
  if (isa !== undefined && raw.isa !== isa) ctx.log(`this CPU cannot run ${String(isa)}: measured ${raw.isa}`);
  const environment: Environment = {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    spandspPackage: spandspPackage(),
    planName: plan?.name ?? null,
  };
  return { json: shape(raw, environment), text: table(raw, environment) };
}

export const benchmark: Benchmark = {
  name: 'dsp',
  summary: "the engine's DTMF, call progress, G.711 and per-channel pipeline against spandsp, on one core",
  options: {
    plan: { arg: 'NAME|FILE', help: 'tone plan for call progress (default: cn, src/dsp/tone-plans/cn.json)' },
    channels: { arg: 'N', help: 'channels of audio (default 32; the engine runs 16 to a bank)' },
    seconds: { arg: 'S', help: 'seconds of audio per channel (default 20)' },
    reps: { arg: 'R', help: 'repetitions of each measurement; the median is reported (default 7)' },
    'min-time': { arg: 'SECONDS', help: 'CPU time per repetition, at least 0.3 (default 0.3)' },
    cpu: { arg: 'CORE', help: 'core to pin to (default: the core the program starts on)' },
    isa: { arg: 'generic|avx2|avx512', help: "the engine's vector kernels (default: the best this CPU has)" },
  },
  run,
};
