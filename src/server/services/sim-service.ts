// The simulated world as technicians and black-box checks drive it over HTTP:
// PSTN calls into the lines (place, press keys, hang up, what the caller
// heard) and the desk phones (hook, keys, flash, ringing, display, what they
// hear). Also the stand-in for caller ID until FSK arrives: the world knows
// the number of a call it rings in with, and a phone's display can be set, so
// the call layer gets the caller's number and the phone shows it.
import type { PhoneView, SimCallView, SimControl } from '../../api/views.ts';
import { CtiError } from '../../native/errors.ts';
import type { FarEnd } from '../../sim/far-end.ts';
import type { Heard } from '../../sim/heard.ts';
import type { Phone } from '../../sim/phone.ts';
import type { SimWorld } from '../../sim/world.ts';
import type { Telephony } from '../../telephony/telephony.ts';

export class SimService implements SimControl {
  constructor(
    readonly world: SimWorld,
    private readonly telephony: Telephony,
    /** the engine's board number of the simulated board */
    readonly board: number,
    /** waits a frame or two of world time after a command (realtime/fast engines only) */
    private readonly settleMs = 0,
  ) {}

  /** Nothing to undo: caller ID travels as FSK on the simulated lines and phones. */
  stop(): void {}

  // ---- PSTN calls ------------------------------------------------------------

  async placeCall(opts: { from: string; to: string }): Promise<SimCallView> {
    const far = this.world.pstn.call(opts);
    await this.#settle();
    return callView(far);
  }

  call(id: number): FarEnd {
    const far = this.world.pstn.byId(id);
    if (!far) throw new CtiError('CTI_ERR_NOT_FOUND', `no simulated call ${id}`);
    return far;
  }

  viewCall(id: number): SimCallView {
    return callView(this.call(id));
  }

  async press(id: number, digits: string): Promise<SimCallView> {
    const far = this.call(id);
    if (far.state === 'ended') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `simulated call ${id} has ended`);
    far.press(digits);
    await this.#settle();
    return callView(far);
  }

  async hangup(id: number): Promise<SimCallView> {
    const far = this.call(id);
    if (far.state !== 'ended') far.hangup();
    await this.#settle();
    return callView(far);
  }

  // ---- spans -----------------------------------------------------------------

  async spanAlarm(span: number, alarms: ('los' | 'red' | 'yellow' | 'ais')[]): Promise<{ span: number; alarms: string[] }> {
    if (alarms.length) this.world.faults.alarm(span, alarms);
    else this.world.faults.clearAlarm(span);
    await this.#settle();
    return { span, alarms };
  }

  // ---- phones ----------------------------------------------------------------

  phone(ext: string): Phone {
    try {
      return this.world.phones.get(ext);
    } catch {
      throw new CtiError('CTI_ERR_NOT_FOUND', `no phone with extension ${JSON.stringify(ext)}`);
    }
  }

  viewPhone(ext: string): PhoneView {
    return phoneView(this.phone(ext));
  }

  async phoneDo(ext: string, op: 'offhook' | 'onhook' | 'flash' | 'digits', digits = ''): Promise<PhoneView> {
    const p = this.phone(ext);
    const off = p.state.hook === 'off';
    if (op === 'offhook') p.offhook();
    else if (op === 'onhook') p.onhook();
    else if (op === 'flash') {
      if (!off) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `phone ${ext} is on hook: no flash`);
      p.flash();
    } else {
      if (!off) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `phone ${ext} is on hook: lift it first`);
      p.dial(digits);
    }
    await this.#settle();
    return phoneView(p);
  }

  async #settle(): Promise<void> {
    if (this.settleMs > 0) await this.world.after(this.settleMs).catch(() => {});
  }
}

export function callView(far: FarEnd): SimCallView {
  return {
    id: far.id,
    direction: far.direction,
    from: far.from,
    to: far.to,
    trunk: far.trunk,
    state: far.state,
    endedReason: far.endedReason ?? null,
    tones: far.log.tones(),
    digits: far.log.digits(),
    voice: far.heard.some((h) => h.kind === 'voice'),
    heard: [...far.heard],
  };
}

export function phoneView(p: Phone): PhoneView {
  const s = p.state;
  return {
    extension: p.extension,
    channel: p.channel,
    hook: s.hook,
    state: s.state,
    // being rung: through the cadence's pauses too (bell: the ringer sounds now)
    ringing: s.state === 'ringing' || s.state === 'ring-pause',
    bell: s.ringing,
    rings: s.rings,
    display: s.display,
    hearing: s.hook === 'off' ? hearingNow(p.heard.filter((h) => h.atMs >= lastOffHook(p))) : null,
    tones: p.log.tones(),
    digits: p.log.digits(),
    heard: [...p.heard],
  };
}

function lastOffHook(p: Phone): number {
  for (let i = p.stateLog.length - 1; i >= 0; i--) if (p.stateLog[i]!.state === 'off-hook') return p.stateLog[i]!.atMs;
  return 0;
}

function hearingNow(heard: readonly Heard[]): string | null {
  let tone: string | null = null;
  let voice = false;
  for (const h of heard) {
    if (h.kind === 'tone') tone = h.value;
    else if (h.kind === 'tone-end' && h.value === tone) tone = null;
    else if (h.kind === 'voice') voice = true;
    else if (h.kind === 'silence' || h.kind === 'hangup') voice = false;
  }
  return tone ?? (voice ? 'voice' : null);
}
