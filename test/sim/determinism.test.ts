// Same seed, same world, byte for byte; the line model's loss, noise and echo
// are what the configuration says.
import { afterEach, describe, expect, it } from 'vitest';
import { Bench, levelDbm0, sine } from './harness.ts';

const benches: Bench[] = [];
afterEach(() => benches.splice(0).forEach((b) => b.close()));

async function scenario(seed: number): Promise<Uint8Array[]> {
  const b = new Bench({ seed });
  benches.push(b);
  for (const ch of ['line:1', 'line:2', 'e1:1', 'phone:101']) b.record(ch);
  const far = b.world.pstn.call({ from: '1', to: 'line:1' });
  b.world.pstn.expect('123', {
    kind: 'person',
    rings: 1,
    greetingMs: 1000,
    steps: [
      { op: 'press', digits: '42' },
      { op: 'speak', ms: 1000 },
    ],
  });
  await b.advance(500);
  b.world.hook('line:1', 'off-hook');
  await b.until(far.waitFor('connected'));
  far.speak(2_000);
  b.world.hook('line:2', 'off-hook');
  await b.advance(1_000);
  b.send('line:2', sine(697, -8, 80));
  b.send('line:2', new Int16Array(640));
  b.send('line:2', sine(1209, -8, 80));
  b.world.phones.get('101').offhook().speak(1_500);
  await b.advance(8_000);
  return ['line:1', 'line:2', 'e1:1', 'phone:101'].map((c) => b.takeRaw(c));
}

describe('determinism and the line model', () => {
  it('the same seed gives the same line codes on every channel; another seed does not', async () => {
    const a = await scenario(42);
    const b = await scenario(42);
    const c = await scenario(43);
    for (let i = 0; i < a.length; i++) {
      expect(a[i]!.length).toBeGreaterThan(50_000);
      expect(Buffer.from(b[i]!).equals(Buffer.from(a[i]!))).toBe(true);
    }
    expect(Buffer.from(c[0]!).equals(Buffer.from(a[0]!))).toBe(false);
  });

  it('loss and noise are measurable as configured', async () => {
    const b = new Bench({
      seed: 3,
      fxo: [
        { line: { lossDb: 10, noiseDbm0: -50, echoReturnLossDb: 200 } },
        { line: { lossDb: 0, noiseDbm0: -200, echoReturnLossDb: 200, tandemG711: false } },
      ],
    });
    benches.push(b);
    const far = b.world.pstn.call({ from: '1', to: 'line:1' });
    const clean = b.world.pstn.call({ from: '2', to: 'line:2' });
    await b.advance(100);
    b.world.hook('line:1', 'off-hook');
    b.world.hook('line:2', 'off-hook');
    await b.until(far.waitFor('connected'));
    b.record('line:1');
    b.record('line:2');
    await b.advance(1_000);
    expect(levelDbm0(b.take('line:1'))).toBeCloseTo(-50, 0); // noise alone
    expect(levelDbm0(b.take('line:2'))).toBeLessThan(-65); // a perfect line: A-law's idle code (+-8) only
    far.play('dial', 2_000); // 450 Hz at -10 dBm0 (the plan's level)
    clean.play('dial', 2_000);
    await b.advance(1_500);
    const lossy = b.take('line:1').subarray(2_000);
    const ref = b.take('line:2').subarray(2_000);
    expect(levelDbm0(ref)).toBeCloseTo(-10, 0);
    expect(levelDbm0(lossy)).toBeCloseTo(-20, 0); // -10 dBm0 less 10 dB (the -50 dBm0 noise adds 0.0004 dB)
  });

  it("the hybrid echo returns the board's own audio delayed and attenuated", async () => {
    const b = new Bench({ seed: 4, fxo: [{ line: { noiseDbm0: -200, echoDelayMs: 10, echoReturnLossDb: 12 } }] });
    benches.push(b);
    b.world.hook('line:1', 'off-hook'); // seized: the line carries audio (dial tone too)
    await b.advance(20);
    b.world.faults.dropLine('line:1', { ms: 20 }); // no dial tone: a dead, then idle line held off hook
    await b.advance(100);
    b.record('line:1');
    // A click train the board sends: every echo is a scaled, delayed copy.
    const tx = new Int16Array(8000);
    for (let i = 0; i < tx.length; i += 800) tx[i] = 20_000;
    b.send('line:1', tx);
    await b.advance(1_100);
    const rx = b.take('line:1');
    const peaks: number[] = [];
    for (let i = 0; i < rx.length; i++) if (Math.abs(rx[i]!) > 2_000) peaks.push(i);
    expect(peaks.length).toBeGreaterThanOrEqual(9);
    // Delay: echoDelayMs + one 20 ms frame.
    expect(peaks[0]).toBe((10 + 20) * 8);
    expect(peaks[1]! - peaks[0]!).toBe(800);
    // Return loss 12 dB: 20000 * 10^(-12/20) = 5024 (+- G.711 quantisation).
    expect(Math.abs(rx[peaks[0]!]!)).toBeGreaterThan(4_700);
    expect(Math.abs(rx[peaks[0]!]!)).toBeLessThan(5_300);
  });
});
