// The native line state table on the simulated board, through the server's
// runtime: a move the table refuses (a ring command for a phone that is off
// hook) is logged with span, channel and call, and counted where diagnostics
// read it (GET /api/boards per channel, GET /api/health for the engine); the
// moves an alarm or a board reset force are rows of the table, so tearing
// calls down that way refuses nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src/telephony/call.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const CONFIG = `
boards: [ { driver: sim, fxs: 2, fxo: 2, e1: 1 } ]
extensions: [ { number: "101", port: "fxs:1" }, { number: "102", port: "fxs:2" } ]
routes:
  inbound:
    - { lines: any, ring: "101", ringTimeoutMs: 20000 }
`;

const refusals = (r: Rig) => r.log.lines.filter((l) => l.msg === 'line state move refused');

async function counters(r: Rig, number: number): Promise<{ channel: number; engine: number }> {
  const boards = await r.req('GET', '/api/boards');
  const health = await r.req('GET', '/api/health');
  expect(boards.status).toBe(200);
  expect(health.status).toBe(200);
  const ch = (boards.body as unknown as { channels: { number: number; refusedMoves: number }[] }[])[0]!.channels.find(
    (c) => c.number === number,
  )!;
  return { channel: ch.refusedMoves, engine: health.body.engine.refusedMoves };
}

describe('refused line state moves', () => {
  it('ringing a phone that is off hook is refused by the table: logged with span, channel and call, and counted; twice is two', async () => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    const phone = rt.world.phones.get('101');
    phone.offhook();
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
    const ch = rt.telephony.inventory.byExtension('101')!;
    const call = rt.telephony.activeCalls()[0]!;
    expect(ch.lineState).toBe('up');
    expect(await counters(rig, ch.number)).toEqual({ channel: 0, engine: 0 });

    await expect(rig.until(rt.engine.ring(ch.ref))).rejects.toMatchObject({ code: 'CTI_ERR_BUSY' });
    await rig.run(100);
    expect(refusals(rig)).toEqual([
      expect.objectContaining({
        level: 'warn',
        span: ch.span,
        channel: ch.number,
        callId: call.id,
        from: 'up',
        to: 'ringing',
        why: 'ring',
        refusedMoves: 1,
      }),
    ]);
    expect(await counters(rig, ch.number)).toEqual({ channel: 1, engine: 1 });
    // The refusal changed nothing: the caller still hears dial tone.
    expect(ch.lineState).toBe('up');
    expect(phone.state.ringing).toBe(false);

    await expect(rig.until(rt.engine.ring(ch.ref))).rejects.toMatchObject({ code: 'CTI_ERR_BUSY' });
    await rig.run(100);
    expect(refusals(rig).map((l) => l.refusedMoves)).toEqual([1, 2]);
    expect(await counters(rig, ch.number)).toEqual({ channel: 2, engine: 2 });

    // Hung up, the same phone rings: an allowed move, nothing refused.
    phone.onhook();
    await rig.run(1500);
    await rig.until(rt.telephony.ring('101'));
    await rig.until(phone.waitFor('ringing', { timeoutMs: 3000 }));
    expect(refusals(rig)).toHaveLength(2);
    expect(await counters(rig, ch.number)).toEqual({ channel: 2, engine: 2 });
  });

  it('an alarm and a board reset force their moves through the table: calls torn down, nothing refused', async () => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    // An E1 call up at extension 101 (E1 channel up, phone up), the other phone lifted.
    const offered = new Promise<Call>((res) => rt.telephony.once('call:offered', ({ call }: { call: Call }) => res(call)));
    const caller = rt.world.pstn.call({ from: '13800138000', to: 'e1:3' });
    const call = await rig.until(offered, 10_000);
    const phone = rt.world.phones.get('101');
    await rig.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
    phone.offhook();
    await rig.until(caller.waitFor('connected', { timeoutMs: 5000 }));
    const other = rt.world.phones.get('102');
    other.offhook();
    await rig.until(other.waitFor('tone:dial', { timeoutMs: 3000 }));

    rt.world.faults.alarm('e1:1', 'red');
    expect((await rig.until(call.ended, 2000)).cause).toBe('alarm');
    await rig.run(500);
    const e1 = rt.boards()[0]!.channels.filter((c) => c.kind === 'e1');
    expect(e1.every((c) => c.lineState === 'blocked')).toBe(true);

    // Reset with the span still in alarm and both phones off hook.
    rt.world.faults.resetBoard();
    await rig.run(2000);
    rt.world.faults.clearAlarm('e1:1');
    phone.onhook();
    other.onhook();
    await rig.run(2000);
    expect(
      rt
        .boards()[0]!
        .channels.filter((c) => c.lineState !== 'idle')
        .map((c) => c.port),
    ).toEqual([]);
    expect(refusals(rig)).toEqual([]);
    expect((await rig.req('GET', '/api/health')).body.engine.refusedMoves).toBe(0);
  });
});
