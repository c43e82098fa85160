// E1 CAS line signalling (ITU-T Q.421 a/b bits as ABCD nibbles; c/d = 0/1):
//   idle 1001, seizure 0001, seizure ack 1101, answered 0101, clear-back 1101,
//   clear-forward 1001. Both directions, and the number as in-band DTMF on a
//   span set to registers: 'dtmf' (MFC-R2 registers: test/e2e/cas-registers.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { detectTones } from '../../src/dsp/tones.ts';
import { generateDtmf } from '../../src/native/index.ts';
import { Bench } from './harness.ts';

let bench: Bench | undefined;
afterEach(() => bench?.close());

const bits = (b: Bench, ch: string) => b.signals(ch, 'bits').map((e) => e.value);

describe('E1 CAS', () => {
  it('has 30 voice timeslots (TS1-15, 17-31) on span 2, A-law', () => {
    bench = new Bench({ fxs: 0, fxo: 0 });
    const chans = bench.world.channels;
    expect(chans).toHaveLength(30);
    expect(chans.map((c) => c.timeslot)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => i + 1),
      ...Array.from({ length: 15 }, (_, i) => i + 17),
    ]);
    expect(new Set(chans.map((c) => c.span))).toEqual(new Set([2]));
    expect(chans.every((c) => c.kind === 'e1' && c.law === 'alaw')).toBe(true);
  });

  it('incoming call: seizure, the board acknowledges and answers, the caller clears forward', async () => {
    bench = new Bench({ seed: 5, e1: [{ registers: 'dtmf' }] });
    const far = bench.world.pstn.call({ from: '13900001111', to: 'e1:5' });
    await bench.advance(100);
    expect(bits(bench, 'e1:5')).toEqual([0x1]);
    bench.world.setBits('e1:5', 0xd); // seizure acknowledged
    await bench.advance(100);
    expect(far.state).toBe('offering');
    bench.world.setBits('e1:5', 0x5); // answered
    await bench.until(far.waitFor('connected'));
    far.speak(500);
    await bench.advance(1_000);
    far.hangup();
    await bench.until(far.waitFor('far-cleared'));
    await bench.advance(20);
    expect(bits(bench, 'e1:5')).toEqual([0x1, 0x9]); // clear-forward
    bench.world.setBits('e1:5', 0x9); // the board returns to idle
    await bench.until(far.waitFor('ended'));
    expect(bench.world.boardBits.filter((b) => b.channel === bench!.ch('e1:5')).map((b) => b.bits)).toEqual([0xd, 0x5, 0x9]);
  });

  it('incoming call, the board hangs up first: clear-back, then the exchange clears forward', async () => {
    bench = new Bench({ seed: 6, e1: [{ registers: 'dtmf' }] });
    const far = bench.world.pstn.call({ from: '1', to: 'e1:17' });
    await bench.advance(40);
    bench.world.setBits('e1:17', 0xd);
    bench.world.setBits('e1:17', 0x5);
    await bench.until(far.waitFor('connected'));
    bench.world.setBits('e1:17', 0xd); // clear-back
    await bench.until(far.waitFor('hangup'));
    await bench.advance(20);
    expect(bits(bench, 'e1:17')).toEqual([0x1, 0x9]);
    bench.world.setBits('e1:17', 0x9);
    await bench.until(far.waitFor('ended'));
    expect(far.endedReason).toBe('board hung up');
  });

  it('outgoing call: seizure acknowledged, DTMF number, ringback, answered bits, the far end clears back', async () => {
    bench = new Bench({ seed: 7, e1: [{ registers: 'dtmf' }] });
    bench.world.pstn.expect('777', { kind: 'person', rings: 2, greetingMs: 500 });
    bench.record('e1:1');
    bench.world.setBits('e1:1', 0x1);
    await bench.advance(200);
    expect(bits(bench, 'e1:1')).toEqual([0xd]);
    bench.send('e1:1', generateDtmf('777', { onMs: 80, offMs: 80, levelDbm0: -8 }));
    const far = await bench.until(bench.world.pstn.nextCall('777'));
    expect(far.trunk).toBe('e1:1');
    await bench.until(far.waitFor('connected'));
    expect(detectTones(bench.take('e1:1'), 'cn').map((t) => t.tone)).toContain('ringback');
    await bench.advance(20);
    expect(bits(bench, 'e1:1')).toEqual([0xd, 0x5]);
    far.hangup();
    await bench.until(far.waitFor('far-cleared'));
    await bench.advance(20);
    expect(bits(bench, 'e1:1')).toEqual([0xd, 0x5, 0xd]); // clear-back
    bench.world.setBits('e1:1', 0x9); // clear-forward
    await bench.until(far.waitFor('ended'));
    await bench.advance(20);
    expect(bits(bench, 'e1:1')).toEqual([0xd, 0x5, 0xd, 0x9]);
  });

  it('DDI: a call to the span number prefix + timeslot seizes that timeslot', async () => {
    bench = new Bench({ seed: 8, e1: [{ numberPrefix: '0755888' }] });
    const far = bench.world.pstn.call({ from: '1', to: '075588821' });
    expect(far.trunk).toBe('e1:21');
    await bench.advance(40);
    expect(bits(bench, 'e1:21')).toEqual([0x1]);
  });
});
