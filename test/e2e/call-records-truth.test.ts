// Call operations whose call records must tell what happened, end to end on
// the simulated board through the server and its HTTP API: the last agent of a
// three-way conference blind-transfers the customer (who must reach the
// target); time on hold; the call's cause when a first phone rang out; a blind
// transfer's notes (the target's screen pop, the transfer chain); a line
// without a number. On SQLite and on PostgreSQL (when one can be started).
import { afterEach, describe, expect, it } from 'vitest';
import type { FarEnd } from '../../src/sim/far-end.ts';
import type { Phone } from '../../src/sim/phone.ts';
import { dialects, title, type Dialect } from '../support/dialects.ts';
import { stream } from './call-center-helpers.ts';
import { keyHeard } from './call-ops-audio.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const req = (...a: Parameters<Rig['req']>) => rig!.req(...a);

const hears = (from: Phone | FarEnd, to: Phone | FarEnd, key: string) => keyHeard(rig!, from, to, key);

/** A caller on `line` who skips the welcome prompt: 101 rings (the default route). */
async function callIn(line = 'line:1', from = '13800138000'): Promise<FarEnd> {
  const caller = rig!.rt.world.pstn.call({ from, to: line });
  await rig!.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
  await rig!.until(caller.waitFor('voice', { timeoutMs: 5000 }));
  caller.press('#');
  return caller;
}

/** A caller on line 1 answered by 101. */
async function callAnswered(): Promise<{ caller: FarEnd; p101: Phone }> {
  const caller = await callIn();
  const p101 = rig!.rt.world.phones.get('101');
  await rig!.until(p101.waitFor('ringing', { timeoutMs: 15_000 }));
  p101.offhook();
  await rig!.run(1500);
  await hears(p101, caller, '1');
  return { caller, p101 };
}

/** The newest call record, through the API. */
async function lastRecord(): Promise<Record<string, any>> {
  const sup = await rig!.token('supervisor');
  const res = await req('GET', '/api/call-records', sup);
  expect(res.status).toBe(200);
  return res.body.items[0];
}

/** Time the record's legs spent on hold (from their state history), overlapping holds counted once. */
function heldInHistory(rec: Record<string, any>): number {
  const spans: [number, number][] = [];
  for (const l of rec.legs) {
    let since: number | undefined;
    for (const h of l.history) {
      if (h.to === 'held') since = h.at;
      else if (h.from === 'held' && since !== undefined) {
        spans.push([since, h.at]);
        since = undefined;
      }
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of spans) {
    total += Math.max(0, b - Math.max(a, end));
    end = Math.max(end, b);
  }
  return total;
}

async function start(d: Dialect): Promise<void> {
  rig = await startRig({ database: await d.url() });
}

for (const db of dialects())
  describe.skipIf(!!db.skip)(`call records of call operations on ${title(db)}`, () => {
    for (const leaver of ['101', '102'] as const) {
      const last = leaver === '101' ? '102' : '101';
      it(`three-way conference, ${leaver} leaves, ${last} blind-transfers the customer to 103: the customer talks to 103; the record says so`, async () => {
        await start(db);
        const tokens: Record<string, string> = {
          '101': await rig!.token('agent', { username: 'li', extension: '101' }),
          '102': await rig!.token('agent', { username: 'wu', extension: '102' }),
        };
        const { caller, p101 } = await callAnswered();
        const phones: Record<string, Phone> = { '101': p101, '102': rig!.rt.world.phones.get('102') };
        const p103 = rig!.rt.world.phones.get('103');
        await req('POST', '/api/extensions/101/transfer', tokens['101'], { to: '102', mode: 'attended' });
        await rig!.until(phones['102']!.waitFor('ringing', { timeoutMs: 5000 }));
        phones['102']!.offhook();
        await rig!.run(1000);
        expect((await req('POST', '/api/extensions/101/conference', tokens['101'])).status).toBe(200);
        await rig!.run(500);
        phones[leaver]!.onhook();
        await rig!.run(1500);
        await hears(caller, phones[last]!, '9');

        expect((await req('POST', `/api/extensions/${last}/transfer`, tokens[last], { to: '103' })).status).toBe(200);
        await rig!.run(500);
        expect(caller.connected).toBe(true);
        await rig!.until(p103.waitFor('ringing', { timeoutMs: 5000 }));
        await rig!.until(caller.waitFor('tone:ringback', { timeoutMs: 8000 }));
        p103.offhook();
        await rig!.run(1000);
        await hears(caller, p103, '6');
        await hears(p103, caller, '8');
        caller.hangup();
        await rig!.run(3000);
        for (const p of [phones[last]!, p103]) p.onhook();
        await rig!.run(1500);
        expect(rig!.rt.telephony.activeCalls()).toHaveLength(0);

        const rec = await lastRecord();
        expect(rec).toMatchObject({
          result: 'answered',
          agent: '101',
          from: '13800138000',
          cause: 'remote-hangup',
          vars: { conference: true },
        });
        expect(rec.transfers).toMatchObject([{ from: last, to: '103', kind: 'blind' }]);
        const caller0 = rec.legs.find((l: any) => l.kind === 'fxo');
        expect(caller0).toMatchObject({ cause: 'remote-hangup' });
        expect(rec.legs.find((l: any) => l.extension === '103').answerMs).not.toBeNull();
      });
    }

    it('holdMs: the total time the customer spent on hold, over two holds', async () => {
      await start(db);
      const li = await rig!.token('agent', { username: 'li', extension: '101' });
      const { caller, p101 } = await callAnswered();
      for (const ms of [2000, 1000]) {
        expect((await req('POST', '/api/extensions/101/hold', li)).status).toBe(200);
        await rig!.run(ms);
        expect((await req('POST', '/api/extensions/101/retrieve', li)).status).toBe(200);
        await rig!.run(500);
      }
      await hears(caller, p101, '4');
      caller.hangup();
      await rig!.run(3000);
      p101.onhook();
      await rig!.run(1000);
      const rec = await lastRecord();
      expect(rec.holdMs).not.toBeNull();
      expect(rec.holdMs).toBeGreaterThanOrEqual(3000);
      expect(rec.holdMs).toBe(heldInHistory(rec));
      expect(rec.holdMs).toBeLessThan(rec.talkMs);
    });

    it('a call 101 let ring out to 102 (forward on no answer), answered at 102: the cause is how the call ended, not how 101 stopped ringing', async () => {
      await start(db);
      const sup = await rig!.token('supervisor');
      expect((await req('PATCH', '/api/extensions/101/settings', sup, { forward: { 'no-answer': '102' }, noAnswerMs: 4000 })).status).toBe(
        200,
      );
      const caller = await callIn();
      const p101 = rig!.rt.world.phones.get('101');
      const p102 = rig!.rt.world.phones.get('102');
      await rig!.until(p101.waitFor('ringing', { timeoutMs: 15_000 }));
      await rig!.until(p102.waitFor('ringing', { timeoutMs: 10_000 }));
      p102.offhook();
      await rig!.run(1000);
      await hears(caller, p102, '2');
      caller.hangup();
      await rig!.run(3000);
      p102.onhook();
      await rig!.run(1000);
      const rec = await lastRecord();
      expect(rec.legs.find((l: any) => l.extension === '101')).toMatchObject({ cause: 'no-answer', detail: 'ringing stopped' });
      expect(rec).toMatchObject({ result: 'answered', agent: '102', cause: 'remote-hangup' });
      expect(rec.detail).not.toBe('ringing stopped');
    });

    it("blind transfer notes: they pop on the target agent's screen and stay in the transfer chain", async () => {
      await start(db);
      const li = await rig!.token('agent', { username: 'li', extension: '101' });
      const wu = await rig!.token('agent', { username: 'wu', extension: '102' });
      const wuWs = await stream(rig!, wu);
      const { caller, p101 } = await callAnswered();
      const p102 = rig!.rt.world.phones.get('102');
      const notes = 'billing question, invoice 4410';
      expect((await req('POST', '/api/extensions/101/transfer', li, { to: '102', mode: 'blind', notes })).status).toBe(200);
      await rig!.until(p102.waitFor('ringing', { timeoutMs: 5000 }));
      await rig!.run(200);
      expect(wuWs.events.find((e) => e.type === 'screen:pop')?.data).toMatchObject({ notes, number: '13800138000' });
      p101.onhook();
      p102.offhook();
      await rig!.run(1000);
      await hears(caller, p102, '5');
      caller.hangup();
      await rig!.run(3000);
      p102.onhook();
      await rig!.run(1000);
      wuWs.close();
      const rec = await lastRecord();
      expect(rec.transfers).toMatchObject([{ from: '101', to: '102', kind: 'blind', notes }]);
    });

    it("a call on a line without a configured number: `to` is null, not the port's name; the line stays in the leg", async () => {
      await start(db);
      const caller = await callIn('line:3');
      const p101 = rig!.rt.world.phones.get('101');
      await rig!.until(p101.waitFor('ringing', { timeoutMs: 15_000 }));
      p101.offhook();
      await rig!.run(1000);
      await hears(caller, p101, '3');
      caller.hangup();
      await rig!.run(3000);
      p101.onhook();
      await rig!.run(1000);
      const rec = await lastRecord();
      const line = rig!.rt.telephony.inventory.channels((c) => c.kind === 'fxo')[2]!;
      expect(rec).toMatchObject({ direction: 'inbound', from: '13800138000', to: null });
      expect(rec.legs[0]).toMatchObject({ kind: 'fxo', span: line.span, channel: line.number });
      // The second call, on a numbered line, keeps its number.
      const again = await callIn('line:1');
      await rig!.until(p101.waitFor('ringing', { timeoutMs: 15_000 }));
      again.hangup();
      await rig!.run(8000);
      expect(await lastRecord()).toMatchObject({ to: '075526600001' });
    });
  });
