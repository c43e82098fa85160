// A call: its legs, its own state machine (which follows the leg that started
// it), and a cause when it ends. Two-party rule: when the originating leg ends,
// or a leg bridged to another ends, the others are released too; a call ends
// when its last leg has ended. The call's cause is the way it ended: a hangup
// of the whole call, else the end of its origin (the caller's leg, or the one
// a transfer handed it over to); another leg's end (a phone that rang out) is
// only the fallback. It also counts the time any of its legs spent on hold.
// Events: call:state, call:ended.
import { EventEmitter } from 'node:events';
import type { Clock } from '../native/clock.ts';
import { CtiError } from '../native/errors.ts';
import type { EnginePort } from './engine-port.ts';
import type { Leg, LegOwner } from './leg.ts';
import { channelLog, type Log } from './log.ts';
import { StateMachine } from './state-machine.ts';
import { CALL_TRANSITIONS, isLive } from './states.ts';
import type { CallState, EndCause } from './types.ts';

export type CallDirection = 'inbound' | 'outbound' | 'internal';

export interface CallContext {
  engine: EnginePort;
  clock: Clock;
  log: Log;
  callEnded(call: Call): void;
}

const IN_PROGRESS: readonly CallState[] = ['ringing', 'dialing', 'proceeding', 'alerting'];

export class Call extends EventEmitter implements LegOwner {
  readonly legs: Leg[] = [];
  readonly sm: StateMachine<CallState>;
  readonly startedAt: number;
  answeredAt: number | undefined;
  endedAt: number | undefined;
  /** the caller's number (when known) and what was called */
  from: string | undefined;
  to: string | undefined;
  /** what services noted on the call (digits collected, the route taken...) */
  readonly vars: Record<string, string | number | boolean> = {};
  #cause: EndCause | undefined;
  #detail: string | undefined;
  /** the first other leg's end: the cause when neither a hangup nor the origin gave one */
  #fallback: { cause: EndCause; detail: string | undefined } | undefined;
  #held = new Set<Leg>();
  #heldSince = 0;
  #heldMs = 0;
  #origin: Leg | undefined;
  #endedPromise: Promise<Call>;
  #resolveEnded!: (c: Call) => void;

  constructor(
    readonly id: string,
    readonly direction: CallDirection,
    private readonly ctx: CallContext,
  ) {
    super();
    // Lines about the call carry the span and channel of the leg that started it.
    const fwd: Log = {
      debug: (o, m) => this.log.debug(o, m),
      info: (o, m) => this.log.info(o, m),
      warn: (o, m) => this.log.warn(o, m),
      error: (o, m) => this.log.error(o, m),
      child: (b) => this.log.child(b),
    };
    this.sm = new StateMachine<CallState>(`call ${id}`, CALL_TRANSITIONS, 'idle', ctx.clock, fwd);
    this.startedAt = ctx.clock.now();
    this.#endedPromise = new Promise((r) => (this.#resolveEnded = r));
  }

  get state(): CallState {
    return this.sm.state;
  }
  get cause(): EndCause | undefined {
    return this.#cause;
  }
  get detail(): string | undefined {
    return this.#detail;
  }
  get live(): boolean {
    return isLive(this.state);
  }
  /** Time (ms) during which at least one leg was on hold, so far. */
  get heldMs(): number {
    return this.#heldMs + (this.#held.size ? this.ctx.clock.now() - this.#heldSince : 0);
  }
  /** Resolves with the call once it has ended. */
  get ended(): Promise<Call> {
    return this.#endedPromise;
  }
  /** Logs with span, channel (of the leg that started the call) and call id. */
  get log(): Log {
    const o = this.origin;
    return channelLog(this.ctx.log, { span: o?.channel.span ?? -1, channel: o?.channel.number ?? -1, callId: this.id });
  }

  /** The leg that started the call (or the one it was handed over to). */
  get origin(): Leg | undefined {
    return this.#origin ?? this.legs[0];
  }

  addLeg(leg: Leg): void {
    this.legs.push(leg);
  }

  /** A pickup moves a leg to another call (Telephony.moveLeg). */
  removeLeg(leg: Leg): void {
    const i = this.legs.indexOf(leg);
    if (i >= 0) this.legs.splice(i, 1);
    if (this.#origin === leg) this.#origin = undefined;
    if (this.#held.delete(leg) && !this.#held.size) this.#heldMs += this.ctx.clock.now() - this.#heldSince;
  }

  /**
   * A transfer: the call follows `leg` from now on (the party who stays), so
   * the leg that started it (the transferring agent) may leave without taking
   * the others with it.
   */
  handOver(leg: Leg): void {
    if (!this.legs.includes(leg) || this.origin === leg) return;
    this.log.info({ to: leg.id }, 'call handed over');
    this.#origin = leg;
  }

  /** Full-duplex audio between two live legs of this call. */
  async bridge(a: Leg, b: Leg): Promise<void> {
    for (const l of [a, b]) {
      if (!l.live) throw new CtiError('CTI_ERR_CANCELED', `bridge: leg ${l.id} has ended`);
      if (l.state !== 'connected') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `bridge: leg ${l.id} is ${l.state}`);
    }
    await this.ctx.engine.bridge(a.ref, b.ref);
    for (const l of [a, b]) {
      if (l.partner && l.partner !== a && l.partner !== b) l.partner.partner = undefined;
    }
    a.partner = b;
    b.partner = a;
    a.conference = b.conference = undefined;
    channelLog(this.log, { span: a.channel.span, channel: a.channel.number, callId: this.id }).info(
      { with: { span: b.channel.span, channel: b.channel.number } },
      'bridged',
    );
  }

  async unbridge(leg: Leg): Promise<void> {
    const p = leg.partner;
    if (!p) return;
    await this.ctx.engine.stop('unbridge', leg.ref);
    leg.partner = undefined;
    if (p.partner === leg) p.partner = undefined;
  }

  /** Releases every live leg; resolves when the call has ended. */
  async hangup(cause: EndCause = 'normal', detail?: string): Promise<void> {
    this.#setCause(cause, detail);
    await Promise.all(this.legs.filter((l) => l.live).map((l) => l.hangup(cause, detail)));
    this.#maybeEnd();
  }

  // ---- LegOwner -----------------------------------------------------------------

  onCallerId(leg: Leg): void {
    if (leg !== this.origin || !leg.callerId) return;
    this.from ??= leg.callerId.number;
    this.emit('call:callerid', { call: this, callerId: leg.callerId });
  }

  onLegState(leg: Leg, why: string): void {
    this.#countHold(leg);
    if (leg !== this.origin) {
      // A second leg answering makes a ringing-first call (an internal call) connected.
      if (leg.state === 'connected' && IN_PROGRESS.includes(this.state)) this.#move('connected', `leg ${leg.id} answered`);
      return;
    }
    const to = leg.state;
    if (to === 'ended' || to === 'disconnecting') {
      if (this.state !== 'ended' && this.state !== 'idle') this.#move('disconnecting', why);
      return;
    }
    this.#move(to, why);
  }

  onLegEnded(leg: Leg): void {
    if (leg === this.origin) this.#setCause(leg.cause ?? 'normal', leg.detail);
    else this.#fallback ??= { cause: leg.cause ?? 'normal', detail: leg.detail };
    const others = this.legs.filter((l) => l !== leg && l.live);
    const bridgedTo = others.filter((l) => l === leg.partnerAtEnd || l.heldPartner === leg);
    const release = leg === this.origin ? others : bridgedTo;
    for (const l of release) {
      const cause: EndCause = ['ringing', 'dialing', 'proceeding', 'alerting', 'idle'].includes(l.state) ? 'canceled' : 'remote-hangup';
      void l.hangup(cause, cause === 'canceled' ? `leg ${leg.id} ended` : 'partner left');
    }
    this.#maybeEnd();
  }

  // ---- internals ------------------------------------------------------------------

  #setCause(cause: EndCause, detail: string | undefined): void {
    if (this.#cause) return;
    this.#cause = cause;
    this.#detail = detail;
  }

  #countHold(leg: Leg): void {
    if (leg.state === 'held') {
      if (!this.#held.size) this.#heldSince = this.ctx.clock.now();
      this.#held.add(leg);
    } else if (this.#held.delete(leg) && !this.#held.size) {
      this.#heldMs += this.ctx.clock.now() - this.#heldSince;
    }
  }

  #move(to: CallState, why: string): void {
    const from = this.state;
    if (from === to || !this.sm.move(to, why)) return;
    if (to === 'connected' && this.answeredAt === undefined) this.answeredAt = this.ctx.clock.now();
    this.emit('call:state', { call: this, from, to, why });
  }

  #maybeEnd(): void {
    if (this.state === 'ended' || this.legs.length === 0 || this.legs.some((l) => l.state !== 'ended')) return;
    if (!this.#cause && this.#fallback) this.#setCause(this.#fallback.cause, this.#fallback.detail);
    if (this.state !== 'idle' && this.state !== 'disconnecting') this.#move('disconnecting', 'legs ended');
    this.#move('ended', `${this.#cause ?? 'normal'}`);
    this.endedAt = this.ctx.clock.now();
    this.log.info({ cause: this.#cause, detail: this.#detail ?? null }, 'call ended');
    this.emit('call:ended', { call: this });
    this.ctx.callEnded(this);
    this.#resolveEnded(this);
  }
}
