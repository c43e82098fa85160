// Agents on the simulated board: log in and toggle ready from the desk phone
// by feature code; after a restart, no agent is left ringing or on-call with
// no call (the persisted states are reconciled against the board); a queue
// callback keeps the caller's place, is dialled once, does not jump ahead, and
// pops the customer on the agent's screen for the call dialled back
// (on SQLite and PostgreSQL, agents from the database, the records checked;
// the desk-phone login and the restart with a database are in
// call-center-agents-db.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryAgentStore } from '../../src/agents/store.ts';
import { dialects, title } from '../support/dialects.ts';
import { ACD_BOARD, ACD_DB_BOARD, AGENT, dbAgents, queueRecords } from './acd-config.ts';
import { stream } from './call-center-helpers.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const QUEUE = `
queues:
  - { name: q, strategy: linear, agents: [a1, a2], callback: { digit: "*" } }
routes:
  inbound:
    - { lines: any, queue: q }
`;

describe('agents on the simulated board', () => {
  it('*11 id # PIN # logs in at the desk phone; *13 toggles not-ready; a wrong PIN is refused', async () => {
    // Keypads dial digits: this agent's id is a number.
    rig = await startRig({ config: `${ACD_BOARD}  - { id: "2004", extension: "104", pin: "4444" }\n${QUEUE}` });
    const cc = rig.rt.callCenter!;
    await rig.until(cc.ready);
    const phone = rig.rt.world.phones.get('104');
    phone.offhook();
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
    phone.dial('*112004#9999#');
    await rig.until(phone.waitFor('tone:congestion', { timeoutMs: 8000 }));
    expect(cc.agents.get('2004')!.state).toBe('logged-out');
    phone.onhook();
    await rig.run(1000);

    phone.offhook();
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
    phone.dial('*112004#4444#');
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 8000 })); // the confirmation
    expect(cc.agents.get('2004')!.state).toBe('ready');
    phone.onhook();
    await rig.run(1000);

    phone.offhook();
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
    phone.dial('*13#');
    await rig.run(3000);
    expect(cc.agents.get('2004')!).toMatchObject({ state: 'not-ready', reason: 'break' });
    phone.onhook();
    await rig.run(500);
    const moves = (cc.agents.store as MemoryAgentStore).events('2004').map((e) => `${e.from}>${e.to}`);
    expect(moves).toEqual(['logged-out>ready', 'ready>not-ready']);
  });

  it('after a restart, agents saved ringing or on-call come back free, with the reason logged', async () => {
    const store = new MemoryAgentStore();
    rig = await startRig({ config: ACD_BOARD + QUEUE, runtime: { agentStore: store } });
    let cc = rig.rt.callCenter!;
    await rig.until(cc.ready);
    cc.agents.login('a1');
    cc.agents.login('a2');
    rig.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
    rig.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
    await rig.until(rig.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 10_000 }));
    rig.rt.world.phones.get('101').offhook();
    await rig.until(rig.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 10_000 }));
    await rig.run(200);
    expect([cc.agents.get('a1')!.state, cc.agents.get('a2')!.state]).toEqual(['on-call', 'ringing']);
    // The process dies here: what the store holds is what the next one finds.
    const crashed = new MemoryAgentStore();
    for (const s of store.loadStatuses()) crashed.saveStatus(s);
    await rig.close();

    rig = await startRig({ config: ACD_BOARD + QUEUE, runtime: { agentStore: crashed } });
    cc = rig.rt.callCenter!;
    await rig.until(cc.ready);
    expect([cc.agents.get('a1')!.state, cc.agents.get('a2')!.state]).toEqual(['ready', 'ready']);
    expect(cc.agents.get('a3')!.state).toBe('logged-out');
    const why = crashed.events('a1').at(-1)!;
    expect(why.why).toMatch(/^reconciled/);
    expect(cc.agents.invariants(cc.acd.probe)).toEqual([]);
    // And they take calls again.
    rig.rt.world.pstn.call({ from: '13800000003', to: 'line:1' });
    await rig.until(rig.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 10_000 }));
  });
});

/** A token of an account dbAgents() made (its password is the username's). */
async function login(r: Rig, username: string): Promise<string> {
  const res = await r.req('POST', '/api/auth/login', undefined, { username, password: `${username}-password` });
  return res.body.token;
}

const DB_QUEUE = QUEUE.replace('agents: [a1, a2]', `agents: ["${AGENT.a1}", "${AGENT.a2}"]`);

for (const d of dialects())
  describe.skipIf(!!d.skip)(`the queue callback, records on ${title(d)}`, () => {
    it('queue callback: keeps the place, dialled once when it is their turn, never ahead of a caller who came first', async () => {
      rig = await startRig({ config: ACD_DB_BOARD + DB_QUEUE, database: await d.url() });
      const { rt } = rig;
      const cc = rt.callCenter!;
      await dbAgents(rig);
      const li = await login(rig, 'li');
      const liWs = await stream(rig, li);
      await rig.stores!.customers.create({ name: 'Zhou Min', phones: [{ number: '13800000003' }] });
      cc.agents.login(AGENT.a1);
      // Queued after the customer look-up: database I/O the stepped world does not wait for.
      const inQueue = async (n: string) => {
        for (let t = 0; t < 60_000 && !cc.acd.entries().some((e) => e.number === n); t += 100) await rig!.run(100);
      };
      const phone = rt.world.phones.get('101');
      const c1 = rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await rig.until(phone.waitFor('ringing', { timeoutMs: 60_000 })); // after the customer look-up (database I/O)
      phone.offhook();
      await rig.until(c1.waitFor('connected'));
      // Caller 2 waits; caller 3 comes later and asks to be called back; caller 4 comes after.
      const c2 = rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      await rig.run(2000);
      await inQueue('13800000002');
      const c3 = rt.world.pstn.call({ from: '13800000003', to: 'line:3' });
      await rig.run(3000);
      await inQueue('13800000003');
      c3.press('*');
      await rig.until(c3.waitFor('digit:C', { timeoutMs: 5000 }));
      await rig.until(c3.waitFor('ended', { timeoutMs: 5000 }));
      const c4 = rt.world.pstn.call({ from: '13800000004', to: 'line:4' });
      await rig.run(5000); // answered once its caller ID is in (after the first ring), then queued
      await inQueue('13800000004');
      const order = () => cc.acd.queue('q')!.entries.map((e) => `${e.number}:${e.status}`);
      expect(order()).toEqual(['13800000002:waiting', '13800000003:callback', '13800000004:waiting']);
      rt.world.pstn.expect('13800000003', { kind: 'person' });
      const back = rt.world.pstn.nextCall('13800000003', { timeoutMs: 120_000 });

      // a1 finishes with caller 1: caller 2 (first in line) is next, not the callback.
      c1.hangup();
      await rig.until(phone.waitFor('tone:busy', { timeoutMs: 8000 }));
      phone.onhook();
      await rig.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
      expect(rt.telephony.inventory.byExtension('101')!.leg!.call.id).toBe(
        cc.acd.entries().find((e) => e.number === '13800000002')?.call.id ?? 'answered',
      );
      phone.offhook();
      await rig.run(3000);
      c2.hangup();
      await rig.until(phone.waitFor('tone:busy', { timeoutMs: 8000 }));
      phone.onhook();
      // Now the callback: the agent is reserved, the number dialled, then the phone rings.
      const far = await rig.until(back);
      await rig.until(far.waitFor('connected', { timeoutMs: 30_000 }));
      await rig.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
      await rig.run(2500); // the caller ID, sent in the first ring pause
      expect(phone.state.display).toBe('13800000003');
      // The agent's screen pops with the customer, as for the inbound calls, for the call their phone rings with.
      const ringingCall = rt.telephony.inventory.byExtension('101')!.leg!.call.id;
      const pops = liWs.events.filter((e) => e.type === 'screen:pop').map((e) => e.data);
      expect(pops.map((p) => p.number)).toEqual(['13800000001', '13800000002', '13800000003']);
      const asking = cc.acd.entries().find((e) => e.number === '13800000003')!;
      expect(ringingCall).not.toBe(asking.id); // the call dialled back, not the one the caller hung up
      expect(pops[2]).toMatchObject({ callId: ringingCall, known: true, customer: { name: 'Zhou Min' }, queue: 'q' });
      // What the caller's own call carried (here: that they asked for the callback) comes with it.
      expect(pops[2].ivr).toMatchObject({ callback: '13800000003', callbackFor: asking.id });
      liWs.close();
      phone.offhook();
      await rig.run(2000);
      far.press('7');
      await rig.until(phone.waitFor('digit:7', { timeoutMs: 3000 }));
      expect(order()).toEqual(['13800000004:waiting']);
      // Every change of the entry's status was a move of its declared table, none refused.
      expect(asking.sm.history.map((h) => `${h.from}>${h.to}`)).toEqual([
        'waiting>callback',
        'callback>calling-back',
        'calling-back>waiting',
        'waiting>offering',
        'offering>connected',
      ]);
      expect(asking.sm.refused).toBe(0);
      expect([...cc.acd.offers.dialled.values()]).toEqual([1]);
      expect(rt.world.pstn.byId(far.id)).toBe(far);
      expect(cc.acd.invariants()).toEqual([]);

      // The records: caller 3's own call ended as a callback request; the callback is an outbound call of the queue that a1 took.
      far.hangup();
      c4.hangup();
      await rig.run(3000);
      phone.onhook();
      await rig.run(1000);
      const recs = await queueRecords(rig, 'q', 5);
      const summary = recs.map((x) => [x.from, x.direction, x.result, x.agent]);
      expect(summary).toEqual([
        ['13800000001', 'inbound', 'answered', AGENT.a1],
        ['13800000002', 'inbound', 'answered', AGENT.a1],
        ['13800000003', 'inbound', 'callback', null], // the line answered; the caller asked for the callback and hung up
        ['13800000004', 'inbound', 'abandoned', null],
        ['13800000003', 'outbound', 'answered', AGENT.a1],
      ]);
      const asked = recs[2]!;
      const dialled = recs[4]!;
      expect(asked.vars).toMatchObject({ callback: '13800000003' });
      expect(dialled.vars).toMatchObject({ callbackFor: expect.any(String), queue: 'q' });
      // The callback's wait runs from the caller's arrival: their place in the line, kept.
      expect(dialled.waitMs).toBeGreaterThan(asked.waitMs!);
      expect(dialled.talkMs).toBeGreaterThan(1500);
    });
  });
