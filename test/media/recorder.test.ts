// The Recorder, fed 20 ms frames by a simulated media thread, writing through
// the real DiskWriter thread: every stop reason, the beep, trimming, errors, and
// a file that is complete on disk when the completion arrives.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testAddon, type RecordSimOptions } from '../helpers/test-addon.ts';
import { readWav } from '../../src/native/index.ts';
import { concat, muLawDecode, muLawEncode, silence, tones, toInt16 } from '../helpers/ref-signal.ts';
import { parseHeader } from '../helpers/wav-fixtures.ts';
import { toneDbm0 } from './analysis.ts';

const dir = mkdtempSync(join(tmpdir(), 'bcti-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
const path = (name: string) => join(dir, `${++seq}-${name}.wav`);

const speech = (ms: number) =>
  tones(
    [
      { freq: 700, level: -15 },
      { freq: 1300, level: -20 },
    ],
    ms,
  );
const record = (p: string, input: Float64Array | Int16Array, o: RecordSimOptions = {}) =>
  testAddon.mediaRecordSim(p, input instanceof Int16Array ? input : toInt16(input), o);

/** The file on disk agrees with itself and with the result. */
function checkFile(p: string, samples: number, bps = 2) {
  const bytes = readFileSync(p);
  const h = parseHeader(bytes);
  expect(h.dataSize).toBe(samples * bps);
  expect(bytes.length).toBe(h.dataOffset + h.dataSize + (h.dataSize & 1));
  expect(h.riffSize).toBe(bytes.length - 8);
  return readWav(p).samples;
}

describe('stop reasons', () => {
  it('max-length: the file holds exactly max_length_ms', async () => {
    const p = path('maxlen');
    const input = toInt16(speech(5000));
    const r = await record(p, input, { maxLengthMs: 2010 });
    expect(r).toMatchObject({
      reason: 'max-length',
      samples: 16080,
      durationMs: 2010,
      droppedSamples: 0,
      speech: true,
      digit: null,
      error: '',
    });
    expect(Array.from(checkFile(p, 16080))).toEqual(Array.from(input.subarray(0, 16080)));
  });

  it('max-silence after speech: ends max_silence_ms after the last loud frame', async () => {
    const p = path('maxsil');
    const r = await record(p, concat([speech(1000), silence(5000)]), { maxSilenceMs: 2000 });
    expect(r.reason).toBe('max-silence');
    expect(r.speech).toBe(true);
    expect(r.samples).toBe(8000 + 16000);
    checkFile(p, r.samples);
  });

  it('max-silence with trimSilence keeps 300 ms of the trailing silence', async () => {
    const p = path('trim');
    const r = await record(p, concat([speech(1000), silence(5000)]), { maxSilenceMs: 2000, trimSilence: true });
    expect(r).toMatchObject({ reason: 'max-silence', samples: 8000 + 2400 });
    checkFile(p, 10400);
  });

  it('initial silence has its own limit, and quiet noise below the threshold counts as silence', async () => {
    const p = path('initial');
    const hiss = tones([{ freq: 2000, level: -50 }], 8000);
    const r = await record(p, hiss, { maxSilenceMs: 1000, maxInitialSilenceMs: 3000, silenceThresholdDbm0: -42 });
    expect(r).toMatchObject({ reason: 'max-silence', samples: 24000, speech: false });
  });

  it('speech resets the silence count', async () => {
    const p = path('resets');
    const input = concat([speech(500), silence(1500), speech(500), silence(1500), speech(500), silence(4000)]);
    const r = await record(p, input, { maxSilenceMs: 2000, speed: 20 });
    expect(r.reason).toBe('max-silence');
    expect(r.samples).toBe((500 + 1500 + 500 + 1500 + 500 + 2000) * 8);
  });

  it('digit: a stop digit ends it, other digits do not; digitTrimMs cuts the tone off', async () => {
    const p = path('digit');
    const r = await record(p, speech(4000), {
      stopDigits: '#*',
      digitTrimMs: 100,
      digits: [
        { atMs: 1000, digit: '5' },
        { atMs: 2000, digit: '#' },
      ],
    });
    expect(r).toMatchObject({ reason: 'digit', digit: '#', samples: 16000 - 800 });
    checkFile(p, 15200);
  });

  it('digits A-D match case-insensitively', async () => {
    const r = await record(path('digit-a'), speech(2000), { stopDigits: 'a', digits: [{ atMs: 500, digit: 'A' }] });
    expect(r).toMatchObject({ reason: 'digit', digit: 'A', samples: 4000 });
  });

  it('stopped: stop() keeps what was recorded until then', async () => {
    const p = path('stopped');
    const input = toInt16(speech(3000));
    const r = await record(p, input, { stopAtMs: 1000 });
    expect(r).toMatchObject({ reason: 'stopped', samples: 8000 });
    expect(Array.from(checkFile(p, 8000))).toEqual(Array.from(input.subarray(0, 8000)));
  });

  it('the end of the input (the engine stopping it) is "stopped" too', async () => {
    const r = await record(path('end'), speech(700));
    expect(r).toMatchObject({ reason: 'stopped', samples: 5600 });
  });

  it('shutting the disk writer down finishes the recording ("stopped") with a complete file', async () => {
    const p = path('shutdown');
    const input = toInt16(speech(3000));
    const r = await record(p, input, { stopWriterAtMs: 1500 });
    expect(r).toMatchObject({ reason: 'stopped', samples: 12000 });
    expect(Array.from(checkFile(p, 12000))).toEqual(Array.from(input.subarray(0, 12000)));
  });

  it('error: a file that cannot be created is reported, not thrown or crashed', async () => {
    const p = join(dir, 'missing-dir', 'x.wav');
    const r = await record(p, speech(1000));
    expect(r.reason).toBe('error');
    expect(r.error).toContain(p);
    expect(r.samples).toBe(0);
  });
});

describe('beep', () => {
  it('plays the beep first and records only after it', async () => {
    const p = path('beep');
    const input = toInt16(speech(2000));
    const r = await record(p, input, { beep: { segments: [{ tones: [{ freq: 1000, level: -10 }], ms: 400 }] } });
    expect(r.beepSamples).toBe(3200);
    expect(r.samples).toBe(16000 - 3200);
    expect(Array.from(checkFile(p, r.samples))).toEqual(Array.from(input.subarray(3200)));
  });

  it('an endless beep is refused', async () => {
    await expect(record(path('endless'), speech(100), { beep: { segments: [{ tones: [{ freq: 1000 }], ms: 0 }] } })).rejects.toMatchObject({
      code: 'CTI_ERR_BAD_ARGUMENT',
    });
  });
});

describe('formats and the writer thread', () => {
  it.each(['ulaw', 'alaw'] as const)('%s recordings decode to the G.711 round trip', async (format) => {
    const p = path(format);
    const input = toInt16(speech(1500));
    const r = await record(p, input, { format });
    expect(r.samples).toBe(12000);
    const got = checkFile(p, 12000, 1);
    if (format === 'ulaw') expect(Array.from(got)).toEqual(Array.from(input, (v) => muLawDecode(muLawEncode(v))));
    expect(toneDbm0(got, 700)).toBeCloseTo(-15, 0);
  });

  it('a real-time-paced minute at 30x speed loses nothing', async () => {
    const p = path('paced');
    const input = toInt16(speech(1000));
    const r = await record(p, input, { loopInput: true, durationMs: 60_000, speed: 30 });
    expect(r).toMatchObject({ reason: 'stopped', samples: 480_000, droppedSamples: 0 });
    const got = checkFile(p, 480_000);
    for (const at of [0, 123_456, 479_000]) expect(got[at]).toBe(input[at % 8000]);
  });

  it('a writer that falls behind costs dropped samples, counted, never a blocked media thread', async () => {
    const p = path('overrun');
    // 60 s pushed as fast as possible into a 4 s ring.
    const r = await record(p, toInt16(speech(1000)), { loopInput: true, durationMs: 60_000, speed: 0 });
    expect(r.fedSamples).toBe(480_000);
    expect(r.droppedSamples).toBeGreaterThan(0);
    expect(r.samples + r.droppedSamples).toBe(480_000);
    checkFile(p, r.samples);
  });

  it('many recordings at once share the writer thread', async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => record(path(`many-${i}`), speech(3000), { maxLengthMs: 1000 + 40 * i, speed: 10 })),
    );
    results.forEach((r, i) => expect(r).toMatchObject({ reason: 'max-length', samples: (1000 + 40 * i) * 8, droppedSamples: 0 }));
  });
});
