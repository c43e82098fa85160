// E1 CAS with register signalling, through the server's configuration: a span
// set to `signalling: cas, registers: mfcr2` (compelled MFC-R2, ITU-T
// Q.440-Q.480 as China No.1 uses it). An inbound call carries the dialled DID
// (DNIS) and the caller's number (ANI) in forward group I signals, the engine
// asking for them with group A signals and accepting with a group B signal;
// both reach the call, its events and its record. A dial out over the span
// sends both numbers to the simulated exchange the same way, and the
// exchange's busy answer (B-2) ends the dial as busy.
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src/telephony/call.ts';
import { req, stream } from './call-center-helpers.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const config = (variant: string) => `
boards: [ { driver: sim, fxs: 2, fxo: 0, e1: 1, spans: [{ e1: 1, signalling: cas, registers: mfcr2, mfcr2: { variant: ${variant} } }] } ]
extensions: [ { number: "101", port: "fxs:1" }, { number: "102", port: "fxs:2" } ]
lines: [ { port: "e1:1", number: "075526700999" } ]
routes:
  inbound:
    - { lines: any, ring: "101", ringTimeoutMs: 20000 }
`;

async function inbound(r: Rig, from: string, to: string, presentation?: 'restricted'): Promise<{ call: Call; dialled: string }> {
  const offered = new Promise<Call>((res) => r.rt.telephony.once('call:offered', ({ call }: { call: Call }) => res(call)));
  const caller = r.rt.world.pstn.call({ from, to, ...(presentation ? { presentation } : {}) });
  const call = await r.until(offered, 20_000);
  const phone = r.rt.world.phones.get('101');
  await r.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
  phone.offhook();
  await r.until(caller.waitFor('connected', { timeoutMs: 5000 }));
  await r.run(500);
  caller.hangup();
  await r.until(call.ended, 5000);
  await r.until(phone.waitFor('tone:busy', { timeoutMs: 8000 }));
  phone.onhook();
  await r.run(1500);
  return { call, dialled: caller.to };
}

describe.each(['china', 'itu'])('E1 CAS with MFC-R2 registers (%s)', (variant) => {
  it('inbound: the caller 13800138000 and the dialled DID reach the call, its event and its record; a second call too', async () => {
    rig = await startRig({ config: config(variant), database: 'sqlite' });
    const { rt } = rig;
    const { call: first, dialled } = await inbound(rig, '13800138000', 'e1:5');
    expect(first.from).toBe('13800138000');
    // The DID the caller dialled (the span's prefix and the timeslot), not the line's configured number.
    expect(dialled).toMatch(/05$/);
    expect(first.to).toBe(dialled);
    const res = await rig.req('GET', '/api/call-records', await rig.token('supervisor'));
    expect(res.status).toBe(200);
    expect((res.body.items as Record<string, unknown>[]).find((x) => x.id === first.id)).toMatchObject({
      direction: 'inbound',
      from: '13800138000',
      to: first.to,
    });

    const { call: second, dialled: dialled2 } = await inbound(rig, '13912345678', 'e1:7');
    expect([second.from, second.to]).toEqual(['13912345678', dialled2]);
    for (const b of rt.boards()) for (const c of b.channels) expect([c.port, c.lineState, c.call]).toEqual([c.port, 'idle', null]);
  });

  it('inbound with the caller number restricted (I-12): no number, presentation restricted, as on ISDN', async () => {
    rig = await startRig({ config: config(variant) });
    const { call, dialled } = await inbound(rig, '13800138000', 'e1:9', 'restricted');
    expect(call.from).toBeUndefined();
    expect(call.legs[0]!.presentation).toBe('restricted');
    expect(call.to).toBe(dialled);
    const [rec] = await rig.rt.telephony.records.list();
    expect(rec).toMatchObject({ id: call.id, from: null, to: call.to });
  });

  it('outbound: the exchange receives the dialled number and the caller number; a busy far end (group B) is busy', async () => {
    rig = await startRig({ config: config(variant) });
    const { rt } = rig;
    rt.world.pstn.expect('13900000001', { kind: 'person', rings: 1 });
    rt.world.pstn.expect('13900000002', { kind: 'busy' });
    const reached = rt.world.pstn.nextCall('13900000001', { timeoutMs: 30_000 });
    const line = { board: rt.board, channel: 3 }; // e1:1, the line with the configured number
    const ok = await rig.until(rt.telephony.dial('13900000001', { line, callerId: '075526700999' }), 60_000);
    expect(ok.result, ok.detail).toBe('answered');
    const far = await reached;
    expect([far.to, far.from]).toEqual(['13900000001', '075526700999']);
    await rig.until(ok.leg.hangup('normal'));
    await rig.run(2000);
    expect(far.state).toBe('ended');

    const busy = await rig.until(rt.telephony.dial('13900000002', { line }), 60_000);
    expect(busy.result, busy.detail).toBe('busy');
    const far2 = rt.world.pstn.outgoing.at(-1)!;
    // No callerId given: the line's configured number goes as ANI.
    expect([far2.to, far2.from]).toEqual(['13900000002', '075526700999']);
    await rig.run(2000);

    // Presentation restricted: the exchange gets I-12 instead of the number.
    const hidden = rt.world.pstn.nextCall('13900000001', { timeoutMs: 30_000 });
    const third = await rig.until(rt.telephony.dial('13900000001', { line, callerId: '075526700999', presentation: 'restricted' }), 60_000);
    expect(third.result, third.detail).toBe('answered');
    const far3 = await hidden;
    expect(far3.callingPresentation).toBe('restricted');
    expect(far3.from).not.toBe('075526700999');
    await rig.until(third.leg.hangup('normal'));
    await rig.run(2000);
    const recs = await rt.telephony.records.list();
    expect(recs.map((x) => [x.direction, x.to, x.cause])).toEqual(
      expect.arrayContaining([
        ['outbound', '13900000001', 'normal'],
        ['outbound', '13900000002', 'busy'],
      ]),
    );
  });
});

describe('E1 CAS with MFC-R2 registers: the call center and the line', () => {
  it("a queue call over the span pops the agent's screen with the caller's number", async () => {
    const yaml = `
boards: [ { driver: sim, fxs: 2, fxo: 0, e1: 1 } ]
extensions: [ { number: "101", port: "fxs:1" }, { number: "102", port: "fxs:2" } ]
queues:
  - { name: support, strategy: longest-idle, ringTimeoutMs: 20000, music: hold }
routes:
  inbound:
    - { lines: any, queue: support }
`;
    rig = await startRig({ config: yaml, database: 'sqlite' });
    const r = rig;
    const li = await r.token('agent', { username: 'li', extension: '101', agentNumber: '2001', pin: '1111' });
    const cc = r.rt.callCenter!;
    await r.until(cc.ready);
    for (let t = 0; t < 10_000 && cc.agents.all().length < 1; t += 100) await r.run(100);
    const ws = await stream(r, li);
    expect((await req(r, 'POST', '/api/agents/me/login', li, {})).body).toMatchObject({ state: 'ready' });
    await r.run(500);
    const caller = r.rt.world.pstn.call({ from: '13800138000', to: 'e1:11' });
    const phone = r.rt.world.phones.get('101');
    await r.until(phone.waitFor('ringing', { timeoutMs: 20_000 }));
    for (let t = 0; t < 5000 && !ws.events.some((e) => e.type === 'screen:pop'); t += 100) await r.run(100);
    expect(ws.events.find((e) => e.type === 'screen:pop')?.data).toMatchObject({ number: '13800138000', queue: 'support' });
    phone.offhook();
    await r.until(caller.waitFor('connected', { timeoutMs: 5000 }));
    caller.hangup();
    await r.run(3000);
    phone.onhook();
    await r.run(1000);
    const res = await r.req('GET', '/api/call-records', await r.token('supervisor'));
    expect(res.body.items[0]).toMatchObject({ from: '13800138000', to: caller.to, queue: 'support' });
  });

  it('the caller gives up during the registers: nothing is offered, the timeslot is idle and takes the next call', async () => {
    rig = await startRig({ config: config('china') });
    const { rt } = rig;
    const offered: string[] = [];
    rt.telephony.on('call:offered', ({ call }: { call: Call }) => offered.push(call.from ?? ''));
    const quitter = rt.world.pstn.call({ from: '13800138000', to: 'e1:3', giveUpMs: 400 });
    await rig.until(quitter.waitFor('ended', { timeoutMs: 5000 }));
    await rig.run(1000);
    expect(offered).toEqual([]);
    const ch = rt.boards()[0]!.channels.find((c) => c.port === 'e1:3')!;
    expect([ch.lineState, ch.call]).toEqual(['idle', null]);
    const { call } = await inbound(rig, '13900000077', 'e1:3');
    expect(call.from).toBe('13900000077');
    expect(offered).toEqual(['13900000077']);
  });

  it('registers: dtmf keeps the dialled number in DTMF, and no caller number either way', async () => {
    rig = await startRig({ config: config('china').replace('registers: mfcr2', 'registers: dtmf') });
    const { rt } = rig;
    rt.world.pstn.expect('13900000003', { kind: 'person', rings: 1 });
    const ok = await rig.until(rt.telephony.dial('13900000003', { line: { board: rt.board, channel: 3 } }), 60_000);
    expect(ok.result, ok.detail).toBe('answered');
    const far = rt.world.pstn.outgoing.at(-1)!;
    expect(far.to).toBe('13900000003');
    expect(far.callingPresentation).toBeUndefined();
    expect(rt.world.pstn.exchangeDigits.map((d) => d.digit).join('')).toBe('13900000003');
    await rig.until(ok.leg.hangup('normal'));
    await rig.run(1000);
    const { call } = await inbound(rig, '13800138000', 'e1:5');
    expect(call.from).toBeUndefined();
  });
});
