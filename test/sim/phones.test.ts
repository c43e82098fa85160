// Desk phones on FXS ports: ringing (cadence recorded), going off hook, hearing
// what the board plays, dialling DTMF, flashing, hanging up, auto-answer.
import { afterEach, describe, expect, it } from 'vitest';
import { detectDtmf, detectEnergy } from '../../src/native/index.ts';
import { Bench, sine } from './harness.ts';

let bench: Bench | undefined;
afterEach(() => bench?.close());

describe('desk phones', () => {
  it('extensions 101.. on FXS ports 1..8 of span 1', () => {
    bench = new Bench();
    const fxs = bench.world.channels.filter((c) => c.kind === 'fxs');
    expect(fxs.map((c) => c.name)).toEqual(['101', '102', '103', '104', '105', '106', '107', '108'].map((e) => `phone:${e}`));
    expect(fxs.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bench.world.phones.get('101').state).toMatchObject({ hook: 'on', ringing: false, display: null });
    expect(() => bench!.world.phones.get('999')).toThrow(/no phone with extension "999"/);
  });

  it('rings when the board rings it and records the cadence it saw', async () => {
    bench = new Bench();
    const p = bench.world.phones.get('102');
    const ringing = p.waitFor('ringing');
    for (let i = 0; i < 2; i++) {
      bench.world.hook('phone:102', 'ring');
      await bench.advance(1_000);
      bench.world.hook('phone:102', 'ring-off');
      await bench.advance(4_000);
    }
    await ringing;
    expect(p.state.cadenceMs).toEqual([1000, 4000, 1000]);
    expect(p.state.rings).toBe(2);
    expect(p.state.state).toBe('ring-pause');
    expect(p.ringLog.map((r) => [r.on, r.atMs])).toEqual([
      [true, 0],
      [false, 1000],
      [true, 5000],
      [false, 6000],
    ]);
    await bench.advance(9_000);
    expect(p.state.state).toBe('idle');
  });

  it('goes off hook, hears dial tone, dials DTMF, flashes, speaks, hangs up', async () => {
    bench = new Bench({ seed: 9 });
    const p = bench.world.phones.get('101');
    p.offhook();
    await bench.advance(40);
    expect(bench.signals('phone:101').map((e) => e.type)).toEqual(['off-hook']);
    expect(p.state.hook).toBe('off');
    bench.send('phone:101', sine(450, -10, 3_000)); // the engine's dial tone
    const tone = await bench.until(p.waitFor('tone:dial'));
    expect(tone.atMs).toBeLessThan(100);
    bench.record('phone:101');
    p.dial('8021#');
    await bench.advance(1_200);
    expect(
      detectDtmf(bench.take('phone:101'))
        .map((d) => d.digit)
        .join(''),
    ).toBe('8021#');

    p.flash();
    await bench.advance(600);
    const hooks = bench.signals('phone:101').slice(1);
    expect(hooks.map((e) => e.type)).toEqual(['on-hook', 'off-hook']);
    expect(hooks[1]!.atMs - hooks[0]!.atMs).toBe(300);

    p.speak(1_000);
    await bench.advance(1_200);
    expect(detectEnergy(bench.take('phone:101')).some((e) => e.voice)).toBe(true);
    p.onhook();
    await bench.until(p.waitFor('idle'));
    expect(bench.signals('phone:101').at(-1)!.type).toBe('on-hook');
  });

  it('a phone set to answer after 2 rings picks up 0.8 s into the second ring', async () => {
    bench = new Bench({ fxs: [{ answerAfterRings: 2 }, {}] });
    const p = bench.world.phones.get('101');
    bench.world.hook('phone:101', 'ring');
    await bench.advance(1_000);
    bench.world.hook('phone:101', 'ring-off');
    await bench.advance(4_000);
    bench.world.hook('phone:101', 'ring');
    await bench.until(p.waitFor('off-hook'));
    const off = bench.signals('phone:101', 'off-hook');
    expect(off).toHaveLength(1);
    expect(off[0]!.atMs).toBe(5_800);
  });
});
