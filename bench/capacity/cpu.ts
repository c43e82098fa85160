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
