// The call center with a database, end to end on the simulated board (SQLite,
// and PostgreSQL when one can be started): agents are the database's agent
// accounts; a caller goes through an IVR menu into a queue, hears their
// position spoken (detected by audio at the caller's end), and is answered by
// the longest-idle skilled agent, whose phone rings with the screen pop on
// their WebSocket first; the call records say queue, agent, wait and talk.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title } from '../support/dialects.ts';
import { ANNOUNCE_MS, centerConfig, MENU_TO_QUEUE, recordPrompts, req, stream } from './call-center-helpers.ts';
import { startRig, type Rig } from './harness.ts';
import { nextVoice, writeFlow } from './ivr-helpers.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function dirs() {
  const root = mkdtempSync(join(tmpdir(), 'boardcti-center-'));
  const promptsDir = join(root, 'prompts');
  const ivrDir = join(root, 'flows');
  mkdirSync(promptsDir);
  mkdirSync(ivrDir);
  recordPrompts(promptsDir);
  writeFlow(ivrDir, 'main.yaml', MENU_TO_QUEUE);
  return { promptsDir, ivrDir };
}

/** Runs engine time until f() holds (at most maxMs). */
async function until(r: Rig, f: () => boolean, maxMs = 10_000): Promise<void> {
  for (let t = 0; t < maxMs && !f(); t += 100) await r.run(100);
  expect(f()).toBe(true);
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`the call center with its database on ${title(d)}`, () => {
    it('IVR menu, queue, spoken position, the longest-idle skilled agent rings with a screen pop first; records match', async () => {
      const { promptsDir, ivrDir } = dirs();
      rig = await startRig({ config: centerConfig(ivrDir), database: await d.url(), runtime: { promptsDir } });
      const r = rig;
      const cc = r.rt.callCenter!;
      const li = await r.token('agent', { username: 'li', extension: '101', agentNumber: '2001', pin: '1111', skills: { support: 4 } });
      const wang = await r.token('agent', { username: 'wang', extension: '102', agentNumber: '2002', pin: '2222', skills: { support: 4 } });
      const zhao = await r.token('agent', { username: 'zhao', extension: '103', agentNumber: '2003', pin: '3333', skills: { billing: 5 } });
      const sup = await r.token('supervisor');
      await r.until(cc.ready);
      await until(r, () => cc.agents.all().length === 3);
      const [liWs, wangWs, supWs] = [await stream(r, li), await stream(r, wang), await stream(r, sup)];
      await req(r, 'POST', '/api/customers', sup, { name: 'Wang Fang', phones: [{ number: '13800000001' }] });

      // zhao (no support skill) is idle longest, then wang, then li.
      expect((await req(r, 'POST', '/api/agents/me/login', zhao, {})).body).toMatchObject({ id: '2003', state: 'ready' });
      await r.run(1000);
      await req(r, 'POST', '/api/agents/2002/login', wang, {});
      await r.run(1000);
      await req(r, 'POST', '/api/agents/me/login', li, {});
      expect((await req(r, 'POST', '/api/agents/2002/ready', li)).status).toBe(403); // agents act on themselves only

      // Caller 1: the menu, '1', into the queue: wang (skilled, idle longer than li) rings; his screen pops first.
      const c1 = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await r.until(c1.waitFor('connected', { timeoutMs: 10_000 }));
      expect(await nextVoice(r, c1)).toBeCloseTo(1500, -2);
      c1.press('1');
      const p102 = r.rt.world.phones.get('102');
      await r.until(p102.waitFor('ringing', { timeoutMs: 10_000 }));
      await until(r, () => wangWs.events.some((e) => e.type === 'screen:pop'));
      const pop = wangWs.events.find((e) => e.type === 'screen:pop')!;
      expect(pop.data).toMatchObject({
        number: '13800000001',
        known: true,
        customer: { name: 'Wang Fang' },
        queue: 'support',
        ivr: { choice: '1' },
      });
      expect(r.rt.world.phones.get('102').state.hook).toBe('on'); // still ringing: not answered yet
      expect(liWs.events.some((e) => e.type === 'screen:pop')).toBe(false);
      p102.offhook();

      await until(r, () => cc.agents.get('2002')!.state === 'on-call');

      // li takes a break; caller 2 waits and hears "You are number one in the queue" spoken (voice, no DTMF).
      expect((await req(r, 'POST', '/api/agents/me/not-ready', li, { reason: 'break' })).body).toMatchObject({
        state: 'not-ready',
        reason: 'break',
      });
      const c2 = r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      await r.until(c2.waitFor('connected', { timeoutMs: 10_000 }));
      expect(await nextVoice(r, c2)).toBeCloseTo(1500, -2);
      c2.press('1');
      const spoken = await nextVoice(r, c2);
      expect(Math.abs(spoken - (ANNOUNCE_MS.before + ANNOUNCE_MS.one + ANNOUNCE_MS.after))).toBeLessThan(200);
      expect(c2.heard.filter((h) => h.kind === 'digit')).toEqual([]);
      const e2 = cc.acd.entries().find((e) => e.number === '13800000002')!;
      expect(e2.announcements[0]).toMatchObject({ position: 1 });
      const why = (await req(r, 'GET', `/api/queues/calls/${e2.id}/explain`, sup)).body;
      expect(why).toMatchObject({ queue: 'support', position: 1, next: [] });
      expect(Object.fromEntries(why.candidates.map((c: any) => [c.agent, c.why]))).toEqual({
        '2001': 'not-ready (break)',
        '2002': 'on-call',
      }); // 2003 lacks the skill: no member
      expect((await req(r, 'GET', '/api/queues/support', li)).body).toMatchObject({ waiting: [{ callId: e2.id, position: 1 }] });

      // li is back: her phone rings for caller 2, her pop first.
      await req(r, 'POST', '/api/agents/me/ready', li);
      const p101 = r.rt.world.phones.get('101');
      await r.until(p101.waitFor('ringing', { timeoutMs: 10_000 }));
      await until(r, () => liWs.events.some((e) => e.type === 'screen:pop'));
      expect(liWs.events.find((e) => e.type === 'screen:pop')!.data).toMatchObject({
        number: '13800000002',
        known: false,
        draft: { phones: [{ number: '13800000002' }] },
      });
      p101.offhook();
      await until(r, () => cc.agents.get('2001')!.state === 'on-call');
      await r.run(4000);
      c1.hangup();
      c2.hangup();
      await r.run(2000);
      p101.onhook();
      p102.onhook();
      await r.run(2000);
      expect(cc.acd.invariants()).toEqual([]);
      expect(cc.agents.invariants(cc.acd.probe)).toEqual([]);

      // The WebSocket: each agent saw their own state; the supervisor saw the queue.
      const states = (s: typeof liWs) => s.events.filter((e) => e.type === 'agent:state').map((e) => `${e.data.agent.id}:${e.data.to}`);
      expect(new Set(states(wangWs).map((x) => x.split(':')[0]))).toEqual(new Set(['2002']));
      expect(states(liWs)).toEqual(expect.arrayContaining(['2001:ready', '2001:not-ready', '2001:ringing', '2001:on-call']));
      expect(supWs.events.map((e) => e.type)).toEqual(
        expect.arrayContaining(['acd:entered', 'acd:offered', 'acd:answered', 'queue:stats', 'agent:state']),
      );
      [liWs, wangWs, supWs].forEach((s) => s.close());

      // The call records: queue, agent, the wait in queue, the talk.
      const recs = (await req(r, 'GET', '/api/call-records?queue=support', sup)).body;
      expect(recs.total).toBe(2);
      const rec2 = recs.items.find((x: any) => x.from === '13800000002');
      const rec1 = recs.items.find((x: any) => x.from === '13800000001');
      expect(rec1).toMatchObject({ result: 'answered', queue: 'support', agent: '2002' });
      expect(rec2).toMatchObject({ result: 'answered', queue: 'support', agent: '2001' });
      expect(rec2.waitMs).toBeGreaterThan(spoken);
      expect(rec2.waitMs).toBe(e2.call.vars.queueWaitMs);
      expect(rec1.talkMs).toBeGreaterThan(4000);
      expect((await req(r, 'GET', '/api/call-records', li)).body.items.map((x: any) => x.from)).toEqual(['13800000002']);
      // And li's day, for reports: every change with its reason, from the database.
      const hist = (await req(r, 'GET', '/api/agents/me/history', li)).body;
      expect(hist.map((h: any) => h.to)).toEqual(['ready', 'not-ready', 'ready', 'reserved', 'ringing', 'on-call', 'ready']);
      expect(hist.find((h: any) => h.to === 'not-ready')).toMatchObject({ reason: 'break' });
    });
  });
}
