// Typed facade over the native media engine: every command returns a Promise
// that settles on its completion event (or rejects with a CtiError whose code
// says why: canceled, disconnected, bad file...). Events are also emitted by
// type (`dtmf:digit`, `tone:start`, `play:done`...) for whoever listens.
import { EventEmitter } from 'node:events';
import { addon } from './addon.ts';
import { EngineClock } from './clock.ts';
import { CtiError, createError } from './errors.ts';
import { checkCallerIdInfo } from './callerid.ts';
import type { Law } from './types/dsp-basic.ts';
import type {
  BoardInfo,
  ClockMode,
  CollectRequest,
  DahdiBoardOptions,
  DetectRequest,
  EngineStats,
  LineStateName,
  NativeEngine,
  NativeEvent,
  PlayRequest,
  RecordRequest,
  PriSpanOptions,
  R2SpanOptions,
  SetupRequest,
  RingRequest,
  SignallingOptions,
  SimpleOp,
  SpanStatus,
} from './types/engine.ts';

export type {
  DahdiBoardOptions,
  LineStateName,
  SpanStatus,
  NativeEvent,
  PlayRequest,
  RecordRequest,
  CollectRequest,
  DetectRequest,
  BoardInfo,
  EngineStats,
  PriSpanOptions,
  R2SpanOptions,
  SetupRequest,
};

export interface ChannelRef {
  board: number;
  /** 1-based, as printed on the board */
  channel: number;
}

export interface EngineOptions {
  frameMs?: 10 | 20;
  mode?: ClockMode;
  clockEventMs?: number;
  /** call-progress plan JSON text; tone detection needs one */
  tonePlan?: string;
  /** realtime mode: run the media thread SCHED_FIFO at this priority (1..99), where allowed; 0 = normal */
  rtPriority?: number;
  /** line signalling: flash window, FXO supervision, pulse timing */
  signalling?: SignallingOptions;
}

export interface PlayResult {
  reason: 'finished' | 'stopped' | 'barge-in';
  /** ms of audio played */
  durationMs: number;
  digit?: string;
}

export interface RecordResult {
  reason: 'max-length' | 'max-silence' | 'digit' | 'stopped' | 'hangup';
  durationMs: number;
  path: string;
  digit?: string;
}

export interface CollectResult {
  digits: string;
  reason: 'max' | 'terminator' | 'timeout' | 'inter-digit-timeout' | 'stopped';
  terminator?: string;
}

interface Pending {
  resolve: (e: NativeEvent) => void;
  reject: (e: Error) => void;
}

export class MediaEngine extends EventEmitter {
  readonly clock = new EngineClock();
  readonly mode: ClockMode;
  #native: NativeEngine;
  #pending = new Map<number, Pending>();
  #started = false;

  constructor(opts: EngineOptions = {}) {
    super();
    this.mode = opts.mode ?? 'realtime';
    this.#native = new addon.Engine({ ...opts, mode: this.mode }, (events) => this.#onEvents(events));
  }

  addLoopbackBoard(channels: number, law: Law = 'alaw'): number {
    return this.#native.addBoard({ driver: 'loopback', channels, law });
  }

  /**
   * The simulated board (firmware-sim): `port` is its SimBoard.port(). The
   * engine keeps the board alive for as long as it runs.
   */
  addSimBoard(port: unknown, opts: { pri?: PriSpanOptions[]; r2?: R2SpanOptions[] } = {}): number {
    return this.#native.addBoard({ driver: 'sim', port, ...(opts.pri ? { pri: opts.pri } : {}), ...(opts.r2 ? { r2: opts.r2 } : {}) });
  }

  /**
   * A board of Linux DAHDI channels (drivers/dahdi): `channels` are DAHDI
   * channel numbers in board order (an HDLC channel among them is its span's
   * D-channel, not a board channel). Without `sys` the driver opens
   * `devDir` (/dev/dahdi); with it, the system calls go to that table (the
   * DAHDI emulator's `sys()`). Throws CTI_ERR_NO_DEVICE when DAHDI is missing.
   */
  addDahdiBoard(opts: DahdiBoardOptions): number {
    return this.#native.addBoard({ driver: 'dahdi', ...opts });
  }

  spanStatus(board: number, span: number): SpanStatus {
    return this.#native.spanStatus(board, span);
  }

  boardInfo(board: number): BoardInfo {
    return this.#native.boardInfo(board);
  }

  start(): void {
    this.#native.start();
    this.#started = true;
  }

  /** Stops the media thread; operations still running end as canceled. */
  async close(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    this.#native.stop();
    // Events delivered during stop arrive on the next turns of the event loop.
    await new Promise((r) => setImmediate(r));
    for (const [, p] of this.#pending) p.reject(new CtiError('CTI_ERR_CANCELED', 'engine stopped'));
    this.#pending.clear();
  }

  play(ch: ChannelRef, req: PlayRequest): Promise<PlayResult> {
    return this.#command(() => this.#native.play(ch.board, ch.channel, req)).then((e) => ({
      reason: e.name as PlayResult['reason'],
      durationMs: e.value ?? 0,
      ...(e.digit ? { digit: e.digit } : {}),
    }));
  }

  record(ch: ChannelRef, req: RecordRequest): Promise<RecordResult> {
    return this.#command(() => this.#native.record(ch.board, ch.channel, req)).then((e) => ({
      reason: e.name as RecordResult['reason'],
      durationMs: e.value ?? 0,
      path: e.text ?? req.path,
      ...(e.digit ? { digit: e.digit } : {}),
    }));
  }

  collect(ch: ChannelRef, req: CollectRequest): Promise<CollectResult> {
    return this.#command(() => this.#native.collect(ch.board, ch.channel, req)).then((e) => ({
      digits: e.text ?? '',
      reason: e.name as CollectResult['reason'],
      ...(e.digit ? { terminator: e.digit } : {}),
    }));
  }

  async detect(ch: ChannelRef, req: DetectRequest): Promise<void> {
    await this.#command(() => this.#native.detect(ch.board, ch.channel, req));
  }

  async bridge(a: ChannelRef, b: ChannelRef): Promise<void> {
    await this.#command(() => this.#native.bridge(a.board, a.channel, b.board, b.channel));
  }

  async conference(ch: ChannelRef, conference: number, mode: 'talk-listen' | 'listen' | 'talk' = 'talk-listen'): Promise<void> {
    await this.#command(() => this.#native.confJoin(ch.board, ch.channel, conference, mode));
  }

  async stop(op: SimpleOp, ch: ChannelRef): Promise<void> {
    await this.#command(() => this.#native.simple(op, ch.board, ch.channel));
  }

  /** FXO/E1: answer an alerting line, or seize an idle one to call out. */
  async offhook(ch: ChannelRef): Promise<void> {
    await this.#command(() => this.#native.simple('offhook', ch.board, ch.channel));
  }

  /** Release the line (an FXS port stops ringing); on ISDN with this Q.850 cause (default 16, normal clearing). */
  async onhook(ch: ChannelRef, cause?: number): Promise<void> {
    await this.#command(() =>
      cause === undefined ? this.#native.simple('onhook', ch.board, ch.channel) : this.#native.release(ch.board, ch.channel, cause),
    );
  }

  /** ISDN PRI: place a call on this B channel (SETUP). Resolves once sent; progress follows as line:* events. */
  async setup(ch: ChannelRef, req: SetupRequest): Promise<void> {
    await this.#command(() => this.#native.setup(ch.board, ch.channel, req));
  }

  /** FXO: hook flash. */
  async flash(ch: ChannelRef): Promise<void> {
    await this.#command(() => this.#native.simple('flash', ch.board, ch.channel));
  }

  /**
   * FXS: ring the phone with a cadence (ms on, off, ...); default per country.
   * With `callerId`, FSK (or DTMF) caller ID is sent in the first ring pause;
   * `line:callerid-sent` reports it went out.
   */
  async ring(ch: ChannelRef, opts: RingRequest = {}): Promise<void> {
    if (opts.callerId) checkCallerIdInfo(opts.callerId, 'ring: callerId');
    await this.#command(() => this.#native.ring(ch.board, ch.channel, opts));
  }

  /**
   * FXO: dial by loop-disconnect pulses (10 pps, 60/40 by default) on a seized
   * line; resolves once accepted; `line:dialed` reports the last pulse sent.
   */
  async pulseDial(ch: ChannelRef, digits: string): Promise<void> {
    if (!/^[0-9]{1,32}$/.test(digits))
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `pulseDial: 1 to 32 digits 0-9, got ${JSON.stringify(digits)}`);
    await this.#command(() => this.#native.pulseDial(ch.board, ch.channel, digits));
  }

  async stopRing(ch: ChannelRef): Promise<void> {
    await this.#command(() => this.#native.simple('stopRing', ch.board, ch.channel));
  }

  /** Each channel's line state, by channel number - 1. */
  lineStates(board: number): LineStateName[] {
    return this.#native.lineStates(board);
  }

  /** Stepped mode: run `ms` of engine time, resolving once it has been spent. */
  async advance(ms: number): Promise<void> {
    await this.#command(() => this.#native.advance(ms));
  }

  stats(): EngineStats {
    return this.#native.stats();
  }

  /** Queues a native command; a refused one (bad channel, bad file) rejects, never throws. */
  #command(submit: () => number): Promise<NativeEvent> {
    let cmd: number;
    try {
      cmd = submit();
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => this.#pending.set(cmd, { resolve, reject }));
  }

  #onEvents(events: NativeEvent[]): void {
    for (const e of events) {
      this.clock.advanceTo(e.ts);
      if (e.cmd !== undefined) {
        const p = this.#pending.get(e.cmd);
        if (p) {
          this.#pending.delete(e.cmd);
          if (e.code) p.reject(createError(e.code, e.text ?? e.code));
          else p.resolve(e);
        }
      }
      this.emit(e.type, e);
      this.emit('event', e);
    }
    // Once the handlers and the promise chains they started have run: in fast
    // mode the media thread waits for this before its next frame.
    setImmediate(() => this.#native.batchDone());
  }
}
