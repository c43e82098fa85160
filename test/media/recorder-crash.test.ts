// Crash safety: a process killed with SIGKILL in the middle of a recording
// leaves a WAV file whose header matches the data on disk (to within one
// header-update interval) and that plays the recorded tone.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readWav } from '../../src/native/index.ts';
import { muLawDecode, muLawEncode } from '../helpers/ref-signal.ts';
import { parseHeader } from '../helpers/wav-fixtures.ts';
import { toneDbm0 } from './analysis.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const child = join(here, 'fixtures', 'record-child.ts');
const dir = mkdtempSync(join(tmpdir(), 'bcti-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INTERVAL = 4000; // samples: headerIntervalMs 500 in the child

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(cond: () => boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Starts the child, waits until `bytes` of audio are on disk, SIGKILLs it. */
async function recordAndKill(path: string, format: 'pcm16' | 'ulaw', speed: number, audioBytes: number) {
  const p: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child, path, format, String(speed)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  p.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<NodeJS.Signals | null>((r) => p.on('exit', (_c, sig) => r(sig)));
  try {
    await waitFor(() => existsSync(path) && statSync(path).size >= 58 + audioBytes, 30_000, `audio in ${path} (${err})`);
  } finally {
    p.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
}

function expected(i: number, format: 'pcm16' | 'ulaw'): number {
  const v = Math.round(7164.4 * Math.sin((2 * Math.PI * 1000 * (i % 8000)) / 8000));
  return format === 'pcm16' ? v : muLawDecode(muLawEncode(v));
}

function checkSurvivor(path: string, format: 'pcm16' | 'ulaw') {
  const bps = format === 'pcm16' ? 2 : 1;
  const bytes = readFileSync(path);
  const h = parseHeader(bytes);
  const present = bytes.length - h.dataOffset;
  // The header never claims bytes that are not there, and lags by at most one interval.
  expect(h.dataSize).toBeLessThanOrEqual(present);
  expect(present - h.dataSize).toBeLessThanOrEqual(INTERVAL * bps);
  expect(h.dataSize % (INTERVAL * bps)).toBe(0); // it was last written at an interval boundary
  expect(h.riffSize).toBe(h.dataOffset - 8 + h.dataSize);
  if (format === 'ulaw') expect(h.factFrames).toBe(h.dataSize);
  const w = readWav(path);
  expect(w.samples.length).toBe(h.dataSize / bps);
  for (let i = 0; i < w.samples.length; i++)
    if (w.samples[i] !== expected(i, format)) throw new Error(`sample ${i}: ${w.samples[i]} != ${expected(i, format)}`);
  return w.samples;
}

describe('SIGKILL mid-recording', () => {
  it('16-bit PCM: after several header updates', async () => {
    const path = join(dir, 'pcm16.wav');
    await recordAndKill(path, 'pcm16', 4, 3 * 16000);
    const s = checkSurvivor(path, 'pcm16');
    expect(s.length).toBeGreaterThanOrEqual(2 * 8000);
    expect(toneDbm0(s, 1000, 8000, 0, 8000)).toBeCloseTo(-10, 1);
  });

  it('mu-law: after several header updates', async () => {
    const path = join(dir, 'ulaw.wav');
    await recordAndKill(path, 'ulaw', 4, 3 * 8000);
    const s = checkSurvivor(path, 'ulaw');
    expect(toneDbm0(s, 1000, 8000, 0, 8000)).toBeCloseTo(-10, 0);
  });

  it('16-bit PCM: killed right after the first audio reached the disk', async () => {
    const path = join(dir, 'early.wav');
    await recordAndKill(path, 'pcm16', 1, 2);
    checkSurvivor(path, 'pcm16');
  });
});
