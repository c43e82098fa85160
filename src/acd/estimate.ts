// The estimated wait of a queued caller, from recent handling times: each
// staffed member becomes free at some time (now if ready; after the rest of a
// typical call plus wrap-up if talking; after their wrap-up if wrapping up),
// and every caller ahead takes the member free first for one typical handling
// time. The caller at position p gets the p-th such turn.
import type { Agent } from '../agents/agent.ts';

/** Mean handling time (talk + wrap-up) of the last `size` calls. */
export class HandleTimes {
  #recent: number[] = [];
  constructor(
    /** the queue's defaultHandleMs */
    public fallbackMs: number,
    private readonly size = 20,
  ) {}
  add(ms: number): void {
    this.#recent.push(ms);
    if (this.#recent.length > this.size) this.#recent.shift();
  }
  get count(): number {
    return this.#recent.length;
  }
  /** ms; the queue's default until a call has been handled */
  get mean(): number {
    if (!this.#recent.length) return this.fallbackMs;
    return this.#recent.reduce((a, b) => a + b, 0) / this.#recent.length;
  }
}

export interface EstimateInput {
  now: number;
  /** position in the queue, 1 = next */
  position: number;
  members: readonly Agent[];
  /** mean talk time and the queue's wrap-up */
  talkMs: number;
  wrapUpMs: number;
  /** when the agent's current call was answered (engine ms), if talking */
  answeredAt(agent: Agent): number | undefined;
  /** when the agent's wrap-up ends, if wrapping up */
  wrapEndsAt(agent: Agent): number | undefined;
}

/** ms until the caller at `position` is expected to reach an agent; undefined when no member is staffed. */
export function estimateWaitMs(i: EstimateInput): number | undefined {
  const handle = i.talkMs + i.wrapUpMs;
  const free: number[] = [];
  for (const a of i.members) {
    switch (a.state) {
      case 'ready':
        free.push(0);
        break;
      case 'reserved':
      case 'ringing':
        free.push(handle);
        break;
      case 'on-call': {
        const at = i.answeredAt(a);
        free.push(Math.max(0, i.talkMs - (at === undefined ? 0 : i.now - at)) + i.wrapUpMs);
        break;
      }
      case 'wrap-up':
        free.push(Math.max(0, (i.wrapEndsAt(a) ?? i.now) - i.now));
        break;
      default:
        break; // not staffed: logged out, not ready, DND
    }
  }
  if (!free.length) return undefined;
  free.sort((a, b) => a - b);
  // p turns: each takes the member free first, who is free again one handling time later.
  for (let p = 1; ; p++) {
    const t = free.shift()!;
    if (p === i.position) return t;
    const again = t + handle;
    let k = free.findIndex((x) => x > again);
    if (k < 0) k = free.length;
    free.splice(k, 0, again);
  }
}
