// The prompt sets behind the readouts: every token a composer can produce,
// with the words espeak-ng speaks for it, per language. The files live under
// <prompts dir>/sets/<lang>/<token>.wav; prompts.ts makes missing ones at
// first use. A site may record its own voice over any of them.
import type { ReadoutLang } from './index.ts';

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_ORD_UNITS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function english(): Record<string, string> {
  const t: Record<string, string> = {};
  EN_UNITS.forEach((w, i) => (t[`num-${i}`] = w));
  EN_ORD_UNITS.forEach((w, i) => (t[`ord-${i}`] = w));
  EN_TENS.forEach((w, i) => {
    if (!w) return;
    t[`num-${i * 10}`] = w;
    t[`ord-${i * 10}`] = `${w.slice(0, -1)}ieth`;
  });
  for (const w of ['hundred', 'thousand', 'million', 'billion']) {
    t[w] = w;
    t[`ord-${w}`] = `${w}th`;
  }
  EN_MONTHS.forEach((w, i) => (t[`month-${i + 1}`] = w));
  EN_DAYS.forEach((w, i) => (t[`day-${i}`] = w));
  Object.assign(t, {
    minus: 'minus',
    point: 'point',
    and: 'and',
    oh: 'oh',
    'a-m': 'A M',
    'p-m': 'P M',
    dollar: 'dollar',
    dollars: 'dollars',
    cent: 'cent',
    cents: 'cents',
    yuan: 'yuan',
    fen: 'fen',
  });
  return t;
}

function mandarin(): Record<string, string> {
  const t: Record<string, string> = {};
  [...'零一二三四五六七八九'].forEach((c, i) => (t[`num-${i}`] = c));
  Object.assign(t, {
    liang: '两',
    shi: '十',
    bai: '百',
    qian: '千',
    wan: '万',
    yi: '亿',
    dian: '点',
    fu: '负',
    yuan: '元',
    jiao: '角',
    fen: '分',
    zheng: '整',
    nian: '年',
    yue: '月',
    ri: '日',
    xingqi: '星期',
    tian: '天',
    di: '第',
    wei: '位',
    shangwu: '上午',
    xiawu: '下午',
  });
  return t;
}

export const PROMPT_SETS: Record<ReadoutLang, Record<string, string>> = { en: english(), zh: mandarin() };

/** espeak-ng voice of each set. */
export const SET_VOICES: Record<ReadoutLang, string> = { en: 'en-us', zh: 'cmn' };
