// Faults on demand: a dropped line, E1 span alarms with their counters, a
// board reset.
import { afterEach, describe, expect, it } from 'vitest';
import { Bench } from './harness.ts';

let bench: Bench | undefined;
afterEach(() => bench?.close());

describe('faults', () => {
  it('a dropped line: loop drop, the call is lost, the line is out of service for a while', async () => {
    bench = new Bench({ seed: 12 });
    const far = bench.world.pstn.call({ from: '1', to: 'line:3' });
    await bench.advance(200);
    bench.world.hook('line:3', 'off-hook');
    await bench.until(far.waitFor('connected'));
    bench.world.faults.dropLine('line:3', { ms: 2_000 });
    await bench.until(far.waitFor('ended'));
    expect(far.endedReason).toBe('line dropped');
    expect(bench.signals('line:3', 'loop-drop')).toHaveLength(1);
    bench.world.hook('line:3', 'on-hook');
    const early = bench.world.pstn.call({ from: '2', to: 'line:3' });
    await bench.until(early.waitFor('ended'));
    expect(early.endedReason).toBe('out of service');
    await bench.advance(2_000);
    const late = bench.world.pstn.call({ from: '3', to: 'line:3' });
    await bench.advance(100);
    expect(late.state).toBe('offering');
  });

  it('span alarms: raised and cleared with events, calls on the span lost, counters count', async () => {
    bench = new Bench({ seed: 13 });
    const far = bench.world.pstn.call({ from: '1', to: 'e1:3' });
    await bench.advance(100);
    bench.world.setBits('e1:3', 0xd);
    bench.world.setBits('e1:3', 0x5);
    await bench.until(far.waitFor('connected'));
    bench.world.faults.alarm('e1:1', 'red');
    await bench.until(far.waitFor('ended'));
    expect(far.endedReason).toBe('span alarm');
    const alarm = bench.lineEvents.filter((e) => e.type === 'alarm');
    expect(alarm.map((e) => [e.span, e.channel, e.value])).toEqual([[2, 0, 2]]);
    await bench.advance(1_000);
    const s1 = bench.world.spanStatus('e1:1');
    expect(s1.alarms).toBe(2);
    expect(s1.crcErrors).toBeGreaterThanOrEqual(500); // one per 2 ms sub-multiframe
    expect(s1.frameErrors).toBe(s1.crcErrors);
    // While in alarm: no service, and the timeslots are silent.
    const refused = bench.world.pstn.call({ from: '2', to: 'e1:4' });
    await bench.until(refused.waitFor('ended'));
    expect(refused.endedReason).toBe('out of service');

    bench.world.faults.alarm('e1:1', ['los']);
    bench.world.faults.clearAlarm('e1:1');
    await bench.advance(40);
    expect(bench.lineEvents.filter((e) => e.type === 'alarm').map((e) => e.value)).toEqual([2, 3, 0]);
    const s2 = bench.world.spanStatus(2);
    expect(s2.alarms).toBe(0);
    expect(s2.slips).toBe(1);
    bench.world.faults.errors('e1:1', { crc: 5, slips: 2 });
    await bench.advance(20);
    expect(bench.world.spanStatus(2).slips).toBe(3);
    expect(bench.world.spanStatus(2).crcErrors).toBe(s2.crcErrors + 5);
    const again = bench.world.pstn.call({ from: '3', to: 'e1:4' });
    await bench.advance(40);
    expect(again.state).toBe('offering');
    expect(() => bench!.world.faults.alarm('e1:1', 'purple' as 'red')).toThrow(/los, red, yellow or ais/);
    expect(() => bench!.world.faults.alarm(1, 'red')).toThrow(/E1 spans/);
  });

  it('a board reset: every call lost, a reset event, then the phones still off hook report it', async () => {
    bench = new Bench({ seed: 14 });
    const far = bench.world.pstn.call({ from: '1', to: 'line:1' });
    await bench.advance(100);
    bench.world.hook('line:1', 'off-hook');
    await bench.until(far.waitFor('connected'));
    bench.world.phones.get('103').offhook();
    bench.world.hook('phone:104', 'ring');
    await bench.advance(100);
    bench.world.faults.resetBoard();
    await bench.until(far.waitFor('ended'));
    expect(far.endedReason).toBe('board reset');
    await bench.advance(20);
    const after = bench.lineEvents.slice(bench.lineEvents.findIndex((e) => e.type === 'reset'));
    expect(after.map((e) => [e.type, e.channel])).toEqual([
      ['reset', 0],
      ['off-hook', 3],
    ]);
    expect(bench.world.phones.get('104').state.state).toBe('idle');
    expect(bench.world.resets).toHaveLength(1);
  });
});
