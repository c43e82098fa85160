// Talk-off: speech-like audio (harmonic series with moving formants, intonation
// and vibrato, test/helpers/ref-tones.ts) and DTMF digit strings must produce
// no call-progress event on any plan, clean or through G.711 with noise.
import { describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { loadTonePlanJson } from '../../src/dsp/tones.ts';
import { add, awgn, concat } from '../helpers/ref-signal.ts';
import { dtmfDigits, line, speechLike, type PlanName } from '../helpers/ref-tones.ts';

const PLANS: PlanName[] = ['cn', 'itu', 'us'];
const json = Object.fromEntries(PLANS.map((p) => [p, loadTonePlanJson(p)])) as Record<PlanName, string>;

describe('no tone events from speech-like audio', () => {
  // 8 talkers x 40 s, levels -10 to -30 dBm0.
  const talk = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => speechLike(40_000, 100 + s, -10 - ((s * 7) % 21)));

  it('the material is a real test: a plan that only asks for 100 ms of tone finds tones in it', () => {
    const loose = JSON.stringify({ name: 'loose', tones: [{ tone: 'dial', freqs: [440, 480], continuous: true, minMs: 100 }] });
    const hits = talk.reduce((n, x) => n + addon.detectTones(line(x), loose).length, 0);
    expect(hits).toBeGreaterThan(10);
  });
  for (const plan of PLANS) {
    it(`${plan}: 320 s of speech-like audio, clean, mu-law and A-law with noise`, () => {
      for (const [i, x] of talk.entries()) {
        expect(addon.detectTones(line(x), json[plan]), `talker ${i} clean`).toEqual([]);
        const noisy = add(x, awgn(40_000, -50, i + 1));
        expect(addon.detectTones(line(noisy, i % 2 ? 'alaw' : 'ulaw'), json[plan]), `talker ${i} g711`).toEqual([]);
      }
    });
  }
});

describe('no tone events from DTMF', () => {
  const strings = [
    dtmfDigits('0123456789*#ABCD', { onMs: 50, offMs: 50 }),
    dtmfDigits('0123456789*#ABCD', { onMs: 100, offMs: 100, twistDb: 4 }),
    dtmfDigits('0123456789*#ABCD', { onMs: 100, offMs: 100, twistDb: -8 }),
    // long digits, some at the tone plans' busy/congestion cadences
    dtmfDigits('0*#D0*#D', { onMs: 350, offMs: 350, twistDb: -4 }),
    dtmfDigits('55555555', { onMs: 500, offMs: 500 }),
    dtmfDigits('1111', { onMs: 2000, offMs: 4000, level: -20 }),
    dtmfDigits('9', { onMs: 5000, offMs: 500 }),
  ];
  for (const plan of PLANS) {
    it(`${plan}: digit strings of every key, cadences and twists`, () => {
      for (const [i, x] of strings.entries()) expect(addon.detectTones(line(x, 'ulaw'), json[plan]), `string ${i}`).toEqual([]);
      const mixed = concat([speechLike(5000, 9), strings[1]!, speechLike(5000, 10), strings[3]!]);
      expect(addon.detectTones(line(mixed), json[plan]), 'speech and digits').toEqual([]);
    });
  }
});
