// Analog lines end to end on the simulated board (issue 4 §2): FXS ring
// cadences per country from the tone plan, message waiting (the FSK MWI lamp
// and stutter dial tone), the off-hook warning, the configurable flash window;
// FXO pulse dialling counted by the exchange, a far end silent for seconds that
// is not a hang-up, and a ring cut short.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const config = (extra = '') => `
boards: [ { driver: sim, fxs: 2, fxo: 2, e1: 0 } ]
extensions: [ { number: "101", port: "fxs:1" }, { number: "102", port: "fxs:2" } ]
routes: { inbound: [] }
${extra}
`;

describe('FXS phones', () => {
  it.each([
    ['cn', [1000, 4000, 1000]],
    ['us', [2000, 4000, 2000]],
  ])('ring with the %s plan cadence', async (plan, cadence) => {
    rig = await startRig({ config: config(`engine: { tonePlan: ${plan} }`) });
    const phone = rig.rt.world.phones.get('101');
    await rig.until(rig.rt.telephony.ring('101'));
    await rig.run(cadence[0]! + cadence[1]! + cadence[2]! + 200);
    expect(phone.state.cadenceMs.slice(0, 3).map((ms) => Math.round(ms / 20) * 20)).toEqual(cadence);
  });

  it('message waiting: the FSK MWI message lights the lamp, the phone hears stutter dial tone; off again: dial tone', async () => {
    rig = await startRig({ config: config() });
    const { rt } = rig;
    const phone = rt.world.phones.get('101');
    await rig.until(rt.telephony.setMessageWaiting('101', true));
    await rig.run(1500);
    expect(phone.state.messageWaiting).toBe(true);
    expect(rt.world.phones.get('102').state.messageWaiting).toBe(false);
    phone.offhook();
    await rig.until(phone.waitFor('tone:stutter', { timeoutMs: 3000 }));
    phone.onhook();
    await rig.run(1500);
    await rig.until(rt.telephony.setMessageWaiting('101', false));
    await rig.run(1500);
    expect(phone.state.messageWaiting).toBe(false);
    phone.offhook();
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
  });

  it('a phone left off hook hears busy tone, then the off-hook warning (howler)', async () => {
    rig = await startRig({ config: config('telephony: { clearingToneMs: 3000 }') });
    const { rt } = rig;
    const phone = rt.world.phones.get('101');
    phone.offhook();
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
    phone.dial('999#'); // nothing there: congestion; the call ends after its guard
    const call = rt.telephony.activeCalls()[0]!;
    await rig.run(1000);
    await rig.until(call.hangup('normal'));
    await rig.until(phone.waitFor('tone:busy', { timeoutMs: 4000 }));
    await rig.until(phone.waitFor('tone:howler', { timeoutMs: 6000 }));
    phone.onhook();
    await rig.run(500);
  });

  it('the flash window comes from the configuration: 600 ms on hook is a hang-up with flashMaxMs 400', async () => {
    rig = await startRig({ config: config('analog: { flashMaxMs: 400 }') });
    const { rt } = rig;
    const phone = rt.world.phones.get('101');
    const flashes: number[] = [];
    rt.engine.on('event', (e) => {
      if (e.type === 'line:flash') flashes.push(e.value ?? 0);
    });
    phone.offhook();
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
    phone.flash(300);
    await rig.run(600);
    expect(flashes.length).toBe(1);
    const call = rt.telephony.activeCalls()[0]!;
    phone.flash(600);
    await rig.until(call.ended, 3000);
    expect(flashes.length).toBe(1);
  });
});

describe('FXO lines', () => {
  it('dial by pulses (10 pps, 60/40): the exchange counts them and routes the number', async () => {
    rig = await startRig({ config: config('analog: { pulseDialling: true }') });
    const { rt } = rig;
    rt.world.pstn.expect('13905', { kind: 'person', rings: 1 });
    const reached = rt.world.pstn.nextCall('13905', { timeoutMs: 30_000 });
    const out = await rig.until(rt.telephony.dial('13905', { timeout: 25_000 }), 60_000);
    expect(out.result, out.detail).toBe('answered');
    expect((await reached).to).toBe('13905');
    await rig.until(out.leg.hangup('normal'));
  });

  it('a far end silent for several seconds mid-call is not hung up', async () => {
    rig = await startRig({ config: config() });
    const { rt } = rig;
    rt.world.pstn.expect('13906', {
      kind: 'person',
      rings: 1,
      steps: [{ op: 'silence', ms: 9000 }, { op: 'speak', ms: 1000 }, { op: 'hangup' }],
    });
    const out = await rig.until(rt.telephony.dial('13906', { timeout: 25_000 }), 60_000);
    expect(out.result, out.detail).toBe('answered');
    await rig.run(8000);
    expect(out.leg.state).toBe('connected');
    await rig.until(out.call.ended, 10_000);
  });

  it('a ring cut short (the caller gives up in the first ring) leaves no call, and the record says abandoned', async () => {
    rig = await startRig({ config: config() });
    const { rt } = rig;
    const ended: string[] = [];
    rt.telephony.on('call:ended', ({ record }: { record: { cause?: string; endCause?: string } }) =>
      ended.push(String(record.cause ?? record.endCause)),
    );
    rt.world.pstn.call({ from: '13800138000', to: 'line:1', giveUpMs: 600, callerId: 'none' });
    await rig.run(9000);
    expect(rt.telephony.activeCalls()).toEqual([]);
    expect(ended).toEqual(['abandoned']);
  });
});
