// A queue and its waiting callers. Entries are kept in the order they are
// served: higher priority first, then by when the caller first arrived (kept
// through overflow and callback, so a caller never loses their place), then
// by arrival order.
import type { Agent } from '../agents/agent.ts';
import type { TimerHandle } from '../native/clock.ts';
import type { Call } from '../telephony/call.ts';
import type { Leg } from '../telephony/leg.ts';
import type { StateMachine } from '../telephony/state-machine.ts';
import type { EntryStatus } from './entry-states.ts';
import { HandleTimes } from './estimate.ts';
import { skillMatch } from './routing.ts';
import type { QueueConfig, QueueExit } from './types.ts';
import type { WaitingMedia } from './waiting-media.ts';

export type { EntryStatus } from './entry-states.ts';

export interface Announcement {
  at: number;
  position: number;
  estimateMs: number | undefined;
}

export interface QueueEntry {
  /** the call id the caller arrived with */
  readonly id: string;
  readonly seq: number;
  call: Call;
  /** the caller's leg while on the line */
  caller: Leg | undefined;
  /** the caller's number (caller ID), for callback and last-agent routing */
  readonly number: string | undefined;
  queue: Queue;
  priority: number;
  /** engine ms the caller first arrived (any queue) */
  readonly arrivedAt: number;
  /** engine ms the caller joined this queue */
  joinedAt: number;
  /** the entry's state machine (entry-states.ts): every change of status is a move of it */
  readonly sm: StateMachine<EntryStatus>;
  readonly status: EntryStatus;
  /** agent id -> their ringing leg (undefined until it rings) */
  readonly offers: Map<string, Leg | undefined>;
  /** agents who let this call ring out */
  readonly tried: Set<string>;
  lastAgent: string | undefined;
  readonly announcements: Announcement[];
  media: WaitingMedia | undefined;
  timers: TimerHandle[];
  answeredBy: string | undefined;
  /** overflow hops so far */
  hops: number;
  exit: QueueExit | undefined;
  done: (exit: QueueExit) => void;
}

export interface QueueStats {
  entered: number;
  answered: number;
  abandoned: number;
  overflowed: number;
  maxWait: number;
  callbacks: number;
  /** waits of answered callers, ms (last 200) */
  waits: number[];
}

export class Queue {
  readonly entries: QueueEntry[] = [];
  /** circular: member index of the agent offered last */
  lastOffered = -1;
  readonly talk: HandleTimes;
  readonly stats: QueueStats = { entered: 0, answered: 0, abandoned: 0, overflowed: 0, maxWait: 0, callbacks: 0, waits: [] };
  #members: Agent[] = [];
  #config: QueueConfig;

  constructor(config: QueueConfig) {
    this.#config = config;
    this.talk = new HandleTimes(config.defaultHandleMs);
  }

  get name(): string {
    return this.#config.name;
  }
  /** read at each use: an edit (reconfigure) applies to the next offer */
  get config(): QueueConfig {
    return this.#config;
  }

  /**
   * New settings for this queue (same name), its callers staying where they
   * are. The members are chosen again (setMembers); the agent offered last
   * keeps its turn in a circular queue.
   */
  reconfigure(config: QueueConfig, all: readonly Agent[]): void {
    if (config.name !== this.name) throw new Error(`queue ${this.name} cannot be renamed ${config.name}`);
    const last = this.#members[this.lastOffered];
    this.#config = config;
    this.talk.fallbackMs = config.defaultHandleMs;
    this.setMembers(all);
    this.lastOffered = last ? this.#members.indexOf(last) : -1;
  }

  /** The member list: the configured agents in order, or every agent with the queue's skills. */
  setMembers(all: readonly Agent[]): void {
    const ids = this.config.agents;
    this.#members = ids
      ? ids.map((id) => all.find((a) => a.id === id)).filter((a): a is Agent => a !== undefined)
      : all.filter((a) => 'score' in skillMatch(this.config, a));
  }
  get members(): readonly Agent[] {
    return this.#members;
  }

  insert(e: QueueEntry): void {
    let i = this.entries.length;
    while (i > 0 && before(e, this.entries[i - 1]!)) i--;
    this.entries.splice(i, 0, e);
  }

  remove(e: QueueEntry): void {
    const i = this.entries.indexOf(e);
    if (i >= 0) this.entries.splice(i, 1);
  }

  /** 1-based place among callers still waiting for an agent (callbacks included: they keep their place). */
  position(e: QueueEntry): number {
    let p = 0;
    for (const x of this.entries) {
      if (x.status === 'connected' || x.status === 'gone') continue;
      p++;
      if (x === e) return p;
    }
    return p + 1;
  }

  /** Callers in the queue (waiting, being offered or waiting for a callback). */
  get length(): number {
    return this.entries.length;
  }
}

/** a is served before b */
export function before(a: QueueEntry, b: QueueEntry): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt;
  return a.seq < b.seq;
}
