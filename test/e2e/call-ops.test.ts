// Call operations end to end on the simulated board: a caller comes in on
// line 1 and extension 101 answers (the default route); then the agent at 101
// transfers (attended with notes, blind), holds a three-way conference,
// records. What each party hears is detected at its own end: a DTMF key sent
// by one end must be heard by the others. On SQLite and on PostgreSQL (when
// one can be started); the call records the database keeps are checked.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FarEnd } from '../../src/sim/far-end.ts';
import type { Phone } from '../../src/sim/phone.ts';
import { detectDigits, keyHeard } from './call-ops-audio.ts';
import { dialects, title, type Dialect } from '../support/dialects.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const req = (...a: Parameters<Rig['req']>) => rig!.req(...a);

async function stream(token: string) {
  await rig!.app.ready();
  const events: { topic: string; type: string; data: any }[] = [];
  const ws = await rig!.app.injectWS(
    `/api/ws?token=${token}`,
    {},
    { onInit: (w) => w.on('message', (m: Buffer) => events.push(JSON.parse(m.toString()))) },
  );
  for (let i = 0; i < 50 && !events.length; i++) await new Promise((r) => setTimeout(r, 10));
  return { events, close: () => ws.terminate() };
}

async function start(d: Dialect): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'boardcti-rec-'));
  rig = await startRig({ database: await d.url(), runtime: { recordingsDir: dir } });
  return dir;
}

/** A caller on line 1 answered by 101 (the default route). */
async function callAnswered(from = '13800138000'): Promise<{ caller: FarEnd; p101: Phone }> {
  const world = rig!.rt.world;
  const caller = world.pstn.call({ from, to: 'line:1' });
  const p101 = world.phones.get('101');
  await rig!.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
  await rig!.until(caller.waitFor('voice', { timeoutMs: 5000 }));
  caller.press('#');
  await rig!.until(p101.waitFor('ringing', { timeoutMs: 15_000 }));
  p101.offhook();
  await rig!.run(1500);
  await hears(p101, caller, '1');
  return { caller, p101 };
}

const hears = (from: Phone | FarEnd, to: Phone | FarEnd, key: string) => keyHeard(rig!, from, to, key);

for (const db of dialects())
  describe.skipIf(!!db.skip)(`call operations on ${title(db)}`, () => {
    it('attended transfer: the notes pop on the receiving agent before they answer; the call record keeps the transfer', async () => {
      await start(db);
      const li = await rig!.token('agent', { username: 'li', extension: '101' });
      const wu = await rig!.token('agent', { username: 'wu', extension: '102' });
      const wuWs = await stream(wu);
      const { caller, p101 } = await callAnswered();
      const p102 = rig!.rt.world.phones.get('102');

      expect((await req('POST', '/api/extensions/102/transfer', li, { to: '103' })).status).toBe(403);
      const t = await req('POST', '/api/extensions/101/transfer', li, {
        to: '102',
        mode: 'attended',
        notes: 'wants a refund for invoice 2291',
      });
      expect(t).toMatchObject({ status: 200, body: { ok: true } });
      await rig!.until(p102.waitFor('ringing', { timeoutMs: 5000 }));
      await rig!.run(200);
      const pop = wuWs.events.find((e) => e.type === 'screen:pop');
      expect(pop?.data).toMatchObject({ notes: 'wants a refund for invoice 2291', number: '13800138000' });
      expect(p102.state.hook).toBe('on');
      // 101 hears ringback while 102 rings.
      await rig!.until(p101.waitFor('tone:ringback', { timeoutMs: 8000 }));
      p102.offhook();
      await rig!.run(1000);
      // The agents talk; the caller (on hold) does not hear them.
      await hears(p101, p102, '3');
      await hears(p102, p101, '4');
      expect(caller.heard.some((h) => h.kind === 'digit' && (h.value === '3' || h.value === '4'))).toBe(false);
      expect((await req('GET', '/api/extensions/101/call', li)).body).toMatchObject({ held: true, consulting: '102' });

      expect((await req('POST', '/api/extensions/101/transfer/complete', li)).status).toBe(200);
      await rig!.run(1000);
      await hears(caller, p102, '5');
      await hears(p102, caller, '7');
      await rig!.until(p101.waitFor('tone:busy', { timeoutMs: 3000 }));
      p101.onhook();
      caller.hangup();
      await rig!.run(3000);
      p102.onhook();
      await rig!.run(1000);
      wuWs.close();
      const sup = await rig!.token('supervisor');
      const rec = (await req('GET', '/api/call-records', sup)).body.items[0];
      expect(rec.transfers).toMatchObject([{ from: '101', to: '102', kind: 'attended' }]);
      // Answered by 101 first, then 102 by the chain; talk from 101's answer to the end (the caller's whole conversation).
      expect(rec).toMatchObject({ result: 'answered', agent: '101', from: '13800138000' });
      expect(rec.talkMs).toBe(rec.endMs - rec.legs.find((l: any) => l.extension === '101').answerMs);
      expect(rec.transfers[0].atMs).toBeGreaterThan(rec.startMs + rec.waitMs);
    });

    it('attended transfer canceled while the colleague still rings: the ringing stops, the agent is back with the caller; consulting again works', async () => {
      await start(db);
      const li = await rig!.token('agent', { username: 'li', extension: '101' });
      const { caller, p101 } = await callAnswered();
      const p102 = rig!.rt.world.phones.get('102');
      expect((await req('POST', '/api/extensions/101/transfer', li, { to: '102', mode: 'attended' })).status).toBe(200);
      await rig!.until(p102.waitFor('ringing', { timeoutMs: 5000 }));
      expect((await req('POST', '/api/extensions/101/transfer/cancel', li)).status).toBe(200);
      await rig!.run(1500);
      expect(p102.state.state).toBe('idle');
      const sup = await rig!.token('supervisor');
      expect((await req('GET', '/api/extensions/102/call', sup)).status).toBe(409);
      expect((await req('GET', '/api/extensions/101/call', li)).body).toMatchObject({ held: false, consulting: null });
      await hears(caller, p101, '2');
      await hears(p101, caller, '6');
      // Long after: 102 never rings again for that consultation.
      const rings = p102.ringLog.length;
      await rig!.run(8000);
      expect(p102.ringLog.slice(rings)).toEqual([]);

      expect((await req('POST', '/api/extensions/101/transfer', li, { to: '102', mode: 'attended' })).status).toBe(200);
      await rig!.until(p102.waitFor('ringing', { timeoutMs: 5000 }));
      p102.offhook();
      await rig!.run(1000);
      await hears(p101, p102, '3');
      expect((await req('POST', '/api/extensions/101/transfer/complete', li)).status).toBe(200);
      await rig!.run(1000);
      await hears(caller, p102, '5');
      p101.onhook();
      caller.hangup();
      await rig!.run(3000);
      p102.onhook();
      await rig!.run(500);
    });

    it('blind transfer to an extension, and to one that forwards on no answer', async () => {
      await start(db);
      const li = await rig!.token('agent', { username: 'li', extension: '101' });
      const { caller, p101 } = await callAnswered();
      const p103 = rig!.rt.world.phones.get('103');
      const p104 = rig!.rt.world.phones.get('104');
      expect(
        (await req('PATCH', '/api/extensions/103/settings', undefined, { forward: { 'no-answer': '104' }, noAnswerMs: 4000 })).status,
      ).toBe(401);
      const sup = await rig!.token('supervisor');
      expect(
        (await req('PATCH', '/api/extensions/103/settings', sup, { forward: { 'no-answer': '104' }, noAnswerMs: 4000 })).body,
      ).toMatchObject({ forward: { 'no-answer': '104' }, noAnswerMs: 4000 });
      expect((await req('POST', '/api/extensions/101/transfer', li, { to: '103' })).status).toBe(200);
      await rig!.until(p101.waitFor('tone:busy', { timeoutMs: 3000 }));
      p101.onhook();
      await rig!.until(p103.waitFor('ringing', { timeoutMs: 5000 }));
      await rig!.until(caller.waitFor('tone:ringback', { timeoutMs: 3000 }));
      // 103 does not answer within 4 s: 104 rings.
      await rig!.until(p104.waitFor('ringing', { timeoutMs: 10_000 }));
      p104.offhook();
      await rig!.run(1000);
      await hears(caller, p104, '6');
      await hears(p104, caller, '8');
      caller.hangup();
      await rig!.run(3000);
      p104.onhook();
      await rig!.run(1000);
      const rec = (await req('GET', '/api/call-records', sup)).body.items[0];
      expect(rec.transfers).toMatchObject([{ from: '101', to: '103', kind: 'blind' }]);
      expect(rec.vars).toMatchObject({ forwardedFrom: '103' });
    });

    it('three-way conference: each party hears the other two; the agent leaves and the others go on', async () => {
      await start(db);
      const li = await rig!.token('agent', { username: 'li', extension: '101' });
      const { caller, p101 } = await callAnswered();
      const p102 = rig!.rt.world.phones.get('102');
      await req('POST', '/api/extensions/101/transfer', li, { to: '102', mode: 'attended' });
      await rig!.until(p102.waitFor('ringing', { timeoutMs: 5000 }));
      p102.offhook();
      await rig!.run(1000);
      expect((await req('POST', '/api/extensions/101/conference', li)).status).toBe(200);
      await rig!.run(500);
      for (const [from, a, b, k] of [
        [caller, p101, p102, '1'],
        [p101, caller, p102, '2'],
        [p102, caller, p101, '3'],
      ] as const) {
        (from as any).dial ? (from as Phone).dial(k) : (from as FarEnd).press(k);
        await rig!.until(a.waitFor(`digit:${k}` as 'digit', { timeoutMs: 3000 }));
        await rig!.until(b.waitFor(`digit:${k}` as 'digit', { timeoutMs: 3000 }));
      }
      p101.onhook();
      await rig!.run(1500);
      await hears(caller, p102, '9');
      caller.hangup();
      await rig!.run(3000);
      p102.onhook();
      await rig!.run(1000);
      expect(rig!.rt.telephony.activeCalls()).toHaveLength(0);
      const [rec] = await rig!.stores!.callRecords.list();
      expect(rec).toMatchObject({ result: 'answered', agent: '101', transfers: [], vars: { conference: true } });
      expect(rec!.legs.filter((l) => l.kind === 'fxs').map((l) => l.extension)).toEqual(['101', '102']);
    });

    it('recording start and stop writes a WAV with the call audio; the record names it', async () => {
      const dir = await start(db);
      const li = await rig!.token('agent', { username: 'li', extension: '101' });
      const { caller, p101 } = await callAnswered();
      const r = await req('POST', '/api/extensions/101/recording/start', li);
      expect(r.status).toBe(200);
      expect(r.body.path.startsWith(dir)).toBe(true);
      await rig!.run(300);
      caller.press('5');
      await rig!.run(600);
      p101.dial('7');
      await rig!.run(600);
      const s = await req('POST', '/api/extensions/101/recording/stop', li);
      expect(s.body.path).toBe(r.body.path);
      await rig!.run(500);
      const wav = readFileSync(r.body.path);
      expect(wav.subarray(0, 4).toString()).toBe('RIFF');
      expect(detectDigits(wav)).toContain('5');
      expect(detectDigits(wav)).toContain('7');
      caller.hangup();
      await rig!.run(3000);
      p101.onhook();
      await rig!.run(1000);
      const sup = await rig!.token('supervisor');
      expect((await req('GET', '/api/call-records', sup)).body.items[0].recording).toBe(r.body.path);
    });
  });
