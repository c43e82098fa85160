// The spoken queue announcements: "You are number 3 in the queue. The
// estimated wait is 4 minutes." (您排在第三位。预计等待四分钟。) composed from the
// IVR's prompts and number readouts (src/ivr/readout), in English or Mandarin.
// Every piece is a prompt file: a site's recording when there is one
// (<prompts>/<lang>/queue-*.wav, <prompts>/sets/<lang>/<token>.wav), else
// made by espeak-ng at first use (IvrPrompts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IvrPrompts, PromptTexts } from '../ivr/prompts.ts';
import { compose, enInteger, zhInteger, type ReadoutLang } from '../ivr/readout/index.ts';
import type { PlayRequest } from '../telephony/engine-port.ts';
import type { Announcer } from './announcer.ts';

/** The phrases around the numbers; a site may record its own under these names. */
export const QUEUE_PROMPTS: PromptTexts = {
  'queue-position-before': { en: 'You are number', zh: '您排在' },
  'queue-position-after': { en: 'in the queue.', zh: '请耐心等待。' },
  'queue-wait-before': { en: 'The estimated wait is', zh: '预计等待' },
  'queue-minute': { en: 'minute.', zh: '分钟。' },
  'queue-minutes': { en: 'minutes.', zh: '分钟。' },
  'queue-agent-before': { en: 'Agent number', zh: '工号' },
  'queue-agent-after': { en: 'at your service.', zh: '为您服务。' },
};

export function spokenAnnouncer(prompts: IvrPrompts, lang: ReadoutLang): Announcer {
  const file = (name: string): PlayRequest => ({ file: prompts.file(name, lang, QUEUE_PROMPTS) });
  const tokens = (list: string[]): PlayRequest[] => list.map((t) => ({ file: prompts.token(t, lang) }));
  return {
    position: (n) => [file('queue-position-before'), ...tokens(compose({ position: n }, lang)), file('queue-position-after')],
    waitMinutes: (n) => [
      file('queue-wait-before'),
      ...tokens(lang === 'zh' ? zhInteger(n, { count: true }) : enInteger(n)),
      file(n === 1 ? 'queue-minute' : 'queue-minutes'),
    ],
    agent: (id) => [file('queue-agent-before'), ...tokens(compose({ digits: id.replace(/[^0-9]/g, '') }, lang)), file('queue-agent-after')],
  };
}

export type AnnouncerChoice = 'auto' | 'spoken' | 'tones';

/**
 * auto: spoken when prompts can be had (speech on, or the language's prompt set
 * recorded under <prompts>/sets/<lang>), else the DTMF-coded signals.
 */
export function useSpoken(choice: AnnouncerChoice, o: { promptsDir: string; lang: ReadoutLang; speech: boolean }): boolean {
  if (choice !== 'auto') return choice === 'spoken';
  return o.speech || existsSync(join(o.promptsDir, 'sets', o.lang));
}
