// Calls from the desk phones: a phone off hook hears dial tone (stutter dial
// tone when messages are waiting for it) until its first
// key; the number it dials (ended by '#' or a pause) is an extension (rung with
// the caller's extension as caller ID, ringback meanwhile, bridged on answer),
// or 0 + an outside number (dialled on a free line; bridged when answered), or
// nothing known: congestion tone until the phone hangs up.
import { CtiError } from '../../native/errors.ts';
import type { Call } from '../../telephony/call.ts';
import type { ToneSource } from '../../telephony/engine-port.ts';
import type { Leg } from '../../telephony/leg.ts';
import type { Telephony } from '../../telephony/telephony.ts';
import type { ToneKind } from '../../telephony/types.ts';
import type { InboundRouter } from './inbound-router.ts';

export interface PhoneRouterOptions {
  telephony: Telephony;
  tones: ToneSource;
  /** rings an extension for a call and bridges it on answer */
  ringer: Pick<InboundRouter, 'ringExtension'>;
  ringTimeoutMs?: number;
  /** dialled before an outside number */
  outsidePrefix?: string;
  /** feature codes (a number starting with '*'): true when handled */
  features?: (call: Call, phone: Leg, digits: string) => Promise<boolean>;
}

export class PhoneRouter {
  #listener = ({ call, leg }: { call: Call; leg: Leg }) => {
    if (call.direction === 'internal' && leg.kind === 'fxs') void this.run(call, leg);
  };

  constructor(private readonly o: PhoneRouterOptions) {}

  start(): this {
    this.o.telephony.on('call:offered', this.#listener);
    return this;
  }

  stop(): void {
    this.o.telephony.off('call:offered', this.#listener);
  }

  async run(call: Call, phone: Leg): Promise<void> {
    try {
      await phone.answer();
      // Messages waiting: stutter dial tone (the plan's), else dial tone.
      const waiting = call.from !== undefined && this.o.telephony.messageWaiting(call.from) && this.o.tones('stutter');
      const dialTone = this.#play(phone, waiting ? 'stutter' : 'dial', true);
      const r = await phone.collectDigits({ max: 16, timeout: 10000, interDigitTimeout: 3000, terminators: '#' });
      await dialTone.stop();
      const number = r.digits;
      call.to = number || undefined;
      const prefix = this.o.outsidePrefix ?? '0';
      if (number.startsWith('*') && this.o.features && (await this.o.features(call, phone, number))) return;
      if (number && this.o.telephony.inventory.byExtension(number)) {
        await this.o.ringer.ringExtension(call, phone, number, this.o.ringTimeoutMs ?? 30000);
      } else if (number.length > prefix.length && number.startsWith(prefix)) {
        await this.#outside(call, phone, number.slice(prefix.length));
      } else {
        phone.log.info({ number }, 'nothing at this number: congestion tone');
        this.#play(phone, 'congestion');
      }
    } catch (e) {
      if (e instanceof CtiError && e.canceled && !phone.live) return;
      phone.log.error({ err: (e as Error).message }, 'phone call failed');
      await call.hangup('failed', (e as Error).message).catch(() => {});
    }
  }

  async #outside(call: Call, phone: Leg, number: string): Promise<void> {
    const ringback = this.#play(phone, 'ringback');
    let outcome;
    try {
      outcome = await this.o.telephony.dial(number, { call, callerId: call.from });
    } catch (e) {
      if (!(e instanceof CtiError) || e.code !== 'CTI_ERR_BUSY') throw e;
      await ringback.stop();
      this.#play(phone, 'congestion');
      return;
    }
    await ringback.stop();
    if (!phone.live) return;
    if (outcome.result === 'answered') {
      await call.bridge(phone, outcome.leg);
    } else {
      this.#play(phone, outcome.result === 'busy' ? 'busy' : 'congestion');
    }
  }

  /** A tone of the plan to the phone until stopped (or, with bargeIn, until a key). */
  #play(leg: Leg, tone: ToneKind, bargeIn = false): { stop: () => Promise<void> } {
    const d = this.o.tones(tone);
    if (!d || !leg.live) return { stop: async () => {} };
    let playing = true;
    leg
      .play({ tone: d, bargeIn })
      .catch(() => {})
      .finally(() => (playing = false));
    return { stop: async () => (playing && leg.live ? leg.stopPlay() : undefined) };
  }
}
