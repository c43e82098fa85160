// Bridge and conference mixing: each member hears exactly the (saturated) sum of
// the others, never itself; listen-only, talk-only, gains and whisper.
import { describe, expect, it } from 'vitest';
import { testAddon, type ConferenceMemberSpec } from '../helpers/test-addon.ts';
import { rng, tones, toInt16 } from '../helpers/ref-signal.ts';
import { maxAbsDiff, toneDbm0 } from './analysis.ts';

const mix = (inputs: (Int16Array | null)[], members: ConferenceMemberSpec[]) => testAddon.mediaConferenceMix(inputs, members);
const sat = (v: number) => Math.max(-32768, Math.min(32767, v));
const tone = (freq: number, level = -10, ms = 500) => toInt16(tones([{ freq, level }], ms));

function noise(n: number, amp: number, seed: number): Int16Array {
  const r = rng(seed);
  return Int16Array.from({ length: n }, () => Math.round((r() * 2 - 1) * amp));
}

describe('bridge', () => {
  it('each side hears the other, full duplex, sample for sample', () => {
    const a = noise(1600, 20000, 1);
    const b = noise(1600, 20000, 2);
    const r = testAddon.mediaBridgeMix(a, b);
    expect(Array.from(r.a)).toEqual(Array.from(b));
    expect(Array.from(r.b)).toEqual(Array.from(a));
  });

  it('per-direction gain', () => {
    const a = tone(1000);
    const r = testAddon.mediaBridgeMix(a, new Int16Array(a.length), { aToBDb: -6.0206, bToADb: 0 });
    expect(
      maxAbsDiff(
        r.b,
        Float64Array.from(a, (v) => v / 2),
      ),
    ).toBeLessThanOrEqual(1);
    expect(Math.max(...r.a.map(Math.abs))).toBe(0);
  });
});

describe('conference', () => {
  it('three parties: each hears the other two and not itself', () => {
    const freqs = [500, 1000, 1500];
    const outs = mix(
      freqs.map((f) => tone(f)),
      [{}, {}, {}],
    );
    outs.forEach((o, i) => {
      freqs.forEach((f, j) => {
        const lvl = toneDbm0(o, f, 8000, 800, 3200);
        if (i === j) expect(lvl, `member ${i} hears itself`).toBeLessThan(-80);
        else expect(lvl, `member ${i} hears ${j}`).toBeCloseTo(-10, 1);
      });
    });
  });

  it('is exactly the saturated sum of the others', () => {
    const n = 5;
    const ins = Array.from({ length: n }, (_, i) => noise(1600, 16000, 10 + i));
    const outs = mix(
      ins,
      Array.from({ length: n }, () => ({})),
    );
    for (let i = 0; i < n; i++)
      for (let t = 0; t < 1600; t++) {
        let s = 0;
        for (let j = 0; j < n; j++) if (j !== i) s += ins[j]![t]!;
        if (outs[i]![t] !== sat(s)) throw new Error(`member ${i} sample ${t}: ${outs[i]![t]} != ${sat(s)}`);
      }
  });

  it('saturates instead of wrapping', () => {
    const loud = new Int16Array(320).fill(30000);
    const outs = mix([loud, loud, loud], [{}, {}, {}]);
    expect(Array.from(new Set(outs[0]))).toEqual([32767]);
    const neg = new Int16Array(320).fill(-30000);
    expect(Array.from(new Set(mix([neg, neg, neg], [{}, {}, {}])[1]))).toEqual([-32768]);
  });

  it('listen-only hears everyone and is heard by nobody; talk-only is heard and hears nothing', () => {
    const [a, b, sup, moh] = [tone(500), tone(1000), tone(1500), tone(2000)];
    const outs = mix([a, b, sup, moh], [{}, {}, { mode: 'listen-only' }, { mode: 'talk-only' }]);
    const hears = (o: Int16Array, f: number) => toneDbm0(o, f, 8000, 800, 3200) > -11;
    expect([500, 1000, 1500, 2000].map((f) => hears(outs[0]!, f))).toEqual([false, true, false, true]);
    expect([500, 1000, 1500, 2000].map((f) => hears(outs[1]!, f))).toEqual([true, false, false, true]);
    expect([500, 1000, 1500, 2000].map((f) => hears(outs[2]!, f))).toEqual([true, true, false, true]);
    expect(Math.max(...outs[3]!.map(Math.abs))).toBe(0);
  });

  it('talk and listen gains', () => {
    const [a, b] = [tone(500), tone(1000)];
    const outs = mix([a, b, null], [{ talkGainDb: -6 }, { listenGainDb: -10 }, {}]);
    expect(toneDbm0(outs[2]!, 500, 8000, 800, 3200)).toBeCloseTo(-16, 1);
    expect(toneDbm0(outs[1]!, 500, 8000, 800, 3200)).toBeCloseTo(-26, 1);
    expect(toneDbm0(outs[0]!, 1000, 8000, 800, 3200)).toBeCloseTo(-10, 1);
  });

  it('whisper: a coach is heard by the agent only', () => {
    const [agent, caller, coach] = [tone(500), tone(1000), tone(1500)];
    const outs = mix([agent, caller, coach], [{}, {}, { whisperTo: 0 }]);
    expect(toneDbm0(outs[0]!, 1500, 8000, 800, 3200)).toBeCloseTo(-10, 1); // agent hears the coach
    expect(toneDbm0(outs[0]!, 1000, 8000, 800, 3200)).toBeCloseTo(-10, 1); // and the caller
    expect(toneDbm0(outs[1]!, 1500, 8000, 800, 3200)).toBeLessThan(-80); // the caller does not hear the coach
    expect(toneDbm0(outs[1]!, 500, 8000, 800, 3200)).toBeCloseTo(-10, 1);
    expect(toneDbm0(outs[2]!, 500, 8000, 800, 3200)).toBeCloseTo(-10, 1); // the coach hears both
    expect(toneDbm0(outs[2]!, 1000, 8000, 800, 3200)).toBeCloseTo(-10, 1);
  });

  it('a member without input (null) is silent to the others but still hears them', () => {
    const outs = mix([tone(500), null], [{}, {}]);
    expect(Math.max(...outs[0]!.map(Math.abs))).toBe(0);
    expect(toneDbm0(outs[1]!, 500, 8000, 800, 3200)).toBeCloseTo(-10, 1);
  });

  it('64 members: everyone hears the sum of the other 63', () => {
    const n = 64;
    const ins = Array.from({ length: n }, (_, i) => noise(480, 400, 100 + i));
    const outs = mix(
      ins,
      Array.from({ length: n }, () => ({})),
    );
    for (let i = 0; i < n; i++)
      for (let t = 0; t < 480; t += 7) {
        let s = 0;
        for (let j = 0; j < n; j++) if (j !== i) s += ins[j]![t]!;
        if (outs[i]![t] !== sat(s)) throw new Error(`member ${i} sample ${t}`);
      }
  });

  it('a 65th member is refused', () => {
    expect(() =>
      mix(
        Array.from({ length: 65 }, () => null),
        Array.from({ length: 65 }, () => ({})),
      ),
    ).toThrow(expect.objectContaining({ code: 'CTI_ERR_BAD_ARGUMENT' }));
  });
});
