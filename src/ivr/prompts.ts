// The IVR's prompt files. A prompt by name is looked for as
// <dir>/<lang>/<name>.wav, then <dir>/<name>.wav (a site records its own);
// failing that, a flow's text for it (or a built-in text) is spoken by
// espeak-ng at first use into <dir>/cache/ and kept. Readout tokens come from
// the prompt sets (<dir>/sets/<lang>/<token>.wav), made the same way. Without
// espeak-ng (or with speech off) a short tone stands in, so the caller never
// hears silence where a prompt should be.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { pcmWav, speak } from '../media/synth.ts';
import type { Log } from '../telephony/log.ts';
import { PROMPT_SETS, SET_VOICES } from './readout/prompt-set.ts';
import type { ReadoutLang } from './readout/index.ts';

export type PromptTexts = Record<string, string | { en?: string; zh?: string }>;

/** Prompts every flow may use without defining them. */
export const BUILTIN_PROMPTS: PromptTexts = {
  'ivr-invalid': { en: 'Sorry, that is not a valid choice.', zh: '对不起，您的输入有误。' },
  'ivr-timeout': { en: 'Sorry, we did not receive your choice.', zh: '对不起，我们没有收到您的选择。' },
  'ivr-sorry': { en: 'Sorry, we cannot complete your request right now. Goodbye.', zh: '对不起，系统暂时无法处理您的请求，再见。' },
  'ivr-unavailable': { en: 'Sorry, this service is not available yet. Goodbye.', zh: '对不起，此项服务暂未开通，再见。' },
  'ivr-goodbye': { en: 'Thank you for calling. Goodbye.', zh: '感谢您的来电，再见。' },
  'ivr-please-hold': { en: 'One moment please.', zh: '请稍候。' },
};

export interface IvrPromptsOptions {
  dir: string;
  /** try espeak-ng (default true) */
  speech?: boolean;
  log: Log;
}

export class IvrPrompts {
  #made = new Map<string, string>();
  constructor(private readonly o: IvrPromptsOptions) {}

  /** The file of a named prompt (or a .wav path), in `lang`; `texts` are the flow's own. */
  file(name: string, lang: ReadoutLang, texts: PromptTexts = {}): string {
    if (/\.wav$/i.test(name)) {
      const p = isAbsolute(name) ? name : join(this.o.dir, name);
      if (existsSync(p)) return p;
      this.o.log.warn({ prompt: name }, 'prompt file missing: a tone plays instead');
      return this.#tone(`missing:${name}`);
    }
    for (const p of [join(this.o.dir, lang, `${name}.wav`), join(this.o.dir, `${name}.wav`)]) if (existsSync(p)) return p;
    const t = texts[name] ?? BUILTIN_PROMPTS[name];
    const text = typeof t === 'string' ? t : (t?.[lang] ?? t?.en ?? t?.zh);
    if (text === undefined) {
      this.o.log.warn({ prompt: name, lang }, 'no such prompt and no text for it: a tone plays instead');
      return this.#tone(`missing:${name}`);
    }
    const voiceLang: ReadoutLang = typeof t === 'string' || t?.[lang] !== undefined ? lang : t?.en !== undefined ? 'en' : 'zh';
    const hash = createHash('sha1').update(`${voiceLang}\n${text}`).digest('hex').slice(0, 10);
    return this.#make(join(this.o.dir, 'cache', voiceLang, `${name}-${hash}.wav`), text, SET_VOICES[voiceLang], name);
  }

  /** The file of a readout token of a prompt set. */
  token(token: string, lang: ReadoutLang): string {
    const p = join(this.o.dir, 'sets', lang, `${token}.wav`);
    if (existsSync(p)) return p;
    const text = PROMPT_SETS[lang][token];
    if (text === undefined) throw new Error(`no token ${JSON.stringify(token)} in the ${lang} prompt set`);
    return this.#make(p, text, SET_VOICES[lang], token);
  }

  /** Makes every file of a prompt set now (otherwise each is made when first read out). */
  prepareSet(lang: ReadoutLang): void {
    for (const t of Object.keys(PROMPT_SETS[lang])) this.token(t, lang);
  }

  #make(target: string, text: string, voice: string, name: string): string {
    const known = this.#made.get(target);
    if (known) return known;
    if (existsSync(target)) return target;
    if (this.o.speech !== false) {
      try {
        mkdirSync(dirname(target), { recursive: true });
        const tmp = `${target}.part`;
        if (speak(text, voice, tmp)) {
          renameSync(tmp, target);
          this.#made.set(target, target);
          return target;
        }
        rmSync(tmp, { force: true });
      } catch (e) {
        this.o.log.debug({ err: (e as Error).message }, 'espeak-ng failed');
      }
    }
    const file = this.#tone(name);
    this.#made.set(target, file);
    return file;
  }

  /** A short tone standing in for a prompt, its pitch from the name (made once per name). */
  #tone(name: string): string {
    const hash = createHash('sha1').update(name).digest();
    const file = join(this.o.dir, 'cache', 'tones', `${hash.toString('hex').slice(0, 10)}.wav`);
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, toneWav(600 + (hash[0]! % 8) * 50, 250));
    }
    return file;
  }
}

/** One soft tone: 8 kHz 16-bit mono WAV. */
export function toneWav(freq: number, ms: number, level = 5000): Uint8Array {
  const rate = 8000;
  const n = Math.round((ms * rate) / 1000);
  const pcm = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const env = Math.min(1, i / 80, (n - i) / 80);
    pcm[i] = Math.round(level * env * Math.sin((2 * Math.PI * freq * i) / rate));
  }
  return pcmWav(pcm, rate);
}
