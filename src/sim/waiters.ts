// Waiting on the world: promises that settle when a condition holds, or reject
// when world time (the board's frame clock, never wall time) passes a deadline.
export class SimTimeoutError extends Error {
  readonly code = 'SIM_TIMEOUT';
  constructor(what: string, timeoutMs: number, nowMs: number) {
    super(`${what}: not seen within ${timeoutMs} ms of world time (now ${nowMs} ms)`);
    this.name = 'SimTimeoutError';
  }
}

interface Waiter {
  check: () => unknown;
  deadlineMs: number;
  what: string;
  timeoutMs: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/** Default timeout of every wait, in world ms. */
export const DEFAULT_WAIT_MS = 30_000;

export class Waiters {
  private list: Waiter[] = [];
  constructor(private readonly now: () => number) {}

  /** Settles with the first value `check` returns other than undefined. */
  wait<T>(what: string, check: () => T | undefined, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    const v = check();
    if (v !== undefined) return Promise.resolve(v);
    return new Promise<T>((resolve, reject) => {
      this.list.push({ check, deadlineMs: this.now() + timeoutMs, what, timeoutMs, resolve: resolve as (v: unknown) => void, reject });
    });
  }

  /** After the world changed or time moved: settle what can be. */
  poll(): void {
    if (this.list.length === 0) return;
    const now = this.now();
    const keep: Waiter[] = [];
    for (const w of this.list) {
      let v: unknown;
      try {
        v = w.check();
      } catch (e) {
        w.reject(e as Error);
        continue;
      }
      if (v !== undefined) w.resolve(v);
      else if (now >= w.deadlineMs) w.reject(new SimTimeoutError(w.what, w.timeoutMs, now));
      else keep.push(w);
    }
    this.list = keep;
  }

  get pending(): number {
    return this.list.length;
  }

  /** Rejects everything still waiting (the world closed). */
  cancelAll(why: string): void {
    const l = this.list;
    this.list = [];
    for (const w of l) w.reject(new Error(`${w.what}: ${why}`));
  }
}
