// A pure-TS engine with the MediaEngine's shape (EnginePort) for unit tests of
// the call layer and of services: no addon, no audio. Boards of FXS ports,
// FXO lines and E1 timeslots follow the native line rules (simplified); media
// operations take engine time; the test plays the world: a phone's hook and
// keypad, a PSTN caller ringing in and giving up, the far end of a dialled
// call answering, playing tones, hanging up, span alarms and board resets.
// Time moves only with advance(ms), one 20 ms frame at a time; events are
// delivered in a batch at the end of each frame, as the engine does.
import { EventEmitter } from 'node:events';
import { EngineClock } from '../../../src/native/clock.ts';
import { CtiError } from '../../../src/native/errors.ts';
import type { BoardInfo, ChannelRef, CollectResult, PlayResult, RecordResult } from '../../../src/native/engine.ts';
import type {
  CollectRequest,
  DetectRequest,
  LineStateName,
  NativeEvent,
  PlayRequest,
  RecordRequest,
  SimpleOp,
} from '../../../src/native/types/engine.ts';
import type { EnginePort } from '../../../src/telephony/engine-port.ts';
import type { ChannelKind } from '../../../src/telephony/types.ts';
import { MockChannel } from './mock-channel.ts';

export interface MockBoardSpec {
  fxs?: number;
  fxo?: number;
  /** E1 spans of 30 timeslots each */
  e1?: number;
  law?: 'alaw' | 'ulaw';
}

export interface MockEngineOptions {
  frameMs?: 10 | 20;
  /** tone detection available (the engine was given a tone plan) */
  tonePlan?: boolean;
  /** how long a prompt file plays, ms */
  fileMs?: (path: string) => number;
}

interface Board {
  info: BoardInfo;
  channels: MockChannel[];
}

export class MockEngine extends EventEmitter implements EnginePort {
  readonly clock = new EngineClock();
  readonly frameMs: number;
  readonly tonePlan: boolean;
  /** every command, in order: `op board/channel` */
  readonly commands: string[] = [];
  #boards: Board[] = [];
  #batch: NativeEvent[] = [];
  #seq = 0;
  #flushScheduled = false;
  #fileMs: (p: string) => number;

  constructor(opts: MockEngineOptions = {}) {
    super();
    this.frameMs = opts.frameMs ?? 20;
    this.tonePlan = opts.tonePlan ?? true;
    this.#fileMs = opts.fileMs ?? (() => 2000);
  }

  addBoard(spec: MockBoardSpec = { fxs: 8, fxo: 8, e1: 1 }): number {
    const id = this.#boards.length;
    const law = spec.law ?? 'alaw';
    const chans: BoardInfo['channels'] = [];
    const add = (span: number, kind: ChannelKind, n: number) => {
      for (let i = 0; i < n; i++) chans.push({ span, number: chans.length + 1, kind: kind as 'fxs', law });
    };
    add(1, 'fxs', spec.fxs ?? 0);
    add(1, 'fxo', spec.fxo ?? 0);
    for (let s = 0; s < (spec.e1 ?? 0); s++) add(2 + s, 'e1', 30);
    const spans = Math.max(1, ...chans.map((c) => c.span));
    const info: BoardInfo = { driver: 'mock', spans, model: 'MOCK', serial: `MOCK-${id}`, firmware: 'mock-1', channels: chans };
    const channels = chans.map(
      (c) => new MockChannel(id, c.span, c.number, c.kind, (e) => this.#emit({ ...e, board: id, span: c.span, channel: c.number })),
    );
    this.#boards.push({ info, channels });
    return id;
  }

  // ---- EnginePort ---------------------------------------------------------------

  boardInfo(board: number): BoardInfo {
    return structuredClone(this.#board(board).info);
  }
  lineStates(board: number): LineStateName[] {
    return this.#board(board).channels.map((c) => c.state);
  }
  play(ch: ChannelRef, req: PlayRequest): Promise<PlayResult> {
    return this.#cmd('play', ch, (c) => {
      if (!req.file && !req.pcm && !req.tone && !req.digits) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'play: nothing to play');
      return c.startPlay(req, this.clock.now(), this.#fileMs);
    });
  }
  record(ch: ChannelRef, req: RecordRequest): Promise<RecordResult> {
    return this.#cmd('record', ch, (c) => c.startRecord(req, this.clock.now()));
  }
  collect(ch: ChannelRef, req: CollectRequest): Promise<CollectResult> {
    return this.#cmd('collect', ch, (c) => {
      if ((req.max ?? 1) < 1) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'collect: max must be >= 1');
      return c.startCollect(req, this.clock.now());
    });
  }
  detect(ch: ChannelRef, req: DetectRequest): Promise<void> {
    return this.#cmd('detect', ch, async (c) => {
      if (req.tones && !this.tonePlan) throw new CtiError('CTI_ERR_BAD_TONE_PLAN', 'tone detection needs a tone plan');
      c.detect = { ...req };
    });
  }
  bridge(a: ChannelRef, b: ChannelRef): Promise<void> {
    return this.#cmd('bridge', a, async (ca) => {
      const cb = this.#chan(b);
      if (ca === cb) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'cannot bridge a channel to itself');
      for (const c of [ca, cb]) {
        if (c.peer) c.peer.peer = undefined;
        c.conference = undefined;
      }
      ca.peer = cb;
      cb.peer = ca;
    });
  }
  conference(ch: ChannelRef, conference: number): Promise<void> {
    return this.#cmd('conference', ch, async (c) => {
      if (c.peer) c.peer = c.peer.peer = undefined;
      c.conference = conference;
    });
  }
  stop(op: SimpleOp, ch: ChannelRef): Promise<void> {
    return this.#cmd(op, ch, async (c) => this.#simple(op, c));
  }
  offhook(ch: ChannelRef): Promise<void> {
    return this.stop('offhook', ch);
  }
  onhook(ch: ChannelRef): Promise<void> {
    return this.stop('onhook', ch);
  }
  flash(ch: ChannelRef): Promise<void> {
    return this.stop('flash', ch);
  }
  stopRing(ch: ChannelRef): Promise<void> {
    return this.stop('stopRing', ch);
  }
  ring(ch: ChannelRef): Promise<void> {
    return this.#cmd('ring', ch, async (c) => {
      if (c.kind !== 'fxs') throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'only FXS ports ring (this is a line, not a phone)');
      if (c.state !== 'idle')
        throw new CtiError(
          'CTI_ERR_BUSY',
          c.state === 'blocked' ? 'the port is out of service' : 'the phone is off hook or already ringing',
        );
      c.go('ringing');
    });
  }

  /** Runs `ms` of engine time, frame by frame. */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    while (this.clock.now() < end) this.step();
  }

  /** One frame: timers due, media operations that ran out, then the frame's events. */
  step(): void {
    const now = this.clock.now() + this.frameMs;
    this.clock.advanceTo(now);
    for (const b of this.#boards) for (const c of b.channels) c.tick(now);
    this.#flush();
  }

  // ---- the world (tests) ----------------------------------------------------------

  channel(ch: ChannelRef): MockChannel {
    return this.#chan(ch);
  }

  /** FXS: the phone's handset comes up (answers a ringing phone, or wants to call). */
  phoneOffhook(ch: ChannelRef): void {
    const c = this.#chan(ch);
    if (c.state === 'ringing') {
      c.go('up');
      this.#line(c, 'line:answered');
    } else if (c.state === 'idle') {
      c.go('up');
      this.#line(c, 'line:offhook');
    }
  }
  phoneOnhook(ch: ChannelRef): void {
    const c = this.#chan(ch);
    if (c.state !== 'up' && c.state !== 'clearing') return;
    c.go('idle');
    this.#line(c, 'line:onhook');
  }
  phoneFlash(ch: ChannelRef, ms = 300): void {
    const c = this.#chan(ch);
    if (c.state === 'up') this.#line(c, 'line:flash', undefined, ms);
  }
  /** Digits from a phone's keypad or the far end of a line (heard when a detector listens). */
  press(ch: ChannelRef, digits: string): void {
    const c = this.#chan(ch);
    for (const d of digits) c.digit(d, this.clock.now());
  }

  /** FXO/E1: a call comes in (FXO: the first ring; E1: the seizure). */
  ringIn(ch: ChannelRef): void {
    const c = this.#chan(ch);
    if (c.state !== 'idle') return;
    c.outgoing = false;
    c.go('alerting');
    this.#line(c, 'line:ring', c.kind === 'e1' ? 'seizure' : undefined, 1);
  }
  /** FXO: one more ring of an alerting line. */
  ringAgain(ch: ChannelRef, count: number): void {
    const c = this.#chan(ch);
    if (c.state === 'alerting') this.#line(c, 'line:ring', undefined, count);
  }
  /** The caller hangs up before the answer. */
  callerGivesUp(ch: ChannelRef): void {
    const c = this.#chan(ch);
    if (c.state !== 'alerting') return;
    c.go('idle');
    this.#line(c, 'line:ring-stopped', c.kind === 'e1' ? 'clear-forward' : 'timeout');
  }
  /** The far end of a call we placed answers (polarity reversal, CAS answer). */
  farAnswer(ch: ChannelRef, how = 'polarity'): void {
    const c = this.#chan(ch);
    if (c.state !== 'seized') return;
    c.go('up');
    this.#line(c, 'line:answered', how);
  }
  /** The far end leaves (cause: polarity, loop-drop, clear-forward, clear-back). */
  farHangup(ch: ChannelRef, cause = 'loop-drop'): void {
    const c = this.#chan(ch);
    if (c.state !== 'up' && c.state !== 'seized') return;
    c.go('clearing');
    this.#line(c, 'line:disconnect', cause);
  }
  /** The far end sends a call-progress tone (heard when tone detection runs); ends after `ms` if given. */
  tone(ch: ChannelRef, name: string, ms?: number): void {
    const c = this.#chan(ch);
    const start = this.clock.now();
    if (c.detect.tones) this.#emitOn(c, { type: 'tone:start', name, startMs: start });
    if (ms !== undefined) this.clock.setTimeout(() => this.toneEnd(ch, name, start), ms);
  }
  toneEnd(ch: ChannelRef, name: string, startMs = 0): void {
    const c = this.#chan(ch);
    if (c.detect.tones) this.#emitOn(c, { type: 'tone:end', name, startMs, endMs: this.clock.now() });
  }
  /** Voice (energy) from the far end. */
  voice(ch: ChannelRef, on = true): void {
    const c = this.#chan(ch);
    if (c.detect.energy) this.#emitOn(c, { type: on ? 'energy:voice' : 'energy:silence', startMs: this.clock.now() });
  }
  /** Span alarm raised (bits) or cleared (0). */
  spanAlarm(board: number, span: number, bits: number): void {
    for (const c of this.#board(board).channels.filter((x) => x.span === span)) {
      if (bits) {
        if (['up', 'seized', 'alerting', 'ringing'].includes(c.state)) this.#line(c, 'line:disconnect', 'alarm');
        c.state = 'blocked';
        this.#line(c, 'line:state', 'blocked');
      } else if (c.state === 'blocked') {
        c.go('idle');
      }
    }
    this.#emit({ type: 'span:alarm', board, span, value: bits });
  }
  /** The board resets: every channel idle. */
  boardReset(board: number): void {
    for (const c of this.#board(board).channels) {
      if (c.state !== 'idle' && c.state !== 'blocked') this.#line(c, 'line:disconnect', 'reset');
      c.state = 'idle';
      this.#line(c, 'line:state', 'idle');
    }
    this.#emit({ type: 'board:reset', board, span: -1 });
  }

  // ---- internals --------------------------------------------------------------------

  #simple(op: SimpleOp, c: MockChannel): void {
    const now = this.clock.now();
    switch (op) {
      case 'stopPlay':
        return c.finishPlay('stopped', now);
      case 'stopCollect':
        return c.finishCollect('stopped');
      case 'stopRecord':
        return c.finishRecord('stopped', now);
      case 'unbridge':
        if (c.peer) c.peer = c.peer.peer = undefined;
        return;
      case 'confLeave':
        c.conference = undefined;
        return;
      case 'hangup':
        if (c.peer) c.peer = c.peer.peer = undefined;
        c.conference = undefined;
        return c.hangupMedia(now);
      case 'offhook':
        if (c.kind === 'fxs') throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'an FXS port cannot go off hook: its phone does');
        if (c.state === 'blocked') throw new CtiError('CTI_ERR_DISCONNECTED', 'the span is in alarm');
        if (c.state === 'alerting') return c.go('up');
        if (c.state === 'idle') {
          c.outgoing = true;
          return c.go('seized');
        }
        throw new CtiError('CTI_ERR_BUSY', 'the line is already off hook');
      case 'onhook':
        if (c.kind === 'fxs') {
          if (c.state === 'ringing') c.go('idle');
          else if (c.state === 'up') c.go('clearing');
          return;
        }
        if (c.state !== 'blocked') c.go('idle');
        return;
      case 'flash':
        if (c.kind !== 'fxo' || c.state !== 'up')
          throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'hook flash needs an FXO line that is off hook');
        return;
      case 'stopRing':
        if (c.state === 'ringing') c.go('idle');
        return;
    }
  }

  #cmd<T>(op: string, ch: ChannelRef, f: (c: MockChannel) => Promise<T>): Promise<T> {
    this.commands.push(`${op} ${ch.board}/${ch.channel}`);
    try {
      return f(this.#chan(ch));
    } catch (e) {
      return Promise.reject(e);
    } finally {
      this.#scheduleFlush();
    }
  }

  #board(b: number): Board {
    const board = this.#boards[b];
    if (!board) throw new CtiError('CTI_ERR_NO_SUCH_BOARD', `no board ${b}`);
    return board;
  }
  #chan(ch: ChannelRef): MockChannel {
    const c = this.#board(ch.board).channels[ch.channel - 1];
    if (!c) throw new CtiError('CTI_ERR_NO_SUCH_CHANNEL', `no channel ${ch.channel} on board ${ch.board}`);
    return c;
  }
  #line(c: MockChannel, type: string, name?: string, value?: number): void {
    this.#emitOn(c, { type, ...(name !== undefined ? { name } : {}), ...(value !== undefined ? { value } : {}) });
  }
  #emitOn(c: MockChannel, e: Omit<NativeEvent, 'seq' | 'ts'>): void {
    this.#emit({ ...e, board: c.board, span: c.span, channel: c.number });
  }
  #emit(e: Omit<NativeEvent, 'seq' | 'ts'>): void {
    this.#batch.push({ ...e, seq: ++this.#seq, ts: this.clock.now() });
    this.#scheduleFlush();
  }
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => this.#flush());
  }
  #flush(): void {
    this.#flushScheduled = false;
    while (this.#batch.length) {
      const batch = this.#batch;
      this.#batch = [];
      for (const e of batch) {
        this.emit(e.type, e);
        this.emit('event', e);
      }
    }
  }
}
