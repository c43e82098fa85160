// The 16-lane CallProgressBank: each lane behaves exactly as a single-channel
// run, whichever input path (rx16 int16 pointers or the interleaved float
// buffer) and frame size feeds it, and every instruction set gives the same
// events.
import { afterAll, describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { loadTonePlanJson } from '../../src/dsp/tones.ts';
import type { Isa } from '../../src/native/types/dsp-basic.ts';
import type { ToneBankEvent } from '../../src/native/types/tones.ts';
import {
  SIT_ITU,
  SIT_NA,
  STANDARD,
  Track,
  addCed,
  addSit,
  addTone,
  line,
  speechLike,
  withNoise,
  type Kind,
  type PlanName,
} from '../helpers/ref-tones.ts';

const startIsa = addon.activeIsa();
afterAll(() => {
  addon.forceIsa(startIsa);
});

/** 16 different channels of one plan: every tone, impaired differently, plus speech and silence. */
function lanes(plan: PlanName, seed: number): Int16Array[] {
  const kinds: (Kind | 'speech' | 'silence')[] = [
    'dial',
    'busy',
    'ringback',
    'congestion',
    'sit',
    'cng',
    'ced',
    'speech',
    'busy',
    'congestion',
    'ringback',
    'sit',
    'dial',
    'silence',
    'cng',
    'ced',
  ];
  const out = kinds.map((k, i) => {
    const t = new Track(seed + i);
    t.silence(100 + t.rand() * 900);
    const o = { jitter: 0.1, freqErr: (t.rand() - 0.5) * 0.03, level: -5 - t.rand() * 25 };
    if (k === 'sit') addSit(t, plan === 'us' ? SIT_NA.RO1! : SIT_ITU, { ...o, gapMs: plan === 'us' ? 0 : 30, repeats: 2 });
    else if (k === 'ced') addCed(t, 3000, { ...o, reversals: i > 8 });
    else if (k === 'speech') t.push(speechLike(12_000, seed));
    else if (k === 'silence') t.silence(12_000);
    else {
      addTone(t, k, STANDARD[plan][k]!, k === 'ringback' ? 2 : 4, o);
      if (i > 8) addTone(t, 'busy', STANDARD[plan].busy!, 3);
    }
    t.silence(1000);
    const x = i % 3 === 0 ? withNoise(t.samples(), o.level, 20, i) : t.samples();
    return line(x, i % 3 === 0 ? 'ulaw' : i % 3 === 1 ? 'alaw' : undefined);
  });
  const n = Math.max(...out.map((x) => x.length));
  return out.map((x) => {
    const y = new Int16Array(n);
    y.set(x);
    return y;
  });
}

function spansOf(events: ToneBankEvent[], lane: number): { tone: string; startMs: number; endMs: number }[] {
  return events
    .filter((e) => e.lane === lane && e.end)
    .map((e) => ({ tone: e.tone, startMs: e.startMs, endMs: e.endMs! }))
    .sort((a, b) => a.startMs - b.startMs);
}

describe('16 lanes equal single-lane runs', () => {
  for (const plan of ['cn', 'itu', 'us'] as PlanName[]) {
    it(`${plan}: rx16 and interleaved rx, 160- and 97-sample frames`, () => {
      const json = loadTonePlanJson(plan);
      const ch = lanes(plan, plan.length * 100);
      const single = ch.map((x) => addon.detectTones(x, json));
      expect(single.flat().length).toBeGreaterThan(12);
      for (const opts of [
        { frameSamples: 160 },
        { frameSamples: 160, interleaved: true },
        { frameSamples: 97 },
        { frameSamples: 1000, interleaved: true },
      ]) {
        const ev = addon.detectTonesBank(ch, json, opts);
        for (let l = 0; l < 16; l++) expect(spansOf(ev, l), `lane ${l} ${JSON.stringify(opts)}`).toEqual(single[l]);
        // every recognised tone also ends, after it starts
        for (const e of ev.filter((x) => !x.end)) {
          const end = ev.find((x) => x.end && x.lane === e.lane && x.tone === e.tone && x.startMs === e.startMs);
          expect(end, JSON.stringify(e)).toBeDefined();
          expect(end!.atMs).toBeGreaterThanOrEqual(e.atMs);
          expect(e.atMs).toBeGreaterThanOrEqual(e.startMs);
        }
      }
      // silent lanes (null) give nothing and change nothing
      const sparse = ch.map((x, i) => (i % 2 ? null : x));
      const ev = addon.detectTonesBank(sparse, json);
      for (let l = 0; l < 16; l++) expect(spansOf(ev, l)).toEqual(l % 2 ? [] : single[l]);
    });
  }
});

describe('every instruction set gives the same events', () => {
  const isas = addon.supportedIsas();
  it(`${isas.join(', ')}`, () => {
    for (const plan of ['cn', 'itu', 'us'] as PlanName[]) {
      const json = loadTonePlanJson(plan);
      const ch = lanes(plan, 7000 + plan.length);
      const results = new Map<Isa, ToneBankEvent[]>();
      for (const isa of isas) {
        expect(addon.forceIsa(isa)).toBe(true);
        results.set(isa, addon.detectTonesBank(ch, json));
      }
      const ref = results.get('generic')!;
      expect(ref.length).toBeGreaterThan(20);
      for (const isa of isas) expect(results.get(isa), `${plan} ${isa}`).toEqual(ref);
    }
    addon.forceIsa(startIsa);
  });
});
