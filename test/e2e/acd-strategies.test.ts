// One scenario per ACD strategy on the simulated board, with desk phones
// that ring and pick up; ring-all with two phones picking up in the same frame.
import { afterEach, describe, expect, it } from 'vitest';
import { ACD_BOARD } from './acd-config.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function center(queue: string): Promise<Rig> {
  rig = await startRig({ config: `${ACD_BOARD}\nqueues:\n  - ${queue}\nroutes:\n  inbound:\n    - { lines: any, queue: q }\n` });
  await rig.until(rig.rt.callCenter!.ready);
  for (const a of rig.rt.callCenter!.agents.all()) rig.rt.callCenter!.agents.login(a.id);
  return rig;
}

// Which phones the server rings now (a phone's own ring-pause outlasts a stopped ring by a cadence).
const ringing = (r: Rig) => ['101', '102', '103'].filter((x) => r.rt.telephony.inventory.byExtension(x)?.leg?.state === 'ringing');

describe('ACD strategies on the simulated board', () => {
  it('ring-all: every free phone rings; two picking up in the same frame: exactly one gets the caller, the other hears the line go down', async () => {
    const r = await center('{ name: q, strategy: ring-all, agents: [a1, a2, a3] }');
    const caller = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
    for (const x of ['101', '102', '103']) await r.until(r.rt.world.phones.get(x).waitFor('ringing', { timeoutMs: 10_000 }));
    await r.run(2500); // the caller ID, sent in the first ring pause
    expect(r.rt.world.phones.get('101').state.display).toBe('13800000001');
    const [p1, p2, p3] = ['101', '102', '103'].map((x) => r.rt.world.phones.get(x));
    p1!.offhook();
    p2!.offhook(); // same frame
    await r.run(1000);
    const cc = r.rt.callCenter!;
    const states = ['a1', 'a2', 'a3'].map((id) => cc.agents.get(id)!.state);
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
  });

  it('linear hunt: the first free member in order; a busy one is skipped', async () => {
    const r = await center('{ name: q, strategy: linear, agents: [a2, a1, a3] }');
    r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
    await r.until(r.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 10_000 }));
    expect(ringing(r)).toEqual(['102']);
    r.rt.world.phones.get('102').offhook();
    await r.run(500);
    r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
    await r.until(r.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 10_000 }));
    expect(ringing(r)).toEqual(['101']);
  });

  it('circular hunt: the next call starts after the agent offered last', async () => {
    const r = await center('{ name: q, strategy: circular, agents: [a1, a2, a3], ringTimeoutMs: 4000, maxMissed: 0 }');
    r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
    await r.until(r.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 10_000 }));
    // 101 lets it ring out: 102 is next, then the next call goes on to 103.
    await r.until(r.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 10_000 }));
    r.rt.world.phones.get('102').offhook();
    await r.run(500);
    r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
    await r.until(r.rt.world.phones.get('103').waitFor('ringing', { timeoutMs: 10_000 }));
    expect(ringing(r)).toEqual(['103']);
    expect(r.rt.callCenter!.agents.get('a1')!.state).toBe('ready'); // maxMissed 0: never set not-ready
  });

  it('longest-idle with skills: the better-matched agent first, then the one idle longest; explained', async () => {
    const r = await center('{ name: q, strategy: longest-idle, skills: { sales: 1 } }');
    const cc = r.rt.callCenter!;
    cc.agents.notReady('a2', 'lunch'); // the sales-5 agent is away
    r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
    await r.until(r.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 10_000 }));
    const callId = cc.acd.entries()[0]!.id;
    const why = cc.acd.explain(callId)!;
    expect(why.status).toBe('offering');
    expect(why.candidates.find((c) => c.agent === 'a2')!.why).toBe('not-ready (lunch)');
    expect(why.candidates.find((c) => c.agent === 'a3')).toBeUndefined(); // not a member: no sales skill
    cc.agents.ready('a2');
    r.rt.world.phones.get('101').offhook();
    await r.run(500);
    r.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
    await r.until(r.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 10_000 }));
  });
});
