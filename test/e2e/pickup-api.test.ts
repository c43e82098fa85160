// Pickup from the API on the simulated board (SQLite): POST
// /api/extensions/:ext/pickup {from} takes the call ringing at a colleague's
// phone; the picking phone rings with the caller's number and lifting it
// connects the caller (DTMF keys heard both ways). A queue offer goes only to
// a ready agent of that queue; an agent picks up to their own extension only.
import { afterEach, describe, expect, it } from 'vitest';
import type { FarEnd } from '../../src/sim/far-end.ts';
import { ACD_DB_BOARD, AGENT, dbAgents } from './acd-config.ts';
import { keyHeard } from './call-ops-audio.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const ringing = (r: Rig) => ['101', '102', '103'].filter((x) => r.rt.telephony.inventory.byExtension(x)?.leg?.state === 'ringing');

/** A caller on line 1, ringing at 101 (the default route after '#'). */
async function ringingAt101(r: Rig): Promise<FarEnd> {
  const caller = r.rt.world.pstn.call({ from: '13800138000', to: 'line:1' });
  await r.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
  await r.until(caller.waitFor('voice', { timeoutMs: 5000 }));
  caller.press('#');
  await r.until(r.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 15_000 }));
  return caller;
}

describe('pickup over HTTP', () => {
  it("an agent picks up a colleague's ringing call: their phone rings, is lifted, and talks to the caller", async () => {
    rig = await startRig({ database: 'sqlite' });
    const r = rig;
    const agent = await r.token('agent', { username: 'zhao', extension: '103' });
    const pickup = (ext: string, body: unknown) => r.req('POST', `/api/extensions/${ext}/pickup`, agent, body);

    // Nothing rings yet: 404, and the agent's phone stays quiet.
    expect(await pickup('103', {})).toMatchObject({ status: 404, body: { code: 'CTI_ERR_NOT_FOUND' } });
    const caller = await ringingAt101(r);
    // Another extension than the agent's own: 403; a pickup of its own extension: 400.
    expect(await pickup('102', { from: '101' })).toMatchObject({ status: 403, body: { code: 'CTI_ERR_FORBIDDEN' } });
    expect(await pickup('103', { from: '103' })).toMatchObject({ status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT' } });
    expect(await pickup('103', { from: 101 })).toMatchObject({ status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT' } });
    const tech = await r.token('technician');
    expect(await r.req('POST', '/api/extensions/103/pickup', tech, { from: '101' })).toMatchObject({
      status: 403,
      body: { code: 'CTI_ERR_FORBIDDEN' },
    });
    expect(ringing(r)).toEqual(['101']);

    const callId = r.rt.telephony.inventory.byExtension('101')!.leg!.call.id;
    const ok = await pickup('103', { from: '101' });
    expect(ok).toEqual({ status: 200, body: { callId, from: '101' } });
    const p103 = r.rt.world.phones.get('103');
    await r.until(p103.waitFor('ringing', { timeoutMs: 5000 }));
    // Not free any more (its phone rings for the pickup): a second pickup is 409.
    expect(await pickup('103', { from: '101' })).toMatchObject({ status: 409, body: { code: 'CTI_ERR_BUSY' } });

    p103.offhook();
    await r.run(1500);
    expect(ringing(r)).toEqual([]);
    await keyHeard(r, caller, p103, '5');
    await keyHeard(r, p103, caller, '7');
    expect(r.rt.telephony.inventory.byExtension('103')!.leg!.call.id).toBe(callId);
    expect(r.rt.world.phones.get('101').state.hook).toBe('on');

    caller.hangup();
    await r.run(3000);
    p103.onhook();
    await r.run(1000);

    // The next call: picked up the same way; then one whose caller gives up before the lift.
    const second = await ringingAt101(r);
    expect((await pickup('103', {})).body.from).toBe('101');
    await r.until(p103.waitFor('ringing', { timeoutMs: 5000 }));
    p103.offhook();
    await r.run(1500);
    await keyHeard(r, second, p103, '8');
    second.hangup();
    await r.run(3000);
    p103.onhook();
    await r.run(1000);
    const third = await ringingAt101(r);
    expect((await pickup('103', { from: '101' })).status).toBe(200);
    await r.until(p103.waitFor('ringing', { timeoutMs: 5000 }));
    third.hangup();
    await r.run(3000);
    expect(ringing(r)).toEqual([]);
    expect(r.rt.callOps.ringer.free('103')).toBe(true);
  });

  it('a queue offer: refused (409) for an agent outside the queue, taken by a ready agent of the queue', async () => {
    rig = await startRig({
      database: 'sqlite',
      config: `${ACD_DB_BOARD}
queues:
  - { name: q, strategy: linear, agents: ["${AGENT.a1}", "${AGENT.a2}"], ringTimeoutMs: 30000 }
routes:
  inbound:
    - { lines: any, queue: q }
`,
    });
    const r = rig;
    await dbAgents(r);
    const cc = r.rt.callCenter!;
    for (const id of [AGENT.a1, AGENT.a2, AGENT.a3]) cc.agents.login(id);
    const sup = await r.token('supervisor');
    const caller = r.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
    await r.until(r.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 60_000 }));

    const refused = await r.req('POST', '/api/extensions/103/pickup', sup, { from: '101' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'CTI_ERR_CONFLICT' } });
    expect(refused.body.message).toContain('queue q');
    await r.run(500);
    expect(ringing(r)).toEqual(['101']);
    expect(cc.agents.get(AGENT.a3)!.state).toBe('ready');

    const ok = await r.req('POST', '/api/extensions/102/pickup', sup, {});
    expect(ok).toMatchObject({ status: 200, body: { from: '101' } });
    const p102 = r.rt.world.phones.get('102');
    await r.until(p102.waitFor('ringing', { timeoutMs: 5000 }));
    p102.offhook();
    await r.run(1500);
    expect(ringing(r)).toEqual([]);
    expect([cc.agents.get(AGENT.a1)!.state, cc.agents.get(AGENT.a2)!.state]).toEqual(['ready', 'on-call']);
    await keyHeard(r, caller, p102, '4');
    await keyHeard(r, p102, caller, '6');
    expect(cc.acd.invariants()).toEqual([]);
    caller.hangup();
    await r.run(3000);
    p102.onhook();
    await r.run(1000);
  });
});
