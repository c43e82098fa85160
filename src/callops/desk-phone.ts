// Call operations from an analog desk phone, the way small analog PBXs do it
// (hook flash, then digits; hang up to transfer):
//
//   in a call, flash           the other party is held (music); you hear dial tone
//     then dial an extension    (or 0 + an outside number, '#' or a pause ends it):
//                               it rings, you hear ringback, and once it answers you talk
//     then flash, or dial nothing for 8 s
//                               back to the held party
//   while consulting:
//     hang up                   transfer: attended when the other answered, on answer
//                               while it still rings (blind)
//     flash                     three-way conference once it answered; while it
//                               still rings: cancel, back to the held party
//   consulted party hangs up or does not answer: back to the held party
//
// Feature codes from an idle phone (lift, dial, then hang up after the
// confirmation tone; a refusal is congestion tone):
//   *8 <ext>   pick up the call ringing at <ext>;  *8# or *8 alone: any ringing call
//              (a queue call the ACD offers: only by a ready agent of that queue,
//              anyone else hears congestion; see Offers.pickup)
//   *78 / *79  do not disturb on / off
//   *72 <ext>  forward always to <ext> (or 0 + an outside number)
//   *90 <ext>  forward on busy;  *92 <ext> forward on no answer;  *73 cancel all forwards
//   *5 <ext>   camp-on: ring me back when <ext> is free
//
// Pickup from the API (pickupTo): the same rules as *8, checked at once; then
// the picking phone rings too, and lifting it takes the call as *8 would (the
// colleague's phone stops ringing). If the caller hangs up first, the picking
// phone stops ringing; if the call was answered elsewhere meanwhile, lifting
// it gives congestion.
import type { Clock } from '../native/clock.ts';
import { CtiError } from '../native/errors.ts';
import type { Call } from '../telephony/call.ts';
import type { ToneSource } from '../telephony/engine-port.ts';
import type { Leg } from '../telephony/leg.ts';
import type { Telephony } from '../telephony/telephony.ts';
import type { CallOps } from './call-ops.ts';
import type { ExtensionRinger } from './ringer.ts';
import type { ExtensionSettings } from './settings.ts';

export const CALL_FEATURE_CODES = {
  pickup: '*8',
  dndOn: '*78',
  dndOff: '*79',
  forwardAlways: '*72',
  forwardCancel: '*73',
  forwardBusy: '*90',
  forwardNoAnswer: '*92',
  campOn: '*5',
} as const;

export interface DeskPhoneOptions {
  telephony: Telephony;
  ops: CallOps;
  ringer: ExtensionRinger;
  settings: ExtensionSettings;
  tones: ToneSource;
  clock: Clock;
  outsidePrefix?: string;
  /** *8 for a call the ACD is offering an agent: taken, refused, or not an ACD offer (undefined) */
  acdPickup?: (by: Leg, ext: string | undefined) => 'picked' | 'refused' | undefined;
  /** the ACD's rule for that pickup, checked without taking the call (undefined: no queue offer rings there) */
  acdPickable?: (
    byExt: string,
    ext: string | undefined,
  ) => { ok: true; callId: string; ext: string } | { ok: false; why: string } | undefined;
}

/** How long the picking phone rings (pickup from the API) before the pickup is dropped. */
export const PICKUP_RING_MS = 30000;

export class DeskPhones {
  #listener = ({ leg }: { leg: Leg }) => {
    if (leg.kind === 'fxs')
      leg.on('leg:flash', () => void this.onFlash(leg).catch((e: unknown) => leg.log.warn({ err: (e as Error).message }, 'flash failed')));
  };
  #busy = new Set<Leg>();

  constructor(private readonly o: DeskPhoneOptions) {}

  start(): this {
    this.o.telephony.on('leg:created', this.#listener);
    return this;
  }

  stop(): void {
    this.o.telephony.off('leg:created', this.#listener);
  }

  async onFlash(leg: Leg): Promise<void> {
    const ext = leg.channel.role.extension;
    if (!ext || !leg.live || this.#busy.has(leg)) return;
    const { ops } = this.o;
    const consult = ops.consults.get(ext);
    if (consult) {
      if (consult.leg?.live) await ops.conference(ext);
      else await ops.cancelConsult(ext);
      return;
    }
    if (leg.state !== 'connected' || !leg.partner || leg.conference !== undefined) return;
    this.#busy.add(leg);
    try {
      await ops.hold(ext);
      const dial = this.o.ringer.tone(leg, 'dial');
      let flashed = false;
      const onFlash = () => {
        flashed = true;
        void leg.stopCollect().catch(() => {});
      };
      leg.once('leg:flash', onFlash);
      const r = await leg
        .collectDigits({ max: 16, timeout: 8000, interDigitTimeout: 3000, terminators: '#', flush: true })
        .finally(() => leg.off('leg:flash', onFlash));
      await dial.stop();
      const digits = r.digits;
      if (flashed || !digits) {
        if (leg.live) await ops.retrieve(ext);
        return;
      }
      const prefix = this.o.outsidePrefix ?? '0';
      const to = this.o.telephony.inventory.byExtension(digits) ? digits : digits.startsWith(prefix) ? digits.slice(prefix.length) : digits;
      await ops.consult(ext, to);
    } finally {
      this.#busy.delete(leg);
    }
  }

  /** `phone` (off hook) takes the call ringing at `ext` (none: the one ringing longest), by the ACD's rule for a queue offer. */
  #pickup(phone: Leg, ext: string | undefined): boolean {
    const acd = this.o.acdPickup?.(phone, ext);
    if (acd === 'picked') return true;
    return (acd === undefined || !ext) && !!this.o.ringer.pickup(phone, ext);
  }

  /**
   * Pickup from the API: extension `ext` picks up the call ringing at `from`
   * (none: the one ringing longest at another extension). Refused at once
   * (nothing rings there 404, `ext` not free 409, a queue offer for anyone but
   * a ready agent of its queue 409); otherwise `ext`'s phone rings with the
   * caller's number and lifting it takes the call, as *8 would.
   */
  async pickupTo(ext: string, from?: string): Promise<{ callId: string; from: string }> {
    const { telephony, ringer } = this.o;
    if (from === ext) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `extension ${ext} cannot pick up its own call`);
    if (!telephony.inventory.byExtension(ext)) throw new CtiError('CTI_ERR_NOT_FOUND', `no extension ${ext}`);
    const acd = this.o.acdPickable?.(ext, from);
    if (acd && !acd.ok) throw new CtiError('CTI_ERR_CONFLICT', `pickup refused: ${acd.why}`);
    const plain = acd ? undefined : ringer.ringingAt(from, ext);
    const target = acd?.ok ? { callId: acd.callId, from: acd.ext } : plain ? { callId: plain.call.id, from: plain.ext } : undefined;
    if (!target)
      throw new CtiError('CTI_ERR_NOT_FOUND', from ? `no call is ringing at ${from}` : 'no call is ringing at another extension');
    if (!ringer.free(ext)) throw new CtiError('CTI_ERR_BUSY', `extension ${ext} is not free`);
    const picked = telephony.call(target.callId);
    const callerId = picked?.from;
    const call = telephony.newCall('internal');
    call.from = target.from;
    call.vars.pickupOf = target.callId;
    const phone = await telephony.ring(ext, { call, ...(callerId ? { callerId } : {}) });
    // The caller gave up before the lift: nothing to pick up, the phone stops ringing.
    void picked?.ended.then(() => (phone.state === 'ringing' ? phone.stopRinging('canceled') : undefined)).catch(() => {});
    void (async () => {
      if (!(await phone.waitForAnswer(PICKUP_RING_MS))) {
        if (phone.state === 'ringing') await phone.stopRinging('no-answer');
        return;
      }
      if (this.#pickup(phone, target.from)) return;
      phone.log.info({ from: target.from, callId: target.callId }, 'pickup: the call no longer rings there');
      const t = ringer.tone(phone, 'congestion');
      await this.o.clock.sleep(3000);
      await t.stop();
      if (phone.live) await phone.hangup('normal', 'pickup: nothing to pick up');
    })().catch((e: unknown) => phone.log.warn({ err: (e as Error).message }, 'pickup failed'));
    return target;
  }

  /** Runs a call feature code dialled on an idle phone; false when the code is not one of these. */
  async features(call: Call, phone: Leg, digits: string): Promise<boolean> {
    const ext = phone.channel.role.extension;
    const code = Object.values(CALL_FEATURE_CODES)
      .filter((c) => digits.startsWith(c))
      .sort((a, b) => b.length - a.length)[0];
    if (!code || !ext) return false;
    call.vars.featureCode = code;
    const arg = digits.slice(code.length).replace(/#$/, '');
    const { settings } = this.o;
    const prefix = this.o.outsidePrefix ?? '0';
    const target = (x: string) =>
      this.o.telephony.inventory.byExtension(x) ? x : x.startsWith(prefix) && x.length > prefix.length ? x.slice(prefix.length) : undefined;
    let ok = true;
    try {
      switch (code) {
        case CALL_FEATURE_CODES.pickup:
          if (this.#pickup(phone, arg || undefined)) return true; // the phone now talks to the caller
          ok = false;
          break;
        case CALL_FEATURE_CODES.dndOn:
        case CALL_FEATURE_CODES.dndOff:
          settings.setDnd(ext, code === CALL_FEATURE_CODES.dndOn);
          break;
        case CALL_FEATURE_CODES.forwardCancel:
          settings.clearForwards(ext);
          break;
        case CALL_FEATURE_CODES.campOn:
          if (!this.o.telephony.inventory.byExtension(arg)) ok = false;
          else settings.addCampOn(ext, arg, this.o.clock.now());
          break;
        default: {
          const to = target(arg);
          const kind =
            code === CALL_FEATURE_CODES.forwardAlways ? 'always' : code === CALL_FEATURE_CODES.forwardBusy ? 'busy' : 'no-answer';
          if (!to || to === ext) ok = false;
          else settings.setForward(ext, kind, to);
        }
      }
    } catch (e) {
      phone.log.warn({ code, err: (e as Error).message }, 'call feature code refused');
      ok = false;
    }
    phone.log.info({ code, arg, ok }, 'call feature code');
    if (phone.live) {
      const t = this.o.ringer.tone(phone, ok ? 'dial' : 'congestion');
      await this.o.clock.sleep(ok ? 1500 : 3000);
      await t.stop();
    }
    if (phone.live) await phone.hangup('normal', `feature code ${code}`);
    return true;
  }
}
