// Extension features end to end on the simulated board, driven like a person
// at a desk phone (feature codes, hook flash) and over the API: pickup, DND,
// forward on busy, camp-on callback, click-to-dial, a flash-hook transfer.
// On SQLite and on PostgreSQL (when one can be started).
import { afterEach, describe, expect, it } from 'vitest';
import type { FarEnd } from '../../src/sim/far-end.ts';
import type { Phone } from '../../src/sim/phone.ts';
import { dialects, title } from '../support/dialects.ts';
import { keyHeard } from './call-ops-audio.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const req = (...a: Parameters<Rig['req']>) => rig!.req(...a);

const hears = (from: Phone | FarEnd, to: Phone | FarEnd, key: string) => keyHeard(rig!, from, to, key);

/** A phone lifts, dials `digits` and waits for the confirmation (dial tone) then hangs up. */
async function featureCode(p: Phone, digits: string): Promise<void> {
  p.offhook();
  await rig!.run(500);
  p.dial(`${digits}#`);
  await rig!.run(3000);
  p.onhook();
  await rig!.run(1500); // longer than a hook flash
}

/** A caller on line 1; 101 rings (the default route). */
async function callRinging101(): Promise<FarEnd> {
  const caller = rig!.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
  await rig!.until(caller.waitFor('voice', { timeoutMs: 10_000 }));
  caller.press('#');
  return caller;
}

for (const db of dialects())
  describe.skipIf(!!db.skip)(`extension features on ${title(db)}`, () => {
    it('pickup: *8 101 at 102 takes the call ringing at 101', async () => {
      rig = await startRig({ database: await db.url() });
      const caller = await callRinging101();
      const p101 = rig!.rt.world.phones.get('101');
      const p102 = rig!.rt.world.phones.get('102');
      await rig.until(p101.waitFor('ringing', { timeoutMs: 15_000 }));
      p102.offhook();
      await rig.run(500);
      p102.dial('*8101#');
      await rig.run(1500);
      expect(p101.state.ringing).toBe(false);
      await hears(caller, p102, '4');
      await hears(p102, caller, '6');
      caller.hangup();
      await rig.run(3000);
      p102.onhook();
      await rig.run(1000);
      const [rec] = await rig.rt.telephony.records.list();
      expect(rec!.vars).toMatchObject({ pickedUpBy: '102' });
      expect(rec).toMatchObject({ result: 'answered', agent: '102' }); // the picker took it (the record's phone that answered)
    });

    it('DND with forward on busy: a call to 101 rings 103', async () => {
      rig = await startRig({ database: await db.url() });
      const p101 = rig!.rt.world.phones.get('101');
      const p103 = rig!.rt.world.phones.get('103');
      await featureCode(p101, '*78');
      await featureCode(p101, '*90103');
      const sup = await rig.token('supervisor');
      expect((await req('GET', '/api/extensions/101/settings', sup)).body).toMatchObject({ dnd: true, forward: { busy: '103' } });
      const caller = await callRinging101();
      await rig.until(p103.waitFor('ringing', { timeoutMs: 15_000 }));
      expect(p101.ringLog.length).toBe(0);
      p103.offhook();
      await rig.run(1000);
      await hears(caller, p103, '2');
      caller.hangup();
      await rig.run(3000);
      p103.onhook();
      await featureCode(p101, '*79');
      await featureCode(p101, '*73');
      expect((await req('GET', '/api/extensions/101/settings', sup)).body).toMatchObject({ dnd: false, forward: {} });
    });

    it('camp-on: 102 finds 103 busy, asks with *5 103, is rung back when 103 hangs up, then 103 rings', async () => {
      rig = await startRig({ database: await db.url() });
      const p102 = rig!.rt.world.phones.get('102');
      const p103 = rig!.rt.world.phones.get('103');
      const p104 = rig!.rt.world.phones.get('104');
      // 103 talks to 104.
      p103.offhook();
      await rig.run(500);
      p103.dial('104#');
      await rig.until(p104.waitFor('ringing', { timeoutMs: 8000 }));
      p104.offhook();
      await rig.run(1000);
      // 102 calls 103: busy.
      p102.offhook();
      await rig.run(500);
      p102.dial('103#');
      await rig.until(p102.waitFor('tone:busy', { timeoutMs: 8000 }));
      p102.onhook();
      await rig.run(4000);
      await featureCode(p102, '*5103');
      p103.onhook();
      p104.onhook();
      await rig.until(p102.waitFor('ringing', { timeoutMs: 8000 }));
      await rig.run(2500);
      expect(p102.state.display).toBe('103');
      p102.offhook();
      await rig.until(p103.waitFor('ringing', { timeoutMs: 8000 }));
      p103.offhook();
      await rig.run(1000);
      await hears(p102, p103, '5');
      p102.onhook();
      p103.onhook();
      await rig.run(2000);
    });

    it('click-to-dial: 101 rings, and once lifted the customer is called', async () => {
      rig = await startRig({ database: await db.url() });
      const li = await rig.token('agent', { username: 'li', extension: '101' });
      const p101 = rig.rt.world.phones.get('101');
      rig.rt.world.pstn.expect('13900000001', { kind: 'person' });
      expect((await req('POST', '/api/extensions/102/dial', li, { number: '13900000001' })).status).toBe(403);
      expect((await req('POST', '/api/extensions/101/answer', li)).body.code).toBe('CTI_ERR_CONFLICT');
      const d = await req('POST', '/api/extensions/101/dial', li, { number: '13900000001' });
      expect(d.status).toBe(201);
      const far = rig.rt.world.pstn.nextCall('13900000001', { timeoutMs: 20_000 });
      await rig.until(p101.waitFor('ringing', { timeoutMs: 5000 }));
      p101.offhook();
      const customer = await rig.until(far);
      await rig.until(customer.waitFor('connected', { timeoutMs: 15_000 }));
      // The line's answer is confirmed (no fax tone) before the two are bridged.
      const phoneLeg = rig.rt.telephony.call(d.body.callId)!.legs[0]!;
      for (let t = 0; t < 8000 && !phoneLeg.partner; t += 200) await rig.run(200);
      await hears(p101, customer, '3');
      await hears(customer, p101, '9');
      p101.onhook();
      await rig.run(3000);
      const [rec] = await rig.rt.telephony.records.list();
      expect(rec).toMatchObject({ id: d.body.callId, direction: 'outbound', from: '101', to: '13900000001' });
    });

    it('desk phone: flash, dial 102, talk, hang up: the caller is transferred to 102', async () => {
      rig = await startRig({ database: await db.url() });
      const caller = await callRinging101();
      const p101 = rig!.rt.world.phones.get('101');
      const p102 = rig!.rt.world.phones.get('102');
      await rig.until(p101.waitFor('ringing', { timeoutMs: 15_000 }));
      p101.offhook();
      await rig.run(1500);
      await hears(caller, p101, '1');
      p101.flash();
      await rig.until(p101.waitFor('tone:dial', { timeoutMs: 3000 }));
      p101.dial('102#');
      await rig.until(p102.waitFor('ringing', { timeoutMs: 8000 }));
      p102.offhook();
      await rig.run(1000);
      await hears(p101, p102, '2');
      p101.onhook();
      await rig.run(1500);
      await hears(caller, p102, '3');
      await hears(p102, caller, '4');
      caller.hangup();
      await rig.run(3000);
      p102.onhook();
      await rig.run(1000);
      const [rec] = await rig.rt.telephony.records.list();
      expect(JSON.parse(String(rec!.vars.transfers))).toMatchObject([{ from: '101', to: '102', kind: 'attended' }]);
    });
  });
