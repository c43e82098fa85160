// English readouts as lists of prompt tokens of the 'en' prompt set (American
// style, no "and" inside numbers: 1205 "one thousand two hundred five").
// Amounts: "five dollars and thirty cents", "one dollar", "thirty cents";
// in yuan: "twelve yuan and thirty fen". Dates: "Friday March fourteenth
// twenty twenty-five"; times: "nine oh five a m", "two p m".
import type { CurrencyUnit, Readout, ReadoutDate, ReadoutTime } from './types.ts';
import { splitAmount, splitNumber, toDate, toTime } from './types.ts';

const BIG = ['', 'thousand', 'million', 'billion'] as const;

/** 0..99: num-0..num-19, num-20..num-90 and the units. */
function underHundred(n: number): string[] {
  if (n < 20) return [`num-${n}`];
  const tens = Math.floor(n / 10) * 10;
  return n % 10 ? [`num-${tens}`, `num-${n % 10}`] : [`num-${tens}`];
}

function underThousand(n: number): string[] {
  const h = Math.floor(n / 100);
  const r = n % 100;
  return [...(h ? [`num-${h}`, 'hundred'] : []), ...(r ? underHundred(r) : [])];
}

export function enInteger(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`enInteger: ${n}`);
  if (n === 0) return ['num-0'];
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 1000)) groups.push(v % 1000);
  if (groups.length > BIG.length) throw new RangeError(`enInteger: ${n} is too large`);
  const out: string[] = [];
  for (let g = groups.length - 1; g >= 0; g--) {
    if (groups[g] === 0) continue;
    out.push(...underThousand(groups[g]!));
    if (g > 0) out.push(BIG[g]!);
  }
  return out;
}

export function enNumber(value: string | number): string[] {
  const { negative, whole, fraction } = splitNumber(value);
  return [...(negative ? ['minus'] : []), ...enInteger(whole), ...(fraction.length ? ['point', ...fraction.map((d) => `num-${d}`)] : [])];
}

export function enDigits(s: string): string[] {
  return [...s].filter((c) => /\d/.test(c)).map((c) => `num-${c}`);
}

const CURRENCY = { USD: ['dollar', 'dollars', 'cent', 'cents'], CNY: ['yuan', 'yuan', 'fen', 'fen'] } as const;

export function enCurrency(value: string | number, unit: CurrencyUnit = 'USD'): string[] {
  const { negative, whole, cents } = splitAmount(value);
  const [one, many, cent, centsName] = CURRENCY[unit];
  const out = negative ? ['minus'] : [];
  if (whole > 0 || cents === 0) out.push(...enInteger(whole), whole === 1 ? one : many);
  if (cents > 0) {
    if (whole > 0) out.push('and');
    out.push(...enInteger(cents), cents === 1 ? cent : centsName);
  }
  return out;
}

/** 1 first, 12 twelfth, 21 twenty first, 100 one hundredth, 103 one hundred third. */
export function enOrdinal(n: number): string[] {
  const words = enInteger(n);
  const last = words.at(-1)!;
  const ord = last.startsWith('num-') ? `ord-${last.slice(4)}` : `ord-${last}`;
  return [...words.slice(0, -1), ord];
}

/** "Friday March fourteenth twenty twenty-five"; years 2000-2009 "two thousand five". */
export function enDate(value: ReadoutDate, opts: { weekday?: boolean } = {}): string[] {
  const d = toDate(value);
  const out = opts.weekday === false ? [] : [`day-${d.weekday}`];
  out.push(`month-${d.month}`, ...enOrdinal(d.day));
  const hi = Math.floor(d.year / 100);
  const lo = d.year % 100;
  if (hi % 10 === 0 && lo < 10) out.push(...enInteger(d.year));
  else if (lo === 0) out.push(...underHundred(hi), 'hundred');
  else out.push(...underHundred(hi), ...(lo < 10 ? ['oh', `num-${lo}`] : underHundred(lo)));
  return out;
}

export function enTime(value: ReadoutTime): string[] {
  const { hour, minute } = toTime(value);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const out = underHundred(h12);
  if (minute > 0) out.push(...(minute < 10 ? ['oh', `num-${minute}`] : underHundred(minute)));
  out.push(hour < 12 ? 'a-m' : 'p-m');
  return out;
}

export function enReadout(r: Readout): string[] {
  if ('number' in r) return enNumber(r.number);
  if ('digits' in r) return enDigits(String(r.digits));
  if ('currency' in r) return enCurrency(r.currency, r.unit);
  if ('ordinal' in r) return enOrdinal(Number(r.ordinal));
  if ('position' in r) return enInteger(Number(r.position));
  if ('date' in r) return enDate(r.date);
  return enTime(r.time);
}
