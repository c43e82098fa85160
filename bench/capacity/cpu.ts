// CPU time of this process's threads, from /proc (Linux). Node 20 has no
// per-thread CPU API (process.threadCpuUsage came later), so the main thread's
// time is read from /proc/self/task/<pid>/schedstat: nanoseconds on a CPU,
// exact, where /proc/.../stat counts 10 ms clock ticks.
import { readFileSync } from 'node:fs';

/** CPU time of the thread `tid` of this process, in ms; null where /proc cannot say. */
export function threadCpuMs(tid: number): number | null {
  try {
    const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    if (Number.isFinite(ns)) return ns / 1e6;
  } catch {
    // fall through to stat
  }
  try {
    // Fields after the command name (which may hold spaces): utime is the 14th
    // field of the line, stime the 15th, in clock ticks (USER_HZ, 100 on Linux).
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The Node main thread (its tid is the process id). */
export function mainThreadCpuMs(): number | null {
  return threadCpuMs(process.pid);
}

/** All threads of the process (user + system), ms. */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The cores this process may run on (from /proc/self/status), e.g. "1" or "0-1". */
export function allowedCpus(): string | null {
  try {
    const m = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? m[1]! : null;
  } catch {
    return null;
  }
}

/** Monotonic wall clock in ms, on the clock the engine's scheduleOriginMs uses (CLOCK_MONOTONIC). */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Busy time of the cores this process may run on, from /proc/stat (every
 * process, ours included), ms. Less this process's own CPU time, it says how
 * much of those cores others took: on a shared machine, why frames were late.
 */
export function coresBusyMs(): number | null {
  const allowed = allowedCpus();
  if (!allowed) return null;
  const cores = new Set<number>();
  for (const part of allowed.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let c = a!; c <= (b ?? a!); c++) cores.add(c);
  }
  try {
    let busy = 0;
    for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
      const m = /^cpu(\d+) (.*)$/.exec(line);
      if (!m || !cores.has(Number(m[1]))) continue;
      // user nice system idle iowait irq softirq steal ..., in USER_HZ (100 Hz) ticks
      const v = m[2]!.trim().split(/\s+/).map(Number);
      busy += v.slice(0, 8).reduce((s, x) => s + x, 0) - v[3]! - v[4]!;
    }
    return busy * 10;
  } catch {
    return null;
  }
}

function perCoreBusy(): Map<number, number> {
  const out = new Map<number, number>();
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const m = /^cpu(\d+) (.*)$/.exec(line);
    if (!m) continue;
    const v = m[2]!.trim().split(/\s+/).map(Number);
    out.set(Number(m[1]), v.slice(0, 8).reduce((s, x) => s + x, 0) - v[3]! - v[4]!);
  }
  return out;
}

/** The core other processes kept least busy over the next `ms` (null where /proc/stat cannot say). */
export async function idlestCore(ms = 1000): Promise<{ core: number; busyPct: number } | null> {
  try {
    const a = perCoreBusy();
    await new Promise((r) => setTimeout(r, ms));
    const b = perCoreBusy();
    let best: { core: number; busyPct: number } | null = null;
    for (const [core, busy] of b) {
      const pct = ((busy - (a.get(core) ?? busy)) * 10 * 100) / ms;
      if (!best || pct < best.busyPct) best = { core, busyPct: pct };
    }
    return best;
  } catch {
    return null;
  }
}
