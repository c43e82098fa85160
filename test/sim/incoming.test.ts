// Incoming PSTN calls on an FXO line: the ring cadence of the tone plan's
// country, answer, the caller's speech arriving through the line model, DTMF
// from the engine heard by the caller, and the caller hanging up by polarity.
import { afterEach, describe, expect, it } from 'vitest';
import { detectEnergy, generateDtmf } from '../../src/native/index.ts';
import { Bench, levelDbm0 } from './harness.ts';

let bench: Bench | undefined;
afterEach(() => bench?.close());

describe('incoming call on an FXO line', () => {
  it('rings with China cadence (1 s on, 4 s off), ring-begin/ring-end raw events', async () => {
    bench = new Bench({ seed: 1 });
    const far = bench.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await bench.advance(15_000);
    const rings = bench.signals('line:1').filter((e) => e.type === 'ring-begin' || e.type === 'ring-end');
    expect(rings.map((e) => [e.type, e.atMs])).toEqual([
      ['ring-begin', 0],
      ['ring-end', 1000],
      ['ring-begin', 5000],
      ['ring-end', 6000],
      ['ring-begin', 10000],
      ['ring-end', 11000],
    ]);
    expect(far.state).toBe('offering');
    expect(far.from).toBe('13800138000');
    expect(far.to).toBe('075526600001');
    // Nothing on the line while nobody holds the loop.
    expect(bench.signals('line:2')).toEqual([]);
  });

  it('us plan rings 2 s on, 4 s off', async () => {
    bench = new Bench({ seed: 1, tonePlan: 'us' });
    bench.world.pstn.call({ from: '2125551234', to: 'line:2' });
    await bench.advance(7_000);
    expect(bench.signals('line:2').map((e) => [e.type, e.atMs])).toEqual([
      ['ring-begin', 0],
      ['ring-end', 2000],
      ['ring-begin', 6000],
    ]);
  });

  it('after off-hook the caller speaks and hears the DTMF the engine sends; hangs up by polarity reversal', async () => {
    bench = new Bench({ seed: 2 });
    const far = bench.world.pstn.call({ from: '13800138000', to: 'line:1' });
    await bench.advance(2_000);
    bench.world.hook('line:1', 'off-hook');
    await bench.until(far.waitFor('connected'));
    bench.record('line:1');
    far.speak(3000);
    await bench.advance(3_500);
    const heard = bench.take('line:1');
    const ev = detectEnergy(heard);
    expect(ev.find((e) => e.voice)).toBeDefined();
    // Speech at -16 dBm0 through 6 dB of loss (gaps lower the long-term level).
    const level = levelDbm0(heard.subarray(0, 24_000));
    expect(level).toBeGreaterThan(-30);
    expect(level).toBeLessThan(-20);

    bench.send('line:1', generateDtmf('4711#', { onMs: 80, offMs: 80, levelDbm0: -8 }));
    const digits = await bench.until(far.waitFor('digits', { count: 5, timeoutMs: 5000 }));
    expect(digits).toBe('4711#');

    far.hangup();
    await bench.until(far.waitFor('far-cleared'));
    await bench.advance(100);
    expect(bench.signals('line:1', 'polarity').map((e) => e.value)).toEqual([1]);
    bench.world.hook('line:1', 'on-hook');
    await bench.until(far.waitFor('ended'));
    expect(far.endedReason).toBe('far end hung up');
  });

  it('a caller who gives up stops the ringing; the board hanging up is heard by the caller', async () => {
    bench = new Bench({ seed: 3 });
    const quitter = bench.world.pstn.call({ from: '1001', to: 'line:3', giveUpMs: 7000 });
    await bench.until(quitter.waitFor('ended'));
    expect(quitter.endedReason).toBe('caller gave up');
    expect(bench.signals('line:3').at(-1)?.type).toBe('ring-end');

    const caller = bench.world.pstn.call({ from: '1002', to: '075526600004' });
    await bench.advance(500);
    bench.world.hook('line:4', 'off-hook');
    await bench.until(caller.waitFor('connected'));
    bench.world.hook('line:4', 'on-hook');
    await bench.until(caller.waitFor('hangup'));
    await bench.until(caller.waitFor('ended'));
    expect(caller.endedReason).toBe('board hung up');
  });

  it('a call to a busy line ends at once; a bad address is refused with a clear error', async () => {
    bench = new Bench({ seed: 4 });
    bench.world.hook('line:5', 'off-hook');
    await bench.advance(100);
    const far = bench.world.pstn.call({ from: '1003', to: 'line:5' });
    await bench.until(far.waitFor('ended'));
    expect(far.endedReason).toBe('busy');
    expect(() => bench!.world.pstn.call({ from: '1', to: 'line:99' })).toThrow(/no channel "line:99"/);
    expect(() => bench!.world.pstn.call({ from: '1', to: 'e1:16' })).toThrow(/TS16 carries signalling/);
    expect(() => bench!.world.pstn.call({ from: 'abc', to: 'line:1' })).toThrow(/from must be/);
  });
});
