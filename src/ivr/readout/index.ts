// The readout composer: a readout in a language -> the prompt tokens to play,
// back to back, from that language's prompt set (prompt-set.ts). Pure: it is
// tested on its own ("1,205.30 yuan" -> num-1 qian num-2 bai num-0 num-5 yuan num-3 jiao).
import { enReadout } from './en.ts';
import type { Readout } from './types.ts';
import { zhReadout } from './zh.ts';

export const READOUT_LANGS = ['en', 'zh'] as const;
export type ReadoutLang = (typeof READOUT_LANGS)[number];

export function compose(r: Readout, lang: ReadoutLang): string[] {
  return lang === 'zh' ? zhReadout(r) : enReadout(r);
}

export * from './types.ts';
export { enCurrency, enDate, enDigits, enInteger, enNumber, enOrdinal, enTime } from './en.ts';
export { zhCurrency, zhDate, zhDigits, zhInteger, zhNumber, zhOrdinal, zhTime } from './zh.ts';
