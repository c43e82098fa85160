// Offering a queued call to agents: reserve, ring with the caller's number,
// the first answer wins (a second answer in the same frame is hung up and its
// agent freed), ring timeout counts a miss and tries the next agent; and the
// queue callback: the caller hangs up keeping their place, and when their turn
// comes an agent is reserved and the caller's number is dialled, once.
import type { Agent } from '../agents/agent.ts';
import type { TimerHandle } from '../native/clock.ts';
import type { Call } from '../telephony/call.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Acd, AcdOptions } from './acd.ts';
import type { QueueEntry } from './queue.ts';

/** ms between the caller's media stopping and the bridge: the line's echo path (a few ms) plus a frame */
export const ECHO_GUARD_MS = 40;

export class Offers {
  #ringTimers = new Map<QueueEntry, TimerHandle>();
  /** callback dial attempts per entry: never more than one */
  readonly dialled = new Map<string, number>();

  constructor(
    private readonly acd: Acd,
    private readonly o: AcdOptions,
  ) {}

  offer(e: QueueEntry, agents: Agent[]): void {
    const q = e.queue;
    const callId = e.call.id;
    const taken = agents.filter((a) => this.o.agents.reserve(a.id, callId, q.name));
    if (!taken.length) return;
    if (!e.sm.move('offering', `offered to ${taken.map((a) => a.id).join(', ')}`)) {
      for (const a of taken) this.o.agents.withdraw(a.id, callId, `the call is ${e.status}`);
      return;
    }
    q.lastOffered = q.members.indexOf(taken[0]!);
    for (const a of taken) e.offers.set(a.id, undefined);
    this.#ringTimers.set(
      e,
      this.acd.clock.setTimeout(() => this.#ringTimeout(e), q.config.ringTimeoutMs),
    );
    this.acd.emit('acd:offered', { entry: e, agents: taken.map((a) => a.id) });
    for (const a of taken) void this.#ring(e, a);
  }

  /**
   * A desk phone's *8 (pickup) for a call this ACD is offering: `ext` the
   * ringing extension (none: the call offered longest). undefined when no
   * offer rings there (not an ACD call: the plain pickup applies). A queue
   * call goes only to a ready agent of that queue at the picking phone, who
   * then has it exactly as if their own phone had rung (their state, the
   * queue's wrap-up, the record's agent); anyone else is refused.
   */
  pickup(by: Leg, ext?: string): 'picked' | 'refused' | undefined {
    const e = this.#offerRinging(ext)?.entry;
    if (!e) return undefined;
    const byExt = by.channel.role.extension;
    const agent = byExt ? this.o.agents.byExtension(byExt) : undefined;
    const call = e.call;
    if (!agent || !e.queue.members.includes(agent) || !e.caller?.live || !this.o.agents.reserve(agent.id, call.id, e.queue.name)) {
      call.log.info({ by: byExt ?? by.id, agent: agent?.id ?? null, state: agent?.state ?? null }, 'pickup of a queue call refused');
      return 'refused';
    }
    this.o.telephony.moveLeg(by, call);
    call.vars.pickedUpBy = byExt!;
    call.vars.pickedUpAtMs = this.acd.clock.now();
    e.offers.set(agent.id, by);
    void by.ended.then(() => this.#agentLegEnded(e, agent, by, call));
    this.#answered(e, agent, by);
    return 'picked';
  }

  /**
   * Whether the phone of extension `byExt` may pick up the queue offer ringing
   * at `ext` (none: the one offered longest), by pickup()'s rule, without
   * taking it: undefined when no queue offer rings there.
   */
  pickable(byExt: string, ext?: string): { ok: true; callId: string; ext: string } | { ok: false; why: string } | undefined {
    const hit = this.#offerRinging(ext, byExt);
    if (!hit) return undefined;
    const e = hit.entry;
    const agent = this.o.agents.byExtension(byExt);
    if (!agent || !e.queue.members.includes(agent)) return { ok: false, why: `extension ${byExt} has no agent of queue ${e.queue.name}` };
    if (agent.state !== 'ready') return { ok: false, why: `agent ${agent.id} is ${agent.state}, not ready` };
    if (!e.caller?.live) return { ok: false, why: 'the caller has left' };
    return { ok: true, callId: e.call.id, ext: hit.ext };
  }

  /** The queue entry whose offer rings at `ext` (at any extension but `not`, when none is given), and where it rings. */
  #offerRinging(ext: string | undefined, not?: string): { entry: QueueEntry; ext: string } | undefined {
    const ringingAt = (leg: Leg | undefined) =>
      leg?.state === 'ringing' && (ext === undefined ? leg.channel.role.extension !== not : leg.channel.role.extension === ext);
    for (const entry of this.acd.entries()) {
      if (entry.status !== 'offering' || entry.answeredBy !== undefined) continue;
      const leg = [...entry.offers.values()].find(ringingAt);
      if (leg) return { entry, ext: leg.channel.role.extension ?? '' };
    }
    return undefined;
  }

  /** Frees every agent offered this call (the caller left, overflowed...). */
  withdrawAll(e: QueueEntry, why: string): void {
    this.#clearRing(e);
    for (const [id, leg] of e.offers) {
      this.o.agents.withdraw(id, e.call.id, why);
      if (leg?.state === 'ringing') void leg.stopRinging('canceled').catch(() => {});
    }
    e.offers.clear();
  }

  async #ring(e: QueueEntry, a: Agent): Promise<void> {
    const call = e.call;
    let leg: Leg;
    try {
      leg = await this.o.telephony.ring(a.extension!, { call, ...(e.number ? { callerId: e.number } : {}) });
    } catch (err) {
      call.log.warn({ agent: a.id, err: (err as Error).message }, 'agent phone could not ring');
      this.o.agents.withdraw(a.id, call.id, 'ring failed');
      this.#offerGone(e, a.id);
      return;
    }
    if (!e.offers.has(a.id) || e.status !== 'offering' || e.call !== call) {
      if (leg.state === 'ringing') void leg.stopRinging('canceled').catch(() => {});
      return;
    }
    e.offers.set(a.id, leg);
    this.o.agents.ringing(a.id, call.id);
    leg.on('leg:state', ({ to }: { to: string }) => {
      if (to === 'connected') this.#answered(e, a, leg);
    });
    void leg.ended.then(() => this.#agentLegEnded(e, a, leg, call));
    if (leg.state === 'connected') this.#answered(e, a, leg);
  }

  /** Synchronous, in the event that says the phone went off hook: the first one wins. */
  #answered(e: QueueEntry, a: Agent, leg: Leg): void {
    const call = e.call;
    if (e.status !== 'offering' || e.answeredBy !== undefined || !e.offers.has(a.id) || !e.caller?.live) {
      call.log.info({ agent: a.id, winner: e.answeredBy ?? null }, 'answered too late: released');
      e.offers.delete(a.id);
      this.o.agents.withdraw(a.id, call.id, 'another agent answered first');
      void leg.hangup('canceled', 'answered elsewhere').catch(() => {});
      return;
    }
    e.answeredBy = a.id;
    this.#clearRing(e);
    this.o.agents.answered(a.id, call.id);
    for (const [id, other] of e.offers) {
      if (id === a.id) continue;
      this.o.agents.withdraw(id, call.id, `answered by ${a.id}`);
      if (other?.state === 'ringing') void other.stopRinging('canceled').catch(() => {});
    }
    for (const id of [...e.offers.keys()]) if (id !== a.id) e.offers.delete(id);
    const caller = e.caller;
    void this.#connect(e, caller, leg);
    this.acd.served(e, a);
    call.vars.agent = a.id;
    this.acd.emit('acd:answered', { entry: e, agent: a.id });
    this.acd.leave(e, 'answered');
  }

  /**
   * Music or announcement off in the next frame; the bridge a guard time later,
   * once the line's echo of the last frames sent to the caller has died out
   * (the agent would hear it otherwise). 40 ms: no one hears that as dead air.
   */
  async #connect(e: QueueEntry, caller: Leg, leg: Leg): Promise<void> {
    try {
      await e.media?.stop();
      // "Agent 2001 at your service", to the caller alone; the agent hears silence meanwhile.
      if (e.queue.config.announceAgent && e.answeredBy !== undefined && caller.live) {
        for (const req of this.acd.announcer.agent(e.answeredBy)) if (caller.live) await caller.play(req).catch(() => undefined);
      }
      await this.acd.clock.sleep(ECHO_GUARD_MS);
      if (caller.live && leg.live && caller.state === 'connected' && leg.state === 'connected') await e.call.bridge(caller, leg);
    } catch (err) {
      e.call.log.warn({ err: (err as Error).message }, 'bridge to agent failed');
    }
  }

  #agentLegEnded(e: QueueEntry, a: Agent, leg: Leg, call: Call): void {
    const agent = this.o.agents.get(a.id)!;
    if (agent.callId === call.id) {
      if (agent.state === 'on-call') {
        if (leg.answeredAt !== undefined) e.queue.talk.add(this.acd.clock.now() - leg.answeredAt);
        this.o.agents.callEnded(a.id, call.id, e.queue.config.wrapUpMs);
      } else this.o.agents.withdraw(a.id, call.id, `phone leg ended (${leg.cause ?? 'normal'})`);
    }
    if (e.call === call) this.#offerGone(e, a.id);
  }

  /** One agent's offer is over without an answer: when none is left, the caller waits again. */
  #offerGone(e: QueueEntry, agentId: string): void {
    e.offers.delete(agentId);
    if (e.status === 'offering' && e.offers.size === 0 && !e.exit) {
      this.#clearRing(e);
      e.sm.move('waiting', 'no offer left');
      if (!e.media || e.media.stopped) this.acd.startMedia(e);
    }
    this.acd.dispatch();
  }

  #ringTimeout(e: QueueEntry): void {
    this.#ringTimers.delete(e);
    if (e.status !== 'offering' || e.answeredBy) return;
    const q = e.queue;
    for (const [id, leg] of e.offers) {
      e.tried.add(id);
      this.o.agents.missed(id, e.call.id, q.config.maxMissed);
      if (leg?.state === 'ringing') void leg.stopRinging('no-answer').catch(() => {});
    }
    e.offers.clear();
    e.sm.move('waiting', 'ring timeout');
    if (!e.media || e.media.stopped) this.acd.startMedia(e);
    this.acd.dispatch();
  }

  #clearRing(e: QueueEntry): void {
    const t = this.#ringTimers.get(e);
    if (t) this.acd.clock.clearTimeout(t);
    this.#ringTimers.delete(e);
  }

  // ---- queue callback ---------------------------------------------------------------

  /** The caller pressed the callback digit: confirm, hang up, keep the place. */
  async acceptCallback(e: QueueEntry): Promise<void> {
    const caller = e.caller;
    if (!caller?.live || e.status !== 'waiting' || !e.number) return;
    if (!e.sm.move('callback', 'callback requested')) return;
    e.queue.stats.callbacks++;
    e.call.vars.callback = e.number;
    e.caller = undefined;
    await e.media?.stop();
    e.media = undefined;
    e.call.log.info({ number: e.number }, 'queue callback requested: the caller keeps their place');
    try {
      await caller.play({ digits: 'C', onMs: 80, offMs: 80 });
      await this.acd.clock.sleep(300);
    } catch {
      /* the caller hung up first: fine */
    }
    if (caller.live) await caller.hangup('normal', 'queue callback requested').catch(() => {});
  }

  /** Their turn: reserve the agent, dial the caller once, then ring the agent. */
  async callBack(e: QueueEntry, a: Agent): Promise<void> {
    const q = e.queue;
    const call = this.o.telephony.newCall('outbound');
    // The same contact: what the caller keyed in the IVR goes with the callback (its record, the agent's screen pop).
    Object.assign(call.vars, e.call.vars, { callbackFor: e.id, queue: q.name });
    if (!this.o.agents.reserve(a.id, call.id, q.name)) return;
    if (!e.sm.move('calling-back', `calling back for ${a.id}`)) {
      this.o.agents.withdraw(a.id, call.id, `the call is ${e.status}`);
      return;
    }
    e.offers.set(a.id, undefined);
    this.dialled.set(e.id, (this.dialled.get(e.id) ?? 0) + 1);
    let outcome;
    try {
      outcome = await this.o.telephony.dial(e.number!, { call });
    } catch (err) {
      // No free line: nothing was dialled; the agent is freed and the turn comes again.
      this.dialled.set(e.id, this.dialled.get(e.id)! - 1);
      call.log.warn({ err: (err as Error).message }, 'callback could not dial');
      e.offers.delete(a.id);
      this.o.agents.withdraw(a.id, call.id, 'callback: no line');
      if (!e.exit) e.sm.move('callback', 'callback: no line');
      await call.hangup('failed').catch(() => {});
      if (!e.exit) e.timers.push(this.acd.clock.setTimeout(() => this.acd.dispatch(), 5000));
      return;
    }
    e.offers.delete(a.id);
    if (outcome.result !== 'answered' || e.exit) {
      this.o.agents.withdraw(a.id, call.id, `callback ${outcome.result}`);
      call.vars.callbackResult = outcome.result;
      if (call.live) await call.hangup(outcome.result === 'answered' ? 'normal' : 'failed').catch(() => {});
      this.acd.leave(e, e.exit ?? 'callback-failed');
      return;
    }
    call.from = e.number;
    e.call = call;
    e.caller = outcome.leg;
    this.acd.watchCaller(e, outcome.leg);
    this.acd.startMedia(e, false);
    // The agent reserved for this turn is offered it (a ring timeout puts the caller back in line).
    this.o.agents.withdraw(a.id, call.id, 'callback answered');
    e.sm.move('waiting', 'callback answered');
    e.lastAgent = a.id;
    if (this.o.agents.get(a.id)?.state === 'ready') this.offer(e, [a]);
    else this.acd.dispatch();
  }
}
