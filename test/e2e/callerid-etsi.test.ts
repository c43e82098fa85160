// Caller ID before the first ring (ETSI EN 300 659-1) end to end on the
// simulated board (issue 4 §1): FXS phones get V.23 FSK after a line reversal
// and DT-AS, or after a ring pulse, and show the number; the phone's view of
// the line (reversal, alert, FSK, first ring) is in the order and at the times
// the standard asks. An FXO line captures the number the exchange sends before
// the first ring, and the polarity reversal on the idle line is no answer or
// hang-up.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const config = (analog = '') => `
boards: [ { driver: sim, fxs: 2, fxo: 2, e1: 0 } ]
extensions: [ { number: "101", port: "fxs:1" }, { number: "102", port: "fxs:2" } ]
routes:
  inbound:
    - { lines: any, ring: "102", ringTimeoutMs: 8000 }
${analog}
`;

type LogEntry = { what: string; value: number; atMs: number; text?: string };
const first = (log: readonly LogEntry[], what: string, value?: number) =>
  log.find((e) => e.what === what && (value === undefined || e.value === value));

describe('FXS: caller ID before the first ring (ETSI)', () => {
  it('etsi-dtas: reversal, DT-AS, V.23 FSK, normal polarity, then the first ring; the display shows the number', async () => {
    rig = await startRig({ config: config('analog: { callerIdTiming: etsi-dtas }') });
    const { rt } = rig;
    const phone = rt.world.phones.get('101');
    const t0 = rig.rt.telephony.clock.now();
    await rig.until(rt.telephony.ring('101', { callerId: '13800138000' }));
    await rig.until(phone.waitFor('ringing', { timeoutMs: 5000 }));
    expect(phone.state.display).toBe('13800138000');
    const log = phone.lineLog;
    const rev = first(log, 'polarity', 1)!;
    const alertOn = first(log, 'alert', 1)!;
    const alertOff = first(log, 'alert', 0)!;
    const dataOn = first(log, 'data', 1)!;
    const dataOff = first(log, 'data', 0)!;
    const normal = first(log, 'polarity', 0)!;
    const display = first(log, 'display')!;
    const ring = first(log, 'ring', 1)!;
    for (const e of [rev, alertOn, alertOff, dataOn, dataOff, normal, display, ring]) expect(e).toBeDefined();
    expect(rev.atMs).toBeGreaterThanOrEqual(t0);
    // DT-AS >= 100 ms after the reversal, lasting ~100 ms.
    expect(alertOn.atMs - rev.atMs).toBeGreaterThanOrEqual(100);
    expect(alertOff.atMs - alertOn.atMs).toBeGreaterThanOrEqual(80);
    expect(alertOff.atMs - alertOn.atMs).toBeLessThanOrEqual(140);
    // FSK 45..500 ms after the DT-AS ends.
    expect(dataOn.atMs - alertOff.atMs).toBeGreaterThanOrEqual(45);
    expect(dataOn.atMs - alertOff.atMs).toBeLessThanOrEqual(500);
    expect(display.atMs).toBeGreaterThanOrEqual(dataOn.atMs);
    expect(display.atMs).toBeLessThanOrEqual(dataOff.atMs + 40);
    // Normal polarity when the data ends; the first ring >= 200 ms after it.
    expect(normal.atMs).toBeGreaterThanOrEqual(dataOff.atMs - 40);
    expect(ring.atMs - dataOff.atMs).toBeGreaterThanOrEqual(200);
    expect(ring.atMs - dataOff.atMs).toBeLessThanOrEqual(400);
    expect(log.filter((e) => e.what === 'ring' && e.atMs < ring.atMs)).toEqual([]);
    // Then the phone rings on with its cadence, and answers as usual.
    phone.offhook();
    await rig.run(500);
    expect(phone.state.hook).toBe('off');
  });

  it('etsi-rpas: a ring pulse, V.23 FSK 500..2000 ms after it, the first ring >= 200 ms after the FSK; no reversal', async () => {
    rig = await startRig({ config: config() });
    const { rt } = rig;
    const phone = rt.world.phones.get('101');
    await rig.until(rt.telephony.ring('101', { callerId: '13800138000', callerIdTiming: 'etsi-rpas' }));
    await rig.run(4000);
    expect(phone.state.display).toBe('13800138000');
    const log = phone.lineLog;
    const rings = log.filter((e) => e.what === 'ring');
    const pulse = first(log, 'ring-pulse')!;
    expect(pulse.value).toBeGreaterThanOrEqual(200);
    expect(pulse.value).toBeLessThanOrEqual(300);
    const pulseEnd = rings[1]!;
    expect(pulseEnd.value).toBe(0);
    const dataOn = first(log, 'data', 1)!;
    const dataOff = first(log, 'data', 0)!;
    expect(dataOn.atMs - pulseEnd.atMs).toBeGreaterThanOrEqual(500);
    expect(dataOn.atMs - pulseEnd.atMs).toBeLessThanOrEqual(2000);
    const ring = rings[2]!;
    expect(ring.value).toBe(1);
    expect(ring.atMs - dataOff.atMs).toBeGreaterThanOrEqual(200);
    expect(first(log, 'polarity')).toBeUndefined();
    expect(first(log, 'alert')).toBeUndefined();
    // The pulse is no ring: the phone counts the first real ring as ring 1,
    // and its cadence starts with that ring (1 s on, the default).
    expect(phone.state.rings).toBe(1);
    expect(phone.state.cadenceMs.map((ms) => Math.round(ms / 20) * 20)).toEqual([1000]);
  });
});

describe('FXO: caller ID before the first ring (ETSI)', () => {
  it('etsi-dtas from the exchange: the line captures the number (call.from) and the reversal on the idle line is no answer or hang-up', async () => {
    rig = await startRig({ config: config() });
    const { rt } = rig;
    const offered: string[] = [];
    rt.telephony.on('call:offered', () => offered.push('offered'));
    const caller = rt.world.pstn.call({ from: '13800138000', to: 'line:1', callerId: 'v23', callerIdTiming: 'etsi-dtas' });
    // The reversal and the DT-AS come first: nothing is offered before the ring.
    await rig.run(400);
    expect(offered).toEqual([]);
    expect(rt.telephony.activeCalls()).toEqual([]);
    const phone = rt.world.phones.get('102');
    await rig.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
    const call = rt.telephony.activeCalls()[0]!;
    expect(call.from).toBe('13800138000');
    expect(call.legs[0]!.callerId).toEqual({ number: '13800138000' });
    expect(caller.state).not.toBe('ended');
    await rig.run(3000);
    expect(phone.state.display).toBe('13800138000');
    phone.offhook();
    await rig.run(1000);
    expect(call.legs.map((l) => l.state)).toEqual(['connected', 'connected']);
  });
});
