// ISDN PRI on the simulated E1 span, end to end through the call layer: the
// engine (libpri, user side) and the simulated exchange (libpri, network side)
// exchange real Q.931 over the span's D channel (TS16).
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src/telephony/call.ts';
import type { Leg } from '../../src/telephony/leg.ts';
import { priRig, type PriRig } from './pri-rig.ts';

let rig: PriRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const offered = (r: PriRig) => new Promise<{ call: Call; leg: Leg }>((res) => r.tel.once('call:offered', res));

describe('ISDN PRI: inbound', () => {
  it('a SETUP offers a call with the calling and called numbers; answer connects, the caller hangs up with cause 16', async () => {
    rig = await priRig({ seed: 11 });
    expect(rig.span().dchan).toBe('up');
    const waiting = offered(rig);
    const far = rig.world.pstn.call({ from: '13900001111', to: 'e1:5' });
    const { call, leg } = await rig.until(waiting, 5000);
    expect(call.from).toBe('13900001111');
    expect(call.to).toBe('07552670005');
    expect(leg.remote).toBe('13900001111');
    expect(leg.presentation).toBe('allowed');
    expect(leg.channel.timeslot).toBe(5);
    await rig.until(leg.answer(), 2000);
    await rig.until(far.waitFor('connected'), 2000);
    far.hangup();
    expect(await rig.until(leg.ended, 5000)).toEqual({ cause: 'remote-hangup', detail: 'normal-clearing' });
    await rig.until(far.waitFor('ended'), 5000);
    expect(rig.inventory.channel(rig.ts(5))!.lineState).toBe('idle');
    expect(rig.world.priEvents.map((e) => e.what)).toEqual(expect.arrayContaining(['proceeding', 'alerting', 'connect', 'release']));
  });

  it('a restricted caller number arrives marked restricted; refusing as busy sends cause 17', async () => {
    rig = await priRig({ seed: 12 });
    const waiting = offered(rig);
    const far = rig.world.pstn.call({ from: '13900002222', to: 'e1:20', presentation: 'restricted' });
    const { leg } = await rig.until(waiting, 5000);
    expect(leg.presentation).toBe('restricted');
    expect(leg.channel.timeslot).toBe(20);
    await rig.until(leg.hangup('busy'), 2000);
    await rig.until(far.waitFor('ended'), 5000);
    expect(rig.world.priEvents.find((e) => e.what === 'disconnect')?.value).toBe(17);
  });

  it('overlap receiving: the number completes from INFORMATION messages', async () => {
    rig = await priRig({ seed: 13, span: { overlap: true }, pri: { overlap: true, overlapMs: 1000 } });
    const waiting = offered(rig);
    rig.world.pstn.call({ from: '13900003333', to: 'e1:7' });
    const { call } = await rig.until(waiting, 5000);
    expect(call.to).toBe('07552670007');
  });
});

describe('ISDN PRI: outbound, the result from the signalling', () => {
  const kinds: [string, string, string][] = [
    ['13800000001', 'answered', 'person'],
    ['13800000002', 'busy', 'busy: cause 17'],
    ['13800000003', 'no-answer', 'no answer: cause 19'],
    ['13899999999', 'unallocated', 'unallocated: cause 1'],
    ['13800000007', 'congestion', 'congestion: cause 34'],
    ['13800000005', 'answered', 'fax'],
    ['13800000004', 'answered', 'answering machine'],
  ];
  for (const [number, result, what] of kinds) {
    it(`${what} -> ${result}`, async () => {
      rig = await priRig({ seed: 20 });
      const out = rig.tel.dial(number, { line: rig.ts(3), callerId: '075526700003', presentation: 'restricted' });
      const r = await rig.until(out, 40_000);
      expect(r.result).toBe(result);
      const setup = rig.world.priEvents.find((e) => e.what.startsWith('setup'));
      expect(setup).toMatchObject({ what: 'setup from:075526700003', value: 1 });
      expect(rig.world.pstn.outgoing.at(-1)?.to ?? rig.world.pstn.outgoing.at(-1)).toBeTruthy();
      if (result === 'answered') {
        expect(r.leg.state).toBe('connected');
        await rig.until(r.leg.hangup(), 2000);
        await rig.run(200);
        expect(rig.world.priEvents.find((e) => e.what === 'disconnect')?.value).toBe(16);
      } else {
        expect(r.leg.cause).toBe(result);
        await rig.run(200);
      }
      expect(rig.inventory.channel(rig.ts(3))!.lineState).toBe('idle');
    });
  }
});

describe('ISDN PRI: restart and alarms', () => {
  it('a RESTART from the network clears the call on its B channel', async () => {
    rig = await priRig({ seed: 30 });
    const waiting = offered(rig);
    const far = rig.world.pstn.call({ from: '13900004444', to: 'e1:9' });
    const { leg } = await rig.until(waiting, 5000);
    await rig.until(leg.answer(), 2000);
    await rig.until(far.waitFor('connected'), 2000);
    rig.world.faults.restart('e1:9');
    expect(await rig.until(leg.ended, 5000)).toEqual({ cause: 'remote-hangup', detail: 'restart' });
    await rig.run(200);
    expect(rig.world.priEvents.find((e) => e.what === 'restart-ack')?.value).toBe(9);
    expect(rig.inventory.channel(rig.ts(9))!.lineState).toBe('idle');
  });

  it('an alarm mid-call tears it down and drops the D channel; once cleared the link comes back up', async () => {
    rig = await priRig({ seed: 31 });
    const alarms: unknown[] = [];
    rig.tel.on('span:alarm', (a) => alarms.push(a));
    const waiting = offered(rig);
    const far = rig.world.pstn.call({ from: '13900005555', to: 'e1:2' });
    const { leg } = await rig.until(waiting, 5000);
    await rig.until(leg.answer(), 2000);
    await rig.until(far.waitFor('connected'), 2000);
    rig.world.faults.alarm('e1:1', 'los');
    expect((await rig.until(leg.ended, 5000)).cause).toBe('alarm');
    // The engine takes the D channel down with the alarm; the exchange's Q.921
    // notices the silent link: T203 (10 s) idle, then T200 x N200 (3 x 1 s) unanswered polls.
    expect(rig.span().dchan).toBe('down');
    const exchangeDown = () => rig!.world.priEvents.some((e) => e.what === 'dchan-down');
    for (let t = 0; t < 20_000 && !exchangeDown(); t += 100) await rig.run(100);
    expect(exchangeDown()).toBe(true);
    expect(alarms[0]).toMatchObject({ span: 2, alarms: 3 });
    const status = rig.engine.spanStatus(rig.board, 2);
    expect(status.alarms).toEqual(['los', 'red']);
    expect(status.crcErrors).toBeGreaterThan(0);
    rig.world.faults.clearAlarm('e1:1');
    for (let t = 0; t < 10_000 && rig.span().dchan !== 'up'; t += 100) await rig.run(100);
    await rig.run(2000);
    await new Promise((r) => setTimeout(r, 20)); // the world's events come through its own thread-safe function
    expect(rig.world.priEvents.filter((e) => e.what.startsWith('dchan')).map((e) => e.what)).toEqual([
      'dchan-up',
      'dchan-down',
      'dchan-up',
    ]);
  });

  // Long: both Q.921 entities notice and re-establish, their SABMEs crossing
  // ("MDL-ERROR (F): SABME in state 7"); short: the exchange's never noticed.
  for (const alarmMs of [15_000, 3000])
    it(`after a ${alarmMs / 1000} s alarm mid-call clears, the next inbound SETUP is offered and answered, and an outbound SETUP connects`, async () => {
      rig = await priRig({ seed: 32 });
      const first = offered(rig);
      const far = rig.world.pstn.call({ from: '13900006666', to: 'e1:4' });
      const { leg } = await rig.until(first, 5000);
      await rig.until(leg.answer(), 2000);
      await rig.until(far.waitFor('connected'), 2000);
      rig.world.faults.alarm('e1:1', 'los');
      expect((await rig.until(leg.ended, 5000)).cause).toBe('alarm');
      expect(rig.span().dchan).toBe('down');
      await rig.run(alarmMs);
      expect(rig.span().dchan).toBe('down');
      rig.world.faults.clearAlarm('e1:1');
      for (let t = 0; t < 5000 && rig.span().dchan !== 'up'; t += 20) await rig.run(20);
      expect(rig.span().dchan).toBe('up');
      // At once, on the same B channel as the call the alarm tore down.
      const second = offered(rig);
      const far2 = rig.world.pstn.call({ from: '13900007777', to: 'e1:4' });
      const again = await rig.until(second, 5000);
      expect(again.call.from).toBe('13900007777');
      await rig.until(again.leg.answer(), 2000);
      await rig.until(far2.waitFor('connected'), 2000);
      far2.hangup();
      expect(await rig.until(again.leg.ended, 5000)).toEqual({ cause: 'remote-hangup', detail: 'normal-clearing' });
      // Outbound.
      const out = await rig.until(rig.tel.dial('13800000001', { line: rig.ts(6), callerId: '075526700006' }), 40_000);
      expect(out.result).toBe('answered');
      await rig.until(out.leg.hangup(), 2000);
      await rig.run(500);
      expect(rig.inventory.channel(rig.ts(6))!.lineState).toBe('idle');
      expect(rig.inventory.channel(rig.ts(4))!.lineState).toBe('idle');
    });
});
