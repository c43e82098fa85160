// DTMF receiver conformance, after ITU-T Q.24 and the Mitel CM7291 procedures
// that spandsp's dtmf_rx_tests.c follows. Every signal comes from
// test/helpers/ref-signal.ts (plain sines, Gaussian noise, its own G.711), with
// the DTMF frequency table written out again here, so nothing under test
// generates its own input. Limits asserted:
//   all 16 digits; ±1.5 % accepted and ±3.5 % rejected on each of the 8 tones;
//   twist 8 dB high-group-weaker and 4 dB high-group-stronger accepted, 12 / 8 dB
//   rejected; 40 ms tones with 40 ms pauses accepted, <= 20 ms rejected; 35 dB of
//   dynamic range (-3 .. -38 dBm0 per tone); 15 dB S/N; through mu-law and A-law;
//   start and end within 10 ms.
// S/N convention: noise power relative to the power of the tone PAIR (both
// tones together), white Gaussian over 0-4 kHz. That is 3 dB harder than
// spandsp's test 7, which compares the noise with the level of one tone.
import { afterAll, describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { CtiError } from '../../src/native/errors.ts';
import { detectDtmf, detectDtmfBank, generateDtmf, type DtmfDigitHit } from '../../src/native/index.ts';
import { FS, add, awgn, concat, peakOf, rng, silence, throughLaw, toInt16, tones } from '../helpers/ref-signal.ts';

const DIGITS = '123A456B789C*0#D';
const ROWS = [697, 770, 852, 941];
const COLS = [1209, 1336, 1477, 1633];
const FREQS = [...ROWS, ...COLS];
const TIME_TOL_MS = 10;

function pair(d: string): [number, number] {
  const i = DIGITS.indexOf(d);
  if (i < 0) throw new Error(`not a DTMF digit: ${d}`);
  return [ROWS[Math.floor(i / 4)]!, COLS[i % 4]!];
}

interface ToneSpec {
  digit: string;
  ms: number;
  /** Low-group level, dBm0. */
  low?: number;
  /** High-group level, dBm0 (default: same as low). */
  high?: number;
  /** Relative frequency deviation of each tone (0.015 = +1.5 %). */
  devLow?: number;
  devHigh?: number;
  gapMs: number;
}

interface Truth {
  digit: string;
  startMs: number;
  endMs: number;
}

/** A digit sequence with its true tone boundaries; random phases from `seed`. */
function sequence(specs: ToneSpec[], opts: { leadMs?: number; seed?: number } = {}): { x: Float64Array; truth: Truth[] } {
  const r = rng(opts.seed ?? 1);
  const parts: Float64Array[] = [silence(opts.leadMs ?? 30)];
  const truth: Truth[] = [];
  let at = parts[0]!.length;
  for (const s of specs) {
    const [fl, fh] = pair(s.digit);
    const low = s.low ?? -10;
    const high = s.high ?? low;
    const t = tones(
      [
        { freq: fl * (1 + (s.devLow ?? 0)), level: low, phase: 2 * Math.PI * r() },
        { freq: fh * (1 + (s.devHigh ?? 0)), level: high, phase: 2 * Math.PI * r() },
      ],
      s.ms,
    );
    truth.push({ digit: s.digit, startMs: (at * 1000) / FS, endMs: ((at + t.length) * 1000) / FS });
    parts.push(t, silence(s.gapMs));
    at += t.length + Math.round((s.gapMs * FS) / 1000);
  }
  parts.push(silence(60));
  return { x: concat(parts), truth };
}

/** Noise at `snrDb` below the power of one tone pair at levels low/high dBm0. */
function noisy(x: Float64Array, low: number, high: number, snrDb: number, seed: number): Float64Array {
  const pairDbm0 = 10 * Math.log10(10 ** (low / 10) + 10 ** (high / 10));
  return add(x, awgn((x.length * 1000) / FS, pairDbm0 - snrDb, seed));
}

type Line = 'linear' | 'ulaw' | 'alaw';
const LINES: Line[] = ['linear', 'ulaw', 'alaw'];
function line(x: Float64Array, l: Line): Int16Array {
  return toInt16(l === 'linear' ? x : throughLaw(x, l));
}

const digitsOf = (h: DtmfDigitHit[]) => h.map((d) => d.digit).join('');

// Margins found on the way, printed at the end for the report.
const found: string[] = [];
afterAll(() => console.log(`[dtmf]\n  ${found.join('\n  ')}`));

describe('DTMF receiver: digits', () => {
  it.each(LINES)('detects all 16 digits exactly once each, 10 rounds (%s)', (l) => {
    const specs = Array.from({ length: 10 }, () => [...DIGITS].map((digit) => ({ digit, ms: 50, gapMs: 50 }))).flat();
    const { x } = sequence(specs, { seed: 2 });
    expect(digitsOf(detectDtmf(line(x, l)))).toBe(DIGITS.repeat(10));
  });

  it.each(LINES)('counts repeated digits separated by 40 ms pauses (%s)', (l) => {
    // Each digit 1..5 times in a row, 40 ms on, 40 ms off.
    const want = [...DIGITS].map((d, i) => d.repeat(1 + (i % 5))).join('');
    const { x } = sequence(
      [...want].map((digit) => ({ digit, ms: 40, gapMs: 40 })),
      { seed: 3 },
    );
    expect(digitsOf(detectDtmf(line(x, l)))).toBe(want);
  });

  it('follows one digit with another without a pause', () => {
    const { x } = sequence([
      { digit: '1', ms: 60, gapMs: 0 },
      { digit: '9', ms: 60, gapMs: 0 },
      { digit: '#', ms: 60, gapMs: 50 },
    ]);
    expect(digitsOf(detectDtmf(toInt16(x)))).toBe('19#');
  });

  it('bridges a 10 ms drop-out inside a digit (one digit, not two)', () => {
    const { x } = sequence([
      { digit: '5', ms: 60, gapMs: 10 },
      { digit: '5', ms: 60, gapMs: 50 },
    ]);
    expect(digitsOf(detectDtmf(toInt16(x)))).toBe('5');
  });
});

describe('DTMF receiver: frequency deviation (Q.24: accept ±1.5 %, reject ±3.5 %)', () => {
  // Every digit that uses the tone; the other tone of the pair stays nominal.
  function run(f: number, dev: number, l: Line, seed: number): { got: string; want: string } {
    const isLow = ROWS.includes(f);
    const ds = [...DIGITS].filter((d) => pair(d).includes(f));
    const specs = [0, 1, 2].flatMap(() =>
      ds.map((digit) => ({ digit, ms: 50, gapMs: 50, devLow: isLow ? dev : 0, devHigh: isLow ? 0 : dev })),
    );
    return { got: digitsOf(detectDtmf(line(sequence(specs, { seed }).x, l))), want: specs.map((s) => s.digit).join('') };
  }

  it.each(FREQS)('%d Hz: ±1.5 %% detected, ±3.5 %% rejected, linear and both laws', (f) => {
    for (const l of LINES) {
      for (const dev of [-0.015, 0.015]) {
        const { got, want } = run(f, dev, l, f + dev * 1000);
        expect(got, `${f} Hz ${dev * 100} % ${l}`).toBe(want);
      }
      for (const dev of [-0.035, 0.035]) expect(run(f, dev, l, f).got, `${f} Hz ${dev * 100} % ${l}`).toBe('');
    }
  });

  it('acceptance band edges lie between 1.5 % and 3.5 % for every tone', () => {
    const edges: string[] = [];
    for (const f of FREQS) {
      const edge = (sign: number) => {
        let last = 0;
        for (let step = 1; step <= 40; step++) {
          const dev = (sign * step) / 1000;
          const { got, want } = run(f, dev, 'linear', step);
          if (got !== want) break;
          last = step / 10;
        }
        return last;
      };
      const lo = edge(-1);
      const hi = edge(1);
      edges.push(`${f}: -${lo.toFixed(1)}/+${hi.toFixed(1)} %`);
      expect(lo).toBeGreaterThanOrEqual(1.5);
      expect(hi).toBeGreaterThanOrEqual(1.5);
      expect(lo).toBeLessThan(3.5);
      expect(hi).toBeLessThan(3.5);
    }
    found.push(`frequency: every digit still detected up to ${edges.join(', ')}`);
  });
});

describe('DTMF receiver: twist (8 dB high group weaker, 4 dB stronger)', () => {
  // As spandsp's test 4: the stronger tone at -3 dBm0, the other attenuated.
  function twisted(twistDb: number, seed: number, l: Line = 'linear'): { got: string; want: string } {
    const specs = [0, 1].flatMap(() =>
      [...DIGITS].map((digit) => ({
        digit,
        ms: 50,
        gapMs: 50,
        low: twistDb < 0 ? -3 : -3 - twistDb,
        high: twistDb < 0 ? -3 + twistDb : -3,
      })),
    );
    return { got: digitsOf(detectDtmf(line(sequence(specs, { seed }).x, l))), want: specs.map((s) => s.digit).join('') };
  }

  it.each(LINES)('accepts 8 dB normal and 4 dB reverse twist on all 16 digits (%s)', (l) => {
    for (const tw of [-8, 4]) {
      const { got, want } = twisted(tw, 10 + tw, l);
      expect(got, `twist ${tw} dB`).toBe(want);
    }
  });

  it('rejects 12 dB normal and 8 dB reverse twist', () => {
    expect(twisted(-12, 5).got).toBe('');
    expect(twisted(8, 6).got).toBe('');
  });

  it('measured acceptance limits (0.1 dB steps) sit between the standard and the rejection cases', () => {
    let normal = 0;
    let reverse = 0;
    const ok = (tw: number, seed: number) => {
      const { got, want } = twisted(tw, seed);
      return got === want;
    };
    for (let t = 80; t <= 120 && ok(-t / 10, t); t++) normal = t / 10;
    for (let t = 40; t <= 80 && ok(t / 10, t); t++) reverse = t / 10;
    found.push(`twist: all 16 digits detected up to ${normal.toFixed(1)} dB normal, ${reverse.toFixed(1)} dB reverse`);
    expect(normal).toBeGreaterThanOrEqual(8);
    expect(normal).toBeLessThan(12);
    expect(reverse).toBeGreaterThanOrEqual(4);
    expect(reverse).toBeLessThan(8);
  });
});

describe('DTMF receiver: durations (accept >= 40 ms with 40 ms pauses, reject <= 20 ms)', () => {
  it.each(LINES)('every 40 ms digit with 40 ms pauses is detected, at any alignment (%s)', (l) => {
    // The lead-in varies by 1/8 ms steps across the receiver's 53-sample blocks.
    for (let k = 0; k < 8; k++) {
      const specs = [...DIGITS, ...DIGITS].map((digit) => ({ digit, ms: 40, gapMs: 40 }));
      const { x } = sequence(specs, { leadMs: 20 + k * 0.875, seed: 20 + k });
      expect(digitsOf(detectDtmf(line(x, l))), `lead ${k}`).toBe(DIGITS + DIGITS);
    }
  });

  it('no digit from tones of 10 to 20 ms, at any alignment and level', () => {
    let hits = 0;
    for (let ms = 10; ms <= 20; ms++) {
      for (const level of [-3, -20]) {
        for (let k = 0; k < 4; k++) {
          const specs = [...DIGITS].map((digit) => ({ digit, ms, gapMs: 60, low: level }));
          hits += detectDtmf(toInt16(sequence(specs, { leadMs: 20 + k * 1.6, seed: ms * 10 + k }).x)).length;
        }
      }
    }
    expect(hits).toBe(0);
  });

  it('shortest accepted tone lies between 20 and 40 ms', () => {
    const rate = (ms: number) => {
      let ok = 0;
      for (let k = 0; k < 4; k++) {
        const specs = [...DIGITS].map((digit) => ({ digit, ms, gapMs: 60 }));
        ok += detectDtmf(toInt16(sequence(specs, { leadMs: 20 + k * 1.6, seed: ms + k }).x)).length;
      }
      return ok / 64;
    };
    let always = 40;
    for (let ms = 40; ms >= 21 && rate(ms) === 1; ms--) always = ms;
    let never = 20;
    for (let ms = 20; ms <= 39 && rate(ms) === 0; ms++) never = ms;
    found.push(`duration: always detected from ${always} ms, never up to ${never} ms`);
    expect(never).toBeGreaterThanOrEqual(20);
    expect(always).toBeLessThanOrEqual(40);
  });
});

describe('DTMF receiver: dynamic range (>= 35 dB, down to about -30 dBm0 per tone)', () => {
  it.each(LINES)('every digit from -3 to -38 dBm0 per tone in 1 dB steps (%s)', (l) => {
    const specs = [];
    for (let level = -3; level >= -38; level--) for (const digit of DIGITS) specs.push({ digit, ms: 50, gapMs: 50, low: level });
    const { x } = sequence(specs, { seed: 40 });
    expect(digitsOf(detectDtmf(line(x, l)))).toBe(specs.map((s) => s.digit).join(''));
  });

  it('rejects tones below the minimum level (-45 and -55 dBm0 per tone), and honours minLevelDbm0', () => {
    for (const level of [-45, -55]) {
      const specs = [...DIGITS].map((digit) => ({ digit, ms: 60, gapMs: 60, low: level }));
      expect(detectDtmf(toInt16(sequence(specs, { seed: 41 }).x))).toEqual([]);
    }
    const specs = [...DIGITS].map((digit) => ({ digit, ms: 60, gapMs: 60, low: -30 }));
    const x = toInt16(sequence(specs, { seed: 42 }).x);
    expect(detectDtmf(x)).toHaveLength(16);
    expect(detectDtmf(x, { minLevelDbm0: -25 })).toEqual([]);
  });
});

describe('DTMF receiver: noise (15 dB S/N, noise vs the tone pair power)', () => {
  // 1000 digits as in Mitel's test 7, 50 ms on / 50 ms off.
  it.each([
    ['linear', -4],
    ['ulaw', -4],
    ['alaw', -4],
    ['linear', -20],
  ] as [Line, number][])('1000 digits at 15 dB S/N: all detected, none wrong (%s, %d dBm0 per tone)', (l, level) => {
    const specs = Array.from({ length: 1000 }, (_, i) => ({ digit: DIGITS[i % 16]!, ms: 50, gapMs: 50, low: level }));
    const { x } = sequence(specs, { seed: 50 });
    const got = digitsOf(detectDtmf(line(noisy(x, level, level, 15, 51), l)));
    expect(got).toBe(specs.map((s) => s.digit).join(''));
  });

  it('noise alone (white, -20 dBm0) gives no digit', () => {
    expect(detectDtmf(toInt16(awgn(60_000, -20, 52)))).toEqual([]);
  });
});

describe('DTMF receiver: timing', () => {
  it('start and end of every digit within 10 ms, at random offsets, lengths, levels and with noise', () => {
    const r = rng(60);
    const specs: ToneSpec[] = [];
    for (let i = 0; i < 400; i++) {
      const level = -5 - 25 * r();
      specs.push({
        digit: DIGITS[Math.floor(r() * 16)]!,
        ms: 40 + 110 * r(),
        gapMs: 40 + 200 * r(),
        low: level,
        high: level - 4 + 6 * r(),
      });
    }
    const { x, truth } = sequence(specs, { leadMs: 7.3, seed: 61 });
    let worst = 0;
    let worstLatency = 0;
    for (const l of LINES) {
      const hits = detectDtmf(line(add(x, awgn((x.length * 1000) / FS, -45, 62)), l));
      expect(digitsOf(hits)).toBe(truth.map((t) => t.digit).join(''));
      hits.forEach((h, i) => {
        const t = truth[i]!;
        worst = Math.max(worst, Math.abs(h.startMs - t.startMs), Math.abs(h.endMs - t.endMs));
        worstLatency = Math.max(worstLatency, h.reportedMs - t.startMs);
        expect(Math.abs(h.startMs - t.startMs), `digit ${i} start`).toBeLessThanOrEqual(TIME_TOL_MS);
        expect(Math.abs(h.endMs - t.endMs), `digit ${i} end`).toBeLessThanOrEqual(TIME_TOL_MS);
      });
    }
    found.push(
      `timing: worst start/end error ${worst.toFixed(1)} ms (limit ${TIME_TOL_MS}); start reported at most ${worstLatency.toFixed(1)} ms after the tone began`,
    );
    // The start is reported as soon as the digit is recognised, not at its end.
    expect(worstLatency).toBeLessThanOrEqual(40);
  });
});

describe('DTMF receiver: bank and instruction sets', () => {
  function sixteenChannels(): Int16Array[] {
    return Array.from({ length: 16 }, (_, ch) => {
      const r = rng(100 + ch);
      const specs: ToneSpec[] = Array.from({ length: 12 }, () => ({
        digit: DIGITS[Math.floor(r() * 16)]!,
        ms: 40 + 60 * r(),
        gapMs: 40 + 100 * r(),
        low: -3 - 27 * r(),
        devLow: (r() - 0.5) * 0.03,
        devHigh: (r() - 0.5) * 0.03,
      }));
      const { x } = sequence(specs, { leadMs: 5 + 50 * r(), seed: 200 + ch });
      return line(add(x, awgn((x.length * 1000) / FS, -60 + ch, 300 + ch)), LINES[ch % 3]!);
    });
  }

  it('16 lanes with different signals give exactly the results of 16 single-channel runs', () => {
    const chans = sixteenChannels();
    const bank = detectDtmfBank(chans);
    expect(bank).toHaveLength(16);
    chans.forEach((c, i) => {
      expect(bank[i]!.length, `lane ${i}`).toBe(12); // every digit, all within the limits
      expect(bank[i], `lane ${i}`).toEqual(detectDtmf(c));
    });
    // A shorter bank (fewer channels than lanes, other lanes silent) agrees too.
    expect(detectDtmfBank(chans.slice(5, 8))).toEqual(chans.slice(5, 8).map((c) => detectDtmf(c)));
  });

  it('the frame size a board delivers (1 to 1000 samples per call) does not change the answers', () => {
    const chans = sixteenChannels().slice(0, 4);
    const ref = detectDtmfBank(chans);
    for (const frameSamples of [1, 7, 53, 160, 1000]) {
      const got = detectDtmfBank(chans, { frameSamples });
      got.forEach((lane, i) => {
        const strip = (h: DtmfDigitHit[]) => h.map(({ digit, startMs, endMs }) => ({ digit, startMs, endMs }));
        expect(strip(lane), `frame ${frameSamples} lane ${i}`).toEqual(strip(ref[i]!));
        // Reported at the end of the frame in which the digit was recognised.
        lane.forEach((h, j) => {
          expect(h.reportedMs).toBeGreaterThanOrEqual(ref[i]![j]!.reportedMs - 7);
          expect(h.reportedMs).toBeLessThanOrEqual(ref[i]![j]!.reportedMs + frameSamples / 8 + 1);
        });
      });
    }
  });

  it('every instruction set the CPU has gives the same digits and times', () => {
    const chans = sixteenChannels();
    const isas = addon.supportedIsas();
    const before = addon.activeIsa();
    const results = isas.map((isa) => {
      expect(addon.forceIsa(isa)).toBe(true);
      return detectDtmfBank(chans);
    });
    addon.forceIsa(before);
    found.push(`instruction sets compared: ${isas.join(', ')}`);
    for (let k = 1; k < results.length; k++) {
      results[k]!.forEach((lane, i) => {
        const ref = results[0]![i]!;
        expect(digitsOf(lane), `${isas[k]} lane ${i}`).toBe(digitsOf(ref));
        lane.forEach((h, j) => {
          expect(Math.abs(h.startMs - ref[j]!.startMs)).toBeLessThanOrEqual(1);
          expect(Math.abs(h.endMs - ref[j]!.endMs)).toBeLessThanOrEqual(1);
        });
      });
    }
  });
});

describe('DTMF transmitter helper and argument checks', () => {
  it('generateDtmf: right tones, level and timing, as measured independently', () => {
    const pcm = generateDtmf('19#,D', { onMs: 60, offMs: 40, pauseMs: 200, levelDbm0: -12, twistDb: 2 });
    expect(pcm.length).toBe((4 * 100 + 200) * 8);
    // Correlate the first digit ('1': 697 + 1209 Hz) with reference sines.
    const amp = (f: number, from: number, n: number) => {
      let re = 0;
      let im = 0;
      for (let i = 0; i < n; i++) {
        re += pcm[from + i]! * Math.cos((2 * Math.PI * f * i) / FS);
        im += pcm[from + i]! * Math.sin((2 * Math.PI * f * i) / FS);
      }
      return (2 * Math.hypot(re, im)) / n;
    };
    const db = (a: number, dbm0: number) => 20 * Math.log10(a / peakOf(dbm0));
    expect(Math.abs(db(amp(697, 0, 480), -12))).toBeLessThan(0.3);
    expect(Math.abs(db(amp(1209, 0, 480), -10))).toBeLessThan(0.3);
    const hits = detectDtmf(pcm);
    expect(digitsOf(hits)).toBe('19#D');
    [0, 100, 200, 500].forEach((t, i) => expect(Math.abs(hits[i]!.startMs - t)).toBeLessThanOrEqual(TIME_TOL_MS));
    [60, 160, 260, 560].forEach((t, i) => expect(Math.abs(hits[i]!.endMs - t)).toBeLessThanOrEqual(TIME_TOL_MS));
  });

  it('rejects bad arguments with CTI_ERR_BAD_ARGUMENT', () => {
    const bad = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(CtiError);
        expect((e as CtiError).code).toBe('CTI_ERR_BAD_ARGUMENT');
        return;
      }
      throw new Error('no error thrown');
    };
    bad(() => detectDtmf(new Float32Array(8) as unknown as Int16Array));
    bad(() => detectDtmf(new Int16Array(8), { minLevelDbm0: 5 }));
    bad(() => detectDtmf(new Int16Array(8), { twist: 3 } as never));
    bad(() => detectDtmfBank(Array.from({ length: 17 }, () => new Int16Array(8))));
    bad(() => generateDtmf('12x'));
    bad(() => generateDtmf('1', { onMs: 0 }));
    bad(() => detectDtmf(new Int16Array(8), { frameSamples: 1.5 }));
    // The native layer guards on its own too (STYLE.md #5).
    bad(() => addon.detectDtmf(new Int16Array(8), { freqTolerancePct: 9 }));
    bad(() => addon.generateDtmf('E', {}));
  });
});
