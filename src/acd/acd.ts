// The ACD: callers wait in queues, agents are chosen by the queue's strategy
// (routing.ts), offered the call (their phone rings with the caller's
// number), and the first to answer is bridged to the caller. Agent state is
// AgentService's; the ACD only asks it to reserve, ring, connect and free.
//
// Stated invariants (invariants() checks them, the long randomized test runs
// it every step): a queued call is offered to at most one agent at a time
// except by a ring-all queue; every reserved or ringing agent belongs to
// exactly one offer; exactly one agent gets a call even when two answer in the
// same frame; a caller is in at most one queue.
//
// Events: acd:joined, acd:offered, acd:answered, acd:left {entry, exit},
// acd:queue {name, change: added | replaced | removed}.
//
// Queues change at run time (addQueue, replaceQueue, removeQueue): a new
// queue takes callers at once; an edited one keeps its callers in their
// places and its next offer follows the new strategy, members and timeouts;
// one is removed only while no caller is in it.
import { EventEmitter } from 'node:events';
import type { Agent } from '../agents/agent.ts';
import type { AgentService, CallProbe } from '../agents/agent-service.ts';
import type { Call } from '../telephony/call.ts';
import type { NativeEvent, PlayRequest, ToneSource } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import type { Telephony } from '../telephony/telephony.ts';
import { dtmfAnnouncer, HOLD_TUNE, type Announcer } from './announcer.ts';
import { entryMachine } from './entry-states.ts';
import { estimateWaitMs } from './estimate.ts';
import { Offers } from './offers.ts';
import { before, Queue, type QueueEntry } from './queue.ts';
import { route, type RouteDecision } from './routing.ts';
import { DEFAULT_MAX_WAIT_MS, DEFAULT_OVERFLOW_TO, OVERFLOW_SINKS, type QueueConfig, type QueueExit } from './types.ts';
import { WaitingMedia } from './waiting-media.ts';

export interface AcdOptions {
  telephony: Telephony;
  agents: AgentService;
  queues: QueueConfig[];
  log: Log;
  tones: ToneSource;
  announcer?: Announcer;
  /** a prompt's file by name (music, overflow messages), if there is one */
  prompt?: (name: string) => string | undefined;
  /** the caller's priority boost from customer records (VIP), added to the route's or the queue's priority */
  priorityOf?: (callerNumber: string) => number | undefined | Promise<number | undefined>;
  /** reconcile agents against live calls this often (0: never) */
  sweepMs?: number;
}

export interface EnqueueOptions {
  priority?: number;
}

export interface Explanation {
  callId: string;
  queue: string;
  status: string;
  position: number;
  priority: number;
  waitedMs: number;
  estimateMs: number | undefined;
  /** the agent(s) who would be offered the call now */
  next: string[];
  reason: string;
  candidates: RouteDecision['candidates'];
}

export class Acd extends EventEmitter {
  readonly queues = new Map<string, Queue>();
  readonly announcer: Announcer;
  readonly offers: Offers;
  #entries = new Map<string, QueueEntry>();
  #seq = 0;
  #dispatchQueued = false;
  #lastAgent = new Map<string, { agent: string; at: number }>();
  #sweep: ReturnType<Telephony['clock']['setTimeout']> | undefined;
  #onAgent = () => this.dispatch();
  #onCallEnded = () => this.dispatch();
  /** a phone hung up: its port may be free for a waiting caller now */
  #onLine = (e: NativeEvent) => {
    if (e.type === 'line:onhook' && this.#entries.size) this.dispatch();
  };
  #stopped = false;
  /** the agents queues choose their members from (setMembers) */
  #pool: readonly Agent[];

  constructor(readonly o: AcdOptions) {
    super();
    this.announcer = o.announcer ?? dtmfAnnouncer;
    this.#pool = o.agents.all();
    for (const q of o.queues) this.queues.set(q.name, new Queue(q));
    for (const q of this.queues.values()) q.setMembers(this.#pool);
    this.offers = new Offers(this, o);
  }

  get telephony(): Telephony {
    return this.o.telephony;
  }
  get clock() {
    return this.o.telephony.clock;
  }

  start(): this {
    this.o.agents.on('agent:state', this.#onAgent);
    this.o.telephony.on('call:ended', this.#onCallEnded);
    this.o.telephony.engine.on('event', this.#onLine);
    const every = this.o.sweepMs ?? 30000;
    const sweep = () => {
      this.o.agents.reconcile(this.probe, 'sweeper: the call is gone');
      this.#sweep = this.clock.setTimeout(sweep, every);
    };
    if (every > 0) this.#sweep = this.clock.setTimeout(sweep, every);
    return this;
  }

  stop(): void {
    this.#stopped = true;
    this.o.agents.off('agent:state', this.#onAgent);
    this.o.telephony.off('call:ended', this.#onCallEnded);
    this.o.telephony.engine.off('event', this.#onLine);
    if (this.#sweep) this.clock.clearTimeout(this.#sweep);
    for (const e of [...this.#entries.values()]) this.leave(e, 'shutdown');
  }

  /** Is the call there, and is the agent's phone in it? */
  readonly probe: CallProbe = {
    callLive: (id) => this.o.telephony.call(id)?.live ?? false,
    agentInCall: (a, id) => this.o.telephony.call(id)?.legs.some((l) => l.live && l.channel.role.extension === a.extension) ?? false,
  };

  queue(name: string): Queue | undefined {
    return this.queues.get(name);
  }

  // ---- queues at run time ------------------------------------------------------------

  /** The agents every queue chooses its members from (by `agents:` or skills), then a dispatch. */
  setMembers(all: readonly Agent[]): void {
    this.#pool = all;
    for (const q of this.queues.values()) q.setMembers(all);
    this.dispatch();
  }

  /** A new queue: callers can be put in it at once. */
  addQueue(config: QueueConfig): Queue {
    if (this.queues.has(config.name)) throw new Error(`queue ${config.name} exists`);
    const q = new Queue(config);
    q.setMembers(this.#pool);
    this.queues.set(q.name, q);
    this.emit('acd:queue', { name: q.name, change: 'added' });
    return q;
  }

  /**
   * New settings for a queue. Its callers stay, in their places, with the
   * maximum-wait and overflow timers they joined with (their music and
   * announcements restart with the new ones after an unanswered offer); the
   * next offer follows the new strategy, members, skills and ring timeout,
   * and callers joining from now on get the rest.
   */
  replaceQueue(config: QueueConfig): Queue {
    const q = this.queues.get(config.name);
    if (!q) throw new Error(`no queue ${config.name}`);
    q.reconfigure(config, this.#pool);
    this.emit('acd:queue', { name: q.name, change: 'replaced' });
    this.dispatch();
    return q;
  }

  /** Removes a queue no caller is in (waiting, being offered or due a callback); false if it has callers. */
  removeQueue(name: string): boolean {
    const q = this.queues.get(name);
    if (!q) throw new Error(`no queue ${name}`);
    if (q.length || this.entries().some((e) => e.queue === q)) return false;
    this.queues.delete(name);
    this.emit('acd:queue', { name, change: 'removed' });
    return true;
  }
  entry(callId: string): QueueEntry | undefined {
    return this.#entries.get(callId);
  }
  entries(): QueueEntry[] {
    return [...this.#entries.values()];
  }

  /**
   * Puts an answered caller in a queue. Resolves with how their time in the
   * queue ended ('answered' once bridged to an agent).
   */
  async enqueue(call: Call, caller: Leg, queueName: string, opts: EnqueueOptions = {}): Promise<QueueExit> {
    const q = this.queues.get(queueName);
    if (!q) throw new Error(`no queue ${queueName}`);
    if (caller.state === 'offered') await caller.answer();
    const number = call.from ?? caller.remote;
    const boost = number ? await this.#boost(number, call) : undefined;
    let done!: (x: QueueExit) => void;
    const exit = new Promise<QueueExit>((r) => (done = r));
    const now = this.clock.now();
    const remembered = number ? this.#lastAgent.get(number) : undefined;
    const e: QueueEntry = {
      sm: entryMachine(call.id, this.clock, () => e.call.log),
      get status() {
        return this.sm.state;
      },
      id: call.id,
      seq: ++this.#seq,
      call,
      caller,
      number,
      queue: q,
      priority: (opts.priority ?? q.config.priority) + (boost ?? 0),
      arrivedAt: now,
      joinedAt: now,
      offers: new Map(),
      tried: new Set(),
      lastAgent: remembered && q.config.lastAgent && now - remembered.at <= q.config.lastAgent.rememberMs ? remembered.agent : undefined,
      announcements: [],
      media: undefined,
      timers: [],
      answeredBy: undefined,
      hops: 0,
      exit: undefined,
      done,
    };
    call.vars.queue = q.name;
    this.#entries.set(e.id, e);
    this.#watchCaller(e, caller);
    this.#join(e, q);
    return exit;
  }

  /** The customer records' priority boost; a failed look-up queues the caller normally. */
  async #boost(number: string, call: Call): Promise<number | undefined> {
    try {
      return this.o.priorityOf ? await this.o.priorityOf(number) : undefined;
    } catch (e) {
      call.log.warn({ err: (e as Error).message }, 'caller priority look-up failed');
      return undefined;
    }
  }

  /** For a queued call: who would get it next, and why. */
  explain(callId: string): Explanation | undefined {
    const e = this.#entries.get(callId);
    if (!e) return undefined;
    const q = e.queue;
    const d = this.route(e, true);
    return {
      callId,
      queue: q.name,
      status: e.status,
      position: q.position(e),
      priority: e.priority,
      waitedMs: this.clock.now() - e.arrivedAt,
      estimateMs: this.estimate(e),
      next: d.agents.map((a) => a.id),
      reason: e.status === 'waiting' || e.status === 'callback' ? d.reason : `${e.status}: ${[...e.offers.keys()].join(', ')}`,
      candidates: d.candidates,
    };
  }

  route(e: QueueEntry, explain = false): RouteDecision {
    const q = e.queue;
    return route(
      q.config,
      q.members,
      { ...(e.lastAgent ? { lastAgent: e.lastAgent } : {}), waitedMs: this.clock.now() - e.joinedAt, tried: e.tried },
      { now: this.clock.now(), lastOffered: q.lastOffered, phoneFree: (a) => this.phoneFree(a) },
      explain,
    );
  }

  /** What is broken now (empty: nothing); see the invariants at the top. */
  invariants(): string[] {
    const out: string[] = [];
    const offeredTo = new Map<string, string>();
    const inQueues = new Map<QueueEntry, number>();
    for (const q of this.queues.values()) for (const e of q.entries) inQueues.set(e, (inQueues.get(e) ?? 0) + 1);
    for (const e of this.#entries.values()) {
      if (inQueues.get(e) !== 1) out.push(`call ${e.id} is in ${inQueues.get(e) ?? 0} queues`);
      if (e.offers.size > 1 && e.queue.config.strategy !== 'ring-all')
        out.push(`call ${e.id} is offered to ${[...e.offers.keys()].join(', ')} at once`);
      if (e.status === 'offering' && e.offers.size === 0) out.push(`call ${e.id} is offering to no one`);
      for (const id of e.offers.keys()) {
        if (offeredTo.has(id)) out.push(`agent ${id} is offered ${offeredTo.get(id)} and ${e.id}`);
        offeredTo.set(id, e.id);
        const a = this.o.agents.get(id);
        if (a?.state !== 'reserved' && a?.state !== 'ringing') out.push(`agent ${id} is offered ${e.id} but is ${a?.state ?? 'unknown'}`);
      }
    }
    for (const [e, n] of inQueues) if (!this.#entries.has(e.id) && n) out.push(`call ${e.id} left but is still in a queue`);
    for (const a of this.o.agents.all()) {
      if ((a.state === 'reserved' || a.state === 'ringing') && !offeredTo.has(a.id))
        out.push(`agent ${a.id} is ${a.state} (call ${a.callId}) with no offer`);
    }
    return out;
  }

  /** The agent's phone can ring now. */
  phoneFree(a: Agent): boolean {
    if (!a.extension) return false;
    const ch = this.o.telephony.inventory.byExtension(a.extension);
    return ch !== undefined && !ch.leg && !ch.clearing && ch.lineState === 'idle';
  }

  /** Estimated ms until this caller reaches an agent. */
  estimate(e: QueueEntry): number | undefined {
    const q = e.queue;
    return estimateWaitMs({
      now: this.clock.now(),
      position: q.position(e),
      members: q.members,
      talkMs: q.talk.mean,
      wrapUpMs: q.config.wrapUpMs,
      answeredAt: (a) =>
        a.callId ? this.o.telephony.call(a.callId)?.legs.find((l) => l.channel.role.extension === a.extension)?.answeredAt : undefined,
      wrapEndsAt: (a) => a.since + q.config.wrapUpMs,
    });
  }

  /** Offers waiting callers to free agents (coalesced: runs once per turn of the event loop). */
  dispatch(): void {
    if (this.#dispatchQueued || this.#stopped) return;
    this.#dispatchQueued = true;
    queueMicrotask(() => {
      this.#dispatchQueued = false;
      this.dispatchNow();
    });
  }

  /** One pass: every waiting caller in service order (all queues), each given the agent(s) routing picks. */
  dispatchNow(): number {
    let offered = 0;
    const waiting = [...this.#entries.values()]
      .filter((e) => e.status === 'waiting' || e.status === 'callback')
      .sort((a, b) => (before(a, b) ? -1 : 1));
    const exhausted = new Set<Queue>();
    for (const e of waiting) {
      if ((e.status !== 'waiting' && e.status !== 'callback') || exhausted.has(e.queue)) continue;
      const d = this.route(e);
      if (!d.agents.length) {
        if (!e.lastAgent) exhausted.add(e.queue); // no free member: the callers behind get none either
        continue;
      }
      if (e.status === 'callback') void this.offers.callBack(e, d.agents[0]!);
      else this.offers.offer(e, d.agents);
      offered++;
    }
    return offered;
  }

  /** Remembers who served this caller (last-agent routing). */
  served(e: QueueEntry, agent: Agent): void {
    if (e.number) this.#lastAgent.set(e.number, { agent: agent.id, at: this.clock.now() });
    const q = e.queue;
    q.stats.answered++;
    q.stats.waits.push(this.clock.now() - e.arrivedAt);
    if (q.stats.waits.length > 200) q.stats.waits.shift();
  }

  /** The caller leaves the queue (answered, or for good). */
  leave(e: QueueEntry, exit: QueueExit): void {
    if (e.exit) return;
    e.exit = exit;
    e.sm.move(exit === 'answered' ? 'connected' : 'gone', `left the queue: ${exit}`);
    for (const t of e.timers) this.clock.clearTimeout(t);
    e.timers = [];
    e.queue.remove(e);
    this.#entries.delete(e.id);
    if (exit !== 'answered') {
      void e.media?.stop();
      this.offers.withdrawAll(e, `caller left (${exit})`);
    }
    if (exit === 'abandoned') e.queue.stats.abandoned++;
    e.call.vars.queueResult = exit;
    e.call.vars.queueWaitMs = this.clock.now() - e.arrivedAt;
    this.emit('acd:left', { entry: e, exit });
    e.done(exit);
    this.dispatch();
  }

  /** Plays the caller's waiting media (music, announcements) in their queue. */
  startMedia(e: QueueEntry, announce = true): void {
    if (!e.caller) return;
    const q = e.queue;
    const file = q.config.music ? (this.o.prompt?.(q.config.music) ?? q.config.music) : undefined;
    const music: PlayRequest = file ? { file, loop: true } : HOLD_TUNE;
    e.media = new WaitingMedia({
      leg: e.caller,
      clock: this.clock,
      music,
      announce: announce ? q.config.announce : undefined,
      // Already ringing an agent on arrival: no "you are number 1" that the answer would cut off.
      announceAtOnce: e.status !== 'offering',
      announcer: this.announcer,
      where: () => ({ position: e.queue.position(e), estimateMs: this.estimate(e) }),
      announced: (position, estimateMs) => e.announcements.push({ at: this.clock.now(), position, estimateMs }),
    }).start();
  }

  // ---- internals -------------------------------------------------------------------

  #join(e: QueueEntry, q: Queue): void {
    const c = q.config;
    if (c.overflow?.length !== undefined && q.length >= c.overflow.length && e.hops < 3) {
      this.#overflow(e, c.overflow.to, `${q.length} callers waiting`);
      return;
    }
    e.queue = q;
    e.joinedAt = this.clock.now();
    e.tried.clear();
    e.call.vars.queue = q.name;
    q.insert(e);
    q.stats.entered++;
    void e.media?.stop();
    this.dispatchNow(); // an agent free now: the caller is offered before any announcement starts
    if (!e.exit) this.startMedia(e);
    const at = (ms: number | undefined, f: () => void) => ms !== undefined && e.timers.push(this.clock.setTimeout(f, ms));
    at(c.overflow?.afterMs, () => this.#whenWaiting(e, () => this.#overflow(e, c.overflow!.to, `waited ${c.overflow!.afterMs} ms`)));
    // A queue naming no maximum wait still has one (0: none); from the caller's arrival in this queue.
    const maxWaitMs = c.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    at(maxWaitMs || undefined, () =>
      this.#whenWaiting(e, () => {
        q.stats.maxWait++;
        this.#overflow(e, c.overflow?.to ?? DEFAULT_OVERFLOW_TO, `maximum wait ${maxWaitMs} ms`, 'max-wait');
      }),
    );
    if (e.lastAgent && c.lastAgent) at(c.lastAgent.waitMs, () => this.dispatch());
    this.emit('acd:joined', { entry: e });
    this.dispatch();
  }

  /** Runs f once the caller is not being offered (an offer in progress finishes first). */
  #whenWaiting(e: QueueEntry, f: () => void): void {
    if (e.exit) return;
    if (e.status === 'callback') return; // a callback keeps its place until served
    if (e.status === 'waiting') f();
    else e.timers.push(this.clock.setTimeout(() => this.#whenWaiting(e, f), 1000));
  }

  #overflow(e: QueueEntry, to: string, why: string, exit: QueueExit = 'overflow'): void {
    const from = e.queue;
    from.stats.overflowed++;
    e.call.log.info({ from: from.name, to, why }, 'queue overflow');
    const next = this.queues.get(to);
    if (next && next !== from && e.hops < 3 && e.status === 'waiting') {
      e.hops++;
      for (const t of e.timers) this.clock.clearTimeout(t);
      e.timers = [];
      from.remove(e);
      this.#join(e, next);
      return;
    }
    const sink = (OVERFLOW_SINKS as readonly string[]).includes(to) ? to : DEFAULT_OVERFLOW_TO;
    e.call.vars.overflow = sink;
    const caller = e.caller;
    this.leave(e, exit);
    if (caller?.live) void this.#message(caller, sink);
  }

  /** Voicemail is a placeholder until its issue: a message (the prompt `queue-<sink>` or a tone), then goodbye. */
  async #message(caller: Leg, sink: string): Promise<void> {
    const file = this.o.prompt?.(`queue-${sink}`);
    const tone = this.o.tones('congestion');
    try {
      if (file) await caller.play({ file });
      else if (tone) {
        void caller.play({ tone }).catch(() => {});
        await this.clock.sleep(3000);
      }
      if (caller.live) await caller.hangup('normal', `queue ${sink}`);
    } catch {
      /* the caller left */
    }
  }

  #watchCaller(e: QueueEntry, caller: Leg): void {
    const digit = e.queue.config.callback?.digit;
    caller.on('leg:digit', (d: string) => {
      const cb = e.queue.config.callback?.digit ?? digit;
      if (cb && d === cb && e.caller === caller) void this.offers.acceptCallback(e);
    });
    void caller.ended.then(() => {
      if (e.caller === caller && !e.exit && e.status !== 'callback' && e.status !== 'calling-back') this.leave(e, 'abandoned');
    });
  }

  /** @internal Offers uses this to watch a callback's new leg. */
  watchCaller(e: QueueEntry, caller: Leg): void {
    this.#watchCaller(e, caller);
  }
}
