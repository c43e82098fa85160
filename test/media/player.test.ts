// The Player: buffers (once, looped, resumed, stopped), gain, tone descriptors,
// DTMF digit scripts, and files streamed by the reader thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testAddon } from '../helpers/test-addon.ts';
import { readWav } from '../../src/native/index.ts';
import { peakOf, tones, toInt16, wavBytes } from '../helpers/ref-signal.ts';
import { makeWav, sineAt } from '../helpers/wav-fixtures.ts';
import { levelDbm0, maxAbsDiff, toneDbm0 } from './analysis.ts';

const dir = mkdtempSync(join(tmpdir(), 'bcti-player-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const render = testAddon.mediaPlayerRender.bind(testAddon);
const ramp = Int16Array.from({ length: 1000 }, (_, i) => i * 7 - 3500);

describe('buffers', () => {
  it('plays a buffer once and finishes', () => {
    const r = render({ buffer: ramp }, 5000);
    expect(Array.from(r.samples)).toEqual(Array.from(ramp));
    expect(r).toMatchObject({ played: 1000, position: 1000, length: 1000, active: false });
  });

  it('loops until stopped, reporting its position inside the buffer', () => {
    const r = render({ buffer: ramp, loop: true }, 3500);
    expect(r.samples.length).toBe(3500);
    for (let i = 0; i < 3500; i++) if (r.samples[i] !== ramp[i % 1000]) throw new Error(`sample ${i}`);
    expect(r).toMatchObject({ played: 3500, position: 500, length: -1, active: true });
  });

  it('resumes from startSample and stops where it was told', () => {
    const r = render({ buffer: ramp, startSample: 400, stopAtSample: 320 }, 5000);
    expect(Array.from(r.samples)).toEqual(Array.from(ramp.subarray(400, 720)));
    expect(r).toMatchObject({ position: 720, played: 320, active: false });
  });

  it('applies gain with saturation', () => {
    const x = toInt16(tones([{ freq: 1000, level: -10 }], 100));
    const half = render({ buffer: x, gainDb: -6.0206 }, 800).samples;
    expect(
      maxAbsDiff(
        half,
        Float64Array.from(x, (v) => v / 2),
      ),
    ).toBeLessThanOrEqual(1);
    const loud = render({ buffer: x, gainDb: 20 }, 800).samples;
    expect(Math.max(...loud)).toBe(32767);
    expect(Math.min(...loud)).toBe(-32768);
  });

  it('an empty buffer finishes at once', () => {
    expect(render({ buffer: new Int16Array(0) }, 160)).toMatchObject({ played: 0, active: false });
  });
});

describe('tones and digit scripts', () => {
  it('plays a cadenced tone descriptor for its length', () => {
    const tone = { segments: [{ tones: [{ freq: 425, level: -10 }], ms: 250 }, { ms: 250 }], repeat: 3 };
    const r = render({ tone }, 20_000);
    expect(r.length).toBe(12_000);
    expect(r.samples.length).toBe(12_000);
    expect(toneDbm0(r.samples, 425, 8000, 0, 2000)).toBeCloseTo(-10, 1);
    expect(levelDbm0(r.samples, 2000, 2000)).toBeLessThan(-100);
  });

  it('loop repeats a finite tone until stopped', () => {
    const tone = { segments: [{ tones: [{ freq: 1000, level: -10 }], ms: 100 }] };
    const r = render({ tone, loop: true }, 4000);
    expect(r).toMatchObject({ active: true, played: 4000, length: -1 });
  });

  it('a digit script plays each digit at its frequencies, with pauses for commas', () => {
    const r = render({ digits: '1,#', digitOptions: { onMs: 100, offMs: 50, pauseMs: 300, level: -8 } }, 20_000);
    // 1: 100 on + 50 off; pause 300; #: 100 on + 50 off
    expect(r.samples.length).toBe((150 + 300 + 150) * 8);
    const at = (ms: number) => (ms * 8) | 0;
    expect(toneDbm0(r.samples, 697, 8000, at(0), 800)).toBeCloseTo(-8, 0);
    expect(toneDbm0(r.samples, 1209, 8000, at(0), 800)).toBeCloseTo(-8, 0);
    expect(levelDbm0(r.samples, at(100), at(350))).toBeLessThan(-100);
    expect(toneDbm0(r.samples, 941, 8000, at(450), 800)).toBeCloseTo(-8, 0);
    expect(toneDbm0(r.samples, 1477, 8000, at(450), 800)).toBeCloseTo(-8, 0);
    expect(toneDbm0(r.samples, 697, 8000, at(450), 800)).toBeLessThan(-40);
  });

  it('a script with something that is not a digit is refused, naming it', () => {
    expect(() => render({ digits: '12x4' }, 100)).toThrow(
      expect.objectContaining({ code: 'CTI_ERR_BAD_ARGUMENT', message: expect.stringMatching(/'x' at position 2/) }),
    );
  });
});

describe('files streamed by the reader thread', () => {
  const peak = peakOf(-10);
  const file48k = join(dir, 'moh-48k.wav');
  writeFileSync(file48k, makeWav(sineAt(48000, 440, peak, 1500), { format: 'pcm16', rate: 48000, channels: 1 }));

  it('streams a 48 kHz file exactly as readWav decodes it', () => {
    const whole = readWav(file48k).samples;
    const r = render({ file: file48k, speed: 50 }, 20_000);
    expect(r.error).toBeNull();
    expect(r.length).toBe(12_000);
    expect(r.active).toBe(false);
    // Leading silence while the reader opens the file is allowed; then the exact samples.
    const lead = r.samples.length - whole.length;
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(lead % 160).toBe(0);
    expect(Array.from(r.samples.subarray(lead))).toEqual(Array.from(whole));
    expect(r.underrunSamples).toBe(0);
  });

  it('loops music on hold', () => {
    const moh = join(dir, 'moh.wav');
    writeFileSync(moh, wavBytes(ramp, { format: 'pcm16' }));
    const r = render({ file: moh, loop: true, speed: 50 }, 8000);
    expect(r.active).toBe(true);
    const s = r.samples;
    const first = s.findIndex((v) => v !== 0);
    expect(first).toBeGreaterThanOrEqual(0);
    for (let i = first; i < s.length; i++) if (s[i] !== ramp[(i - first) % 1000]) throw new Error(`sample ${i}`);
  });

  it('a missing or broken file ends the play with the reason', () => {
    const r = render({ file: join(dir, 'none.wav') }, 8000);
    expect(r.active).toBe(false);
    expect(r.error).toMatch(/none\.wav/);
    const bad = join(dir, 'bad.wav');
    writeFileSync(bad, 'not a wav');
    expect(render({ file: bad }, 8000).error).toMatch(/not a WAV file/);
  });
});
