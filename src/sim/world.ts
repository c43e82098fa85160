// The scenario API over the simulated board and its world:
//
//   const world = new SimWorld({ seed: 7 });           // 8 FXS + 8 FXO + 1 E1 by default
//   engine.addBoard({ driver: 'sim', port: world.port });   // the engine drives it...
//   world.step(frames)                                  // ...or a test does (no engine)
//   const caller = world.pstn.call({ from: '13800138000', to: 'line:1' });
//   await caller.waitFor('connected'); caller.speak(2000); await caller.waitFor('digits', { count: 4 });
//   world.pstn.expect('95555', { kind: 'person', rings: 2 }); const callee = await world.pstn.nextCall('95555');
//   world.phones.get('101').offhook().dial('8'); await world.phones.get('102').waitFor('ringing');
//   world.faults.dropLine('line:3'); world.faults.alarm('e1:1', 'red'); world.faults.resetBoard();
//
// Every wait follows the world's clock (the board's frames), never wall time.
import { CtiError } from '../native/errors.ts';
import { simAddon, type NativeLineEvent, type NativeSimBoard, type NativeSpanStatus, type NativeWorldEvent } from './addon.ts';
import { checkScript, resolveSimConfig, type FarKind, type FarScript, type ResolvedSimConfig, type SimWorldConfig } from './config.ts';
import { FarEnd, type FarState, type WaitOptions } from './far-end.ts';
import { HEARD_KINDS, type HeardKind } from './heard.ts';
import { Phone } from './phone.ts';
import { Waiters } from './waiters.ts';

export const FAR_KIND_BY_VALUE: FarKind[] = ['person', 'busy', 'no-answer', 'unallocated', 'machine', 'fax', 'congestion'];
/** drivers/driver.h LineEventType, by value. */
export const LINE_EVENT_NAMES = [
  'off-hook',
  'on-hook',
  'ring-begin',
  'ring-end',
  'polarity',
  'loop-drop',
  'bits',
  'alarm',
  'reset',
] as const;
export type LineEventName = (typeof LINE_EVENT_NAMES)[number];
export const ALARMS = { los: 1, red: 2, yellow: 4, ais: 8 } as const;
export type AlarmName = keyof typeof ALARMS;

/** A raw line event the board reported to its driver. */
export interface LineSignal {
  type: LineEventName;
  span: number;
  channel: number;
  value: number;
  atMs: number;
}

export interface ChannelInfo {
  span: number;
  number: number;
  timeslot: number;
  kind: 'fxs' | 'fxo' | 'e1';
  law: 'alaw' | 'ulaw';
  /** 'phone:101', 'line:1', 'e1:1' (first span) or 'e1:2:5'. */
  name: string;
}

export interface CallOptions {
  /** The caller's number; an FXO line sends it as caller ID in the first ring pause. */
  from: string;
  /** Default bell202 (MDMF, Bellcore/China timing); 'none' sends none. */
  callerId?: 'none' | 'bell202' | 'v23';
  /** One bit of the caller ID message is flipped on the way (the checksum catches it). */
  callerIdBitError?: boolean;
  /**
   * FXO: when the caller ID goes: in the first ring pause (default), or before
   * the first ring as ETSI EN 300 659-1 has it, after a line reversal and DT-AS
   * ('etsi-dtas') or after a ring pulse ('etsi-rpas').
   */
  callerIdTiming?: 'between-rings' | 'etsi-dtas' | 'etsi-rpas';
  /** 'line:N', 'e1:TS', 'e1:SPAN:TS', or a trunk's number. */
  to: string;
  kind?: 'person' | 'fax';
  giveUpMs?: number;
  greetingMs?: number;
  speechDbm0?: number;
  hangup?: FarScript['hangup'];
  steps?: FarScript['steps'];
  /** ISDN PRI: whether the network presents the caller's number (default allowed). */
  presentation?: 'allowed' | 'restricted';
}

export interface StepResult {
  /** Line codes the board received per channel (index = channel - 1). */
  rx: Uint8Array[];
  /** The same, decoded. */
  pcm: Int16Array[];
  lineEvents: LineSignal[];
}

export class SimWorld {
  readonly config: ResolvedSimConfig;
  readonly channels: ChannelInfo[];
  readonly pstn: Pstn;
  readonly phones: Phones;
  readonly faults: Faults;
  /** Every raw line event the board reported (engine-driven or stepped). */
  readonly lineSignals: LineSignal[] = [];
  /** E1: ABCD bits the board sent, per channel. */
  readonly boardBits: { channel: number; bits: number; atMs: number }[] = [];
  readonly alarms: { span: number; bits: number; atMs: number }[] = [];
  readonly resets: number[] = [];
  /** ISDN PRI spans: what the exchange's D channel saw and did (setup, disconnect, release, restart-ack, dchan-up...). */
  readonly priEvents: { what: string; channel: number; value: number; atMs: number }[] = [];
  /** Trunk states by channel (the exchange's view). */
  readonly trunkStates = new Map<number, FarState>();
  /** @internal */
  readonly waiters: Waiters;
  /** @internal */
  readonly native: NativeSimBoard;
  private timeMs = 0;
  /** holdUntilPump(): events the addon delivered, kept for the next pump() */
  private held: NativeWorldEvent[] | undefined;
  private closed = false;
  private listeners: ((e: NativeWorldEvent) => void)[] = [];

  constructor(config: SimWorldConfig = {}) {
    this.config = resolveSimConfig(config);
    this.native = new simAddon.SimBoard(this.config.native, (evs) => (this.held ? this.held.push(...evs) : this.ingest(evs)));
    this.waiters = new Waiters(() => this.timeMs);
    const info = this.native.info();
    let fxo = 0;
    let phone = 0;
    const firstE1 = 2;
    this.channels = info.channels.map((c) => {
      let name: string;
      if (c.kind === 'fxs') name = `phone:${this.config.phones[phone++]!.extension}`;
      else if (c.kind === 'fxo') name = `line:${++fxo}`;
      else name = c.span === firstE1 ? `e1:${c.timeslot}` : `e1:${c.span - 1}:${c.timeslot}`;
      return { ...c, name };
    });
    this.pstn = new Pstn(this);
    this.phones = new Phones(this);
    this.faults = new Faults(this);
  }

  /** The board's port for the engine: `engine.addBoard({ driver: 'sim', port: world.port })`. */
  get port(): unknown {
    return this.native.port();
  }

  get info(): ReturnType<NativeSimBoard['info']> {
    return this.native.info();
  }

  /** World time, ms (from the board's frames). */
  get nowMs(): number {
    return this.timeMs;
  }

  /** Resolves once world time reaches nowMs + ms. */
  after(ms: number): Promise<number> {
    const at = this.timeMs + ms;
    return this.waiters.wait(`world time ${at} ms`, () => (this.timeMs >= at ? this.timeMs : undefined), ms + 1000);
  }

  /** The channel named 'line:3', 'e1:5', 'e1:2:5', 'phone:101', or a board channel number. */
  channel(name: string | number): ChannelInfo {
    const c =
      typeof name === 'number'
        ? this.channels[name - 1]
        : this.channels.find((x) => x.name === name || (name.startsWith('e1:1:') && x.name === `e1:${name.slice(5)}`));
    if (!c) {
      if (typeof name === 'string' && /^e1:(\d+:)?16$/.test(name))
        throw new CtiError('CTI_ERR_NO_SUCH_CHANNEL', `${name}: TS16 carries signalling, not a call`);
      throw new CtiError(
        'CTI_ERR_NO_SUCH_CHANNEL',
        `no channel ${JSON.stringify(name)} on this board (${this.channels.length} channels: phone:EXT, line:1..${this.config.lines.length}, e1:TS)`,
      );
    }
    return c;
  }

  spanStatus(span: number | string): NativeSpanStatus {
    const s = this.native.spanStatus(this.spanNumber(span));
    if (!s) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `no span ${span}`);
    return s;
  }

  /** @internal 'e1:1' (the first E1) or a board span number. */
  spanNumber(span: number | string): number {
    if (typeof span === 'number') return span;
    const m = /^e1:(\d+)$/.exec(span);
    if (!m) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `span: expected 'e1:N' or a span number, got ${JSON.stringify(span)}`);
    const n = Number(m[1]);
    if (n < 1 || n > this.config.e1.length)
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `no span ${span} (the board has ${this.config.e1.length} E1)`);
    return n + 1;
  }

  /**
   * Without an engine: play the engine's part for `frames` frames of
   * `frameSamples` (default 160 = 20 ms): read, poll every line event, write
   * `tx` (PCM per channel index, coded in the channel's law; silence after its
   * end). World events are taken in at once.
   */
  step(frames: number, opts: { frameSamples?: number; tx?: (Int16Array | undefined)[] } = {}): StepResult {
    this.checkOpen();
    const n = opts.frameSamples ?? 160;
    const r = this.native.stepForTest(frames, n, opts.tx);
    const lineEvents = r.lineEvents.map((e) => this.lineSignal(e));
    this.ingest(this.native.drain());
    return { rx: r.rx, pcm: r.pcm, lineEvents };
  }

  /** Without an engine: the board's hook / ABCD commands, as the engine's driver would send them. */
  hook(channel: string | number, op: 'on-hook' | 'off-hook' | 'flash' | 'ring' | 'ring-off'): void {
    const ops = ['on-hook', 'off-hook', 'flash', 'ring', 'ring-off'];
    this.native.hookForTest(this.channel(channel).number, ops.indexOf(op));
  }

  setBits(channel: string | number, abcd: number): void {
    this.native.setBitsForTest(this.channel(channel).number, abcd);
  }

  /**
   * Takes in, now, the world events the board has queued. They also arrive by
   * themselves (the addon's thread-safe function), but in no fixed order with
   * the engine's events; a stepped harness calls this after each advance so a
   * frame's world events are in before the next frame runs.
   */
  pump(): void {
    if (this.closed) return;
    const evs = this.held ? this.held.splice(0) : [];
    for (const e of this.native.drain()) evs.push(e);
    this.ingest(evs);
  }

  /**
   * From now on world events are taken in only by pump(), in the order the
   * board produced them, never in between: a stepped harness that pumps after
   * each frame then sees the same interleaving of world and engine events on
   * every run (the addon's own delivery races the engine's).
   */
  holdUntilPump(): void {
    this.held ??= [];
  }

  /** Calls f with every world event as it is taken in (diagnostics, demos). */
  onEvent(f: (e: NativeWorldEvent) => void): void {
    this.listeners.push(f);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.native.close();
    this.waiters.cancelAll('the simulated world was closed');
  }

  private checkOpen(): void {
    if (this.closed) throw new CtiError('CTI_ERR_NOT_RUNNING', 'the simulated world is closed');
  }

  private lineSignal(e: NativeLineEvent): LineSignal {
    return { type: LINE_EVENT_NAMES[e.type]!, span: e.span, channel: e.channel, value: e.value, atMs: e.t / 8 };
  }

  /** @internal Takes in a batch of world events (from the addon's thread-safe function or a step). */
  ingest(evs: NativeWorldEvent[]): void {
    for (const e of evs) {
      const atMs = e.t / 8;
      if (atMs > this.timeMs) this.timeMs = atMs;
      this.dispatch(e, atMs);
      for (const f of this.listeners) f(e);
    }
    const now = this.native.now() / 8;
    if (now > this.timeMs) this.timeMs = now;
    this.waiters.poll();
  }

  private dispatch(e: NativeWorldEvent, atMs: number): void {
    switch (e.type) {
      case 'phone:ring':
        this.phones.at(e.channel)?.onRing(e.value === 1, e.text, atMs);
        break;
      case 'phone:state':
        this.phones.at(e.channel)?.onState(e.text, e.value, atMs);
        break;
      case 'phone:display':
        this.phones.at(e.channel)?.setDisplay(e.text, atMs);
        break;
      case 'phone:heard':
        this.phones.at(e.channel)?.log.push({ kind: HEARD_KINDS[e.value] as HeardKind, value: e.text, atMs });
        break;
      case 'call:state':
        if (e.value >= 0) this.trunkStates.set(e.channel, e.text as FarState);
        if (e.call) this.pstn.byId(e.call)?.setState(e.text as FarState, atMs);
        break;
      case 'call:calling':
        this.pstn.calling(e);
        break;
      case 'call:dialled':
        this.pstn.dialled(e, atMs);
        break;
      case 'call:heard':
        if (e.call) this.pstn.byId(e.call)?.log.push({ kind: HEARD_KINDS[e.value] as HeardKind, value: e.text, atMs });
        else this.pstn.exchangeDigits.push({ channel: e.channel, digit: e.text, atMs });
        break;
      case 'call:script':
        this.pstn.byId(e.call)?.script.push({ step: e.value, result: e.text, atMs });
        break;
      case 'call:ended':
        this.pstn.byId(e.call)?.end(e.text, atMs);
        break;
      case 'line:signal':
        this.lineSignals.push({
          type: LINE_EVENT_NAMES[e.value >> 8]!,
          span: Number(e.text),
          channel: e.channel,
          value: e.value & 0xff,
          atMs,
        });
        break;
      case 'line:bits':
        this.boardBits.push({ channel: e.channel, bits: e.value, atMs });
        break;
      case 'span:alarm':
        this.alarms.push({ span: Number(e.text), bits: e.value, atMs });
        break;
      case 'board:reset':
        this.resets.push(atMs);
        break;
      case 'pri:event':
        this.priEvents.push({ what: e.text, channel: e.channel, value: e.value, atMs });
        break;
      default:
        break;
    }
  }
}

/** The public network: calls in, numbers the board may dial, calls the board made. */
export class Pstn {
  private readonly calls = new Map<number, FarEnd>();
  /** Every call the board dialled, in order. */
  readonly outgoing: FarEnd[] = [];
  /** Digits the exchange heard while the board dialled. */
  readonly exchangeDigits: { channel: number; digit: string; atMs: number }[] = [];
  private cursor = 0;
  private readonly callingBy = new Map<number, { number: string; presentation: 'allowed' | 'restricted' | 'unavailable' }>();

  constructor(private readonly world: SimWorld) {}

  /** A call from the PSTN to one of the board's trunks: rings an FXO line or seizes an E1 timeslot. */
  call(opts: CallOptions): FarEnd {
    if (!opts || typeof opts.from !== 'string' || !/^[0-9*#]{1,32}$/.test(opts.from))
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `pstn.call: from must be 1..32 digits, got ${JSON.stringify(opts?.from)}`);
    if (typeof opts.to !== 'string') throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'pstn.call: to must be line:N, e1:TS or a trunk number');
    const ch = this.trunkFor(opts.to);
    const kind = opts.kind ?? 'person';
    if (kind !== 'person' && kind !== 'fax')
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `pstn.call: kind must be person or fax, got ${JSON.stringify(kind)}`);
    const script = checkScript(
      {
        kind,
        giveUpMs: opts.giveUpMs,
        greetingMs: opts.greetingMs,
        speechDbm0: opts.speechDbm0,
        hangup: opts.hangup,
        steps: opts.steps,
        cng: kind === 'fax' ? true : undefined,
        callerId: opts.callerId,
        callerIdBitError: opts.callerIdBitError,
        callerIdTiming: opts.callerIdTiming,
      },
      'pstn.call',
    );
    for (const k of Object.keys(script)) if (script[k] === undefined) delete script[k];
    const id = this.world.native.callIn(ch.number, opts.from, script, opts.presentation === 'restricted');
    const far = new FarEnd(
      this.world.native,
      this.world.waiters,
      id,
      'incoming',
      ch.number,
      ch.name,
      opts.from,
      this.trunkNumber(ch),
      kind,
    );
    this.calls.set(id, far);
    return far;
  }

  /** Puts a far end at a number of the numbering plan (applied at the next frame). */
  expect(number: string, script: FarScript = { kind: 'person' }): void {
    if (!/^[0-9*A-D]{1,32}$/.test(number))
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `pstn.expect: number must be 1..32 digits, got ${JSON.stringify(number)}`);
    this.world.native.expect(number, checkScript(script, `pstn.expect(${number})`));
  }

  /** Removes a number: calls to it reach the unallocated announcement. */
  forget(number: string): void {
    this.world.native.forget(number);
  }

  /** The next call the board dials (to `number`, if given) that no earlier nextCall took. */
  nextCall(number?: string, opts: WaitOptions = {}): Promise<FarEnd> {
    return this.world.waiters.wait(
      `a call to ${number ?? 'any number'}`,
      () => {
        for (let i = this.cursor; i < this.outgoing.length; i++) {
          const f = this.outgoing[i]!;
          if (number === undefined || f.to === number) {
            this.cursor = i + 1;
            return f;
          }
        }
        return undefined;
      },
      opts.timeoutMs,
    );
  }

  byId(id: number): FarEnd | undefined {
    return this.calls.get(id);
  }

  /** @internal MFC-R2: the calling number the board sent, for the call it is about to place on that channel */
  calling(e: NativeWorldEvent): void {
    this.callingBy.set(e.channel, {
      number: e.text,
      presentation: (['allowed', 'restricted', 'unavailable'] as const)[e.value] ?? 'unavailable',
    });
  }

  /** @internal */
  dialled(e: NativeWorldEvent, atMs: number): void {
    const ch = this.world.channel(e.channel);
    const calling = this.callingBy.get(e.channel);
    this.callingBy.delete(e.channel);
    const far = new FarEnd(
      this.world.native,
      this.world.waiters,
      e.call,
      'outgoing',
      e.channel,
      ch.name,
      calling?.number || this.trunkNumber(ch),
      e.text,
      FAR_KIND_BY_VALUE[e.value] ?? 'person',
    );
    if (calling) far.callingPresentation = calling.presentation;
    far.setState('placing', atMs);
    this.calls.set(e.call, far);
    this.outgoing.push(far);
  }

  private trunkFor(to: string): ChannelInfo {
    if (/^(line|e1):/.test(to)) {
      const c = this.world.channel(to);
      if (c.kind === 'fxs') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${to} is a phone, not a trunk`);
      return c;
    }
    const c = this.world.channels.find((x) => x.kind !== 'fxs' && this.trunkNumber(x) === to);
    if (!c)
      throw new CtiError(
        'CTI_ERR_NO_SUCH_CHANNEL',
        `pstn.call: no trunk answers ${JSON.stringify(to)} (use line:N, e1:TS or a line's number)`,
      );
    return c;
  }

  private trunkNumber(c: ChannelInfo): string {
    if (c.kind === 'fxo') return this.world.config.lines[Number(c.name.slice(5)) - 1]!.number;
    if (c.kind === 'e1') return this.world.config.e1[c.span - 2]!.numberPrefix + String(c.timeslot).padStart(2, '0');
    return '';
  }
}

/** The desk phones on the FXS ports, by extension. */
export class Phones {
  private readonly byExt = new Map<string, Phone>();
  private readonly byChannel = new Map<number, Phone>();

  constructor(world: SimWorld) {
    for (const c of world.channels) {
      if (c.kind !== 'fxs') continue;
      const ext = c.name.slice('phone:'.length);
      const p = new Phone(world.native, world.waiters, ext, c.number);
      this.byExt.set(ext, p);
      this.byChannel.set(c.number, p);
    }
  }

  get(extension: string): Phone {
    const p = this.byExt.get(extension);
    if (!p)
      throw new CtiError(
        'CTI_ERR_NO_SUCH_CHANNEL',
        `no phone with extension ${JSON.stringify(extension)} (have ${[...this.byExt.keys()].join(', ')})`,
      );
    return p;
  }

  /** @internal */
  at(channel: number): Phone | undefined {
    return this.byChannel.get(channel);
  }

  all(): Phone[] {
    return [...this.byExt.values()];
  }
}

/** Faults on demand. */
export class Faults {
  constructor(private readonly world: SimWorld) {}

  /** The line goes dead (loop current drops, the call is lost) for ms (default: just the call). */
  dropLine(trunk: string, opts: { ms?: number } = {}): void {
    const c = this.world.channel(trunk);
    if (c.kind === 'fxs') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `dropLine: ${trunk} is a phone port, not a line`);
    this.world.native.fault('drop', c.number, opts.ms ?? 0);
  }

  /** Raises span alarms on an E1 ('e1:1' or a span number): los, red, yellow, ais (one or several). */
  alarm(span: string | number, alarm: AlarmName | AlarmName[]): void {
    const names = Array.isArray(alarm) ? alarm : [alarm];
    let bits = 0;
    for (const a of names) {
      if (!(a in ALARMS)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `alarm: expected los, red, yellow or ais, got ${JSON.stringify(a)}`);
      bits |= ALARMS[a];
    }
    if (names.includes('los')) bits |= ALARMS.red; // loss of signal is loss of frame too
    this.world.native.fault('alarm', this.e1Span(span), bits);
  }

  clearAlarm(span: string | number): void {
    this.world.native.fault('clear', this.e1Span(span));
  }

  /** Adds to a span's error counters. */
  errors(span: string | number, counts: { crc?: number; slips?: number }): void {
    this.world.native.fault('errors', this.e1Span(span), counts.crc ?? 0, counts.slips ?? 0);
  }

  /** ISDN PRI: the exchange sends RESTART for one B channel ('e1:TS'); its call, if any, is gone. */
  restart(trunk: string): void {
    const c = this.world.channel(trunk);
    if (c.kind !== 'e1' || this.world.config.e1[c.span - 2]?.signalling !== 'pri')
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `restart: ${trunk} is not a timeslot of a PRI span`);
    this.world.native.fault('restart', c.number);
  }

  /** The whole board resets: every channel idle, a reset event to the driver. */
  resetBoard(): void {
    this.world.native.fault('reset');
  }

  private e1Span(span: string | number): number {
    const n = this.world.spanNumber(span);
    if (n < 2 || n > this.world.config.e1.length + 1)
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `span ${span}: alarms are raised on E1 spans`);
    return n;
  }
}
