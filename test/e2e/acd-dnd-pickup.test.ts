// DND and pickup meet the ACD (SQLite, and PostgreSQL when one can be
// started; agents are database accounts): the extension's DND and the
// agent's 'dnd' state are one, so an agent whose phone is in DND is offered
// no queue calls; *8 on a ringing queue offer gives the caller to a ready
// agent of that queue only, anyone else hears congestion. The customer
// look-up before queueing is database I/O the stepped world does not wait
// for: waits for ringing are generous.
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title } from '../support/dialects.ts';
import { ACD_DB_BOARD, AGENT, dbAgents, queueRecords } from './acd-config.ts';
import { req } from './call-center-helpers.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const CONFIG = `${ACD_DB_BOARD}
queues:
  - { name: q, strategy: linear, agents: ["${AGENT.a1}", "${AGENT.a2}"], ringTimeoutMs: 30000 }
routes:
  inbound:
    - { lines: any, queue: q }
`;

const ringing = (r: Rig) => ['101', '102', '103'].filter((x) => r.rt.telephony.inventory.byExtension(x)?.leg?.state === 'ringing');

async function code(r: Rig, ext: string, digits: string, answer: 'tone:dial' | 'tone:congestion'): Promise<void> {
  const p = r.rt.world.phones.get(ext);
  p.offhook();
  await r.run(500);
  p.dial(`${digits}#`);
  await r.until(p.waitFor(answer, { timeoutMs: 8000 }));
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`DND and pickup with the ACD on ${title(d)}`, () => {
    it('*78 puts the agent in DND: no queue calls; agent DND off over the API turns the extension DND off', async () => {
      rig = await startRig({ config: CONFIG, database: await d.url() });
      const r = rig;
      await dbAgents(r);
      const cc = r.rt.callCenter!;
      cc.agents.login(AGENT.a1);
      cc.agents.login(AGENT.a2);
      await code(r, '101', '*78', 'tone:dial');
      r.rt.world.phones.get('101').onhook();
      await r.run(2000);
      expect(cc.agents.get(AGENT.a1)!.state).toBe('dnd');
      r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await r.until(r.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 60_000 }));
      expect(ringing(r)).toEqual(['102']);
      const sup = await r.token('supervisor');
      expect((await req(r, 'GET', '/api/extensions/101/settings', sup)).body).toMatchObject({ dnd: true });
      expect((await req(r, 'POST', `/api/agents/${AGENT.a1}/dnd`, sup, { on: false })).body).toMatchObject({ state: 'ready' });
      expect((await req(r, 'GET', '/api/extensions/101/settings', sup)).body).toMatchObject({ dnd: false });
      // Agent DND over the API: the phone is in DND too, and logging in again keeps it.
      await req(r, 'POST', `/api/agents/${AGENT.a1}/dnd`, sup, { on: true });
      expect(r.rt.callOps.settings.dnd('101')).toBe(true);
      cc.agents.logout(AGENT.a1);
      cc.agents.login(AGENT.a1);
      expect(cc.agents.get(AGENT.a1)!.state).toBe('dnd');
      const hist = await r.stores!.agentStates.events(AGENT.a1);
      expect(hist.map((h) => h.to)).toEqual(['ready', 'dnd', 'ready', 'dnd', 'logged-out', 'dnd']);
    });

    it('*8 on a ringing queue offer: refused (congestion) for a non-member, taken by a ready agent of the queue; the record names them', async () => {
      rig = await startRig({ config: CONFIG, database: await d.url() });
      const r = rig;
      await dbAgents(r);
      const cc = r.rt.callCenter!;
      for (const id of [AGENT.a1, AGENT.a2, AGENT.a3]) cc.agents.login(id);
      const caller = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await r.until(r.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 60_000 }));
      // 103's agent serves no queue q: refused, 101 keeps ringing.
      await code(r, '103', '*8101', 'tone:congestion');
      expect(ringing(r)).toEqual(['101']);
      r.rt.world.phones.get('103').onhook();
      await r.run(1000);
      // 102's agent is in q and ready: the caller is theirs.
      const p102 = r.rt.world.phones.get('102');
      p102.offhook();
      await r.run(500);
      p102.dial('*8101#');
      await r.run(1500);
      expect(ringing(r)).toEqual([]);
      expect([cc.agents.get(AGENT.a1)!.state, cc.agents.get(AGENT.a2)!.state]).toEqual(['ready', 'on-call']);
      caller.press('4');
      await r.until(p102.waitFor('digit:4', { timeoutMs: 3000 }));
      expect(cc.acd.invariants()).toEqual([]);
      expect(cc.agents.invariants(cc.acd.probe)).toEqual([]);
      await r.run(2000);
      caller.hangup();
      await r.run(3000);
      p102.onhook();
      await r.run(1000);
      const [rec] = await queueRecords(r, 'q', 1);
      expect(rec).toMatchObject({ result: 'answered', queue: 'q', agent: AGENT.a2, vars: { pickedUpBy: '102' } });
      expect(rec!.talkMs).toBeGreaterThan(2000);
    });
  });
}
