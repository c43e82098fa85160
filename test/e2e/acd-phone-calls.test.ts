// An agent's desk phone on a call that did not come through a queue (an
// internal call, a direct call to the extension, a click-to-dial call) makes
// the agent on-call for as long as the phone carries it, as the ACD and
// everyone watching see it: GET /api/agents, the WebSocket's agent:state, the
// queue's ready count. When the call ends the agent is back to what they were
// (ready, or not-ready with their reason), with no wrap-up (that is the
// queue's, for its own calls). On SQLite, and PostgreSQL when one can be
// started; agents are database accounts.
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title } from '../support/dialects.ts';
import { ACD_DB_BOARD, AGENT, dbAgents } from './acd-config.ts';
import { req, stream } from './call-center-helpers.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const CONFIG = `${ACD_DB_BOARD}
queues:
  - { name: q, strategy: linear, agents: ["${AGENT.a1}", "${AGENT.a2}"], wrapUpMs: 10000, ringTimeoutMs: 30000 }
routes:
  inbound:
    - { lines: any, queue: q }
`;

/** Runs engine time until f() holds (at most maxMs). */
async function until(r: Rig, f: () => boolean | Promise<boolean>, maxMs = 10_000): Promise<void> {
  for (let t = 0; t < maxMs && !(await f()); t += 100) await r.run(100);
  expect(await f()).toBe(true);
}

for (const d of dialects())
  describe.skipIf(!!d.skip)(`agents on calls of their own phone on ${title(d)}`, () => {
    it('an internal call, a direct call and a click-to-dial call make the agent on-call, and ready (or not-ready) again after', async () => {
      rig = await startRig({ config: CONFIG, database: await d.url() });
      const r = rig;
      await dbAgents(r);
      const cc = r.rt.callCenter!;
      const sup = await r.token('supervisor');
      const supWs = await stream(r, sup);
      await req(r, 'POST', `/api/agents/${AGENT.a1}/login`, sup, {});
      await req(r, 'POST', `/api/agents/${AGENT.a2}/login`, sup, {});
      const agent = async (id: string) => (await req(r, 'GET', '/api/agents', sup)).body.find((a: any) => a.id === id);
      const readyCount = async () => (await req(r, 'GET', '/api/queues/q', sup)).body.stats.ready;
      expect(await readyCount()).toBe(2);

      // a1 lifts and dials a2's extension: a1 is on-call at once (placing a call); a2 once they answer.
      const [p101, p102] = [r.rt.world.phones.get('101'), r.rt.world.phones.get('102')];
      p101.offhook();
      await r.until(p101.waitFor('tone:dial', { timeoutMs: 3000 }));
      p101.dial('102#');
      await r.until(p102.waitFor('ringing', { timeoutMs: 8000 }));
      const internal = r.rt.telephony.inventory.byExtension('101')!.leg!.call.id;
      expect(await agent(AGENT.a1)).toMatchObject({ state: 'on-call', callId: internal, queue: null });
      expect(await readyCount()).toBe(1);
      p102.offhook();
      await until(r, async () => (await agent(AGENT.a2)).state === 'on-call');
      expect(await readyCount()).toBe(0);

      // A queue caller meanwhile waits: both agents are on calls, and the explanation says so.
      const c1 = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await until(r, () => cc.acd.entries().some((e) => e.number === '13800000001'), 60_000);
      const e1 = cc.acd.entries().find((e) => e.number === '13800000001')!;
      const why = (await req(r, 'GET', `/api/queues/calls/${e1.id}/explain`, sup)).body;
      expect(Object.fromEntries(why.candidates.map((c: any) => [c.agent, c.why]))).toEqual({
        [AGENT.a1]: 'on-call',
        [AGENT.a2]: 'on-call',
      });

      // a1 hangs up: both ready at once (no wrap-up: not a queue call; the moves are checked below), and the
      // caller rings a1 (102 is still off hook: its port is not free).
      p101.onhook();
      await r.until(p101.waitFor('ringing', { timeoutMs: 10_000 }));
      expect(await agent(AGENT.a2)).toMatchObject({ state: 'ready', callId: null });
      p102.onhook();
      expect(cc.agents.get(AGENT.a1)!.state).toBe('ringing');
      p101.offhook();
      await until(r, () => cc.agents.get(AGENT.a1)!.state === 'on-call');
      expect(cc.agents.get(AGENT.a1)!.queue).toBe('q');
      c1.hangup();
      await r.run(2000);
      p101.onhook();
      await until(r, () => cc.agents.get(AGENT.a1)!.state === 'wrap-up'); // the queue's call: its wrap-up

      // a2 on a break calls a customer (click-to-dial): on-call while it lasts, then back on the break.
      await req(r, 'POST', `/api/agents/${AGENT.a2}/not-ready`, sup, { reason: 'lunch' });
      r.rt.world.pstn.expect('13900000001', { kind: 'person' });
      const far = r.rt.world.pstn.nextCall('13900000001', { timeoutMs: 20_000 });
      expect((await req(r, 'POST', '/api/extensions/102/dial', sup, { number: '13900000001' })).status).toBe(201);
      await r.until(p102.waitFor('ringing', { timeoutMs: 5000 }));
      expect(await agent(AGENT.a2)).toMatchObject({ state: 'not-ready', reason: 'lunch' }); // ringing: no call of theirs yet
      p102.offhook();
      const customer = await r.until(far);
      await r.until(customer.waitFor('connected', { timeoutMs: 15_000 }));
      expect(await agent(AGENT.a2)).toMatchObject({ state: 'on-call', queue: null });
      customer.hangup();
      await until(r, async () => (await agent(AGENT.a2)).state === 'not-ready');
      expect(await agent(AGENT.a2)).toMatchObject({ reason: 'lunch', callId: null });
      p102.onhook();
      await r.run(1000);

      expect(cc.acd.invariants()).toEqual([]);
      expect(cc.agents.invariants(cc.acd.probe)).toEqual([]);
      const moves = (id: string) =>
        supWs.events.filter((e) => e.type === 'agent:state' && e.data.agent.id === id).map((e) => `${e.data.from}>${e.data.to}`);
      expect(moves(AGENT.a1)).toEqual([
        'logged-out>ready',
        'ready>on-call',
        'on-call>ready',
        'ready>reserved',
        'reserved>ringing',
        'ringing>on-call',
        'on-call>wrap-up',
        'wrap-up>ready',
      ]);
      expect(moves(AGENT.a2)).toEqual([
        'logged-out>ready',
        'ready>on-call',
        'on-call>ready',
        'ready>not-ready',
        'not-ready>on-call',
        'on-call>not-ready',
      ]);
      supWs.close();
    });
  });
