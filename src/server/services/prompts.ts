// Prompts under ./data/prompts. At start-up the welcome prompt is made when it
// is missing: spoken by espeak-ng when it is installed, else a short chime
// synthesized here. Making it never stops the server from starting.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pcmWav, speak } from '../../media/synth.ts';
import type { Log } from '../../telephony/log.ts';

export interface PromptsOptions {
  dir: string;
  /** file of the 'welcome' prompt */
  welcome: string;
  welcomeText: string;
  /** try espeak-ng (default true) */
  speech?: boolean;
  log: Log;
}

export class Prompts {
  constructor(private readonly o: PromptsOptions) {}

  /** The file of a prompt by name ('welcome' or a file name under the prompts directory), if it exists. */
  path(name: string): string | undefined {
    const file = name === 'welcome' ? this.o.welcome : /\.wav$/i.test(name) ? name : `${name}.wav`;
    const p = join(this.o.dir, file);
    return existsSync(p) ? p : undefined;
  }

  /** Makes the welcome prompt if it is missing; returns how ('exists', 'espeak-ng', 'chime', 'none'). */
  ensureWelcome(): 'exists' | 'espeak-ng' | 'chime' | 'none' {
    const target = join(this.o.dir, this.o.welcome);
    if (existsSync(target)) return 'exists';
    try {
      mkdirSync(dirname(target), { recursive: true });
    } catch (e) {
      this.o.log.warn({ err: (e as Error).message, dir: this.o.dir }, 'prompts directory cannot be made: no welcome prompt');
      return 'none';
    }
    const tmp = `${target}.part`;
    if (this.o.speech !== false && speak(this.o.welcomeText, 'en', tmp)) {
      renameSync(tmp, target);
      this.o.log.info({ file: target }, 'welcome prompt spoken by espeak-ng');
      return 'espeak-ng';
    }
    rmSync(tmp, { force: true });
    try {
      writeFileSync(tmp, chimeWav());
      renameSync(tmp, target);
      this.o.log.info({ file: target }, 'welcome prompt: a synthesized chime (espeak-ng not available)');
      return 'chime';
    } catch (e) {
      this.o.log.warn({ err: (e as Error).message }, 'welcome prompt could not be written');
      return 'none';
    }
  }
}

/** Three rising notes and a short pause, twice: 8 kHz 16-bit mono WAV, about 2.6 s. */
export function chimeWav(): Uint8Array {
  const rate = 8000;
  const notes = [523.25, 659.25, 783.99, 0, 523.25, 659.25, 783.99, 1046.5];
  const noteMs = 300;
  const n = (notes.length * noteMs * rate) / 1000;
  const pcm = new Int16Array(n);
  const per = (noteMs * rate) / 1000;
  notes.forEach((f, k) => {
    for (let i = 0; i < per; i++) {
      const env = Math.min(1, i / 80, (per - i) / 400);
      pcm[k * per + i] = f ? Math.round(6000 * env * Math.sin((2 * Math.PI * f * i) / rate)) : 0;
    }
  });
  return pcmWav(pcm, rate);
}
