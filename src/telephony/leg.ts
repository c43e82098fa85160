// A leg: one channel's part in a call, as an explicit state machine (states.ts)
// with the operations on it. Every operation returns a Promise; one on a leg
// that has ended rejects with CTI_ERR_CANCELED, one the state does not allow
// with CTI_ERR_BAD_ARGUMENT. Every leg ends with a cause.
//
// Events (noun:verb): leg:state, leg:digit, leg:tone, leg:energy, leg:flash,
// leg:line (raw line:* events, for dial()), leg:ended.
import { EventEmitter } from 'node:events';
import type { Clock } from '../native/clock.ts';
import { CtiError } from '../native/errors.ts';
import type { DetectRequest } from '../native/types/engine.ts';
import { BusyToneSupervisor } from './busy-tone-supervisor.ts';
import type {
  CallerIdSender,
  ChannelRef,
  CollectResult,
  EnginePort,
  NativeEvent,
  PlayRequest,
  PlayResult,
  RecordRequest,
  RecordResult,
  ToneSource,
} from './engine-port.ts';
import type { ChannelMirror } from './inventory.ts';
import { channelLog, type Log } from './log.ts';
import { StateMachine } from './state-machine.ts';
import { causeOfEnd, dialResultOfCause } from './q850.ts';
import { LEG_TRANSITIONS, MEDIA_STATES, isLive } from './states.ts';
import type { CallerId, CollectOptions, Direction, EndCause, HoldOptions, LegState, RingOptions, TelephonyTimings } from './types.ts';

/** The call a leg belongs to, as the leg sees it. */
export interface LegOwner {
  readonly id: string;
  onLegState(leg: Leg, why: string): void;
  onLegEnded(leg: Leg): void;
  /** FXO: the leg captured the caller's number (leg.callerId). */
  onCallerId?(leg: Leg): void;
}

/** What the telephony service hands every leg. */
export interface LegContext {
  engine: EnginePort;
  clock: Clock;
  log: Log;
  timings: TelephonyTimings;
  tones: ToneSource;
  callerId?: CallerIdSender;
  /** the engine has a tone plan: tone detection works */
  toneDetection: boolean;
  /** FXO lines that dial by pulses unless a dial says otherwise */
  pulseDialling?: (ch: ChannelRef) => boolean;
  /** FXS ports that send caller ID before the first ring (ETSI) unless a ring says otherwise */
  callerIdTiming?: (ch: ChannelRef) => RingOptions['callerIdTiming'];
  legEnded(leg: Leg): void;
}

export interface LegEnd {
  cause: EndCause;
  detail?: string;
}

const HOLD_MUSIC = {
  segments: [
    { tones: [{ freq: 523, level: -22 }], ms: 400 },
    { tones: [{ freq: 659, level: -22 }], ms: 400 },
    { tones: [{ freq: 784, level: -22 }], ms: 400 },
    { tones: [], ms: 800 },
  ],
  repeat: 0,
};

export class Leg extends EventEmitter {
  readonly sm: StateMachine<LegState>;
  readonly log: Log;
  readonly createdAt: number;
  answeredAt: number | undefined;
  endedAt: number | undefined;
  /** FXO rings counted before answer */
  rings = 0;
  /** every digit collected on this leg */
  digits = '';
  /** the other party's number: the caller's (inbound, when known) or the one dialled */
  remote: string | undefined;
  /** caller ID presented to a phone we ring */
  callerId: CallerId | undefined;
  /** energy detection (when on) last heard voice rather than silence */
  hearsVoice = false;
  /** ISDN: whether the caller's number may be shown (inbound, as the SETUP said) */
  presentation: 'allowed' | 'restricted' | 'unavailable' | undefined;
  /** ISDN: the Q.850 cause the network cleared with */
  q850: number | undefined;
  partner: Leg | undefined;
  conference: number | undefined;
  #cause: EndCause | undefined;
  #detail: string | undefined;
  #releasing: Promise<void> | undefined;
  #heldPartner: Leg | undefined;
  #partnerAtEnd: Leg | undefined;
  #supervisor: BusyToneSupervisor | undefined;
  #detect = new Map<string, DetectRequest>();
  #endedPromise: Promise<LegEnd>;
  #resolveEnded!: (e: LegEnd) => void;

  constructor(
    readonly id: string,
    /** the call this leg belongs to (a pickup moves a leg: Telephony.moveLeg) */
    public call: LegOwner,
    readonly channel: ChannelMirror,
    readonly direction: Direction,
    private readonly ctx: LegContext,
  ) {
    super();
    this.log = channelLog(ctx.log, { span: channel.span, channel: channel.number, callId: call.id, legId: id });
    this.sm = new StateMachine<LegState>(`leg ${id}`, LEG_TRANSITIONS, 'idle', ctx.clock, this.log);
    this.createdAt = ctx.clock.now();
    this.#endedPromise = new Promise((r) => (this.#resolveEnded = r));
  }

  get state(): LegState {
    return this.sm.state;
  }
  get ref(): ChannelRef {
    return this.channel.ref;
  }
  get kind() {
    return this.channel.kind;
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
  /** The party this leg was bridged to (or held from) when it was released. */
  get partnerAtEnd(): Leg | undefined {
    return this.#partnerAtEnd;
  }
  /** The party this held leg goes back to. */
  get heldPartner(): Leg | undefined {
    return this.#heldPartner;
  }
  /** Resolves once the leg has ended, with its cause. */
  get ended(): Promise<LegEnd> {
    return this.#endedPromise;
  }

  /** Takes a move of the leg's table; false (logged) if refused. */
  move(to: LegState, why: string): boolean {
    const from = this.state;
    if (from === to || !this.sm.move(to, why)) return false;
    this.emit('leg:state', { leg: this, from, to, why });
    this.call.onLegState(this, why);
    return true;
  }

  // ---- operations ------------------------------------------------------------

  /** FXO/E1: go off hook on the ringing line; FXS (a phone that went off hook): accept it. */
  async answer(): Promise<void> {
    this.#need(['offered'], 'answer');
    if (this.kind === 'fxo' || this.kind === 'e1') {
      try {
        await this.ctx.engine.offhook(this.ref);
      } catch (e) {
        if (this.live) await this.#release('failed', `answer: ${(e as Error).message}`);
        throw e;
      }
    }
    this.#need(['offered'], 'answer'); // the caller may have left meanwhile
    this.connected('answered');
  }

  /** Releases the line. Resolves once the leg has ended. */
  async hangup(cause: EndCause = 'normal', detail?: string): Promise<void> {
    if (this.state === 'ended') return;
    await this.#release(cause, detail);
  }

  /** A WAV file path, or any play request (tone, digits, PCM). */
  async play(what: string | PlayRequest): Promise<PlayResult> {
    this.#need(MEDIA_STATES, 'play');
    return this.ctx.engine.play(this.ref, typeof what === 'string' ? { file: what } : what);
  }

  async record(req: RecordRequest): Promise<RecordResult> {
    this.#need(MEDIA_STATES, 'record');
    return this.ctx.engine.record(this.ref, req);
  }

  async collectDigits(opts: CollectOptions = {}): Promise<CollectResult> {
    this.#need(MEDIA_STATES, 'collectDigits');
    const r = await this.ctx.engine.collect(this.ref, {
      max: opts.max ?? 16,
      timeoutMs: opts.timeout ?? 5000,
      interDigitTimeoutMs: opts.interDigitTimeout ?? 3000,
      ...(opts.terminators !== undefined ? { terminators: opts.terminators } : {}),
      ...(opts.flush ? { flush: true } : {}),
    });
    this.digits += r.digits;
    this.log.info({ digits: r.digits, reason: r.reason }, 'digits collected');
    return r;
  }

  /** Stops what plays to this leg, what records it, or a collect (their Promises resolve `stopped`). */
  async stopPlay(): Promise<void> {
    if (this.live) await this.ctx.engine.stop('stopPlay', this.ref);
  }
  async stopRecord(): Promise<void> {
    if (this.live) await this.ctx.engine.stop('stopRecord', this.ref);
  }
  async stopCollect(): Promise<void> {
    if (this.live) await this.ctx.engine.stop('stopCollect', this.ref);
  }

  /** FXS: ring the phone (caller ID first, when a sender is configured). Resolves when it rings. */
  async startRinging(opts: RingOptions = {}): Promise<void> {
    this.#need(['idle'], 'ring');
    if (this.kind !== 'fxs') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `ring: ${this.channel.label} is not a phone port`);
    if (opts.callerId && !opts.callerIdWithheld)
      this.callerId = { number: opts.callerId, ...(opts.callerName ? { name: opts.callerName } : {}) };
    this.move('ringing', 'ring');
    try {
      // Caller ID goes out as FSK in the first ring pause (the ring command
      // carries it), unless a sender of another kind was configured.
      const id = this.callerId;
      if (id && this.ctx.callerId) await this.ctx.callerId(this.ref, id);
      const timing = opts.callerIdTiming ?? this.ctx.callerIdTiming?.(this.ref);
      const etsi = timing !== undefined && timing !== 'between-rings' && !this.ctx.callerId && (id || opts.callerIdWithheld);
      await this.ctx.engine.ring(this.ref, {
        ...(opts.cadenceMs ? { cadenceMs: opts.cadenceMs } : {}),
        ...(etsi ? { callerIdTiming: timing, callerIdFormat: 'v23' as const } : {}),
        ...(id && !this.ctx.callerId ? { callerId: { number: id.number, ...(id.name ? { name: id.name } : {}) } } : {}),
        ...(opts.callerIdWithheld && !this.ctx.callerId ? { callerId: { withheld: opts.callerIdWithheld } } : {}),
      });
    } catch (e) {
      if (this.live) await this.#release('failed', `ring: ${(e as Error).message}`);
      throw e;
    }
    this.log.info({ callerId: this.callerId?.number ?? null }, 'ringing');
  }

  /** FXS: stop ringing an unanswered phone; the leg ends with `cause`. */
  async stopRinging(cause: EndCause = 'canceled'): Promise<void> {
    this.#need(['ringing'], 'stopRinging');
    await this.#release(cause, 'ringing stopped');
  }

  /** true once answered; false when `timeoutMs` passes first or the leg ends. */
  waitForAnswer(timeoutMs?: number): Promise<boolean> {
    if (this.state === 'connected' || this.state === 'held') return Promise.resolve(true);
    if (!this.live) return Promise.resolve(false);
    return this.#waitFor((done) => {
      const onState = ({ to }: { to: LegState }) => {
        if (to === 'connected') done(true);
        else if (!isLive(to)) done(false);
      };
      this.on('leg:state', onState);
      return () => this.off('leg:state', onState);
    }, timeoutMs);
  }

  /** true on the next hook flash of the phone; false on timeout or when the leg ends. */
  waitForFlash(timeoutMs?: number): Promise<boolean> {
    if (!this.live) return Promise.resolve(false);
    return this.#waitFor((done) => {
      const onFlash = () => done(true);
      const onEnd = () => done(false);
      this.once('leg:flash', onFlash);
      this.once('leg:ended', onEnd);
      return () => {
        this.off('leg:flash', onFlash);
        this.off('leg:ended', onEnd);
      };
    }, timeoutMs);
  }

  /** Puts this party on hold: unbridged, hearing music (a WAV file or a built-in tune). */
  async hold(opts: HoldOptions = {}): Promise<void> {
    this.#need(['connected'], 'hold');
    const partner = this.partner;
    if (partner) {
      await this.ctx.engine.stop('unbridge', this.ref);
      this.partner = undefined;
      if (partner.partner === this) partner.partner = undefined;
      this.#heldPartner = partner;
    }
    this.move('held', 'hold');
    this.ctx.engine.play(this.ref, opts.music ? { file: opts.music, loop: true } : { tone: HOLD_MUSIC }).catch((e: unknown) => {
      if (!(e instanceof CtiError && e.canceled)) this.log.warn({ err: (e as Error).message }, 'hold music failed');
    });
  }

  /** Back from hold: music stops, the party it was bridged to is bridged again. */
  async unhold(): Promise<void> {
    this.#need(['held'], 'unhold');
    await this.ctx.engine.stop('stopPlay', this.ref);
    this.move('connected', 'unhold');
    const p = this.#heldPartner;
    this.#heldPartner = undefined;
    if (p && p.state === 'connected' && !p.partner) {
      await this.ctx.engine.bridge(this.ref, p.ref);
      this.partner = p;
      p.partner = this;
    }
  }

  // ---- for the telephony service and dial() ----------------------------------

  /** Marks the leg answered and starts what a connected leg runs (digits, supervision). */
  connected(why: string): void {
    if (!this.move('connected', why)) return;
    this.answeredAt = this.ctx.clock.now();
    this.log.info({}, `connected (${why})`);
    const supervise = this.kind === 'fxo' && this.ctx.timings.busyToneSupervision && this.ctx.toneDetection;
    if (supervise) {
      this.#supervisor = new BusyToneSupervisor(this.ctx.clock, this.ctx.timings.busyToneGuardMs, (tone) => {
        this.log.info({ tone }, 'far end gone (tone after guard time)');
        void this.#release('remote-hangup', `${tone}-tone`);
      });
    }
    this.#detect.delete('progress');
    void this.want('connected', { dtmf: true, tones: supervise });
  }

  /** Turns detectors on for a purpose (the union of all purposes runs). */
  async want(purpose: string, spec: DetectRequest | undefined): Promise<void> {
    if (spec) this.#detect.set(purpose, spec);
    else this.#detect.delete(purpose);
    const all = [...this.#detect.values()];
    const req: DetectRequest = {
      dtmf: all.some((d) => d.dtmf),
      tones: this.ctx.toneDetection && all.some((d) => d.tones),
      energy: all.some((d) => d.energy),
    };
    if (!this.live) return;
    await this.ctx.engine.detect(this.ref, req).catch((e: unknown) => this.log.warn({ err: (e as Error).message }, 'detect refused'));
  }

  /** Seizes an FXO line or E1 timeslot to call out. */
  async seize(): Promise<void> {
    this.#need(['idle'], 'dial');
    this.move('dialing', 'seize');
    await this.ctx.engine.offhook(this.ref);
  }

  /** An engine event about this leg's channel. */
  onEvent(e: NativeEvent): void {
    switch (e.type) {
      case 'dtmf:digit':
        this.emit('leg:digit', e.digit);
        return;
      case 'tone:start':
      case 'tone:end':
        this.#supervisor?.onEvent(e);
        this.emit('leg:tone', e);
        return;
      case 'energy:voice':
      case 'energy:silence':
        this.hearsVoice = e.type === 'energy:voice';
        this.emit('leg:energy', e);
        return;
      case 'line:ring':
        this.rings = e.value ?? this.rings + 1;
        if (e.calling !== undefined) {
          this.remote = e.calling || undefined;
          this.presentation = e.presentation;
        }
        break;
      case 'line:proceeding':
      case 'line:alerting':
      case 'line:progress':
        break;
      case 'line:callerid':
        // FXO: caller ID captured between the first and second ring.
        if (e.text) {
          this.remote = e.text;
          this.callerId = { number: e.text };
          this.call.onCallerId?.(this);
        }
        break;
      case 'line:callerid-name':
        if (this.callerId && e.text) this.callerId = { ...this.callerId, name: e.text };
        break;
      case 'line:flash':
        this.log.info({}, 'hook flash');
        this.emit('leg:flash', e);
        break;
      case 'line:answered':
        if (this.state === 'ringing') this.connected('phone answered');
        break;
      case 'line:ring-stopped':
        if (this.state === 'offered') void this.#release('abandoned', e.name ?? 'ring stopped');
        break;
      case 'line:onhook':
        if (this.live) void this.#release('remote-hangup', 'onhook');
        break;
      case 'line:disconnect': {
        // ISDN: before the answer, the network's cause says what the far end was.
        if (this.channel.signalling === 'pri' && e.value) this.q850 = e.value;
        const early = this.q850 !== undefined && this.direction === 'outbound' && this.state !== 'connected' && this.state !== 'held';
        const byCause = early ? dialResultOfCause(this.q850!) : undefined;
        const cause: EndCause = e.name === 'alarm' ? 'alarm' : e.name === 'reset' ? 'reset' : (byCause ?? 'remote-hangup');
        if (this.live) void this.#release(cause, e.name);
        break;
      }
      case 'line:state':
        if (e.name === 'blocked' && this.live) void this.#release('alarm', 'blocked');
        break;
      case 'line:dialed': // FXO pulse dialling done (dial())
        break;
      default:
        return;
    }
    this.emit('leg:line', e);
  }

  /** The span or board went away under this leg. */
  lost(cause: 'alarm' | 'reset' | 'shutdown', detail: string): Promise<void> {
    return this.live ? this.#release(cause, detail) : Promise.resolve();
  }

  // ---- internals ---------------------------------------------------------------

  #need(states: readonly LegState[], op: string): void {
    if (!this.live) throw new CtiError('CTI_ERR_CANCELED', `${op}: leg ${this.id} has ended (${this.#cause ?? this.state})`);
    if (!states.includes(this.state)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${op}: leg ${this.id} is ${this.state}`);
  }

  #waitFor<T>(arm: (done: (v: T) => void) => () => void, timeoutMs: number | undefined, onTimeout?: T): Promise<T> {
    return new Promise<T>((resolve) => {
      let finished = false;
      let timer: ReturnType<Clock['setTimeout']> | undefined;
      const disarm = arm((v) => finish(v));
      const finish = (v: T) => {
        if (finished) return;
        finished = true;
        disarm();
        if (timer) this.ctx.clock.clearTimeout(timer);
        resolve(v);
      };
      if (timeoutMs !== undefined) timer = this.ctx.clock.setTimeout(() => finish((onTimeout ?? false) as T), timeoutMs);
    });
  }

  #release(cause: EndCause, detail?: string): Promise<void> {
    if (this.#releasing) return this.#releasing;
    this.#cause = cause;
    this.#detail = detail;
    this.#releasing = this.#doRelease(this.state, cause, detail);
    return this.#releasing;
  }

  async #doRelease(from: LegState, cause: EndCause, detail: string | undefined): Promise<void> {
    const why = detail ? `${cause}: ${detail}` : cause;
    this.log.info({ cause, detail: detail ?? null, from }, 'releasing');
    if (from !== 'idle') this.move('disconnecting', why);
    this.#supervisor?.stop();
    const partner = this.partner;
    this.#partnerAtEnd = partner ?? this.#heldPartner;
    this.partner = undefined;
    if (partner?.partner === this) partner.partner = undefined;
    this.#heldPartner = undefined;
    const { engine } = this.ctx;
    const quiet = (p: Promise<unknown>, what: string) =>
      p.then(
        () => undefined,
        (e: unknown) => this.log.debug({ err: (e as Error).message }, `${what} on release`),
      );
    await quiet(engine.stop('hangup', this.ref), 'hangup');
    if (this.kind === 'fxs') {
      if (from === 'ringing') await quiet(engine.stopRing(this.ref), 'stopRing');
      // A phone still off hook is released by the service (busy tone until it hangs up).
    } else if (this.kind === 'fxo' || this.kind === 'e1') {
      const isdn = this.channel.signalling === 'pri';
      if (from !== 'idle')
        await quiet(isdn ? engine.onhook(this.ref, causeOfEnd(cause, from === 'offered')) : engine.onhook(this.ref), 'onhook');
    }
    this.move('ended', why);
    this.endedAt = this.ctx.clock.now();
    this.log.info({ cause, detail: detail ?? null }, 'ended');
    this.#resolveEnded({ cause, ...(detail !== undefined ? { detail } : {}) });
    this.emit('leg:ended', { leg: this, cause, detail });
    this.ctx.legEnded(this);
    this.call.onLegEnded(this);
  }
}
