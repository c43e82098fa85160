// FSK caller ID over a line: level range, white noise, frequency error, G.711
// both laws, and no false messages from noise, speech-band tones or DTMF.
// Signals from test/helpers/ref-callerid.ts; noise and G.711 from ref-signal.ts.
// S/N convention: white Gaussian noise over 0-4 kHz, its power relative to the
// FSK signal's power.
import { describe, expect, it } from 'vitest';
import { detectCallerId } from '../../src/native/index.ts';
import { BELL202, V23, fskBurst, mdmf, type Modem } from '../helpers/ref-callerid.ts';
import { add, awgn, concat, rng, silence, throughLaw, toInt16, tones } from '../helpers/ref-signal.ts';

const MODEMS: [string, Modem][] = [
  ['bell202', BELL202],
  ['v23', V23],
];
const MSG = mdmf([
  [0x01, '11231545'],
  [0x02, '13800138000'],
  [0x07, 'ZHANG SAN'],
]);
const WANT = { number: '13800138000', name: 'ZHANG SAN', time: '11231545' };

function run(x: Float64Array) {
  return detectCallerId(toInt16(x));
}

/** Trials with random timing offsets and phases; returns [correct, wrong]. */
function trials(
  modem: Modem,
  format: string,
  n: number,
  make: (burst: (o?: object) => Float64Array, seed: number) => Float64Array,
): [number, number] {
  let ok = 0,
    wrong = 0;
  const r = rng(7);
  for (let t = 0; t < n; t++) {
    const burst = (o: object = {}) => fskBurst(MSG, modem, { offset: r(), phase: 2 * Math.PI * r(), ...o }, 100 + Math.floor(r() * 50));
    for (const h of run(make(burst, t + 1))) {
      if (h.format === format && h.number === WANT.number && h.name === WANT.name && h.time === WANT.time) ok++;
      else wrong++;
    }
  }
  return [ok, wrong];
}

describe('FSK caller ID on a line', () => {
  for (const [format, modem] of MODEMS) {
    it(`${format}: levels from 0 down to -45 dBm0 are read; -55 dBm0 is not a carrier`, () => {
      for (const level of [0, -6, -13, -20, -30, -40, -45]) {
        expect(
          trials(modem, format, 3, (b) => b({ level })),
          `level ${level}`,
        ).toEqual([3, 0]);
      }
      expect(trials(modem, format, 3, (b) => b({ level: -55 }))).toEqual([0, 0]);
    });

    it(`${format}: frequency error of ±1 % and ±2 % (and the standard still told apart)`, () => {
      for (const scale of [0.98, 0.99, 1.01, 1.02]) {
        expect(
          trials(modem, format, 5, (b) => b({ scale })),
          `scale ${scale}`,
        ).toEqual([5, 0]);
      }
    });

    it(`${format}: through mu-law and A-law, at -13 and -40 dBm0`, () => {
      for (const law of ['ulaw', 'alaw'] as const)
        for (const level of [-13, -40])
          expect(
            trials(modem, format, 3, (b) => throughLaw(b({ level }), law)),
            `${law} ${level}`,
          ).toEqual([3, 0]);
    });

    it(`${format}: white noise at 15 dB S/N every time, 12 dB S/N nearly, never a wrong message`, () => {
      const noisy = (snr: number) => (b: (o?: object) => Float64Array, seed: number) => {
        const x = b({ level: -20 });
        return add(x, awgn((x.length * 1000) / 8000, -20 - snr, seed));
      };
      expect(trials(modem, format, 20, noisy(15))).toEqual([20, 0]);
      const [ok12, wrong12] = trials(modem, format, 20, noisy(12));
      expect(ok12).toBeGreaterThanOrEqual(19);
      expect(wrong12).toBe(0);
      const [, wrong6] = trials(modem, format, 20, noisy(6));
      expect(wrong6).toBe(0); // at 6 dB many are lost; none is misread
    });

    it(`${format}: at -40 dBm0 through A-law with 15 dB S/N and 2 % frequency error`, () => {
      const make = (b: (o?: object) => Float64Array, seed: number) => {
        const x = b({ level: -40, scale: 0.98 });
        return throughLaw(add(x, awgn((x.length * 1000) / 8000, -55, seed)), 'alaw');
      };
      expect(trials(modem, format, 5, make)).toEqual([5, 0]);
    });
  }

  it('finds nothing in 60 s of noise, tones, DTMF-band pairs and silence', () => {
    const parts: Float64Array[] = [awgn(20_000, -20, 3), silence(2000)];
    for (const f of [400, 1000, 1200, 1300, 1700, 2100, 2200, 2600]) parts.push(tones([{ freq: f, level: -10 }], 1000), silence(300));
    parts.push(
      tones(
        [
          { freq: 1200, level: -12 },
          { freq: 2200, level: -12 },
        ],
        3000,
      ),
    );
    parts.push(
      tones(
        [
          { freq: 1300, level: -12 },
          { freq: 2100, level: -12 },
        ],
        3000,
      ),
    );
    const r = rng(11);
    const sweep = new Float64Array(8000 * 20); // a warbling tone across the FSK band
    for (let i = 0, ph = 0; i < sweep.length; i++) {
      sweep[i] = 8000 * Math.sin(ph);
      ph += (2 * Math.PI * (1700 + 600 * Math.sin(i / 400 + r()))) / 8000;
    }
    parts.push(sweep);
    expect(run(concat(parts))).toEqual([]);
  });
});
