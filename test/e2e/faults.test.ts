// Faults mid-call on the simulated board, through the server's runtime: a span
// alarm tears the calls on that span down with cause `alarm` and the span
// works again once cleared; a board reset leaves no channel stuck, and the
// next call goes through.
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src/telephony/call.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

// Straight to extension 101 (no prompt), so a call is up within seconds.
const CONFIG = `
boards: [ { driver: sim, fxs: 2, fxo: 2, e1: 1 } ]
extensions: [ { number: "101", port: "fxs:1" }, { number: "102", port: "fxs:2" } ]
routes:
  inbound:
    - { lines: any, ring: "101", ringTimeoutMs: 20000 }
`;

/** A PSTN call into `trunk`, answered at extension 101 and bridged; returns the call. */
async function connectedCall(r: Rig, trunk: string, from: string): Promise<Call> {
  const offered = new Promise<Call>((res) => r.rt.telephony.once('call:offered', ({ call }: { call: Call }) => res(call)));
  const caller = r.rt.world.pstn.call({ from, to: trunk });
  const call = await r.until(offered, 10_000);
  const phone = r.rt.world.phones.get('101');
  await r.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
  phone.offhook();
  await r.until(caller.waitFor('connected', { timeoutMs: 5000 }));
  expect(await r.until(call.legs[1]!.waitForAnswer(5000))).toBe(true);
  await r.run(500);
  expect(call.legs.map((l) => l.state)).toEqual(['connected', 'connected']);
  return call;
}

function stuck(r: Rig): string[] {
  const out: string[] = [];
  for (const b of r.rt.boards())
    for (const c of b.channels)
      if (c.lineState !== 'idle' || c.call !== null || c.clearing) out.push(`${c.port}: ${c.lineState} ${c.call?.id ?? ''}`);
  return out;
}

describe('faults mid-call', () => {
  it('a span alarm ends the E1 call with cause alarm; the span recovers and carries the next call', async () => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    const call = await connectedCall(rig, 'e1:3', '13800138000');
    const e1Span = call.legs[0]!.channel.span;

    rt.world.faults.alarm('e1:1', 'red');
    const ended = await rig.until(call.ended, 2000);
    expect(ended.cause).toBe('alarm');
    expect(call.legs[0]!.cause).toBe('alarm');
    // The phone's partner is gone: it hears the line go down.
    expect(call.legs[1]!.cause).toBe('remote-hangup');
    await rig.run(1000);
    const span = rt.boards()[0]!.spans.find((s) => s.span === e1Span)!;
    expect(span.alarms).not.toEqual([]);
    expect(
      rt
        .boards()[0]!
        .channels.filter((c) => c.span === e1Span)
        .every((c) => c.lineState === 'blocked'),
    ).toBe(true);
    const [rec] = await rt.telephony.records.list();
    expect(rec).toMatchObject({ id: call.id, cause: 'alarm' });

    rt.world.phones.get('101').onhook();
    rt.world.faults.clearAlarm('e1:1');
    await rig.run(2000);
    expect(rt.boards()[0]!.spans.find((s) => s.span === e1Span)!.alarms).toEqual([]);
    expect(stuck(rig)).toEqual([]);
    const again = await connectedCall(rig, 'e1:3', '13800138001');
    expect(again.id).not.toBe(call.id);
    expect(again.from).toBe('13800138001'); // the MFC-R2 registers carried the caller's number
  });

  it('a board reset mid-call leaves no channel stuck, and the next call goes through', async () => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    const call = await connectedCall(rig, 'line:1', '13800138000');

    rt.world.faults.resetBoard();
    const ended = await rig.until(call.ended, 2000);
    expect(ended.cause).toBe('reset');
    await rig.run(2000);
    // The handset is still lifted: after the reset the port sees it off hook
    // again, as a fresh call. Put down, nothing is left anywhere.
    const phone = rt.world.phones.get('101');
    expect(phone.state.hook).toBe('off');
    expect(stuck(rig).filter((s) => !s.startsWith('fxs:1:'))).toEqual([]);
    phone.onhook();
    await rig.run(1000);
    expect(stuck(rig)).toEqual([]);
    expect(phone.state.ringing).toBe(false);

    const again = await connectedCall(rig, 'line:2', '13800138002');
    expect(again.legs[1]!.channel).toEqual(call.legs[1]!.channel);
  });
});
