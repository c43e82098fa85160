// A far end: the person or machine at the other end of a trunk call, either
// calling in (pstn.call) or called by the board (a number of the numbering
// plan). It hears with the world's detectors and talks through the line model.
import { CtiError } from '../native/errors.ts';
import type { FarKind, SimTone } from './config.ts';
import { HeardLog, heardKindOf, type Heard, type HeardSpec } from './heard.ts';
import type { NativeSimBoard } from './addon.ts';
import type { Waiters } from './waiters.ts';

/** The exchange's trunk states (firmware-sim/src/states.h), plus where a call starts and ends. */
export type FarState =
  'placing' | 'offering' | 'dial-tone' | 'digits' | 'alerting' | 'connected' | 'treatment' | 'far-cleared' | 'board-cleared' | 'ended';

export type FarWait = HeardSpec | 'digits' | 'connected' | 'ended' | 'alerting' | 'treatment' | 'far-cleared';

export interface WaitOptions {
  /** World ms. Default 30000. */
  timeoutMs?: number;
  /** 'digits': how many. Default 1. */
  count?: number;
}

export class FarEnd {
  state: FarState = 'placing';
  /** Why the call ended ('board hung up', 'far end hung up', 'busy', 'span alarm', ...). */
  endedReason?: string;
  readonly states: { state: FarState; atMs: number }[] = [];
  readonly log = new HeardLog();
  /** Outgoing over MFC-R2 registers: whether the board sent its number (`from`) shown, withheld or none. */
  callingPresentation?: 'allowed' | 'restricted' | 'unavailable';
  /** Script steps finished: index and 'done' | 'timeout' | 'hangup'. */
  readonly script: { step: number; result: string; atMs: number }[] = [];

  constructor(
    private readonly board: NativeSimBoard,
    private readonly waiters: Waiters,
    readonly id: number,
    readonly direction: 'incoming' | 'outgoing',
    /** Board channel (1-based) of the trunk. */
    readonly channel: number,
    /** 'line:N' or 'e1:TS' / 'e1:S:TS'. */
    readonly trunk: string,
    /** Incoming: the caller's number; outgoing: the calling number the board sent (MFC-R2), else the trunk's own number. */
    readonly from: string,
    /** Incoming: the trunk's number; outgoing: the number the board dialled. */
    readonly to: string,
    readonly kind: FarKind,
  ) {}

  /** Everything it heard, in order. */
  get heard(): readonly Heard[] {
    return this.log.entries;
  }

  get connected(): boolean {
    return this.state === 'connected';
  }

  /** @internal */
  setState(s: FarState, atMs: number): void {
    this.state = s;
    this.states.push({ state: s, atMs });
  }

  /** @internal */
  end(reason: string, atMs: number): void {
    if (this.state === 'ended') return;
    this.endedReason = reason;
    this.setState('ended', atMs);
  }

  /** Wait for something heard, a number of digits, or a state. */
  waitFor(what: 'digits', opts?: WaitOptions): Promise<string>;
  waitFor(what: 'connected' | 'ended' | 'alerting' | 'treatment' | 'far-cleared', opts?: WaitOptions): Promise<FarEnd>;
  waitFor(what: HeardSpec, opts?: WaitOptions): Promise<Heard>;
  waitFor(what: FarWait, opts: WaitOptions = {}): Promise<unknown> {
    const label = `far end ${this.id} (${this.trunk}) waiting for ${what}`;
    if (what === 'digits') {
      const n = opts.count ?? 1;
      return this.waiters.wait(label, () => this.log.takeDigits(n), opts.timeoutMs);
    }
    if (['connected', 'ended', 'alerting', 'treatment', 'far-cleared'].includes(what)) {
      return this.waiters.wait(label, () => (this.states.some((s) => s.state === what) ? this : undefined), opts.timeoutMs);
    }
    const k = heardKindOf(what);
    if (!k) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `waitFor: unknown condition ${JSON.stringify(what)}`);
    return this.waiters.wait(label, () => this.log.take(k.kind, k.value), opts.timeoutMs);
  }

  /** Press DTMF keys (100 ms tones, 100 ms gaps; ',' = 0.5 s pause). */
  press(digits: string): this {
    if (!/^[0-9*#A-D,]+$/.test(digits))
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `press: DTMF digits only (0-9 * # A-D ,), got ${JSON.stringify(digits)}`);
    this.board.far('press', this.id, digits);
    return this;
  }

  /** Talk (speech-like audio) for ms. */
  speak(ms: number): this {
    checkMs('speak', ms);
    this.board.far('speak', this.id, ms);
    return this;
  }

  /** Say nothing for ms (queued after what it is saying). */
  silence(ms: number): this {
    checkMs('silence', ms);
    this.board.far('silence', this.id, ms);
    return this;
  }

  /** Play a tone of the plan (for ms; a cadenced tone otherwise plays for ever). */
  play(tone: SimTone, ms = 0): this {
    this.board.far('play', this.id, tone, ms);
    return this;
  }

  hangup(): this {
    this.board.far('hangup', this.id);
    return this;
  }
}

function checkMs(what: string, ms: number): void {
  if (!Number.isInteger(ms) || ms < 1 || ms > 3_600_000)
    throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${what}: ms must be an integer 1..3600000, got ${ms}`);
}
