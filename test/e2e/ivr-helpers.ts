// Helpers of the IVR scenarios: prompt WAVs of known lengths (a steady 600 Hz
// tone: voice to the caller's energy detector, no DTMF, no tone of the plan),
// a flow folder, and hearing a prompt by its length at the caller's end.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { toneWav } from '../../src/ivr/prompts.ts';
import type { FarEnd } from '../../src/sim/far-end.ts';
import type { Rig } from './harness.ts';

/** A prompts folder with `name.wav` of each length (ms), and an empty flows folder. */
export function ivrDirs(prompts: Record<string, number>): { promptsDir: string; ivrDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'boardcti-ivr-'));
  const promptsDir = join(root, 'prompts');
  const ivrDir = join(root, 'flows');
  mkdirSync(promptsDir);
  mkdirSync(ivrDir);
  for (const [name, ms] of Object.entries(prompts)) writeFileSync(join(promptsDir, `${name}.wav`), toneWav(600, ms, 6000));
  return { promptsDir, ivrDir };
}

/** A small board (FXS 101..10N, two FXO lines) whose every line runs IVR flow `main` from `ivrDir`. */
export function ivrConfig(ivrDir: string, phones = 2): string {
  const ext = Array.from({ length: phones }, (_, i) => `{ number: "${101 + i}", port: "fxs:${i + 1}" }`).join(', ');
  return `
boards: [ { driver: sim, fxs: ${phones}, fxo: 2, e1: 0 } ]
extensions: [ ${ext} ]
ivr: { dir: ${JSON.stringify(ivrDir)} }
routes:
  inbound:
    - { lines: any, flow: main }
`;
}

export function writeFlow(ivrDir: string, file: string, yaml: string): void {
  writeFileSync(join(ivrDir, file), yaml);
}

/** The next stretch of voice the caller hears: its length in ms (to silence, or to the line dropping). */
export async function nextVoice(rig: Rig, caller: FarEnd, timeoutMs = 15_000): Promise<number> {
  const on = await rig.until(caller.waitFor('voice', { timeoutMs }));
  const from = caller.heard.indexOf(on);
  const end = () => caller.heard.slice(from + 1).find((h) => h.kind === 'silence' || h.kind === 'hangup');
  for (let t = 0; t < timeoutMs && !end(); t += 20) await rig.run(20);
  const off = end();
  if (!off) expect.fail(`voice from ${on.atMs} ms did not end within ${timeoutMs} ms`);
  return off.atMs - on.atMs;
}

/** Waits until the caller hears a stretch of voice of about `ms` (others are skipped); returns when it ended. */
export async function hearPrompt(
  rig: Rig,
  caller: FarEnd,
  ms: number,
  opts: { tolerance?: number; within?: number } = {},
): Promise<number[]> {
  const seen: number[] = [];
  const tol = opts.tolerance ?? 120;
  const limit = opts.within ?? 6;
  for (let i = 0; i < limit; i++) {
    const d = await nextVoice(rig, caller);
    seen.push(d);
    if (Math.abs(d - ms) <= tol) return seen;
  }
  expect.fail(`no prompt of ~${ms} ms heard; heard voice of ${seen.join(', ')} ms`);
}
