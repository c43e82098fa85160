import { describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { aLawDecode, aLawEncode, muLawDecode, muLawEncode } from '../helpers/ref-signal.ts';

// G.711 against the reference codec written from the standard's segment rules in
// the test helpers: every 16-bit input value and every code word.
describe('G.711', () => {
  const all = new Int16Array(65536);
  for (let i = 0; i < 65536; i++) all[i] = i - 32768;
  const codes = new Uint8Array(256).map((_, i) => i);

  for (const law of ['ulaw', 'alaw'] as const) {
    const enc = law === 'ulaw' ? muLawEncode : aLawEncode;
    const dec = law === 'ulaw' ? muLawDecode : aLawDecode;

    it(`${law}: encodes every 16-bit value as the standard does`, () => {
      const out = addon.g711Encode(law, all);
      let bad = 0;
      for (let i = 0; i < all.length; i++) if (out[i] !== enc(all[i]!)) bad++;
      expect(bad).toBe(0);
    });

    it(`${law}: decodes every code word as the standard does`, () => {
      const out = addon.g711Decode(law, codes);
      expect(Array.from(out)).toEqual(Array.from(codes, (c) => dec(c)));
    });

    it(`${law}: a round trip keeps a sine within the quantiser's SNR (> 33 dB)`, () => {
      const x = new Int16Array(8000);
      for (let i = 0; i < x.length; i++) x[i] = Math.round(10000 * Math.sin((2 * Math.PI * 1004 * i) / 8000));
      const y = addon.g711Decode(law, addon.g711Encode(law, x));
      let s = 0;
      let n = 0;
      for (let i = 0; i < x.length; i++) {
        s += x[i]! * x[i]!;
        n += (x[i]! - y[i]!) ** 2;
      }
      expect(10 * Math.log10(s / n)).toBeGreaterThan(33);
    });
  }
});
