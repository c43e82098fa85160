// One scenario per ACD strategy on the simulated board, with desk phones
// that ring and pick up; ring-all with two phones picking up in the same
// frame. On SQLite and on PostgreSQL (when one can be started): the agents
// are the database's accounts, and each scenario ends by checking the call
// records the database kept (queue, agent, wait, talk, result). The customer
// look-up before queueing is database I/O the stepped world does not wait
// for: waits for the first ring are generous.
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title, type Dialect } from '../support/dialects.ts';
import { ACD_DB_BOARD, AGENT, dbAgents, queueRecords } from './acd-config.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const { a1, a2, a3 } = AGENT;
const RING = { timeoutMs: 60_000 };

async function center(d: Dialect, queue: string): Promise<Rig> {
  rig = await startRig({
    config: `${ACD_DB_BOARD}\nqueues:\n  - ${queue}\nroutes:\n  inbound:\n    - { lines: any, queue: q }\n`,
    database: await d.url(),
  });
  await dbAgents(rig);
  for (const a of rig.rt.callCenter!.agents.all()) rig.rt.callCenter!.agents.login(a.id);
  return rig;
}

// Which phones the server rings now (a phone's own ring-pause outlasts a stopped ring by a cadence).
const ringing = (r: Rig) => ['101', '102', '103'].filter((x) => r.rt.telephony.inventory.byExtension(x)?.leg?.state === 'ringing');

/** Everyone hangs up: the callers, then the phones. */
async function hangUpAll(r: Rig, callers: { hangup(): void }[]): Promise<void> {
  callers.forEach((c) => c.hangup());
  await r.run(3000);
  for (const x of ['101', '102', '103']) if (r.rt.world.phones.get(x).state.hook === 'off') r.rt.world.phones.get(x).onhook();
  await r.run(1000);
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`ACD strategies on the simulated board, records on ${title(d)}`, () => {
    it('ring-all: every free phone rings; two picking up in the same frame: exactly one gets the caller, the other hears the line go down', async () => {
      const r = await center(d, `{ name: q, strategy: ring-all, agents: ["${a1}", "${a2}", "${a3}"] }`);
      const caller = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      for (const x of ['101', '102', '103']) await r.until(r.rt.world.phones.get(x).waitFor('ringing', RING));
      await r.run(2500); // the caller ID, sent in the first ring pause
      expect(r.rt.world.phones.get('101').state.display).toBe('13800000001');
      const [p1, p2, p3] = ['101', '102', '103'].map((x) => r.rt.world.phones.get(x));
      p1!.offhook();
      p2!.offhook(); // same frame
      await r.run(1000);
      const cc = r.rt.callCenter!;
      const states = [a1, a2, a3].map((id) => cc.agents.get(id)!.state);
      expect(states.filter((s) => s === 'on-call')).toHaveLength(1);
      expect(states[2]).toBe('ready');
      expect(p3!.state.ringing).toBe(false);
      const winner = states[0] === 'on-call' ? p1! : p2!;
      const loser = winner === p1 ? p2! : p1!;
      await r.until(loser.waitFor('tone:busy', { timeoutMs: 5000 }));
      // Audio flows between the caller and the winner only.
      caller.press('5');
      await r.until(winner.waitFor('digit:5', { timeoutMs: 3000 }));
      expect(loser.heard.some((h) => h.kind === 'digit' && h.value === '5')).toBe(false);
      expect(cc.acd.invariants()).toEqual([]);
      expect(cc.agents.invariants(cc.acd.probe)).toEqual([]);
      await r.run(2000);
      await hangUpAll(r, [caller]);
      const [rec] = await queueRecords(r, 'q', 1);
      expect(rec).toMatchObject({ result: 'answered', queue: 'q', agent: winner === p1 ? a1 : a2, from: '13800000001' });
      expect(rec!.talkMs).toBeGreaterThan(2000);
    });

    it('linear hunt: the first free member in order; a busy one is skipped', async () => {
      const r = await center(d, `{ name: q, strategy: linear, agents: ["${a2}", "${a1}", "${a3}"] }`);
      const c1 = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await r.until(r.rt.world.phones.get('102').waitFor('ringing', RING));
      expect(ringing(r)).toEqual(['102']);
      r.rt.world.phones.get('102').offhook();
      await r.run(500);
      const c2 = r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      await r.until(r.rt.world.phones.get('101').waitFor('ringing', RING));
      expect(ringing(r)).toEqual(['101']);
      // Caller 2 gives up while 101 rings: abandoned, no agent.
      await hangUpAll(r, [c2, c1]);
      const recs = await queueRecords(r, 'q', 2);
      expect(recs.map((x) => [x.from, x.result, x.agent])).toEqual([
        ['13800000001', 'answered', a2],
        ['13800000002', 'abandoned', null],
      ]);
    });

    it('circular hunt: the next call starts after the agent offered last', async () => {
      const r = await center(d, `{ name: q, strategy: circular, agents: ["${a1}", "${a2}", "${a3}"], ringTimeoutMs: 4000, maxMissed: 0 }`);
      const c1 = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await r.until(r.rt.world.phones.get('101').waitFor('ringing', RING));
      // 101 lets it ring out: 102 is next, then the next call goes on to 103.
      await r.until(r.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 10_000 }));
      r.rt.world.phones.get('102').offhook();
      await r.run(500);
      const c2 = r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      await r.until(r.rt.world.phones.get('103').waitFor('ringing', RING));
      expect(ringing(r)).toEqual(['103']);
      expect(r.rt.callCenter!.agents.get(a1)!.state).toBe('ready'); // maxMissed 0: never set not-ready
      r.rt.world.phones.get('103').offhook();
      await r.run(1000);
      await hangUpAll(r, [c1, c2]);
      const [r1, r2] = await queueRecords(r, 'q', 2);
      expect([r1!.agent, r2!.agent]).toEqual([a2, a3]);
      expect(r1!.waitMs).toBeGreaterThanOrEqual(4000); // 101 rang out first
      expect(r2!.waitMs).toBeLessThan(4000); // 103 answered the first ring
      expect(r1!.talkMs).toBeGreaterThan(1000);
    });

    it('longest-idle with skills: the better-matched agent first, then the one idle longest; explained', async () => {
      const r = await center(d, '{ name: q, strategy: longest-idle, skills: { sales: 1 } }');
      const cc = r.rt.callCenter!;
      cc.agents.notReady(a2, 'lunch'); // the sales-5 agent is away
      const c1 = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await r.until(r.rt.world.phones.get('101').waitFor('ringing', RING));
      const callId = cc.acd.entries()[0]!.id;
      const why = cc.acd.explain(callId)!;
      expect(why.status).toBe('offering');
      expect(why.candidates.find((c) => c.agent === a2)!.why).toBe('not-ready (lunch)');
      expect(why.candidates.find((c) => c.agent === a3)).toBeUndefined(); // not a member: no sales skill
      cc.agents.ready(a2);
      r.rt.world.phones.get('101').offhook();
      await r.run(500);
      const c2 = r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      await r.until(r.rt.world.phones.get('102').waitFor('ringing', RING));
      r.rt.world.phones.get('102').offhook();
      await r.run(1500);
      await hangUpAll(r, [c1, c2]);
      const recs = await queueRecords(r, 'q', 2);
      expect(recs.map((x) => [x.from, x.result, x.agent])).toEqual([
        ['13800000001', 'answered', a1],
        ['13800000002', 'answered', a2],
      ]);
      expect(recs.every((x) => x.talkMs! > 1000 && x.waitMs! >= 0)).toBe(true);
    });
  });
}
