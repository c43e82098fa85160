// A process killed mid-recording (SIGKILL: no destructor, no close) leaves a WAV
// file whose header is right and whose audio plays.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { tempDir } from './helpers.ts';

describe('recording crash safety', () => {
  it('leaves a playable file with a correct header when the process is killed', async () => {
    const path = join(tempDir(), 'killed.wav');
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fixtures/record-child.ts', import.meta.url).pathname, path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('recording') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 2300));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const bytes = readFileSync(path);
    const size = statSync(path).size;
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
    // Find the data chunk and check the sizes the header claims.
    let off = 12;
    let dataOff = -1;
    let dataLen = 0;
    while (off + 8 <= size) {
      const id = bytes.toString('ascii', off, off + 4);
      const len = bytes.readUInt32LE(off + 4);
      if (id === 'data') {
        dataOff = off + 8;
        dataLen = len;
        break;
      }
      off += 8 + len + (len & 1);
    }
    expect(dataOff).toBeGreaterThan(0);
    expect(bytes.readUInt32LE(4)).toBe(dataOff - 8 + dataLen); // RIFF size agrees with data size
    expect(dataOff + dataLen).toBeLessThanOrEqual(size); // never claims bytes that are not there
    // At most one header interval (0.5 s) of audio after the last header update.
    expect(size - (dataOff + dataLen)).toBeLessThanOrEqual(8000 * 2 * 0.6);
    expect(dataLen).toBeGreaterThanOrEqual(8000 * 2 * 1.2); // about 2 s were recorded

    const wav = addon.readWav(path);
    expect(wav.samples.length).toBeGreaterThanOrEqual(8000 * 1.2);
    // It holds the tone: mean power near -10 dBm0 (22656 peak reference).
    let p = 0;
    for (let i = 800; i < 8800; i++) p += wav.samples[i]! ** 2;
    const dbm0 = 10 * Math.log10(p / 8000 / ((22656 * 22656) / 2));
    expect(Math.abs(dbm0 - -10)).toBeLessThan(0.7);
  });
});
