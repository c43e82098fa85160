// Queues managed at run time, end to end on the simulated board with the
// database (SQLite, and PostgreSQL when one can be started): an IVR flow
// queues callers to `hotline`, which does not exist at first (the caller is
// turned away); an admin creates it over HTTP and the next caller reaches it,
// the first agent of its linear hunt rings and answers; the strategy edited
// to ring-all while a caller waits (no agent ready) keeps that caller in the
// queue, deleting it then is refused, and once the agents are ready both
// phones ring at once; after a restart on the same database the queue is
// still there, as edited, and takes a call.
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title } from '../support/dialects.ts';
import { ACD_DB_BOARD, AGENT, dbAgents } from './acd-config.ts';
import { stream } from './call-center-helpers.ts';
import { startRig, type Rig } from './harness.ts';
import { ivrDirs, writeFlow } from './ivr-helpers.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const { a1, a2 } = AGENT;
const RING = { timeoutMs: 30_000 };
const FLOW = `name: main
start: hotline
nodes:
  hotline: { type: queue, queue: hotline, onFail: bye }
  bye: { type: hangup }
`;
const config = (ivrDir: string) => `${ACD_DB_BOARD}ivr: { dir: ${JSON.stringify(ivrDir)}, watch: false }
routes:
  inbound:
    - { lines: any, flow: main }
`;

// Which phones the server rings now.
const ringing = (r: Rig) => ['101', '102', '103'].filter((x) => r.rt.telephony.inventory.byExtension(x)?.leg?.state === 'ringing');

/** Runs engine time until f() holds (at most maxMs). */
async function until(r: Rig, f: () => boolean, maxMs = 10_000): Promise<void> {
  for (let t = 0; t < maxMs && !f(); t += 100) await r.run(100);
  expect(f()).toBe(true);
}

async function hangUp(r: Rig, caller: { hangup(): void }): Promise<void> {
  caller.hangup();
  await r.run(3000);
  for (const x of ['101', '102', '103']) if (r.rt.world.phones.get(x).state.hook === 'off') r.rt.world.phones.get(x).onhook();
  await r.run(1000);
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`queues created and edited over the API, on the board, stored in ${title(d)}`, () => {
    it('a queue created over HTTP takes the next caller; an edited strategy applies to the next offer, waiting callers stay; it outlives a restart', async () => {
      const { promptsDir, ivrDir } = ivrDirs({});
      writeFlow(ivrDir, 'main.yaml', FLOW);
      const url = await d.url();
      rig = await startRig({ config: config(ivrDir), database: url, runtime: { promptsDir } });
      let r = rig;
      await dbAgents(r);
      const cc = r.rt.callCenter!;
      await r.until(r.rt.dataApi!.queues!.ready);
      for (const id of [a1, a2]) cc.agents.login(id);
      const admin = await r.token('admin');
      const wallboard = await stream(r, await r.token('supervisor'));

      // No queue yet: the flow's queue node fails and the caller is let go.
      const c0 = r.rt.world.pstn.call({ from: '13800000000', to: 'line:1' });
      await r.until(c0.waitFor('ended', RING));
      expect(ringing(r)).toEqual([]);
      expect((await r.req('GET', '/api/queues/hotline', admin)).status).toBe(404);

      // Created: the next caller reaches it; the linear hunt rings a2 (first in order), who answers.
      const created = await r.req('POST', '/api/queues', admin, {
        name: 'hotline',
        strategy: 'linear',
        agents: [a2, a1],
        ringTimeoutMs: 20000,
      });
      expect(created).toMatchObject({ status: 201, body: { name: 'hotline', origin: 'api', definition: { strategy: 'linear' } } });
      const c1 = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await r.until(r.rt.world.phones.get('102').waitFor('ringing', RING));
      expect(ringing(r)).toEqual(['102']);
      r.rt.world.phones.get('102').offhook();
      await until(r, () => cc.agents.get(a2)!.state === 'on-call');
      c1.press('5');
      await r.until(r.rt.world.phones.get('102').waitFor('digit:5', { timeoutMs: 5000 }));
      await hangUp(r, c1);
      expect((await r.req('GET', '/api/queues/hotline', admin)).body.stats).toMatchObject({ entered: 1, answered: 1 });

      // No agent ready: the next caller waits in the queue.
      for (const id of [a1, a2]) cc.agents.notReady(id, 'meeting');
      const c2 = r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      await until(r, () => cc.acd.queue('hotline')!.length === 1);
      const callId = cc.acd.queue('hotline')!.entries[0]!.id;
      // Edited while they wait: they stay, in their place.
      const edited = await r.req('PATCH', '/api/queues/hotline', admin, { strategy: 'ring-all' });
      expect(edited).toMatchObject({ status: 200, body: { definition: { strategy: 'ring-all', agents: [a2, a1], ringTimeoutMs: 20000 } } });
      const view = await r.req('GET', '/api/queues/hotline', admin);
      expect(view.body).toMatchObject({ strategy: 'ring-all', waiting: [{ callId, position: 1 }] });
      // Not deleted while a caller is in it (nor while the IVR flow queues to it); nothing changes.
      const del = await r.req('DELETE', '/api/queues/hotline', admin);
      expect(del).toMatchObject({ status: 409, body: { code: 'CTI_ERR_CONFLICT' } });
      expect(del.body.message).toMatch(/caller/);
      expect(cc.acd.queue('hotline')!.entries.map((e) => e.id)).toEqual([callId]);
      // The agents ready: the waiting caller's next offer follows ring-all: both phones ring.
      for (const id of [a1, a2]) cc.agents.ready(id);
      await r.until(r.rt.world.phones.get('101').waitFor('ringing', RING));
      await r.until(r.rt.world.phones.get('102').waitFor('ringing', RING));
      expect(ringing(r)).toEqual(['101', '102']);
      r.rt.world.phones.get('101').offhook();
      await until(r, () => cc.agents.get(a1)!.state === 'on-call');
      expect(cc.agents.get(a2)!.state).toBe('ready');
      expect(cc.acd.invariants()).toEqual([]);
      await hangUp(r, c2);
      // Empty now, but the IVR flow still queues to it: refused, saying so.
      const inUse = await r.req('DELETE', '/api/queues/hotline', admin);
      expect(inUse).toMatchObject({ status: 409, body: { code: 'CTI_ERR_CONFLICT' } });
      expect(inUse.body.message).toMatch(/IVR flow main \(node hotline\)/);
      // The supervisors' stream said so.
      expect(wallboard.events.filter((e) => e.type === 'queue:changed').map((e) => e.data)).toEqual([
        { name: 'hotline', change: 'added' },
        { name: 'hotline', change: 'replaced' },
      ]);
      wallboard.close();
      await r.close();

      // A restart on the same database: the queue is there, as edited, and takes a call.
      rig = await startRig({ config: config(ivrDir), database: url, runtime: { promptsDir } });
      r = rig;
      const cc2 = r.rt.callCenter!;
      await r.until(r.rt.dataApi!.queues!.ready);
      await r.until(cc2.ready);
      await until(r, () => cc2.agents.all().length === 3);
      for (const id of [a1, a2]) cc2.agents.login(id);
      const def = await r.req('GET', '/api/queues/hotline/definition', await r.token('admin'));
      expect(def).toMatchObject({
        status: 200,
        body: { origin: 'api', updatedBy: 'admin', definition: { name: 'hotline', strategy: 'ring-all', agents: [a2, a1] } },
      });
      const c3 = r.rt.world.pstn.call({ from: '13800000003', to: 'line:1' });
      await r.until(r.rt.world.phones.get('101').waitFor('ringing', RING));
      await r.until(r.rt.world.phones.get('102').waitFor('ringing', RING));
      r.rt.world.phones.get('102').offhook();
      await until(r, () => cc2.agents.get(a2)!.state === 'on-call');
      await hangUp(r, c3);
    });
  });
}
