// The WAV writer: correct headers for 16-bit PCM, mu-law and A-law at 8 kHz,
// exact round trips, and errors as CTI_ERR_FILE_IO.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWav, writeWav, type WavWriteFormat } from '../../src/native/index.ts';
import { aLawDecode, aLawEncode, muLawDecode, muLawEncode, tones, toInt16 } from '../helpers/ref-signal.ts';
import { parseHeader } from '../helpers/wav-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'bcti-wav-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const x = toInt16(
  tones(
    [
      { freq: 1000, level: -10 },
      { freq: 440, level: -20 },
    ],
    1234,
  ),
);

describe.each([
  ['pcm16', 1, 2, 44],
  ['ulaw', 7, 1, 58],
  ['alaw', 6, 1, 58],
] as const)('%s', (format: WavWriteFormat, tag, bps, headerLen) => {
  const path = join(dir, `${format}.wav`);
  writeWav(path, x, format);
  const bytes = readFileSync(path);
  const h = parseHeader(bytes);

  it('has a header any reader agrees with', () => {
    expect(h).toMatchObject({ formatTag: tag, channels: 1, rate: 8000, byteRate: 8000 * bps, blockAlign: bps, bits: 8 * bps });
    expect(h.dataOffset).toBe(headerLen);
    expect(h.dataSize).toBe(x.length * bps);
    const padded = h.dataSize & 1;
    expect(bytes.length).toBe(headerLen + h.dataSize + padded);
    expect(h.riffSize).toBe(bytes.length - 8);
    if (format === 'pcm16') expect(h.chunkIds).toEqual(['fmt ', 'data']);
    else {
      expect(h.chunkIds).toEqual(['fmt ', 'fact', 'data']);
      expect(h.factFrames).toBe(x.length);
    }
  });

  it('reads back exactly (through the codec for G.711)', () => {
    const expected = Array.from(x, (v) =>
      format === 'pcm16' ? v : format === 'ulaw' ? muLawDecode(muLawEncode(v)) : aLawDecode(aLawEncode(v)),
    );
    expect(Array.from(readWav(path).samples)).toEqual(expected);
  });

  it('data bytes are the standard codes', () => {
    for (let i = 0; i < 50; i++) {
      const v = x[i]!;
      if (format === 'pcm16') expect(bytes.readInt16LE(headerLen + 2 * i)).toBe(v);
      else expect(bytes[headerLen + i]).toBe(format === 'ulaw' ? muLawEncode(v) : aLawEncode(v));
    }
  });
});

describe('edge cases and errors', () => {
  it('an empty recording is a valid 0-sample file', () => {
    const p = join(dir, 'empty.wav');
    writeWav(p, new Int16Array(0));
    expect(statSync(p).size).toBe(44);
    expect(readWav(p).samples.length).toBe(0);
  });

  it('rewrites an existing file', () => {
    const p = join(dir, 'again.wav');
    writeWav(p, x);
    writeWav(p, x.subarray(0, 100), 'alaw');
    expect(readWav(p)).toMatchObject({ format: 'alaw', durationMs: 12.5 });
  });

  it('a directory that does not exist is CTI_ERR_FILE_IO naming the path', () => {
    const p = join(dir, 'no', 'such', 'dir.wav');
    expect(() => writeWav(p, x)).toThrow(expect.objectContaining({ code: 'CTI_ERR_FILE_IO', message: expect.stringContaining(p) }));
  });

  it('a bad format is CTI_ERR_BAD_ARGUMENT', () => {
    expect(() => writeWav(join(dir, 'f.wav'), x, 'mp3' as WavWriteFormat)).toThrow(
      expect.objectContaining({ code: 'CTI_ERR_BAD_ARGUMENT' }),
    );
  });

  it('writing to a full disk is CTI_ERR_FILE_IO, not a crash', () => {
    // /dev/full accepts open() and fails every write with ENOSPC.
    try {
      statSync('/dev/full');
    } catch {
      return;
    }
    expect(() => writeWav('/dev/full', x)).toThrow(
      expect.objectContaining({ code: 'CTI_ERR_FILE_IO', message: expect.stringMatching(/No space left/) }),
    );
  });
});
