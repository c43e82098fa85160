// What the API and the wallboard show of the ACD: each queue's waiting
// callers (position, priority, wait, estimate), its members and their states,
// and its counters since start.
import type { Acd } from './acd.ts';
import type { Queue, QueueEntry } from './queue.ts';

export interface WaitingView {
  callId: string;
  number: string | null;
  position: number;
  priority: number;
  status: string;
  waitedMs: number;
  estimateMs: number | null;
  offeredTo: string[];
}

export interface QueueView {
  name: string;
  strategy: string;
  waiting: WaitingView[];
  agents: { id: string; name: string | null; state: string; reason: string | null; callId: string | null; idleMs: number | null }[];
  stats: {
    entered: number;
    answered: number;
    abandoned: number;
    overflowed: number;
    maxWait: number;
    callbacks: number;
    /** agents ready now */
    ready: number;
    /** mean wait of the last answered callers, ms */
    averageWaitMs: number | null;
    longestWaitingMs: number | null;
  };
}

export function waitingView(acd: Acd, e: QueueEntry): WaitingView {
  const now = acd.clock.now();
  return {
    callId: e.id,
    number: e.number ?? null,
    position: e.queue.position(e),
    priority: e.priority,
    status: e.status,
    waitedMs: now - e.arrivedAt,
    estimateMs: acd.estimate(e) ?? null,
    offeredTo: [...e.offers.keys()],
  };
}

export function queueView(acd: Acd, q: Queue): QueueView {
  const now = acd.clock.now();
  const waiting = q.entries.map((e) => waitingView(acd, e));
  const s = q.stats;
  return {
    name: q.name,
    strategy: q.config.strategy,
    waiting,
    agents: q.members.map((a) => ({
      id: a.id,
      name: a.account.name ?? null,
      state: a.state,
      reason: a.reason,
      callId: a.callId,
      idleMs: a.state === 'ready' ? now - a.idleSince : null,
    })),
    stats: {
      entered: s.entered,
      answered: s.answered,
      abandoned: s.abandoned,
      overflowed: s.overflowed,
      maxWait: s.maxWait,
      callbacks: s.callbacks,
      ready: q.members.filter((a) => a.state === 'ready').length,
      averageWaitMs: s.waits.length ? Math.round(s.waits.reduce((x, y) => x + y, 0) / s.waits.length) : null,
      longestWaitingMs: waiting.length ? Math.max(...waiting.map((w) => w.waitedMs)) : null,
    },
  };
}
