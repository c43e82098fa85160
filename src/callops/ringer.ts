// Rings an extension for a call the way its settings say: do not disturb
// (busy), forwarding always / on busy / on no answer (to another extension
// or an outside number), and pickup by a colleague while it rings. Also the
// camp-on watcher: when a busy extension is free again, the extension that
// asked rings first; when it answers, the other rings.
import { CtiError } from '../native/errors.ts';
import type { TimerHandle } from '../native/clock.ts';
import type { Call } from '../telephony/call.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import type { Telephony } from '../telephony/telephony.ts';
import type { ExtensionSettings } from './settings.ts';

export type RingResult = 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export interface RingOutcome {
  result: RingResult;
  /** the leg that answered (a phone, a picked-up phone, or an outside line) */
  leg?: Leg;
  /** the extension or number that finally rang */
  target: string;
}

export interface RingerOptions {
  telephony: Telephony;
  settings: ExtensionSettings;
  tones: ToneSource;
  log: Log;
  /** an extension starts ringing for a call (screen pops; notes of an attended transfer) */
  ringing?: (call: Call, ext: string, phone: Leg, notes?: string) => void;
  campOnPollMs?: number;
  campOnRingMs?: number;
}

interface Ringing {
  call: Call;
  phone: Leg;
  pickup: (by: Leg) => void;
}

export interface PlaceOptions {
  timeoutMs?: number;
  notes?: string;
  depth?: number;
  /** aborted: the ringing stops at once and the outcome is 'canceled' (an attended transfer taken back) */
  signal?: AbortSignal;
}

const MAX_FORWARDS = 5;

export class ExtensionRinger {
  /** extensions ringing now, by extension */
  readonly ringingNow = new Map<string, Ringing>();
  #timer: TimerHandle | undefined;
  #campOnBusy = new Set<string>();

  constructor(private readonly o: RingerOptions) {}

  start(): this {
    const poll = () => {
      this.#campOnTick();
      this.#timer = this.o.telephony.clock.setTimeout(poll, this.o.campOnPollMs ?? 1000);
    };
    this.#timer = this.o.telephony.clock.setTimeout(poll, this.o.campOnPollMs ?? 1000);
    return this;
  }

  stop(): void {
    if (this.#timer) this.o.telephony.clock.clearTimeout(this.#timer);
  }

  now(): number {
    return this.o.telephony.clock.now();
  }

  /** Is the extension's phone free (on hook, in no call)? */
  free(ext: string): boolean {
    const ch = this.o.telephony.inventory.byExtension(ext);
    return !!ch && !ch.leg && !ch.clearing && ch.lineState === 'idle';
  }

  /** Rings `ext` (following DND and forwards) within `call`; resolves with who answered. Does not touch the caller's audio. */
  async place(call: Call, ext: string, opts: PlaceOptions = {}): Promise<RingOutcome> {
    const { telephony, settings } = this.o;
    const depth = opts.depth ?? 0;
    const next = (to: string, why: string) => {
      call.vars.forwardedFrom ??= ext;
      call.log.info({ from: ext, to, why }, 'call forwarded');
      return this.placeTo(call, to, { ...opts, depth: depth + 1 });
    };
    if (!telephony.inventory.byExtension(ext)) throw new CtiError('CTI_ERR_NOT_FOUND', `no extension ${ext}`);
    if (opts.signal?.aborted) return { result: 'canceled', target: ext };
    if (depth < MAX_FORWARDS) {
      const always = settings.forwardOf(ext, 'always');
      if (always) return next(always, 'always');
    }
    if (settings.dnd(ext) || !this.free(ext)) {
      const busy = depth < MAX_FORWARDS ? settings.forwardOf(ext, 'busy') : undefined;
      if (busy) return next(busy, settings.dnd(ext) ? 'dnd' : 'busy');
      return { result: 'busy', target: ext };
    }
    const noAnswer = depth < MAX_FORWARDS ? settings.forwardOf(ext, 'no-answer') : undefined;
    const timeoutMs = noAnswer ? Math.min(settings.noAnswerMs(ext), opts.timeoutMs ?? 30000) : (opts.timeoutMs ?? 30000);
    let phone: Leg;
    try {
      phone = await telephony.ring(ext, { call, ...(call.from ? { callerId: call.from } : {}) });
    } catch (e) {
      if (e instanceof CtiError && e.code === 'CTI_ERR_BUSY') return { result: 'busy', target: ext };
      throw e;
    }
    this.o.ringing?.(call, ext, phone, opts.notes);
    let picker: Leg | undefined;
    const picked = new Promise<boolean>((resolve) => {
      this.ringingNow.set(ext, { call, phone, pickup: (by) => ((picker = by), resolve(true)) });
    });
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<false>((resolve) => {
      onAbort = () => resolve(false);
      // Taken back while the ring was being set up: an abort event already went by.
      if (opts.signal?.aborted) resolve(false);
      else opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    const answered = await Promise.race([phone.waitForAnswer(timeoutMs), picked, aborted]);
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    if (this.ringingNow.get(ext)?.phone === phone) this.ringingNow.delete(ext);
    if (!answered && !picker && opts.signal?.aborted) {
      if (phone.state === 'ringing') await phone.stopRinging('canceled');
      return { result: 'canceled', target: ext };
    }
    if (picker) {
      if (phone.state === 'ringing') await phone.stopRinging('canceled');
      return { result: 'answered', leg: picker, target: picker.channel.role.extension ?? ext };
    }
    if (answered) return { result: 'answered', leg: phone, target: ext };
    if (phone.state === 'ringing') await phone.stopRinging('no-answer');
    if (noAnswer && (call.origin?.live ?? false)) return next(noAnswer, 'no-answer');
    return { result: 'no-answer', target: ext };
  }

  /** Rings an extension, or dials an outside number, within `call`. */
  async placeTo(call: Call, to: string, opts: PlaceOptions): Promise<RingOutcome> {
    if (this.o.telephony.inventory.byExtension(to)) return this.place(call, to, opts);
    try {
      const out = await this.o.telephony.dial(to, { call, ...(call.from ? { callerId: call.from } : {}) });
      const result: RingResult =
        out.result === 'answered' ? 'answered' : out.result === 'busy' ? 'busy' : out.result === 'no-answer' ? 'no-answer' : 'failed';
      if (result !== 'answered' && out.leg.live) await out.leg.hangup(out.result === 'busy' ? 'busy' : 'no-answer');
      return { result, ...(result === 'answered' ? { leg: out.leg } : {}), target: to };
    } catch (e) {
      if (e instanceof CtiError && e.code === 'CTI_ERR_BUSY') return { result: 'busy', target: to };
      throw e;
    }
  }

  /** Rings a target (extension or outside number) within `call`, with ringback to `caller`; bridges on answer. */
  async connect(call: Call, caller: Leg, to: string, opts: { timeoutMs?: number; notes?: string } = {}): Promise<RingOutcome> {
    const ringback = this.tone(caller, 'ringback');
    const out = await this.placeTo(call, to, opts).finally(() => ringback.stop());
    if (out.result === 'answered' && out.leg && caller.live && out.leg.live) {
      if (caller.state === 'held') await caller.unhold();
      await call.bridge(caller, out.leg);
    } else if (out.leg?.live && !caller.live) {
      await out.leg.hangup('normal', 'the caller left');
    }
    return out;
  }

  /**
   * What the inbound and phone routes call: ring, bridge on answer; busy tone
   * then release on busy; release on no answer.
   */
  async ringExtension(call: Call, caller: Leg, ext: string, timeoutMs: number): Promise<void> {
    const out = await this.connect(call, caller, ext, { timeoutMs });
    if (out.result === 'answered' || !caller.live) return;
    if (out.result === 'busy') {
      const t = this.tone(caller, 'busy');
      await this.o.telephony.clock.sleep(3000);
      await t.stop();
    }
    if (caller.live) await caller.hangup(out.result === 'busy' ? 'busy' : 'no-answer', `extension ${ext}: ${out.result}`);
  }

  /** The extension ringing that pickup(by, ext) would take, and its call: `ext` (none: the one ringing longest) but not `not`. */
  ringingAt(ext: string | undefined, not?: string): { ext: string; call: Call } | undefined {
    const entries = [...this.ringingNow.entries()].filter(([x]) => x !== not);
    const hit = ext ? entries.find(([x]) => x === ext) : entries[0];
    return hit ? { ext: hit[0], call: hit[1].call } : undefined;
  }

  /** A phone picks up the call ringing at `ext` (or, with none given, the call ringing longest). */
  pickup(by: Leg, ext?: string): Call | undefined {
    const entries = [...this.ringingNow.entries()].filter(([x]) => x !== by.channel.role.extension);
    const hit = ext ? entries.find(([x]) => x === ext) : entries[0];
    if (!hit) return undefined;
    const [, r] = hit;
    this.ringingNow.delete(hit[0]);
    this.o.telephony.moveLeg(by, r.call);
    r.call.vars.pickedUpBy = by.channel.role.extension ?? by.id;
    r.call.vars.pickedUpAtMs = this.now();
    r.pickup(by);
    return r.call;
  }

  /** A tone of the plan to the leg until stopped. */
  tone(leg: Leg, tone: 'ringback' | 'busy' | 'dial' | 'congestion'): { stop: () => Promise<void> } {
    const d = this.o.tones(tone);
    if (!d || !leg.live) return { stop: async () => {} };
    let playing = true;
    leg
      .play({ tone: d })
      .catch(() => {})
      .finally(() => (playing = false));
    return { stop: async () => (playing && leg.live ? leg.stopPlay().catch(() => {}) : undefined) };
  }

  #campOnTick(): void {
    for (const c of this.o.settings.campOns()) {
      if (this.#campOnBusy.has(c.from) || !this.free(c.to) || !this.free(c.from)) continue;
      this.o.settings.removeCampOn(c);
      this.#campOnBusy.add(c.from);
      void this.#campOnCall(c.from, c.to).finally(() => this.#campOnBusy.delete(c.from));
    }
  }

  /** The camp-on callback: ring the one who asked (showing the other's number); on answer ring the other. */
  async #campOnCall(from: string, to: string): Promise<void> {
    const { telephony } = this.o;
    const call = telephony.newCall('internal');
    call.from = to;
    call.to = from;
    call.vars.campOn = to;
    try {
      const phone = await telephony.ring(from, { call, callerId: to });
      if (!(await phone.waitForAnswer(this.o.campOnRingMs ?? 20000))) {
        if (phone.state === 'ringing') await phone.stopRinging('no-answer');
        return;
      }
      call.from = from;
      call.to = to;
      await this.ringExtension(call, phone, to, 30000);
    } catch (e) {
      this.o.log.warn({ from, to, err: (e as Error).message }, 'camp-on callback failed');
      if (call.live) await call.hangup('failed', (e as Error).message).catch(() => {});
    }
  }
}
