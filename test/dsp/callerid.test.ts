// FSK caller ID: every message format and field, with and without channel
// seizure and mark signal, and damaged messages. Every signal comes from
// test/helpers/ref-callerid.ts (its own bytes, checksum and FSK modulator); the
// engine's generator is checked only against the reference receiver's view of
// it (the engine's detector) at the end, as a round trip.
import { describe, expect, it } from 'vitest';
import { detectCallerId, generateCallerId } from '../../src/native/index.ts';
import { CtiError } from '../../src/native/errors.ts';
import { BELL202, V23, burstBits, charBits, fsk, fskBurst, mdmf, sdmf, withChecksum, type Modem } from '../helpers/ref-callerid.ts';
import { concat, silence, toInt16 } from '../helpers/ref-signal.ts';

const MODEMS: [string, Modem][] = [
  ['bell202', BELL202],
  ['v23', V23],
];
const detect = (x: Float64Array) => detectCallerId(toInt16(x)).map(({ startMs: _s, endMs: _e, ...rest }) => rest);

describe('FSK caller ID: formats and fields', () => {
  for (const [format, modem] of MODEMS) {
    it(`${format}: SDMF time + number, private 'P', unavailable 'O'`, () => {
      expect(detect(fskBurst(sdmf('11231545', '13800138000'), modem))).toEqual([{ format, number: '13800138000', time: '11231545' }]);
      expect(detect(fskBurst(sdmf('01010000', 'P'), modem))).toEqual([{ format, time: '01010000', withheld: 'private' }]);
      expect(detect(fskBurst(sdmf('12312359', 'O'), modem))).toEqual([{ format, time: '12312359', withheld: 'unavailable' }]);
    });

    it(`${format}: MDMF / ETSI call set-up with date-time, number, name`, () => {
      const m = mdmf([
        [0x01, '11231545'],
        [0x02, '13800138000'],
        [0x07, 'ZHANG SAN'],
      ]);
      expect(detect(fskBurst(m, modem))).toEqual([{ format, number: '13800138000', name: 'ZHANG SAN', time: '11231545' }]);
      // Parameters in another order, and the number alone.
      expect(
        detect(
          fskBurst(
            mdmf([
              [0x07, 'Ann'],
              [0x02, '5551234'],
            ]),
            modem,
          ),
        ),
      ).toEqual([{ format, number: '5551234', name: 'Ann' }]);
      expect(detect(fskBurst(mdmf([[0x02, '+4930123456']]), modem))).toEqual([{ format, number: '+4930123456' }]);
    });

    it(`${format}: MDMF reasons for absence (0x04 number, 0x08 name)`, () => {
      expect(
        detect(
          fskBurst(
            mdmf([
              [0x01, '06301200'],
              [0x04, 'P'],
              [0x08, 'P'],
            ]),
            modem,
          ),
        ),
      ).toEqual([{ format, time: '06301200', withheld: 'private', nameWithheld: 'private' }]);
      expect(
        detect(
          fskBurst(
            mdmf([
              [0x04, 'O'],
              [0x08, 'O'],
            ]),
            modem,
          ),
        ),
      ).toEqual([{ format, withheld: 'unavailable', nameWithheld: 'unavailable' }]);
      // A number with the name withheld: the number is shown, the withheld mark is the name's.
      expect(
        detect(
          fskBurst(
            mdmf([
              [0x02, '010'],
              [0x08, 'P'],
            ]),
            modem,
          ),
        ),
      ).toEqual([{ format, number: '010', withheld: 'private', nameWithheld: 'private' }]);
    });

    it(`${format}: ETSI parameters this receiver does not show are skipped`, () => {
      const m = mdmf([
        [0x01, '02281830'],
        [0x02, '0612345678'],
        [0x03, '0201234567'], // called line identity
        [0x11, '\x01'], // call type: voice
        [0x07, 'DUPONT'],
      ]);
      expect(detect(fskBurst(m, modem))).toEqual([{ format, number: '0612345678', name: 'DUPONT', time: '02281830' }]);
    });

    it(`${format}: with and without channel seizure and mark signal`, () => {
      const m = mdmf([
        [0x01, '11231545'],
        [0x02, '13800138000'],
      ]);
      const want = [{ format, number: '13800138000', time: '11231545' }];
      for (const [seizure, mark] of [
        [300, 180],
        [0, 180],
        [300, 80],
        [0, 80],
        [300, 0], // the message straight after the seizure
        [0, 12],
      ] as const) {
        for (const offset of [0, 0.3, 0.7]) {
          expect(detect(fskBurst(m, modem, { seizure, mark, offset })), `seizure ${seizure} mark ${mark} offset ${offset}`).toEqual(want);
        }
      }
    });

    it(`${format}: marks between characters are allowed`, () => {
      const m = sdmf('11231545', '5551234');
      const bits = [...burstBits([], { seizure: 300, mark: 180, trailing: 0 })];
      m.forEach((b, i) => bits.push(...charBits(b), ...Array(i % 3 === 0 ? 7 : 0).fill(1)));
      bits.push(1, 1, 1);
      expect(detect(concat([silence(100), fsk(bits, modem), silence(100)]))).toEqual([{ format, number: '5551234', time: '11231545' }]);
    });

    it(`${format}: two messages in one recording`, () => {
      const x = concat([fskBurst(sdmf('11231545', '111'), modem), silence(2000), fskBurst(sdmf('11231546', '222'), modem)]);
      expect(detect(x).map((h) => h.number)).toEqual(['111', '222']);
    });
  }
});

describe('FSK caller ID: a damaged message yields nothing, never a wrong number', () => {
  const good = mdmf([
    [0x01, '11231545'],
    [0x02, '13800138000'],
    [0x07, 'ZHANG SAN'],
  ]);
  for (const [format, modem] of MODEMS) {
    it(`${format}: every single bit error in the message`, () => {
      const clean = burstBits(good);
      const first = clean.length - 5 - good.length * 10; // the message's first bit
      let shown = 0;
      for (let k = first; k < first + good.length * 10; k++) {
        const bits = clean.slice();
        bits[k] = bits[k]! ^ 1;
        const got = detect(concat([silence(100), fsk(bits, modem), silence(100)]));
        // Nothing, or (a flipped stop bit between characters can read as a
        // mark) the exact message.
        for (const g of got) expect(g).toEqual({ format, number: '13800138000', name: 'ZHANG SAN', time: '11231545' });
        shown += got.length;
      }
      expect(shown).toBeLessThanOrEqual(good.length); // only stop bits can be harmless
    });

    it(`${format}: a wrong checksum, a short or long length, a bad field`, () => {
      const wrongSum = good.slice();
      wrongSum[wrongSum.length - 1] = (wrongSum[wrongSum.length - 1]! + 1) & 0xff;
      expect(detect(fskBurst(wrongSum, modem))).toEqual([]);
      const body = good.slice(2, -1);
      expect(detect(fskBurst(withChecksum([0x80, body.length - 1, ...body.slice(0, -1)]), modem))).toEqual([]); // param overruns
      expect(detect(fskBurst(withChecksum([0x80, body.length + 1, ...body, 0x02]), modem))).toEqual([]);
      expect(detect(fskBurst(mdmf([[0x02, '138A0']]), modem))).toEqual([]); // not a number
      expect(
        detect(
          fskBurst(
            mdmf([
              [0x01, '13231545'],
              [0x02, '1'],
            ]),
            modem,
          ),
        ),
      ).toEqual([]); // month 13
      expect(
        detect(
          fskBurst(
            mdmf([
              [0x02, '1'],
              [0x04, 'P'],
            ]),
            modem,
          ),
        ),
      ).toEqual([]); // both
      expect(detect(fskBurst(sdmf('11231545', 'X'), modem))).toEqual([]);
      expect(detect(fskBurst(withChecksum([0x06, 3, 0x42, 0x42, 0x42]), modem))).toEqual([]); // message waiting: not caller ID
    });

    it(`${format}: a message cut short (carrier lost) yields nothing`, () => {
      const x = fsk(burstBits(good), modem);
      expect(detect(concat([silence(100), x.subarray(0, x.length - 200), silence(500)]))).toEqual([]);
    });
  }
});

describe('the engine generator (round trip through the detector)', () => {
  it('generates every format the detector reads back', () => {
    const info = { number: '13800138000', name: 'ZHANG SAN', time: '11231545' };
    for (const format of ['bell202', 'v23'] as const) {
      expect(detectCallerId(generateCallerId(info, { format })).map((h) => h.number)).toEqual([info.number]);
      expect(
        detectCallerId(generateCallerId({ number: '1', time: '01010000' }, { format, message: 'sdmf', seizureBits: 0 }))[0],
      ).toMatchObject({ format, number: '1' });
    }
    expect(detectCallerId(generateCallerId({ withheld: 'private' }, { format: 'dtmf' }))[0]).toMatchObject({
      format: 'dtmf',
      withheld: 'private',
    });
  });

  it('validates its arguments in TS with messages naming the field', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof CtiError ? `${e.code} ${e.message}` : String(e);
      }
      return 'no error';
    };
    expect(code(() => generateCallerId({ number: '12a' }))).toMatch(/CTI_ERR_BAD_ARGUMENT info.number/);
    expect(code(() => generateCallerId({ time: '1123' }))).toMatch(/info.time: expected MMDDHHMM/);
    expect(code(() => generateCallerId({ number: '1', withheld: 'private' }))).toMatch(/exclude each other/);
    expect(code(() => generateCallerId({ number: '1' }, { format: 'x' as 'v23' }))).toMatch(/options.format/);
    expect(code(() => generateCallerId({ number: '1', name: 'A' }, { message: 'sdmf' }))).toMatch(/SDMF/);
    expect(code(() => detectCallerId([1, 2] as unknown as Int16Array))).toMatch(/samples/);
  });
});
