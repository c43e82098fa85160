// What can be read out, and the parsing shared by the languages.
export type ReadoutDate = string | { year: number; month: number; day: number };
export type ReadoutTime = string | { hour: number; minute: number };

/** One readout: a number, a digit string, an amount, an ordinal, a queue position, a date, a time. */
export type Readout =
  | { number: string | number }
  | { digits: string | number }
  | { currency: string | number; unit?: CurrencyUnit }
  | { ordinal: string | number }
  | { position: string | number }
  | { date: ReadoutDate }
  | { time: ReadoutTime };

export const READOUT_KINDS = ['number', 'digits', 'currency', 'ordinal', 'position', 'date', 'time'] as const;
export type ReadoutKind = (typeof READOUT_KINDS)[number];
export type CurrencyUnit = 'CNY' | 'USD';

/** A decimal number read out as words: its sign, whole part, and fraction digits. */
export function splitNumber(value: string | number): { negative: boolean; whole: number; fraction: number[] } {
  const s = typeof value === 'number' ? String(value) : value.replace(/,/g, '').trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new RangeError(`not a number: ${JSON.stringify(value)}`);
  return { negative: m[1] === '-', whole: Number(m[2]), fraction: [...(m[3] ?? '')].map(Number) };
}

/** "1,205.30" -> 1205 and 30 cents (rounded half up to the cent). */
export function splitAmount(value: string | number): { negative: boolean; whole: number; cents: number } {
  const s = typeof value === 'number' ? value.toFixed(2) : value.replace(/[,\s]/g, '');
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) throw new RangeError(`not an amount: ${JSON.stringify(value)}`);
  const frac = (m[3] ?? '').padEnd(3, '0');
  let cents = Number(frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1 : 0);
  let whole = Number(m[2]);
  if (cents === 100) {
    whole += 1;
    cents = 0;
  }
  return { negative: m[1] === '-' && (whole > 0 || cents > 0), whole, cents };
}

/** 'YYYY-MM-DD' (or the parts) with its weekday, 0 = Sunday. */
export function toDate(v: ReadoutDate): { year: number; month: number; day: number; weekday: number } {
  let year: number, month: number, day: number;
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
    if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(v)}`);
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else ({ year, month, day } = v);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw new RangeError(`no such date: ${year}-${month}-${day}`);
  return { year, month, day, weekday: d.getUTCDay() };
}

/** 'HH:MM' (24-hour) or the parts. */
export function toTime(v: ReadoutTime): { hour: number; minute: number } {
  if (typeof v !== 'string') return v;
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`not a time (HH:MM): ${JSON.stringify(v)}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}
