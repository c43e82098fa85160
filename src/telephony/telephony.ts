// The telephony service: routes the engine's events to the legs on their
// channels, creates calls for what arrives (a line rings, a phone goes off
// hook), places legs (dial out, ring a phone), keeps a record of every call,
// and tidies channels up (busy tone, then the off-hook warning, to a phone
// left off hook; legs lost to a span alarm or a board reset), and keeps the
// phones' message-waiting state (stutter dial tone, the FSK MWI lamp). Everything it waits for reads one clock.
//
// Events: call:offered {call, leg}, call:ended {call, record}; span:alarm
// {board, span, alarms, status} (alarm bits as span:alarm carries them, 0 =
// cleared; status: alarms and counters when the engine has them), span:dchan
// {board, span, up} (ISDN PRI D channel); leg:created {leg}.
import { EventEmitter } from 'node:events';
import type { Clock, TimerHandle } from '../native/clock.ts';
import { CtiError } from '../native/errors.ts';
import { Call, type CallContext, type CallDirection } from './call.ts';
import { callRecord, MemoryCallRecords, type CallRecord, type CallRecordRepository } from './call-records.ts';
import { Conference } from './conference.ts';
import { checkNumber, runDial, type DialClassification } from './dial.ts';
import { simpleTones, type CallerIdSender, type ChannelRef, type EnginePort, type NativeEvent, type ToneSource } from './engine-port.ts';
import type { ChannelMirror, Inventory } from './inventory.ts';
import { Leg, type LegContext } from './leg.ts';
import { channelLog, silentLog, type Log } from './log.ts';
import { TrackedEngine } from './tracked-engine.ts';
import { DEFAULT_TIMINGS, type DialOptions, type Direction, type RingOptions, type TelephonyTimings } from './types.ts';

export interface TelephonyOptions {
  engine: EnginePort;
  inventory: Inventory;
  /** default: the engine's clock */
  clock?: Clock;
  log?: Log;
  timings?: Partial<TelephonyTimings>;
  tones?: ToneSource;
  callerId?: CallerIdSender;
  records?: CallRecordRepository;
  /** the engine has a tone plan (call-progress and busy-tone supervision need one) */
  toneDetection?: boolean;
  /** wall-clock ms at engine time 0, for call records */
  epochMs?: number;
  /** call id generator */
  ids?: () => string;
  /** FXO lines that dial by pulses (10 pps) unless a dial says otherwise */
  pulseDialling?: (ch: ChannelRef) => boolean;
  /** FXS ports that send caller ID before the first ring (ETSI) unless a ring says otherwise */
  callerIdTiming?: (ch: ChannelRef) => RingOptions['callerIdTiming'];
  /** the FSK message-waiting burst (src/native/callerid.ts messageWaitingBurst); without one, the lamp is not driven */
  mwiBurst?: (on: boolean) => Int16Array;
}

export interface DialOutcome extends DialClassification {
  call: Call;
  leg: Leg;
}

export class Telephony extends EventEmitter {
  readonly engine: TrackedEngine;
  readonly inventory: Inventory;
  readonly clock: Clock;
  readonly log: Log;
  readonly timings: TelephonyTimings;
  readonly records: CallRecordRepository;
  readonly calls = new Map<string, Call>();
  readonly conferences = new Map<number, Conference>();
  #legCtx: LegContext;
  #callCtx: CallContext;
  #epochMs: number;
  #ids: () => string;
  #legSeq = new Map<string, number>();
  #confSeq = 0;
  #clearing = new Map<ChannelMirror, TimerHandle>();
  /** phones whose ringing was stopped unanswered, and when: a lift just after is a late answer, not a new call */
  #ringStopped = new Map<ChannelMirror, number>();
  #saving = new Set<Promise<void>>();
  #listener = (e: NativeEvent) => this.#onEvent(e);
  #mwiBurst: ((on: boolean) => Int16Array) | undefined;
  /** extensions with messages waiting (stutter dial tone, lamp on) */
  #waiting = new Set<string>();
  /** phones whose lamp is to be set once they are idle */
  #mwiPending = new Set<ChannelMirror>();
  #started = false;

  constructor(opts: TelephonyOptions) {
    super();
    this.engine = new TrackedEngine(opts.engine);
    this.inventory = opts.inventory;
    this.clock = opts.clock ?? opts.engine.clock;
    this.log = opts.log ?? silentLog;
    this.timings = { ...DEFAULT_TIMINGS, ...opts.timings };
    this.records = opts.records ?? new MemoryCallRecords();
    this.#epochMs = opts.epochMs ?? Date.now() - this.clock.now();
    this.#mwiBurst = opts.mwiBurst;
    let n = 0;
    const prefix = Date.now().toString(36);
    this.#ids = opts.ids ?? (() => `${prefix}-${++n}`);
    this.#legCtx = {
      engine: this.engine,
      clock: this.clock,
      log: this.log,
      timings: this.timings,
      tones: opts.tones ?? simpleTones,
      ...(opts.callerId ? { callerId: opts.callerId } : {}),
      toneDetection: opts.toneDetection ?? false,
      ...(opts.pulseDialling ? { pulseDialling: opts.pulseDialling } : {}),
      ...(opts.callerIdTiming ? { callerIdTiming: opts.callerIdTiming } : {}),
      legEnded: (leg) => this.#legEnded(leg),
    };
    this.#callCtx = { engine: this.engine, clock: this.clock, log: this.log, callEnded: (c) => this.#callEnded(c) };
  }

  /** Starts following the engine's events. */
  start(): this {
    if (!this.#started) this.engine.on('event', this.#listener);
    this.#started = true;
    return this;
  }

  /** Hangs every call up (cause `shutdown`) and waits for their records. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.calls.values()].map((c) => c.hangup('shutdown')));
    for (const [ch, t] of this.#clearing) {
      this.clock.clearTimeout(t);
      ch.clearing = false;
    }
    this.#clearing.clear();
    await Promise.all([...this.#saving]);
    this.engine.off('event', this.#listener);
    this.#started = false;
  }

  /** Stepped clock: resolves once the call layer has reacted to everything the engine reported. */
  async settled(): Promise<void> {
    await this.engine.settled();
    await Promise.all([...this.#saving]);
  }

  call(id: string): Call | undefined {
    return this.calls.get(id);
  }

  /** A new call with no legs yet (services add legs with dial() and ring()). */
  newCall(direction: CallDirection): Call {
    const call = new Call(this.#ids(), direction, this.#callCtx);
    this.calls.set(call.id, call);
    return call;
  }

  /** Calls out on `line` (or the first free FXO line / E1 timeslot) and classifies the far end. */
  async dial(number: string, opts: DialOptions & { line?: ChannelRef; call?: Call } = {}): Promise<DialOutcome> {
    checkNumber(number);
    const ch = opts.line ? this.inventory.channel(opts.line) : this.inventory.trunks().find((c) => this.#free(c));
    if (!ch) {
      if (opts.line) throw new CtiError('CTI_ERR_NO_SUCH_CHANNEL', `dial: no channel ${opts.line.board}/${opts.line.channel}`);
      throw new CtiError('CTI_ERR_BUSY', 'dial: no free line');
    }
    if (ch.kind !== 'fxo' && ch.kind !== 'e1') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `dial: ${ch.label} is not a line`);
    if (!this.#free(ch)) throw new CtiError('CTI_ERR_BUSY', `dial: ${ch.label} is ${ch.leg ? 'in a call' : ch.lineState}`);
    const call = opts.call ?? this.newCall('outbound');
    if (call.direction !== 'inbound') call.to ??= number; // an inbound call's `to` is what its caller called
    if (opts.callerId) call.from ??= opts.callerId;
    const leg = this.#newLeg(call, ch, 'outbound');
    if (opts.callerId) leg.callerId = { number: opts.callerId };
    const c = await runDial(leg, number, opts, this.#legCtx);
    return { ...c, call, leg };
  }

  /** Rings a phone (by extension or port), with caller ID. Resolves once it rings. */
  async ring(target: string | ChannelRef, opts: RingOptions & { call?: Call } = {}): Promise<Leg> {
    const ch = typeof target === 'string' ? this.inventory.byExtension(target) : this.inventory.channel(target);
    const name = typeof target === 'string' ? `extension ${target}` : `channel ${target.board}/${target.channel}`;
    if (!ch) throw new CtiError('CTI_ERR_NO_SUCH_CHANNEL', `ring: no ${name}`);
    if (ch.kind !== 'fxs') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `ring: ${ch.label} is not a phone port`);
    if (!this.#free(ch)) throw new CtiError('CTI_ERR_BUSY', `ring: ${name} is busy (${ch.leg ? 'in a call' : ch.lineState})`);
    const call = opts.call ?? this.newCall('internal');
    if (call.direction !== 'inbound') call.to ??= ch.role.extension;
    const leg = this.#newLeg(call, ch, 'outbound');
    // An ISDN caller who restricted presentation: whoever rings, the number is not shown.
    const withheld = call.legs.some((l) => l !== leg && l.direction === 'inbound' && l.presentation === 'restricted');
    await leg.startRinging(withheld ? { ...opts, callerIdWithheld: 'private' } : opts);
    return leg;
  }

  /**
   * Messages are waiting (or no longer) for an extension: its phone hears
   * stutter dial tone when lifted, and its lamp is switched by an FSK
   * message-waiting message (type 0x82) sent without ringing once the phone is
   * idle (at once if it is).
   */
  async setMessageWaiting(extension: string, on: boolean): Promise<void> {
    const ch = this.inventory.byExtension(extension);
    if (!ch || ch.kind !== 'fxs') throw new CtiError('CTI_ERR_NO_SUCH_CHANNEL', `setMessageWaiting: no phone at extension ${extension}`);
    if (on) this.#waiting.add(extension);
    else this.#waiting.delete(extension);
    if (!this.#mwiBurst) return;
    this.#mwiPending.add(ch);
    if (this.#free(ch)) await this.#sendMwi(ch);
  }

  /** Whether messages are waiting for an extension. */
  messageWaiting(extension: string): boolean {
    return this.#waiting.has(extension);
  }

  /**
   * Moves a live leg into another call (a pickup: the phone that picked up
   * joins the ringing call). The call it leaves is dropped without a record
   * when it has no legs left (it only carried the pickup's feature code).
   */
  moveLeg(leg: Leg, to: Call): void {
    const from = leg.call as Call;
    if (from === to) return;
    from.removeLeg(leg);
    leg.call = to;
    to.addLeg(leg);
    if (from.legs.length === 0) {
      this.calls.delete(from.id);
      this.#legSeq.delete(from.id);
    }
    leg.log.info({ from: from.id, to: to.id }, 'leg moved to another call');
  }

  /** A new conference; add legs to it. */
  conference(): Conference {
    const id = ++this.#confSeq;
    const c = new Conference(id, this.engine, this.log, (x) => this.conferences.delete(x.id));
    this.conferences.set(id, c);
    return c;
  }

  /** Live calls, oldest first. */
  activeCalls(): Call[] {
    return [...this.calls.values()];
  }

  // ---- internals ---------------------------------------------------------------

  async #sendMwi(ch: ChannelMirror): Promise<void> {
    const ext = ch.role.extension;
    if (!this.#mwiBurst || !ext || !this.#mwiPending.delete(ch)) return;
    const on = this.#waiting.has(ext);
    channelLog(this.log, { span: ch.span, channel: ch.number }).info({ extension: ext, on }, 'message-waiting lamp');
    await this.engine.play(ch.ref, { pcm: this.#mwiBurst(on) }).catch((e: unknown) => {
      channelLog(this.log, { span: ch.span, channel: ch.number }).warn({ err: (e as Error).message }, 'message-waiting message not sent');
    });
  }

  #free(ch: ChannelMirror): boolean {
    return !ch.leg && !ch.clearing && ch.lineState === 'idle';
  }

  #newLeg(call: Call, ch: ChannelMirror, direction: Direction): Leg {
    const n = (this.#legSeq.get(call.id) ?? 0) + 1;
    this.#legSeq.set(call.id, n);
    const leg = new Leg(`${call.id}.${n}`, call, ch, direction, this.#legCtx);
    call.addLeg(leg);
    ch.leg = leg;
    this.emit('leg:created', { leg });
    return leg;
  }

  #onEvent(e: NativeEvent): void {
    this.inventory.onEvent(e);
    if (e.board === undefined) return;
    if (e.type === 'span:alarm') {
      if (e.value) this.#lose((c) => c.board === e.board && c.span === e.span, 'alarm', 'span alarm');
      let status;
      try {
        status = e.span !== undefined ? this.engine.spanStatus?.(e.board, e.span) : undefined;
      } catch {
        status = undefined;
      }
      this.emit('span:alarm', { board: e.board, span: e.span, alarms: e.value ?? 0, status });
      return;
    }
    if (e.type === 'span:dchan') {
      this.emit('span:dchan', { board: e.board, span: e.span, up: e.value === 1 });
      return;
    }
    if (e.type === 'board:reset') {
      this.#lose((c) => c.board === e.board, 'reset', 'board reset');
      for (const ch of this.inventory.board(e.board)?.channels ?? []) this.#stopClearing(ch, false);
      return;
    }
    if (e.channel === undefined) return;
    const ch = this.inventory.channel({ board: e.board, channel: e.channel });
    if (!ch) return;
    const leg = ch.leg as Leg | undefined;
    if (e.type === 'line:refused') {
      // The native line state table refused a move: a command or an event in the wrong state.
      channelLog(this.log, { span: ch.span, channel: ch.number, callId: leg?.call.id ?? null, ...(leg ? { legId: leg.id } : {}) }).warn(
        { from: e.from, to: e.name, why: e.text, refusedMoves: e.value },
        'line state move refused',
      );
      return;
    }
    if (leg && leg.live) leg.onEvent(e);
    else this.#idleChannelEvent(ch, e);
    if (this.#mwiPending.has(ch) && this.#free(ch)) void this.#sendMwi(ch);
  }

  /** FXO caller ID that came before the first ring (ETSI), for the call the ring offers. */
  readonly #earlyCallerId = new Map<ChannelMirror, { atMs: number; events: NativeEvent[] }>();

  #idleChannelEvent(ch: ChannelMirror, e: NativeEvent): void {
    if ((e.type === 'line:callerid' || e.type === 'line:callerid-name') && ch.kind === 'fxo') {
      const held = this.#earlyCallerId.get(ch);
      if (e.type === 'line:callerid' || !held) this.#earlyCallerId.set(ch, { atMs: this.clock.now(), events: [e] });
      else held.events.push(e);
      return;
    }
    if (e.type === 'line:ring' && (ch.kind === 'fxo' || ch.kind === 'e1')) {
      this.#offer(ch, 'inbound', e);
      // ETSI: the number came before the ring (within a few seconds of it).
      const early = this.#earlyCallerId.get(ch);
      this.#earlyCallerId.delete(ch);
      const leg = ch.leg as Leg | undefined;
      if (early && leg && this.clock.now() - early.atMs <= EARLY_CALLER_ID_MS) for (const x of early.events) leg.onEvent(x);
    } else if ((e.type === 'line:offhook' || e.type === 'line:answered') && ch.kind === 'fxs' && !ch.clearing) {
      // Lifted while the port's last leg is still releasing (its ringing being stopped as the
      // phone was lifted: a ring-all offer another agent won): no new call; that leg's end
      // finds the phone off hook and clears the port (busy tone until it hangs up).
      if (ch.leg) return;
      const stopped = this.#ringStopped.get(ch);
      this.#ringStopped.delete(ch);
      if (stopped !== undefined && this.clock.now() - stopped <= LATE_LIFT_MS) {
        // Reaching for a phone that just stopped ringing (another answered first): busy tone until it hangs up.
        channelLog(this.log, { span: ch.span, channel: ch.number }).info({}, 'lifted just after its ringing stopped: no new call');
        void this.#startClearing(ch);
      } else this.#offer(ch, 'internal', e);
    } else if (e.type === 'line:onhook' && ch.clearing) {
      this.#stopClearing(ch, true);
    }
  }

  #offer(ch: ChannelMirror, direction: CallDirection, e: NativeEvent): void {
    const call = this.newCall(direction);
    if (ch.kind === 'fxs') call.from = ch.role.extension;
    // What was called: the number the network sent (ISDN SETUP, E1 CAS register), else the line's configured
    // number; never the port's name (the legs keep the board, span and channel).
    else call.to = e.called || ch.role.number || undefined;
    if (e.calling) call.from = e.calling;
    const leg = this.#newLeg(call, ch, 'inbound');
    leg.move('offered', e.type);
    leg.onEvent(e);
    const log = channelLog(this.log, { span: ch.span, channel: ch.number, callId: call.id });
    log.info({ direction, event: e.type }, 'call offered');
    // MFC-R2: the registers failed part way; the call is offered with what arrived.
    if (e.name === 'mfcr2-incomplete') log.warn({ from: call.from ?? null, to: call.to ?? null }, 'registers incomplete');
    this.emit('call:offered', { call, leg });
  }

  #lose(where: (c: ChannelMirror) => boolean, cause: 'alarm' | 'reset', detail: string): void {
    for (const ch of this.inventory.channels(where)) {
      const leg = ch.leg as Leg | undefined;
      if (leg?.live) void leg.lost(cause, detail);
    }
  }

  #legEnded(leg: Leg): void {
    const ch = leg.channel;
    if (ch.leg === leg) ch.leg = undefined;
    if (ch.kind === 'fxs' && leg.direction === 'outbound' && leg.answeredAt === undefined) this.#ringStopped.set(ch, this.clock.now());
    else this.#ringStopped.delete(ch);
    const offHook = ch.kind === 'fxs' && (ch.lineState === 'up' || ch.lineState === 'clearing');
    if (offHook && leg.cause !== 'alarm' && leg.cause !== 'reset') void this.#startClearing(ch);
    else if (this.#mwiPending.has(ch) && this.#free(ch)) void this.#sendMwi(ch);
  }

  /** A phone left off hook after its call: release the port, busy tone until it hangs up (or for clearingToneMs). */
  async #startClearing(ch: ChannelMirror): Promise<void> {
    if (ch.clearing || ch.leg) return; // a port with a leg on it is that leg's to release
    ch.clearing = true;
    const log = channelLog(this.log, { span: ch.span, channel: ch.number });
    log.info({}, 'phone off hook after its call: busy tone');
    await this.engine.onhook(ch.ref).catch((e: unknown) => log.debug({ err: (e as Error).message }, 'onhook'));
    if (!ch.clearing) return;
    const busy = this.#legCtx.tones('busy');
    if (busy) {
      this.engine.play(ch.ref, { tone: busy }).catch(() => {});
    }
    this.#clearing.set(
      ch,
      this.clock.setTimeout(() => void this.#howl(ch), this.timings.clearingToneMs),
    );
  }

  /** Still off hook after the busy tone: the off-hook warning (howler / ROH) for howlerMs, then silence. */
  async #howl(ch: ChannelMirror): Promise<void> {
    this.#clearing.delete(ch);
    await this.engine.stop('stopPlay', ch.ref).catch(() => {});
    const howler = this.timings.howlerMs > 0 ? this.#legCtx.tones('howler') : undefined;
    if (!ch.clearing || !howler) return;
    channelLog(this.log, { span: ch.span, channel: ch.number }).info({}, 'phone still off hook: off-hook warning');
    this.engine.play(ch.ref, { tone: howler }).catch(() => {});
    this.#clearing.set(
      ch,
      this.clock.setTimeout(() => {
        this.#clearing.delete(ch);
        void this.engine.stop('stopPlay', ch.ref).catch(() => {});
      }, this.timings.howlerMs),
    );
  }

  #stopClearing(ch: ChannelMirror, stopMedia: boolean): void {
    if (!ch.clearing) return;
    ch.clearing = false;
    const t = this.#clearing.get(ch);
    if (t) this.clock.clearTimeout(t);
    this.#clearing.delete(ch);
    if (stopMedia) void this.engine.stop('hangup', ch.ref).catch(() => {});
  }

  #callEnded(call: Call): void {
    this.calls.delete(call.id);
    this.#legSeq.delete(call.id);
    const record: CallRecord = callRecord(call, this.#epochMs);
    const p = this.records
      .save(record)
      .catch((e: unknown) => call.log.error({ err: (e as Error).message }, 'call record not saved'))
      .finally(() => this.#saving.delete(p));
    this.#saving.add(p);
    this.emit('call:ended', { call, record });
  }
}

/** Caller ID before the first ring (ETSI) belongs to a call whose ring follows within this. */
const EARLY_CALLER_ID_MS = 5000;

/** A phone lifted within this of its ringing being stopped unanswered was reaching for that ring. */
const LATE_LIFT_MS = 1500;
