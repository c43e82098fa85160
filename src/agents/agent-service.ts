// The authoritative agent state: every change goes through here, is checked
// against the declared table, timestamped (engine ms and wall ms), persisted
// through the store and announced as `agent:state`. Stated invariants:
//   1. an agent is tied to at most one call (callId), and only in reserved,
//      ringing or on-call (wrap-up keeps the call id it wraps up);
//   2. an agent in reserved / ringing / on-call has a call id;
//   3. (with the ACD) a call is offered to at most one agent at a time, except
//      by a ring-all queue, and a ringing agent is reserved for that call.
// invariants() lists what is broken; reconcile() repairs agents tied to calls
// that no longer exist (after a restart, or by the periodic sweeper).
import { EventEmitter } from 'node:events';
import type { Clock, TimerHandle } from '../native/clock.ts';
import { CtiError } from '../native/errors.ts';
import type { Log } from '../telephony/log.ts';
import { Agent, type AgentAccount } from './agent.ts';
import { SYSTEM_REASONS, type AgentState } from './states.ts';
import { MemoryAgentStore, type AgentStore } from './store.ts';

export interface AgentServiceOptions {
  clock: Clock;
  log: Log;
  accounts: AgentAccount[];
  store?: AgentStore;
  /** wall ms at engine time 0 (for the timestamps of reports) */
  epochMs?: number;
  /** checks the desk-phone PIN of a database agent (one with an accountId); YAML agents use their `pin` */
  verifyPin?: (agentId: string, pin: string) => boolean | Promise<boolean>;
}

export interface AgentStateChange {
  agent: Agent;
  from: AgentState;
  to: AgentState;
  why: string;
}

/** Is the call still there, and is the agent's phone in it? (from the telephony core) */
export interface CallProbe {
  callLive(callId: string): boolean;
  agentInCall(agent: Agent, callId: string): boolean;
}

export class AgentService extends EventEmitter {
  readonly store: AgentStore;
  #agents = new Map<string, Agent>();
  #byExt = new Map<string, Agent>();
  #wrap = new Map<string, TimerHandle>();
  #epochMs: number;
  /** an agent logging in starts in 'dnd' when this says so (their extension is in DND: src/acd/dnd-link.ts) */
  dndAtLogin: ((a: Agent) => boolean) | undefined;

  constructor(private readonly o: AgentServiceOptions) {
    super();
    this.store = o.store ?? new MemoryAgentStore();
    this.#epochMs = o.epochMs ?? Date.now() - o.clock.now();
    for (const a of o.accounts) this.add(a);
  }

  add(account: AgentAccount): Agent {
    if (this.#agents.has(account.id)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `agent ${account.id} exists`);
    const agent = new Agent(account, this.o.clock, this.o.log);
    this.#agents.set(account.id, agent);
    if (account.extension) this.#byExt.set(account.extension, agent);
    return agent;
  }

  /**
   * The account changed (skills, extension, name): the agent keeps its state.
   * A new extension takes effect now; an agent whose account is gone or
   * disabled is logged out (at the end of their call) by the caller.
   */
  update(account: AgentAccount): Agent {
    const a = this.#agents.get(account.id);
    if (!a) return this.add(account);
    if (a.extension && this.#byExt.get(a.extension) === a) this.#byExt.delete(a.extension);
    a.account = account;
    if (account.extension) this.#byExt.set(account.extension, a);
    return a;
  }

  get(id: string): Agent | undefined {
    return this.#agents.get(id);
  }
  need(id: string): Agent {
    const a = this.#agents.get(id);
    if (!a) throw new CtiError('CTI_ERR_NOT_FOUND', `no agent ${id}`);
    return a;
  }
  byExtension(ext: string): Agent | undefined {
    return this.#byExt.get(ext);
  }
  all(): Agent[] {
    return [...this.#agents.values()];
  }

  // ---- what agents (API, desk phone) do -------------------------------------------

  async verifyPin(id: string, pin: string): Promise<boolean> {
    const a = this.#agents.get(id);
    if (!a) return false;
    if (a.account.accountId !== undefined) return this.o.verifyPin ? await this.o.verifyPin(id, pin) : false;
    return a.account.pin !== undefined && a.account.pin === pin;
  }

  login(id: string, opts: { ready?: boolean } = {}): Agent {
    const a = this.need(id);
    if (a.state !== 'logged-out') return a;
    a.missed = 0;
    if (this.dndAtLogin?.(a)) this.#move(a, 'dnd', 'login: the extension is in do not disturb');
    else if (opts.ready === false) this.#move(a, 'not-ready', 'login', { reason: SYSTEM_REASONS.login });
    else this.#move(a, 'ready', 'login');
    return a;
  }

  /** Logs out now, or when the call the agent is on is over. */
  logout(id: string): Agent {
    const a = this.need(id);
    if (a.busy) a.pending = { state: 'logged-out' };
    else this.#move(a, 'logged-out', 'logout');
    return a;
  }

  ready(id: string): Agent {
    const a = this.need(id);
    if (a.state === 'logged-out') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `agent ${id} is logged out`);
    if (a.busy) a.pending = undefined;
    else {
      a.missed = 0;
      this.#move(a, 'ready', 'agent ready');
    }
    return a;
  }

  notReady(id: string, reason: string): Agent {
    const a = this.need(id);
    if (a.state === 'logged-out') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `agent ${id} is logged out`);
    if (a.busy) a.pending = { state: 'not-ready', reason };
    else this.#move(a, 'not-ready', 'agent not ready', { reason });
    return a;
  }

  dnd(id: string, on: boolean): Agent {
    const a = this.need(id);
    if (!on) return a.state === 'dnd' ? this.ready(id) : a;
    if (a.busy) a.pending = { state: 'dnd' };
    else this.#move(a, 'dnd', 'do not disturb');
    return a;
  }

  /** Desk phone *13: ready <-> not-ready (wrap-up counts as not ready: it ends it). */
  toggle(id: string, reason = 'break'): Agent {
    const a = this.need(id);
    return a.state === 'ready' || (a.busy && !a.pending) ? this.notReady(id, reason) : this.ready(id);
  }

  // ---- what the ACD does ---------------------------------------------------------

  /** ready -> reserved for a call. false when the agent is not free. */
  reserve(id: string, callId: string, queue: string): boolean {
    const a = this.need(id);
    if (a.state !== 'ready') return false;
    return this.#move(a, 'reserved', `reserved for ${callId}`, { callId, queue });
  }

  ringing(id: string, callId: string): void {
    const a = this.need(id);
    if (a.state === 'reserved' && a.callId === callId) this.#move(a, 'ringing', 'phone rings');
  }

  answered(id: string, callId: string): void {
    const a = this.need(id);
    if (a.callId !== callId || (a.state !== 'ringing' && a.state !== 'reserved')) {
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `agent ${id} is ${a.state} (call ${a.callId ?? 'none'}), not offered ${callId}`);
    }
    a.missed = 0;
    a.answered++;
    this.#move(a, 'on-call', 'answered');
  }

  /** The offer was withdrawn (caller left, another agent answered first, ring failed): free again. */
  withdraw(id: string, callId: string, why: string): void {
    const a = this.need(id);
    if (a.callId !== callId || (a.state !== 'reserved' && a.state !== 'ringing')) return;
    this.#afterCall(a, why);
  }

  /** Ring timeout: counts a miss; after `maxMissed` in a row the agent is set not-ready. */
  missed(id: string, callId: string, maxMissed: number): void {
    const a = this.need(id);
    if (a.callId !== callId || (a.state !== 'reserved' && a.state !== 'ringing')) return;
    a.missed++;
    if (maxMissed > 0 && a.missed >= maxMissed) {
      a.pending = undefined;
      this.#move(a, 'not-ready', `missed ${a.missed} offers`, { reason: SYSTEM_REASONS.missed });
    } else this.#afterCall(a, 'ring timeout');
  }

  /** The agent's call is over: wrap-up for `wrapUpMs` (of the call's queue), then ready (or what they asked for). */
  callEnded(id: string, callId: string, wrapUpMs: number): void {
    const a = this.need(id);
    if (a.callId !== callId || a.state !== 'on-call') return;
    if (wrapUpMs <= 0) {
      this.#afterCall(a, 'call ended');
      return;
    }
    this.#move(a, 'wrap-up', 'call ended', { callId, queue: a.queue });
    const t = this.o.clock.setTimeout(() => {
      this.#wrap.delete(a.id);
      if (a.state === 'wrap-up') this.#afterCall(a, 'wrap-up over');
    }, wrapUpMs);
    this.#wrap.set(a.id, t);
  }

  // ---- the desk phone's own calls ----------------------------------------------------

  /**
   * The agent's desk phone carries a call that is no queue offer of theirs (an
   * internal call, a direct call to the extension, click-to-dial): on-call
   * (queue null) until phoneCallEnded(); what they were (not-ready with its
   * reason, dnd) comes back after it. A wrap-up in progress ends here.
   */
  phoneCall(id: string, callId: string): void {
    const a = this.need(id);
    if (a.state === 'logged-out' || a.state === 'reserved' || a.state === 'ringing') return;
    if (a.state === 'on-call') {
      if (a.queue === null && a.callId !== callId) this.#move(a, 'on-call', 'the phone is in another call', { callId });
      return;
    }
    const was = a.state;
    a.pending =
      was === 'not-ready' ? { state: 'not-ready', reason: a.reason ?? SYSTEM_REASONS.login } : was === 'dnd' ? { state: 'dnd' } : undefined;
    const t = this.#wrap.get(a.id);
    if (t) this.o.clock.clearTimeout(t);
    this.#wrap.delete(a.id);
    if (!this.#move(a, 'on-call', 'the desk phone is on a call (not a queue call)', { callId, queue: null })) a.pending = undefined;
  }

  /** The desk phone's own call (phoneCall) is over: no wrap-up; back to what the agent was or asked for. */
  phoneCallEnded(id: string, callId: string): void {
    const a = this.need(id);
    if (a.state !== 'on-call' || a.queue !== null || a.callId !== callId) return;
    this.#afterCall(a, 'the desk phone call ended');
  }

  // ---- invariants and reconciliation ------------------------------------------------

  /** What is broken now (empty: nothing). */
  invariants(probe?: CallProbe): string[] {
    const out: string[] = [];
    const byCall = new Map<string, Agent[]>();
    for (const a of this.#agents.values()) {
      if (a.busy && !a.callId) out.push(`agent ${a.id} is ${a.state} with no call`);
      if (!a.busy && a.state !== 'wrap-up' && a.callId) out.push(`agent ${a.id} is ${a.state} but tied to call ${a.callId}`);
      if (a.state === 'not-ready' && !a.reason) out.push(`agent ${a.id} is not-ready with no reason`);
      if (a.busy && a.callId) {
        byCall.set(a.callId, [...(byCall.get(a.callId) ?? []), a]);
        if (probe && !probe.callLive(a.callId)) out.push(`agent ${a.id} is ${a.state} on call ${a.callId}, which has ended`);
        if (probe && a.state === 'on-call' && !probe.agentInCall(a, a.callId))
          out.push(`agent ${a.id} is on-call but their phone is not in call ${a.callId}`);
      }
    }
    for (const [callId, list] of byCall) {
      if (list.filter((a) => a.state === 'on-call').length > 1)
        out.push(`call ${callId} is on-call with ${list.map((a) => a.id).join(', ')}`);
    }
    return out;
  }

  /** Frees every agent tied to a call that is gone; returns the agents repaired. */
  reconcile(probe: CallProbe, why = 'no such call on the board'): Agent[] {
    const fixed: Agent[] = [];
    for (const a of this.#agents.values()) {
      const stale = a.busy && (!a.callId || !probe.callLive(a.callId) || (a.state === 'on-call' && !probe.agentInCall(a, a.callId)));
      const lostWrap = a.state === 'wrap-up' && !this.#wrap.has(a.id);
      if (!stale && !lostWrap) continue;
      this.#afterCall(a, `${SYSTEM_REASONS.reconciled}: ${why}`);
      fixed.push(a);
      this.o.log.warn({ agent: a.id, callId: a.callId }, `agent ${a.id} reconciled (${why})`);
    }
    return fixed;
  }

  /**
   * Takes the persisted states back (after a restart), through legal moves so
   * the history says what happened; busy agents come back tied to their old
   * call, and reconcile() then frees those whose call the board no longer has.
   */
  async restore(): Promise<void> {
    for (const s of await this.store.loadStatuses()) {
      const a = this.#agents.get(s.agentId);
      if (!a || s.state === 'logged-out' || a.state !== 'logged-out') continue;
      if (s.state === 'not-ready') {
        this.#move(a, 'not-ready', 'restored', { reason: s.reason ?? SYSTEM_REASONS.login });
        continue;
      }
      this.#move(a, 'ready', 'restored');
      if (s.state === 'dnd') this.#move(a, 'dnd', 'restored');
      if (s.state === 'ready' || s.state === 'dnd') continue;
      const tie = { callId: s.callId, queue: s.queue };
      this.#move(a, 'reserved', 'restored', tie);
      if (s.state === 'ringing') this.#move(a, 'ringing', 'restored', tie);
      if (s.state === 'on-call' || s.state === 'wrap-up') this.#move(a, 'on-call', 'restored', tie);
      if (s.state === 'wrap-up') this.#move(a, 'wrap-up', 'restored (its timer is lost)', tie);
    }
  }

  stop(): void {
    for (const t of this.#wrap.values()) this.o.clock.clearTimeout(t);
    this.#wrap.clear();
  }

  // ---- internals ---------------------------------------------------------------------

  /** After a call or an offer: what the agent asked for meanwhile, else ready. */
  #afterCall(a: Agent, why: string): void {
    const t = this.#wrap.get(a.id);
    if (t) this.o.clock.clearTimeout(t);
    this.#wrap.delete(a.id);
    const p = a.pending;
    a.pending = undefined;
    if (p?.state === 'not-ready') this.#move(a, 'not-ready', why, { reason: p.reason });
    else if (p?.state === 'logged-out') this.#move(a, 'logged-out', why);
    else if (p?.state === 'dnd') this.#move(a, 'dnd', why);
    else this.#move(a, 'ready', why);
  }

  #move(a: Agent, to: AgentState, why: string, extra: { reason?: string; callId?: string | null; queue?: string | null } = {}): boolean {
    const from = a.state;
    const reason = to === 'not-ready' ? (extra.reason ?? a.reason ?? 'not-ready') : null;
    if (from === to && reason === a.reason && extra.callId === undefined) return true;
    if (from !== to && !a.sm.move(to, why)) return false;
    a.reason = reason;
    if (to === 'reserved' || to === 'ringing' || to === 'on-call' || to === 'wrap-up') {
      if (extra.callId !== undefined) a.callId = extra.callId;
      if (extra.queue !== undefined) a.queue = extra.queue;
    } else {
      a.callId = null;
      a.queue = null;
    }
    if (to === 'ready' && from !== 'ready') a.idleSince = this.o.clock.now();
    this.#record(a, from, to, why);
    this.emit('agent:state', { agent: a, from, to, why } satisfies AgentStateChange);
    return true;
  }

  #record(a: Agent, from: AgentState, to: AgentState, why: string): void {
    const at = this.o.clock.now();
    a.since = at;
    const quiet = (p: void | Promise<void>) => {
      if (p) p.catch((e: unknown) => this.o.log.error({ agent: a.id, err: (e as Error).message }, 'agent store write failed'));
    };
    quiet(
      this.store.appendEvent({
        agentId: a.id,
        from,
        to,
        reason: a.reason,
        why,
        at,
        wallMs: this.#epochMs + at,
        callId: a.callId,
        queue: a.queue,
      }),
    );
    quiet(this.store.saveStatus({ agentId: a.id, state: to, reason: a.reason, since: at, callId: a.callId, queue: a.queue }));
  }
}
