// ISDN PRI end to end through the server's configuration: an E1 span set to
// `signalling: pri` in the YAML, the engine the user side and the simulated
// exchange the network side (real Q.921/Q.931 on TS16). An inbound call is
// answered (CONNECT), plays the prompt, rings 101 with the caller's number,
// talks both ways and ends with the caller's DISCONNECT (cause 16); a desk
// phone's 0 + number goes out as a SETUP and a busy far end's cause 17 gives
// the phone busy tone; GET /api/boards shows the span's D channel and, after
// a fault, its alarms and counters; a caller who restricted presentation
// shows as "private" on the phone.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const CONFIG = `
boards: [ { driver: sim, fxs: 2, fxo: 0, e1: 1, spans: [{ e1: 1, signalling: pri }] } ]
extensions: [ { number: "101", port: "fxs:1" }, { number: "102", port: "fxs:2" } ]
routes:
  inbound:
    - { lines: any, prompt: welcome.wav, ring: "101", ringTimeoutMs: 20000 }
`;

interface SpanView {
  span: number;
  kind: string;
  signalling: string | null;
  dchan: 'up' | 'down' | null;
  alarms: string[];
  counters: { slips: number; crcErrors: number } | null;
}
async function spanView(r: Rig): Promise<SpanView> {
  const res = await r.app.inject({ method: 'GET', url: '/api/boards' });
  expect(res.statusCode).toBe(200);
  const boards = res.json() as { spans?: SpanView[] }[];
  const spans = boards.flatMap((b) => b.spans ?? []).filter((s) => s.kind === 'e1');
  expect(spans).toHaveLength(1);
  return spans[0]!;
}

async function dchanUp(r: Rig): Promise<void> {
  for (let t = 0; t < 3000 && (await spanView(r)).dchan !== 'up'; t += 100) await r.run(100);
  expect((await spanView(r)).dchan).toBe('up');
}

describe('ISDN PRI through the server', () => {
  it('inbound: CONNECT, the prompt, 101 rings with the number, talk both ways, the caller clears with cause 16, the record', async () => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    await dchanUp(rig);
    const caller = rt.world.pstn.call({ from: '13900001234', to: 'e1:5' });
    const phone = rt.world.phones.get('101');

    await rig.until(caller.waitFor('connected', { timeoutMs: 5000 }));
    expect(rt.world.priEvents.map((e) => e.what)).toContain('connect');
    expect((await rig.until(caller.waitFor('voice', { timeoutMs: 5000 }))).atMs).toBeGreaterThan(0);
    await rig.until(phone.waitFor('ringing', { timeoutMs: 20_000 }));
    await rig.run(3000); // the FSK caller ID goes out in the first ring pause
    expect(phone.state.display).toBe('13900001234');
    const call = rt.telephony.activeCalls()[0]!;
    expect([call.from, call.to]).toEqual(['13900001234', expect.stringMatching(/5$/)]);

    phone.offhook();
    expect(await rig.until(call.legs[1]!.waitForAnswer(5000))).toBe(true);
    await rig.run(1500);
    caller.press('5');
    expect((await rig.until(phone.waitFor('digit:5', { timeoutMs: 3000 }))).value).toBe('5');
    phone.dial('7');
    expect((await rig.until(caller.waitFor('digit:7', { timeoutMs: 3000 }))).value).toBe('7');

    caller.hangup();
    const ended = await rig.until(call.ended, 5000);
    expect(ended).toMatchObject({ cause: 'remote-hangup', detail: 'normal-clearing' });
    expect(call.legs[0]!.q850).toBe(16); // the exchange's DISCONNECT
    await rig.until(phone.waitFor('tone:busy', { timeoutMs: 8000 }));
    phone.onhook();
    await rig.run(1500);
    expect(rt.world.priEvents.some((e) => e.what === 'disconnect' || e.what === 'release')).toBe(true);
    const [rec] = await rt.telephony.records.list();
    expect(rec).toMatchObject({
      id: call.id,
      direction: 'inbound',
      from: '13900001234',
      to: call.to,
      cause: 'remote-hangup',
      detail: 'normal-clearing',
    });
    expect(rec!.legs[0]).toMatchObject({ kind: 'e1', cause: 'remote-hangup' });
    for (const b of rt.boards()) for (const c of b.channels) expect([c.lineState, c.call]).toEqual(['idle', null]);
  });

  it('outbound from a desk phone: 0 + number goes out as a SETUP; busy (cause 17) gives the phone busy tone', async () => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    await dchanUp(rig);
    rt.world.pstn.expect('13800009999', { kind: 'busy' });
    const phone = rt.world.phones.get('102');
    phone.offhook();
    await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
    phone.dial('013800009999#');
    await rig.until(phone.waitFor('tone:busy', { timeoutMs: 10_000 }));
    const call = rt.telephony.activeCalls()[0]!;
    expect(call.legs.find((l) => l.kind === 'e1')?.q850).toBe(17); // DISCONNECT, user busy
    const setup = rt.world.priEvents.find((e) => e.what.startsWith('setup'));
    expect(setup?.what).toBe('setup from:102');
    expect(rt.world.pstn.outgoing.at(-1)?.to).toBe('13800009999');
    phone.onhook();
    await rig.run(1500);
    const [rec] = await rt.telephony.records.list();
    expect(rec).toMatchObject({ direction: 'internal', to: '013800009999' });
    expect(rec!.legs.find((l) => l.kind === 'e1')).toMatchObject({ cause: 'busy' });
    expect(rec!.legs.find((l) => l.kind === 'e1')?.detail ?? '').toMatch(/user-busy|17/);
  });

  it('GET /api/boards: signalling pri, D channel up; after a fault its alarms and counters, then up again and calls offered', async () => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    await dchanUp(rig);
    const before = await spanView(rig);
    expect(before).toMatchObject({ signalling: 'pri', dchan: 'up', alarms: [] });
    rt.world.faults.alarm('e1:1', 'los');
    await rig.run(2000);
    const during = await spanView(rig);
    expect(during.dchan).toBe('down');
    expect(during.alarms).toEqual(expect.arrayContaining(['los']));
    expect(during.counters!.crcErrors).toBeGreaterThan(0);
    rt.world.faults.clearAlarm('e1:1');
    await dchanUp(rig);
    const after = await spanView(rig);
    expect(after.alarms).toEqual([]);
    expect(after.counters!.slips).toBeGreaterThan(0);
    // The next call is offered and answered.
    const caller = rt.world.pstn.call({ from: '13900005678', to: 'e1:3' });
    await rig.until(caller.waitFor('connected', { timeoutMs: 5000 }));
    caller.hangup();
    await rig.run(2000);
  });

  it('a caller with presentation restricted: the phone shows "private", never the number', async () => {
    rig = await startRig({ config: CONFIG });
    const { rt } = rig;
    await dchanUp(rig);
    const caller = rt.world.pstn.call({ from: '13900004321', to: 'e1:7', presentation: 'restricted' });
    const phone = rt.world.phones.get('101');
    await rig.until(caller.waitFor('connected', { timeoutMs: 5000 }));
    await rig.until(phone.waitFor('ringing', { timeoutMs: 20_000 }));
    await rig.run(3000);
    expect(phone.state.display).toBe('private');
    const call = rt.telephony.activeCalls()[0]!;
    expect(call.legs[0]!.presentation).toBe('restricted');
    caller.hangup();
    await rig.until(call.ended, 5000);
    await rig.run(1000);
  });
});
