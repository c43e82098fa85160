// The one clock every TS timer reads. It follows the engine: time moves only
// when the board delivers frames (engine:clock / engine:advanced events), so a
// test in the stepped mode runs an hour of traffic in seconds, deterministically.
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  sleep(ms: number): Promise<void>;
}

export interface TimerHandle {
  readonly id: number;
}

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

export class EngineClock implements Clock {
  #now = 0;
  #timers: Timer[] = [];
  #nextId = 1;

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const t = { id: this.#nextId++, due: this.#now + Math.max(0, ms), fn };
    // Keep sorted by due time, then by creation order.
    let i = this.#timers.length;
    while (i > 0 && this.#timers[i - 1]!.due > t.due) i--;
    this.#timers.splice(i, 0, t);
    return { id: t.id };
  }

  clearTimeout(handle: TimerHandle): void {
    const i = this.#timers.findIndex((t) => t.id === handle.id);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  /** Moves time forward (never back) and runs the timers now due, in order. */
  advanceTo(ms: number): void {
    if (ms < this.#now) return;
    this.#now = ms;
    while (this.#timers.length > 0 && this.#timers[0]!.due <= ms) {
      const t = this.#timers.shift()!;
      t.fn();
    }
  }
}
