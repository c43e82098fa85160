// What an IVR session plays to its caller: prompt specs (names, .wav files and
// readouts with `${var}` values) resolved to files and played back to back, and
// the hold audio of a programmable node that pauses while the node plays.
import type { Leg } from '../telephony/leg.ts';
import type { Log } from '../telephony/log.ts';
import type { PromptItem, PromptSpec } from './flow-schema.ts';
import type { VarValue } from './nodes.ts';
import type { IvrPrompts, PromptTexts } from './prompts.ts';
import { compose, READOUT_KINDS, type Readout, type ReadoutLang } from './readout/index.ts';

/** A soft two-note pattern; HoldAudio asks for it again until paused. */
export const HOLD_TONE = {
  segments: [
    { tones: [{ freq: 523, level: -24 }], ms: 300 },
    { tones: [], ms: 200 },
    { tones: [{ freq: 659, level: -24 }], ms: 300 },
    { tones: [], ms: 1700 },
  ],
  repeat: 0,
};

/** "${name}" and "x ${name} y" in a value: from vars (missing ones are empty). */
export function expand(v: VarValue, vars: Record<string, VarValue>): VarValue {
  if (typeof v !== 'string' || !v.includes('${')) return v;
  const whole = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(v);
  if (whole) return vars[whole[1]!] ?? '';
  return v.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, n: string) => String(vars[n] ?? ''));
}

export class IvrMedia {
  constructor(
    private readonly leg: Leg,
    private readonly prompts: IvrPrompts,
    private readonly texts: PromptTexts,
    private readonly vars: Record<string, VarValue>,
    private readonly lang: () => ReadoutLang,
    private readonly log: Log,
  ) {}

  /** The files a prompt spec plays, in order. Throws on a readout of a value that is not one. */
  files(spec: PromptSpec): string[] {
    const lang = this.lang();
    return (Array.isArray(spec) ? spec : [spec]).flatMap((item: PromptItem) => {
      if (typeof item === 'string') return [this.prompts.file(String(expand(item, this.vars)), lang, this.texts)];
      const kind = READOUT_KINDS.find((k) => k in item)!;
      const value = expand((item as Record<string, string | number>)[kind]!, this.vars);
      const r = { ...item, [kind]: typeof value === 'boolean' ? String(value) : value } as Readout;
      return compose(r, lang).map((t) => this.prompts.token(t, lang));
    });
  }

  /** Plays a prompt spec; with bargeIn a key stops it (the key stays for the next collect). */
  async play(spec: PromptSpec, bargeIn = false): Promise<'finished' | 'stopped' | 'barge-in'> {
    for (const file of this.files(spec)) {
      const r = await this.leg.play({ file, bargeIn });
      if (r.reason !== 'finished') return r.reason;
    }
    return 'finished';
  }

  /** Starts hold audio: `spec` once (if any), then the hold tone, until the returned stop() is awaited. */
  hold(spec: PromptSpec | undefined): HoldAudio {
    return new HoldAudio(this.leg, spec ? () => this.play(spec) : undefined, this.log);
  }
}

/** Hold audio that can be paused around a node's own prompts. */
export class HoldAudio {
  #on = false;
  #playing = false;
  #loop: Promise<void> | undefined;

  constructor(
    private readonly leg: Leg,
    private readonly intro: (() => Promise<unknown>) | undefined,
    private readonly log: Log,
  ) {
    this.resume(true);
  }

  resume(withIntro = false): void {
    if (this.#on || !this.leg.live) return;
    this.#on = true;
    this.#loop = (async () => {
      if (withIntro && this.intro) await this.#playing_(this.intro);
      // The tone pattern plays once per request: ask again until paused.
      while (this.#on && this.leg.live) await this.#playing_(() => this.leg.play({ tone: HOLD_TONE }));
    })().catch((e: unknown) => this.log.debug({ err: (e as Error).message }, 'hold audio ended'));
  }

  /** Stops the hold audio; resolves once it is quiet. */
  async pause(): Promise<void> {
    if (!this.#on) return;
    this.#on = false;
    // Stop only what plays: a stop sent to a quiet channel is not needed.
    if (this.#playing) await this.leg.stopPlay().catch(() => {});
    await this.#loop;
  }

  async #playing_(op: () => Promise<unknown>): Promise<void> {
    this.#playing = true;
    try {
      await op();
    } finally {
      this.#playing = false;
    }
  }
}
