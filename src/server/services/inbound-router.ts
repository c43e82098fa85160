// Inbound routes of the configuration: a call arriving on a line is answered,
// hears a prompt (keys pressed meanwhile are kept), its digits are collected
// (kept on the call and its record), then an extension rings with the
// caller's number as caller ID while the caller hears ringback; on answer the
// two are bridged. No answer in time: the caller is released (no-answer); the
// extension busy: busy tone, then released (busy). Voicemail and queues come
// with their issues. A route naming an IVR flow answers and hands the call
// to the IVR instead.
import type { InboundRoute } from '../../config/schema.ts';
import { CtiError } from '../../native/errors.ts';
import type { Call } from '../../telephony/call.ts';
import type { NativeEvent, ToneSource } from '../../telephony/engine-port.ts';
import type { ChannelMirror } from '../../telephony/inventory.ts';
import type { Leg } from '../../telephony/leg.ts';
import type { Log } from '../../telephony/log.ts';
import type { Telephony } from '../../telephony/telephony.ts';
import { channelByPort } from '../ports.ts';

export interface InboundRouterOptions {
  telephony: Telephony;
  routes: InboundRoute[];
  /** a prompt's file path by name, or undefined when there is none */
  prompt: (name: string) => string | undefined;
  tones: ToneSource;
  log: Log;
  /** puts the caller in a queue (src/acd); resolves when they leave it */
  queue?: (call: Call, caller: Leg, name: string, priority?: number) => Promise<unknown>;
  /** an extension starts ringing for a call (screen pops hang here until the ACD rings agents) */
  ringing?: (call: Call, extension: string, phone: Leg) => void;
  /** sees the caller once their caller ID is in, before any route (the blacklist); true: it dealt with the call */
  screen?: (call: Call, caller: Leg) => Promise<boolean>;
  /** rings extensions instead of the plain ringing below (DND, forwarding, pickup: src/callops) */
  ring?: (call: Call, caller: Leg, ext: string, timeoutMs: number) => Promise<void>;
  /** runs an IVR flow for an answered caller (routes with `flow:`) */
  ivr?: (call: Call, caller: Leg, flow: string) => Promise<void>;
}

export class InboundRouter {
  #listener = ({ call, leg }: { call: Call; leg: Leg }) => {
    if (call.direction !== 'inbound') return;
    const route = this.match(leg.channel);
    if (!route) {
      leg.log.info({}, 'no inbound route for this line: left ringing');
      return;
    }
    void this.run(call, leg, route);
  };

  constructor(private readonly o: InboundRouterOptions) {}

  start(): this {
    this.o.telephony.on('call:offered', this.#listener);
    return this;
  }

  stop(): void {
    this.o.telephony.off('call:offered', this.#listener);
  }

  /** The first route whose lines include this channel. */
  match(ch: ChannelMirror): InboundRoute | undefined {
    const board = this.o.telephony.inventory.board(ch.board);
    return this.o.routes.find((r) => {
      if (r.lines === 'any') return ch.kind === 'fxo' || ch.kind === 'e1';
      if (r.lines === 'fxo' || r.lines === 'e1') return ch.kind === r.lines;
      return board !== undefined && r.lines.some((p) => channelByPort(board, p) === ch);
    });
  }

  /**
   * An FXO line's caller ID comes in the first ring pause (Bellcore GR-30 /
   * China YD/T 1277.1): answer once it is in (call.from), or at the second
   * ring when none came, or never when the caller leaves first.
   */
  awaitCallerId(caller: Leg): Promise<void> {
    if (caller.kind !== 'fxo' || caller.callerId || !caller.live) return Promise.resolve();
    return new Promise((resolve) => {
      const onLine = (e: NativeEvent) => {
        if (e.type === 'line:callerid' || (e.type === 'line:ring' && (e.value ?? 0) >= 2)) done();
      };
      const done = () => {
        caller.off('leg:line', onLine);
        caller.off('leg:ended', done);
        resolve();
      };
      caller.on('leg:line', onLine);
      caller.on('leg:ended', done);
    });
  }

  async run(call: Call, caller: Leg, route: InboundRoute): Promise<void> {
    try {
      await this.awaitCallerId(caller);
      if (!caller.live) return;
      if (this.o.screen && (await this.o.screen(call, caller))) return;
      if (!caller.live) return;
      await caller.answer();
      if (route.flow) {
        if (!this.o.ivr) throw new Error(`route names IVR flow ${route.flow} but the server has no IVR`);
        await this.o.ivr(call, caller, route.flow);
        return;
      }
      const file = route.prompt ? this.o.prompt(route.prompt) : undefined;
      if (file) await caller.play({ file, bargeIn: route.collect !== undefined });
      if (route.collect) {
        const r = await caller.collectDigits({
          max: route.collect.max,
          timeout: route.collect.timeoutMs,
          interDigitTimeout: route.collect.interDigitTimeoutMs,
          terminators: route.collect.terminators,
        });
        call.vars.digits = r.digits;
      }
      if (route.queue && this.o.queue) await this.o.queue(call, caller, route.queue, route.priority);
      else if (route.ring) await this.ringExtension(call, caller, route.ring, route.ringTimeoutMs);
      else await caller.hangup('normal', 'route done');
    } catch (e) {
      if (e instanceof CtiError && e.canceled && !caller.live) return; // the caller left
      caller.log.error({ err: (e as Error).message }, 'inbound route failed');
      await call.hangup('failed', (e as Error).message).catch(() => {});
    }
  }

  /** Rings `ext` for `caller`'s call with ringback to the caller; bridges on answer. */
  async ringExtension(call: Call, caller: Leg, ext: string, timeoutMs: number): Promise<void> {
    if (this.o.ring) return this.o.ring(call, caller, ext, timeoutMs);
    let phone: Leg;
    try {
      phone = await this.o.telephony.ring(ext, { call, ...(call.from ? { callerId: call.from } : {}) });
    } catch (e) {
      if (!(e instanceof CtiError) || e.code !== 'CTI_ERR_BUSY') throw e;
      await this.#tone(caller, 'busy', 3000);
      await caller.hangup('busy', `extension ${ext} busy`);
      return;
    }
    this.o.ringing?.(call, ext, phone);
    this.#tone(caller, 'ringback').catch(() => {});
    const answered = await phone.waitForAnswer(timeoutMs);
    if (!answered) {
      if (phone.state === 'ringing') await phone.stopRinging('no-answer');
      if (caller.live) await caller.hangup('no-answer', `extension ${ext} did not answer`);
      return;
    }
    await caller.stopPlay();
    await call.bridge(caller, phone);
  }

  /** Plays a tone of the plan (for ms, or until stopped). */
  async #tone(leg: Leg, tone: 'busy' | 'ringback', ms?: number): Promise<void> {
    const d = this.o.tones(tone);
    if (!d) return;
    const p = leg.play({ tone: d });
    if (ms === undefined) {
      await p;
      return;
    }
    p.catch(() => {});
    await new Promise<void>((r) => this.o.telephony.clock.setTimeout(r, ms));
    if (leg.live) await leg.stopPlay();
  }
}
