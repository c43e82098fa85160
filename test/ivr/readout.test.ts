// The readout composer against hand-written expectations: token lists, and
// the words those tokens speak (Mandarin characters, English words).
import { describe, expect, it } from 'vitest';
import { compose, type Readout } from '../../src/ivr/readout/index.ts';
import { PROMPT_SETS } from '../../src/ivr/readout/prompt-set.ts';

const zh = (r: Readout) =>
  compose(r, 'zh')
    .map((t) => PROMPT_SETS.zh[t] ?? `?${t}`)
    .join('');
const en = (r: Readout) =>
  compose(r, 'en')
    .map((t) => PROMPT_SETS.en[t] ?? `?${t}`)
    .join(' ');

describe('the readout composer', () => {
  it('"1,205.30 yuan" is a list of prompt tokens', () => {
    expect(compose({ currency: '1,205.30', unit: 'CNY' }, 'zh')).toEqual([
      'num-1',
      'qian',
      'num-2',
      'bai',
      'num-0',
      'num-5',
      'yuan',
      'num-3',
      'jiao',
    ]);
    expect(compose({ currency: '1,205.30', unit: 'CNY' }, 'en')).toEqual([
      'num-1',
      'thousand',
      'num-2',
      'hundred',
      'num-5',
      'yuan',
      'and',
      'num-30',
      'fen',
    ]);
  });

  it('reads Mandarin numbers: 零, 两 and 二, 十 百 千 万 亿', () => {
    const cases: [number | string, string][] = [
      [0, '零'],
      [2, '二'],
      [10, '十'],
      [15, '十五'],
      [20, '二十'],
      [22, '二十二'],
      [110, '一百一十'],
      [200, '两百'],
      [205, '两百零五'],
      [1005, '一千零五'],
      [1050, '一千零五十'],
      [1200, '一千二百'],
      [1500, '一千五百'],
      [2000, '两千'],
      [2200, '两千二百'],
      [10000, '一万'],
      [10050, '一万零五十'],
      [12000, '一万两千'],
      [20000, '两万'],
      [22000, '两万两千'],
      [100000, '十万'],
      [110000, '十一万'],
      [200000, '二十万'],
      [1001000, '一百万一千'],
      [1000100, '一百万零一百'],
      [2000000, '两百万'],
      [100000001, '一亿零一'],
      [200000000, '两亿'],
      [100010000, '一亿零一万'],
      ['3.05', '三点零五'],
      ['-12.5', '负十二点五'],
    ];
    for (const [n, want] of cases) expect([n, zh({ number: n })]).toEqual([n, want]);
  });

  it('reads Mandarin amounts in yuan, jiao and fen, with 两 for a count of two', () => {
    expect(zh({ currency: '1205.30' })).toBe('一千二百零五元三角');
    expect(zh({ currency: '1205.05' })).toBe('一千二百零五元零五分');
    expect(zh({ currency: '1205.35' })).toBe('一千二百零五元三角五分');
    expect(zh({ currency: 2 })).toBe('两元整');
    expect(zh({ currency: '12.00' })).toBe('十二元整');
    expect(zh({ currency: '0.05' })).toBe('五分');
    expect(zh({ currency: '0.2' })).toBe('两角');
    expect(zh({ currency: '10,000.00' })).toBe('一万元整');
  });

  it('reads Mandarin positions, dates and times', () => {
    expect(zh({ position: 3 })).toBe('第三位');
    expect(zh({ position: 2 })).toBe('第二位');
    expect(zh({ ordinal: 12 })).toBe('第十二');
    expect(zh({ date: '2025-03-14' })).toBe('二零二五年三月十四日星期五');
    expect(zh({ date: '2024-10-06' })).toBe('二零二四年十月六日星期天');
    expect(zh({ time: '09:05' })).toBe('上午九点零五分');
    expect(zh({ time: '14:30' })).toBe('下午两点三十分');
    expect(zh({ time: '12:00' })).toBe('下午十二点');
    expect(zh({ digits: '13800138000' })).toBe('一三八零零一三八零零零');
  });

  it('reads English numbers, amounts, ordinals, dates and times', () => {
    expect(en({ number: 0 })).toBe('zero');
    expect(en({ number: 13 })).toBe('thirteen');
    expect(en({ number: 40 })).toBe('forty');
    expect(en({ number: 1205 })).toBe('one thousand two hundred five');
    expect(en({ number: 1000000 })).toBe('one million');
    expect(en({ number: 2001015 })).toBe('two million one thousand fifteen');
    expect(en({ number: '-3.25' })).toBe('minus three point two five');
    expect(en({ currency: '1,205.30' })).toBe('one thousand two hundred five dollars and thirty cents');
    expect(en({ currency: 1 })).toBe('one dollar');
    expect(en({ currency: '0.01' })).toBe('one cent');
    expect(en({ currency: '12.999' })).toBe('thirteen dollars');
    expect(en({ ordinal: 1 })).toBe('first');
    expect(en({ ordinal: 12 })).toBe('twelfth');
    expect(en({ ordinal: 21 })).toBe('twenty first');
    expect(en({ ordinal: 30 })).toBe('thirtieth');
    expect(en({ ordinal: 100 })).toBe('one hundredth');
    expect(en({ position: 3 })).toBe('three');
    expect(en({ date: '2025-03-14' })).toBe('Friday March fourteenth twenty twenty five');
    expect(en({ date: '2005-01-01' })).toBe('Saturday January first two thousand five');
    expect(en({ date: '1900-07-04' })).toBe('Wednesday July fourth nineteen hundred');
    expect(en({ time: '09:05' })).toBe('nine oh five A M');
    expect(en({ time: '14:00' })).toBe('two P M');
    expect(en({ time: '00:30' })).toBe('twelve thirty A M');
    expect(en({ digits: '4711' })).toBe('four seven one one');
  });

  it('refuses what is not a number, a date or a time', () => {
    expect(() => compose({ number: 'abc' }, 'zh')).toThrow(/not a number/);
    expect(() => compose({ date: '2025-02-30' }, 'en')).toThrow(/no such date/);
    expect(() => compose({ time: '25:00' }, 'en')).toThrow(/not a time/);
  });
});
