// One channel of the mock board: its line state (the native rules of
// native/sig, simplified: no flash window, no ring cadence) and the media
// operations running on it, timed in engine ms by the mock engine's frames.
import { CtiError } from '../../../src/native/errors.ts';
import type {
  CollectRequest,
  DetectRequest,
  LineStateName,
  NativeEvent,
  PlayRequest,
  RecordRequest,
} from '../../../src/native/types/engine.ts';
import type { CollectResult, PlayResult, RecordResult } from '../../../src/native/engine.ts';
import type { ChannelKind } from '../../../src/telephony/types.ts';

export type Emit = (e: Omit<NativeEvent, 'seq' | 'ts' | 'board' | 'span' | 'channel'>) => void;

interface Op<R> {
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

interface PlayOp extends Op<PlayResult> {
  req: PlayRequest;
  started: number;
  endsAt: number; // Infinity: loops
}

interface CollectOp extends Op<CollectResult> {
  req: CollectRequest;
  digits: string;
  deadline: number;
}

interface RecordOp extends Op<RecordResult> {
  req: RecordRequest;
  started: number;
}

/** How long a play request lasts, in ms (Infinity when it loops). */
export function playDuration(req: PlayRequest, fileMs: (path: string) => number): number {
  if (req.loop) return Infinity;
  if (req.file) return fileMs(req.file);
  if (req.pcm) return Math.round(req.pcm.length / 8);
  if (req.digits)
    return [...req.digits].reduce((ms, d) => ms + (d === ',' ? (req.pauseMs ?? 500) : (req.onMs ?? 100) + (req.offMs ?? 100)), 0);
  if (req.tone) {
    if (req.tone.repeat === 0) return Infinity;
    return req.tone.segments.reduce((ms, s) => ms + s.ms, 0) * (req.tone.repeat ?? 1);
  }
  return 0;
}

export class MockChannel {
  state: LineStateName = 'idle';
  detect: DetectRequest = {};
  peer: MockChannel | undefined;
  conference: number | undefined;
  play: PlayOp | undefined;
  collect: CollectOp | undefined;
  record: RecordOp | undefined;
  typeahead = '';
  /** every play request, in order (what the far end would have heard) */
  readonly played: PlayRequest[] = [];
  /** FXS: the phone's hook; FXO/E1: we placed the call */
  outgoing = false;

  constructor(
    readonly board: number,
    readonly span: number,
    readonly number: number,
    readonly kind: ChannelKind,
    private readonly emit: Emit,
  ) {}

  go(to: LineStateName): void {
    if (this.state === to) return;
    this.state = to;
    this.emit({ type: 'line:state', name: to });
  }

  get active(): boolean {
    return this.state !== 'idle' && this.state !== 'blocked';
  }

  // ---- media --------------------------------------------------------------------

  startPlay(req: PlayRequest, now: number, fileMs: (p: string) => number): Promise<PlayResult> {
    this.cancelPlay();
    this.played.push(req);
    return new Promise((resolve, reject) => {
      this.play = { req, started: now, endsAt: now + playDuration(req, fileMs), resolve, reject };
    });
  }

  finishPlay(reason: PlayResult['reason'], now: number, digit?: string): void {
    const p = this.play;
    if (!p) return;
    this.play = undefined;
    p.resolve({ reason, durationMs: Math.min(now, p.endsAt) - p.started, ...(digit ? { digit } : {}) });
  }

  cancelPlay(): void {
    const p = this.play;
    this.play = undefined;
    p?.reject(new CtiError('CTI_ERR_CANCELED', 'play canceled by a newer command or a hang-up'));
  }

  startCollect(req: CollectRequest, now: number): Promise<CollectResult> {
    this.cancelCollect();
    if (req.flush) this.typeahead = '';
    return new Promise((resolve, reject) => {
      this.collect = { req, digits: '', deadline: now + (req.timeoutMs ?? 5000), resolve, reject };
      const typed = this.typeahead;
      this.typeahead = '';
      for (const d of typed) this.#collectDigit(d, now);
    });
  }

  finishCollect(reason: CollectResult['reason'], terminator?: string): void {
    const c = this.collect;
    if (!c) return;
    this.collect = undefined;
    c.resolve({ digits: c.digits, reason, ...(terminator ? { terminator } : {}) });
  }

  cancelCollect(): void {
    const c = this.collect;
    this.collect = undefined;
    c?.reject(new CtiError('CTI_ERR_CANCELED', 'collect canceled by a newer command or a hang-up'));
  }

  startRecord(req: RecordRequest, now: number): Promise<RecordResult> {
    this.finishRecord('stopped', now);
    return new Promise((resolve, reject) => {
      this.record = { req, started: now, resolve, reject };
    });
  }

  finishRecord(reason: RecordResult['reason'], now: number, digit?: string): void {
    const r = this.record;
    if (!r) return;
    this.record = undefined;
    r.resolve({ reason, durationMs: now - r.started, path: r.req.path, ...(digit ? { digit } : {}) });
  }

  /** The hangup command: every operation stops, detectors off. */
  hangupMedia(now: number): void {
    this.cancelPlay();
    this.cancelCollect();
    this.finishRecord('hangup', now);
    this.typeahead = '';
    this.detect = {};
  }

  /** A digit arrives from the far end (or the phone's keypad). */
  digit(d: string, now: number): void {
    const listening = this.detect.dtmf || this.collect || this.play?.req.bargeIn || this.record?.req.stopDigits;
    if (!listening) return;
    if (this.detect.dtmf || this.collect) this.emit({ type: 'dtmf:digit', digit: d, startMs: now });
    if (this.play?.req.bargeIn) this.finishPlay('barge-in', now, d);
    if (this.record?.req.stopDigits?.includes(d)) this.finishRecord('digit', now, d);
    if (this.collect) this.#collectDigit(d, now);
    else if (this.typeahead.length < 32) this.typeahead += d;
  }

  #collectDigit(d: string, now: number): void {
    const c = this.collect!;
    if (c.req.terminators?.includes(d)) return this.finishCollect('terminator', d);
    c.digits += d;
    if (c.digits.length >= (c.req.max ?? 1)) return this.finishCollect('max');
    if (c.req.interDigitTimeoutMs) c.deadline = now + c.req.interDigitTimeoutMs;
  }

  /** Per frame: operations that ran out of time. */
  tick(now: number): void {
    if (this.play && now >= this.play.endsAt) this.finishPlay('finished', now);
    if (this.collect && now >= this.collect.deadline) {
      this.finishCollect(this.collect.digits ? 'inter-digit-timeout' : 'timeout');
    }
    const r = this.record;
    if (r?.req.maxMs && now - r.started >= r.req.maxMs) this.finishRecord('max-length', now);
  }
}
