// Ring-all on the simulated board when the losing agent lifts with or a few
// frames after the winner (issue 9): the loser's lift is no call of its own, its
// port is free once it hangs up, and the next ring-all call rings every
// agent's phone again, the loser's included, who can answer it.
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
const PHONES = ['101', '102', '103'];

async function center(d: Dialect): Promise<Rig> {
  const queue = `{ name: q, strategy: ring-all, agents: ["${a1}", "${a2}", "${a3}"] }`;
  rig = await startRig({
    config: `${ACD_DB_BOARD}\nqueues:\n  - ${queue}\nroutes:\n  inbound:\n    - { lines: any, queue: q }\n`,
    database: await d.url(),
  });
  await dbAgents(rig);
  for (const a of rig.rt.callCenter!.agents.all()) rig.rt.callCenter!.agents.login(a.id);
  return rig;
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`ACD ring-all race on the simulated board, records on ${title(d)}`, () => {
    it.each([
      ['in the same frame as the winner', 0],
      ['a frame after the winner', 20],
      ['a few frames after the winner', 60],
    ])('the agent who lifts %s is free once on hook: the next call rings every phone and that agent answers it', async (_when, lagMs) => {
      const r = await center(d);
      const cc = r.rt.callCenter!;
      const phone = (x: string) => r.rt.world.phones.get(x);
      const port = (x: string) => r.rt.telephony.inventory.byExtension(x)!;
      const c1 = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      for (const x of PHONES) await r.until(phone(x).waitFor('ringing', RING));
      await r.run(2500);
      phone('101').offhook(); // the winner
      await r.run(lagMs);
      phone('102').offhook(); // the loser, just too late
      await r.run(1000);
      expect(cc.agents.get(a1)!.state).toBe('on-call');
      expect(cc.agents.get(a2)!.state).toBe('ready');
      // The lift that lost the race is no call: no internal call from 102.
      expect(
        r.rt.telephony
          .activeCalls()
          .filter((c) => c.direction === 'internal' && c.from === '102')
          .map((c) => c.id),
      ).toEqual([]);
      phone('102').onhook();
      await r.run(1000);
      expect(port('102').clearing).toBe(false);
      expect(port('102').leg).toBeUndefined();
      expect(port('102').lineState).toBe('idle');
      c1.press('5');
      await r.until(phone('101').waitFor('digit:5', { timeoutMs: 3000 }));
      await r.run(1500);
      c1.hangup();
      await r.run(3000);
      if (phone('101').state.hook === 'off') phone('101').onhook();
      await r.run(1000);
      for (const x of PHONES) expect(port(x).clearing).toBe(false);

      // The second call rings all three phones; 102 answers it.
      const c2 = r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      for (const x of PHONES) await r.until(phone(x).waitFor('ringing', RING));
      const entry = cc.acd.entries()[0]!;
      expect([...entry.offers.keys()].sort()).toEqual([a1, a2, a3]);
      const why = cc.acd.explain(entry.id)!;
      expect(why.candidates.filter((c) => c.why === 'phone busy')).toEqual([]);
      await r.run(2500);
      phone('102').offhook();
      await r.run(1000);
      expect(cc.agents.get(a2)!.state).toBe('on-call');
      c2.press('7');
      await r.until(phone('102').waitFor('digit:7', { timeoutMs: 3000 }));
      expect(cc.acd.invariants()).toEqual([]);
      expect(cc.agents.invariants(cc.acd.probe)).toEqual([]);
      await r.run(1500);
      c2.hangup();
      await r.run(3000);
      for (const x of PHONES) if (phone(x).state.hook === 'off') phone(x).onhook();
      await r.run(1000);
      const recs = await queueRecords(r, 'q', 2);
      expect(recs.map((x) => [x.from, x.result, x.agent])).toEqual([
        ['13800000001', 'answered', a1],
        ['13800000002', 'answered', a2],
      ]);
    });
  });
}
