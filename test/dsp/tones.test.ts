// Call-progress detection against the standards' tones (test/helpers/ref-tones.ts,
// written from ITU-T E.180, China YD/T 1277 / GB 3380, the North American precise
// tone plan, Telcordia SIT, T.30 CNG and V.25 CED; not from the plan files).
// Each tone must come out as exactly one event, first burst start to last burst
// end, within TOL_MS; within the standards' tolerances (timing +-10%, frequency
// +-1.5%, levels -5..-30 dBm0), through G.711 with noise; and a cadence must
// not be taken for another.
import { afterAll, describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { loadTonePlanJson } from '../../src/dsp/tones.ts';
import type { ToneSpan } from '../../src/native/types/tones.ts';
import {
  SIT_ITU,
  SIT_NA,
  STANDARD,
  Track,
  addCed,
  addSit,
  addTone,
  line,
  withNoise,
  type GenOptions,
  type Kind,
  type PlanName,
  type Truth,
} from '../helpers/ref-tones.ts';

/** Start and end of every event must be within this of the truth. */
const TOL_MS = 50;
const PLANS: PlanName[] = ['cn', 'itu', 'us'];
const CADENCED: Kind[] = ['dial', 'busy', 'ringback', 'congestion', 'cng', 'ced'];
const json = Object.fromEntries(PLANS.map((p) => [p, loadTonePlanJson(p)])) as Record<PlanName, string>;

let worstMs = 0;
let cases = 0;
afterAll(() => {
  console.log(`[tones] ${cases} signals, worst start/end error ${worstMs.toFixed(1)} ms (limit ${TOL_MS} ms)`);
});

function detect(plan: PlanName, x: Int16Array): ToneSpan[] {
  return addon.detectTones(x, json[plan]);
}

function expectMatch(got: ToneSpan[], truth: Truth[], label: string): void {
  cases++;
  const want = truth.map((t) => ({ tone: t.kind, startMs: Math.round(t.startMs), endMs: Math.round(t.endMs) }));
  expect(
    got.map((g) => g.tone),
    `${label}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`,
  ).toEqual(want.map((w) => w.tone));
  got.forEach((g, i) => {
    const t = truth[i]!;
    const err = Math.max(Math.abs(g.startMs - t.startMs), Math.abs(g.endMs - t.endMs));
    worstMs = Math.max(worstMs, err);
    expect(err, `${label}: ${JSON.stringify(g)} vs ${JSON.stringify(want[i])}`).toBeLessThanOrEqual(TOL_MS);
  });
}

/** Lead-in silence, the tone, trailing silence; the truth of the tone. */
function toneSignal(plan: PlanName, kind: Kind, o: GenOptions, seed: number, cycles?: number): Track {
  const t = new Track(seed);
  t.silence(200 + t.rand() * 600);
  const std = STANDARD[plan][kind]!;
  const n = cycles ?? (kind === 'ringback' || kind === 'cng' ? 3 : 5);
  addTone(t, kind, std, n, o, 2500 + t.rand() * 1500);
  t.silence(1000 + t.rand() * 1000);
  return t;
}

describe('each tone of each plan, nominal', () => {
  for (const plan of PLANS) {
    for (const kind of CADENCED) {
      it(`${plan} ${kind}: one event, first burst to last`, () => {
        for (const cycles of kind === 'dial' || kind === 'ced' ? [1] : kind === 'ringback' || kind === 'cng' ? [1, 2, 4] : [2, 3, 8]) {
          const t = toneSignal(plan, kind, {}, 100 + cycles, cycles);
          expectMatch(detect(plan, line(t.samples())), t.truth, `${plan} ${kind} x${cycles}`);
        }
      });
    }
  }

  it('a tone that starts the input (even mid-burst) starts at 0', () => {
    for (const plan of PLANS) {
      const t = new Track(5);
      addTone(t, 'busy', STANDARD[plan].busy!, 6);
      t.silence(1500);
      expectMatch(detect(plan, line(t.samples())), t.truth, `${plan} busy at 0`);
      const u = new Track(6);
      const std = STANDARD[plan].busy!;
      u.sines(std.freqs, std.level, 120).silence(std.cadence[1]!);
      addTone(u, 'busy', std, 5);
      u.truth[0]!.startMs = 0;
      u.silence(1500);
      expectMatch(detect(plan, line(u.samples())), u.truth, `${plan} busy cut at 0`);
    }
  });

  it('a call: dial, ringback, then busy, each its own event', () => {
    for (const plan of PLANS) {
      const t = new Track(8);
      t.silence(300);
      addTone(t, 'dial', STANDARD[plan].dial!, 1, {}, 3000);
      t.silence(800);
      addTone(t, 'ringback', STANDARD[plan].ringback!, 2);
      addTone(t, 'busy', STANDARD[plan].busy!, 4);
      t.silence(1200);
      expectMatch(detect(plan, line(t.samples())), t.truth, `${plan} call`);
    }
  });
});

describe('within the standards tolerances', () => {
  const conditions: { name: string; o: GenOptions }[] = [
    { name: 'every duration +10%', o: { timeScale: 1.1 } },
    { name: 'every duration -10%', o: { timeScale: 0.9 } },
    { name: 'random +-10% per segment', o: { jitter: 0.1 } },
    { name: '+1.5% frequency at -30 dBm0', o: { freqErr: 0.015, level: -30 } },
    { name: '-1.5% frequency at -5 dBm0', o: { freqErr: -0.015, level: -5 } },
    { name: '+1.5%, +-10% jitter, -20 dBm0', o: { freqErr: 0.015, jitter: 0.1, level: -20 } },
    { name: '-1.5%, +-10% jitter, -30 dBm0', o: { freqErr: -0.015, jitter: 0.1, level: -30 } },
  ];
  for (const plan of PLANS) {
    it(`${plan}: every tone under ${conditions.length} conditions`, () => {
      let seed = 1000;
      for (const kind of CADENCED)
        for (const c of conditions) {
          const t = toneSignal(plan, kind, c.o, seed++);
          expectMatch(detect(plan, line(t.samples())), t.truth, `${plan} ${kind} ${c.name}`);
        }
    });
  }
});

describe('through G.711 with noise at 20 dB SNR', () => {
  for (const plan of PLANS) {
    for (const law of ['ulaw', 'alaw'] as const) {
      it(`${plan} ${law}`, () => {
        let seed = 2000;
        for (const kind of CADENCED) {
          for (const level of [-5, -18, -30]) {
            const t = toneSignal(plan, kind, { level, jitter: 0.05, freqErr: ((seed % 3) - 1) * 0.01 }, seed++);
            const x = withNoise(t.samples(), level, 20, seed);
            expectMatch(detect(plan, line(x, law)), t.truth, `${plan} ${kind} ${law} ${level} dBm0`);
          }
        }
        const s = new Track(seed);
        s.silence(500);
        addSit(s, plan === 'us' ? SIT_NA.VC! : SIT_ITU, { level: -28, gapMs: plan === 'us' ? 0 : 30 });
        s.silence(1500);
        expectMatch(detect(plan, line(withNoise(s.samples(), -28, 20, 3), law)), s.truth, `${plan} sit ${law}`);
      });
    }
  }
});

describe('cadences are not mistaken for one another', () => {
  const cases: { plan: PlanName; kind: Kind }[] = [
    { plan: 'itu', kind: 'busy' },
    { plan: 'itu', kind: 'congestion' },
    { plan: 'cn', kind: 'busy' },
    { plan: 'cn', kind: 'congestion' },
    { plan: 'cn', kind: 'ringback' },
    { plan: 'us', kind: 'busy' },
    { plan: 'us', kind: 'congestion' },
  ];
  for (const { plan, kind } of cases) {
    it(`${plan} ${kind} is reported as ${kind} only, at +-10% timing`, () => {
      let seed = 3000;
      for (const o of [{ timeScale: 0.9 }, { timeScale: 1.1 }, { jitter: 0.1 }, { jitter: 0.1 }, { jitter: 0.1 }]) {
        const t = toneSignal(plan, kind, o, seed++, kind === 'ringback' ? 3 : 8);
        expectMatch(detect(plan, line(t.samples())), t.truth, `${plan} ${kind} ${JSON.stringify(o)}`);
      }
    });
  }

  it('cadences that are no tone of the plan give no event', () => {
    const foreign: { plan: PlanName; freqs: number[]; cadence: number[] }[] = [
      { plan: 'cn', freqs: [450], cadence: [150, 150] },
      { plan: 'cn', freqs: [450], cadence: [550, 1500] },
      { plan: 'itu', freqs: [425], cadence: [60, 60] },
      { plan: 'itu', freqs: [425], cadence: [800, 800] },
      { plan: 'us', freqs: [480, 620], cadence: [1000, 1000] },
      { plan: 'us', freqs: [440, 480], cadence: [500, 500] },
      { plan: 'us', freqs: [1100], cadence: [1500, 1500] },
    ];
    for (const f of foreign) {
      const t = new Track(9);
      t.silence(300);
      addTone(t, 'busy', { freqs: f.freqs, level: -12, cadence: f.cadence }, 8);
      t.silence(1000);
      expect(detect(f.plan, line(t.samples())), `${f.plan} ${f.freqs.join('+')} ${f.cadence.join('/')}`).toEqual([]);
    }
  });

  it("another plan's frequencies are not this plan's tones", () => {
    for (const from of PLANS)
      for (const to of PLANS) {
        if (from === to) continue;
        for (const kind of ['busy', 'ringback', 'dial'] as Kind[]) {
          const t = toneSignal(from, kind, {}, 17);
          expect(detect(to, line(t.samples())), `${from} ${kind} on the ${to} plan`).toEqual([]);
        }
      }
  });
});

describe('special information tone (SIT triplet)', () => {
  it('every Telcordia variant on the us plan', () => {
    let seed = 4000;
    for (const [name, segs] of Object.entries(SIT_NA)) {
      for (const o of [{}, { jitter: 0.1 }, { freqErr: 0.015, level: -30 }, { freqErr: -0.015, level: -5 }]) {
        const t = new Track(seed++);
        t.silence(400);
        addSit(t, segs, o);
        t.silence(2000);
        expectMatch(detect('us', line(t.samples())), t.truth, `us SIT ${name} ${JSON.stringify(o)}`);
      }
    }
  });

  it('the ITU SIT (30 ms gaps, repeated after 1 s) is one event on every plan, and NA variants on cn/itu', () => {
    let seed = 4100;
    for (const plan of PLANS) {
      for (const o of [{}, { jitter: 0.1, freqErr: 0.015 }, { freqErr: -0.015, level: -30 }]) {
        const t = new Track(seed++);
        t.silence(300);
        addSit(t, SIT_ITU, { ...o, gapMs: 30, repeats: 3, repeatGapMs: 1000 });
        t.silence(2000);
        expectMatch(detect(plan, line(t.samples())), t.truth, `${plan} ITU SIT ${JSON.stringify(o)}`);
      }
      if (plan === 'us') continue;
      for (const segs of [SIT_NA.IC!, SIT_NA.NC1!]) {
        const t = new Track(seed++);
        t.silence(300);
        addSit(t, segs);
        t.silence(2000);
        expectMatch(detect(plan, line(t.samples())), t.truth, `${plan} NA SIT`);
      }
    }
  });

  it('wrong order or an incomplete triplet is no SIT', () => {
    for (const plan of PLANS) {
      for (const segs of [
        [...SIT_NA.IC!].reverse(),
        [SIT_NA.IC![1]!, SIT_NA.IC![0]!, SIT_NA.IC![2]!],
        SIT_NA.IC!.slice(0, 2),
        [SIT_NA.IC![0]!, [0, 300] as [number, number], SIT_NA.IC![2]!],
      ]) {
        const t = new Track(12);
        t.silence(300);
        for (const [f, ms] of segs) f ? t.sines([f], -20, ms) : t.silence(ms);
        t.silence(1500);
        expect(detect(plan, line(t.samples())), `${plan} ${JSON.stringify(segs)}`).toEqual([]);
      }
    }
  });
});

describe('fax tones', () => {
  it('CNG: one burst or several, one event', () => {
    let seed = 5000;
    for (const plan of PLANS)
      for (const cycles of [1, 2, 5]) {
        const t = toneSignal(plan, 'cng', { jitter: 0.1 }, seed++, cycles);
        expectMatch(detect(plan, line(t.samples())), t.truth, `${plan} CNG x${cycles}`);
      }
  });

  it('CED: 2.6 to 4 s, with and without phase reversals', () => {
    let seed = 5100;
    for (const plan of PLANS)
      for (const ms of [2600, 3300, 4000])
        for (const reversals of [false, true]) {
          const t = new Track(seed++);
          t.silence(400);
          addCed(t, ms, { reversals, freqErr: (t.rand() - 0.5) * 0.03 });
          t.silence(800);
          expectMatch(detect(plan, line(t.samples(), 'alaw')), t.truth, `${plan} CED ${ms} ms reversals=${reversals}`);
        }
  });
});
