// Mandarin readouts as lists of prompt tokens of the 'zh' prompt set
// (prompt-set.ts says what each token speaks). Number rules:
//  - sections of four digits with 万 and 亿; inside a section 千 百 十;
//  - one 零 for a run of zeros between spoken digits (1005 一千零五, 10050 一万零五十),
//    none for trailing zeros (1500 一千五百);
//  - 十 alone at the very start (10 十, 15 十五, 100000 十万), 一十 elsewhere (110 一百一十);
//  - 两 for a 2 leading a section before 百 or 千 (200 两百, 2200 两千二百, 22000 两万两千),
//    for a section of just 2 before 万 or 亿 (两万, 两亿), and for a whole count of 2
//    before a measure word (两元, 两点); 二 otherwise (二十, 十二, 一千二百, 第二).
import type { Readout, ReadoutDate, ReadoutTime } from './types.ts';
import { splitAmount, splitNumber, toDate, toTime } from './types.ts';

const UNITS = ['', 'shi', 'bai', 'qian'] as const;
const BIG = ['', 'wan', 'yi'] as const;

const digit = (d: number) => `num-${d}`;

/** A whole number >= 0. `count`: a bare 2 is 两 (before a measure word). */
export function zhInteger(n: number, opts: { count?: boolean } = {}): string[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`zhInteger: ${n}`);
  if (n === 0) return [digit(0)];
  if (n === 2 && opts.count) return ['liang'];
  const sections: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10000)) sections.push(v % 10000);
  if (sections.length > BIG.length) throw new RangeError(`zhInteger: ${n} is too large`);
  const out: string[] = [];
  let zeroPending = false;
  for (let s = sections.length - 1; s >= 0; s--) {
    const sec = sections[s]!;
    const leading = out.length === 0;
    if (sec === 0) {
      zeroPending = true;
      continue;
    }
    if (!leading && (zeroPending || sec < 1000)) out.push(digit(0));
    zeroPending = false;
    out.push(...section(sec, leading, s > 0));
    if (s > 0) out.push(BIG[s]!);
  }
  return out;
}

/** One section 1..9999. */
function section(sec: number, leadingSection: boolean, beforeBig: boolean): string[] {
  if (sec === 2 && beforeBig) return ['liang'];
  const ds = [Math.floor(sec / 1000), Math.floor(sec / 100) % 10, Math.floor(sec / 10) % 10, sec % 10];
  const out: string[] = [];
  let first = true;
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = ds[i]!;
    const unit = UNITS[3 - i]!;
    if (d === 0) {
      if (!first) zero = true;
      continue;
    }
    if (zero) out.push(digit(0));
    zero = false;
    if (unit === 'shi' && d === 1 && first && leadingSection) out.push('shi');
    else {
      out.push(d === 2 && first && (unit === 'bai' || unit === 'qian') ? 'liang' : digit(d));
      if (unit) out.push(unit);
    }
    first = false;
  }
  return out;
}

/** A decimal number as text or number: sign, whole part, 点 and the fraction digit by digit. */
export function zhNumber(value: string | number): string[] {
  const { negative, whole, fraction } = splitNumber(value);
  return [...(negative ? ['fu'] : []), ...zhInteger(whole), ...(fraction.length ? ['dian', ...fraction.map(digit)] : [])];
}

/** Each digit on its own (一 for 1, as digit strings are read in Mandarin prompts). */
export function zhDigits(s: string): string[] {
  return [...s].filter((c) => /\d/.test(c)).map((c) => digit(Number(c)));
}

/** Yuan, jiao and fen: 1205.30 一千二百零五元三角; 2 两元整; 1205.05 一千二百零五元零五分; 0.05 五分. */
export function zhCurrency(value: string | number): string[] {
  const { negative, whole, cents } = splitAmount(value);
  const jiao = Math.floor(cents / 10);
  const fen = cents % 10;
  const out = negative ? ['fu'] : [];
  if (whole > 0 || cents === 0) out.push(...zhInteger(whole, { count: true }), 'yuan');
  if (cents === 0) return [...out, 'zheng'];
  if (jiao > 0) out.push(jiao === 2 ? 'liang' : digit(jiao), 'jiao');
  else if (whole > 0) out.push(digit(0));
  if (fen > 0) out.push(fen === 2 ? 'liang' : digit(fen), 'fen');
  return out;
}

/** 第N (ordinals keep 二: 第二); `measure` adds 位 for a position in a queue. */
export function zhOrdinal(n: number, measure?: 'wei'): string[] {
  return ['di', ...zhInteger(n), ...(measure ? [measure] : [])];
}

/** 2025年3月14日 星期五: the year digit by digit, month and day as numbers. */
export function zhDate(value: ReadoutDate, opts: { weekday?: boolean } = {}): string[] {
  const d = toDate(value);
  const out = [...zhDigits(String(d.year)), 'nian', ...zhInteger(d.month), 'yue', ...zhInteger(d.day), 'ri'];
  if (opts.weekday !== false) out.push('xingqi', d.weekday === 0 ? 'tian' : digit(d.weekday));
  return out;
}

/** 上午九点零五分, 下午两点, 晚上..., on the 12-hour clock with 上午 / 下午. */
export function zhTime(value: ReadoutTime): string[] {
  const { hour, minute } = toTime(value);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const out = [hour < 12 ? 'shangwu' : 'xiawu', ...zhInteger(h12, { count: true }), 'dian'];
  if (minute > 0) out.push(...(minute < 10 ? [digit(0), digit(minute)] : zhInteger(minute)), 'fen');
  return out;
}

export function zhReadout(r: Readout): string[] {
  if ('number' in r) return zhNumber(r.number);
  if ('digits' in r) return zhDigits(String(r.digits));
  if ('currency' in r) return zhCurrency(r.currency);
  if ('ordinal' in r) return zhOrdinal(Number(r.ordinal));
  if ('position' in r) return zhOrdinal(Number(r.position), 'wei');
  if ('date' in r) return zhDate(r.date);
  return zhTime(r.time);
}
