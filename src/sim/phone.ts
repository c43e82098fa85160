// A desk phone on an FXS port, as a person uses it: lift, dial, talk, flash,
// hang up; it rings (the cadence it saw is recorded) and shows caller ID on its
// display, decoded from the FSK the board sends in the ring pause (nothing
// shown when none came or its checksum failed); it hears with the world's
// detectors.
import { CtiError } from '../native/errors.ts';
import { HeardLog, heardKindOf, type Heard, type HeardSpec } from './heard.ts';
import type { NativeSimBoard } from './addon.ts';
import type { Waiters } from './waiters.ts';
import type { WaitOptions } from './far-end.ts';

export type PhoneHookState = 'idle' | 'ringing' | 'ring-pause' | 'off-hook' | 'flashing';

export interface PhoneStatus {
  hook: 'on' | 'off';
  state: PhoneHookState;
  /** Ringing voltage present now. */
  ringing: boolean;
  /** Rings since it last rang from quiet. */
  rings: number;
  /** Ringer on/off durations seen, ms, oldest first (on, off, on, ...). */
  cadenceMs: number[];
  /** Caller ID shown on the display (null: nothing shown). */
  display: string | null;
  /** Battery reversed by the board (FXS answer supervision). */
  polarityReversed: boolean;
  /** The message-waiting lamp, as the last FSK MWI message (0x82) set it. */
  messageWaiting: boolean;
}

export type PhoneWait = HeardSpec | 'digits' | 'ringing' | 'ring-off' | 'idle' | 'off-hook';

export class Phone {
  readonly log = new HeardLog();
  /** Ringer changes: on/off and when. */
  readonly ringLog: { on: boolean; atMs: number }[] = [];
  private ringCursor = 0;
  private afterPulse = false;
  private status: PhoneStatus = {
    hook: 'on',
    state: 'idle',
    ringing: false,
    rings: 0,
    cadenceMs: [],
    display: null,
    polarityReversed: false,
    messageWaiting: false,
  };
  readonly stateLog: { state: PhoneHookState; atMs: number }[] = [];
  /**
   * What the phone noticed on its line, for checks of caller ID timing:
   * 'polarity' (1 reversed, 0 normal), 'alert' (DT-AS heard 1 / gone 0),
   * 'data' (other signal -- the FSK -- heard 1 / gone 0, on hook),
   * 'ring-pulse' (a ringer burst too short to be a ring; value: its ms),
   * 'ring' (1 on, 0 off) and 'display' (value 0; text: what it shows).
   */
  readonly lineLog: {
    what: 'polarity' | 'alert' | 'data' | 'ring-pulse' | 'ring' | 'display';
    value: number;
    atMs: number;
    text?: string;
  }[] = [];

  constructor(
    private readonly board: NativeSimBoard,
    private readonly waiters: Waiters,
    readonly extension: string,
    /** Board channel (1-based). */
    readonly channel: number,
  ) {}

  get state(): Readonly<PhoneStatus> {
    return this.status;
  }

  get heard(): readonly Heard[] {
    return this.log.entries;
  }

  /** @internal */
  onRing(on: boolean, prevMs: string, atMs: number): void {
    this.lineLog.push({ what: 'ring', value: on ? 1 : 0, atMs });
    // The gap after an alerting ring pulse is no part of the cadence.
    if (prevMs !== '' && this.ringLog.length > 0 && !this.afterPulse) this.status.cadenceMs.push(Number(prevMs));
    this.afterPulse = false;
    this.ringLog.push({ on, atMs });
    this.status.ringing = on;
  }

  /** @internal */
  onState(text: string, value: number, atMs: number): void {
    if (text === 'polarity') {
      this.status.polarityReversed = value === 1;
      this.lineLog.push({ what: 'polarity', value, atMs });
      return;
    }
    if (text === 'ring-pulse') this.afterPulse = true;
    if (text === 'alert' || text === 'data' || text === 'ring-pulse') {
      this.lineLog.push({ what: text, value, atMs });
      return;
    }
    if (text === 'mwi') {
      this.status.messageWaiting = value === 1;
      return;
    }
    const s = text as PhoneHookState;
    this.status.state = s;
    this.status.hook = s === 'off-hook' ? 'off' : s === 'flashing' ? 'on' : 'on';
    if (s === 'ringing') this.status.rings = value;
    if (s === 'idle') {
      this.status.rings = 0;
      if (!this.status.ringing) this.status.cadenceMs = [];
    }
    this.stateLog.push({ state: s, atMs });
  }

  /** @internal: the phone's caller ID receiver (phone:display) sets what the display shows. */
  setDisplay(text: string | null, atMs?: number): void {
    this.status.display = text;
    if (atMs !== undefined) this.lineLog.push({ what: 'display', value: 0, atMs, text: text ?? '' });
  }

  offhook(): this {
    this.board.phone('offhook', this.channel);
    return this;
  }

  onhook(): this {
    this.board.phone('onhook', this.channel);
    return this;
  }

  /** DTMF from the keypad (100 ms tones, 100 ms gaps; ',' = 0.5 s pause). Needs the phone off hook. */
  dial(digits: string): this {
    if (!/^[0-9*#A-D,]+$/.test(digits))
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `dial: DTMF digits only (0-9 * # A-D ,), got ${JSON.stringify(digits)}`);
    this.board.phone('dial', this.channel, digits);
    return this;
  }

  /** Hook flash: on hook for ms (default the world's flashMs, 300). */
  flash(ms = 0): this {
    if (!Number.isInteger(ms) || ms < 0 || ms > 2000)
      throw new CtiError('CTI_ERR_BAD_ARGUMENT', `flash: ms must be an integer 0..2000, got ${ms}`);
    this.board.phone('flash', this.channel, ms);
    return this;
  }

  /** Talk into the handset (speech-like audio) for ms. */
  speak(ms: number): this {
    if (!Number.isInteger(ms) || ms < 1) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `speak: ms must be a positive integer, got ${ms}`);
    this.board.phone('speak', this.channel, ms);
    return this;
  }

  /** Wait for: 'ringing' (the next ring), 'ring-off', 'idle', 'off-hook', something heard, or 'digits'. */
  waitFor(what: 'digits', opts?: WaitOptions): Promise<string>;
  waitFor(what: 'ringing' | 'ring-off' | 'idle' | 'off-hook', opts?: WaitOptions): Promise<Phone>;
  waitFor(what: HeardSpec, opts?: WaitOptions): Promise<Heard>;
  waitFor(what: PhoneWait, opts: WaitOptions = {}): Promise<unknown> {
    const label = `phone ${this.extension} waiting for ${what}`;
    if (what === 'digits') return this.waiters.wait(label, () => this.log.takeDigits(opts.count ?? 1), opts.timeoutMs);
    if (what === 'ringing' || what === 'ring-off') {
      const on = what === 'ringing';
      return this.waiters.wait(
        label,
        () => {
          for (let i = this.ringCursor; i < this.ringLog.length; i++) {
            if (this.ringLog[i]!.on === on) {
              this.ringCursor = i + 1;
              return this;
            }
          }
          return undefined;
        },
        opts.timeoutMs,
      );
    }
    if (what === 'idle' || what === 'off-hook')
      return this.waiters.wait(label, () => (this.status.state === what ? this : undefined), opts.timeoutMs);
    const k = heardKindOf(what);
    if (!k) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `waitFor: unknown condition ${JSON.stringify(what)}`);
    return this.waiters.wait(label, () => this.log.take(k.kind, k.value), opts.timeoutMs);
  }
}
