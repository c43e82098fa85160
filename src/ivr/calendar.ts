// Time-of-day, day-of-week and holiday tests of branch nodes. The time is the
// engine clock's (wall ms at engine time 0 + engine ms), seen in the flow's
// time zone (default: the server's), so a test can run a call "on a Sunday".
import type { HolidayEntry } from './flow-schema.ts';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Sunday */
  weekday: number;
  /** minutes since local midnight */
  minutes: number;
}

/** The wall time `ms` in `timeZone` (IANA name; default the process's zone). */
export function localTime(ms: number, timeZone?: string): LocalTime {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  });
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: DAYS.indexOf(p.weekday!.toLowerCase().slice(0, 3) as (typeof DAYS)[number]),
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** "09:00-18:00": from inclusive, to exclusive; "22:00-06:00" spans midnight. */
export function inTimeRange(t: LocalTime, range: string): boolean {
  const [from, to] = range.split('-').map((s) => {
    const [h, m] = s.split(':').map(Number);
    return h! * 60 + m!;
  }) as [number, number];
  return from <= to ? t.minutes >= from && t.minutes < to : t.minutes >= from || t.minutes < to;
}

/** ["mon-fri", "sun"]: ranges may wrap ("fri-mon"). */
export function onDays(t: LocalTime, days: string[]): boolean {
  return days.some((d) => {
    const [a, b] = d.split('-').map((x) => DAYS.indexOf(x as (typeof DAYS)[number])) as [number, number | undefined];
    if (b === undefined) return t.weekday === a;
    return a <= b ? t.weekday >= a && t.weekday <= b : t.weekday >= a || t.weekday <= b;
  });
}

/** Dates "YYYY-MM-DD", yearly "MM-DD", or { from, to } ranges of either kind. */
export function isHoliday(t: LocalTime, entries: HolidayEntry[]): boolean {
  const md = t.date.slice(5);
  const key = (d: string) => (d.length === 5 ? md : t.date);
  return entries.some((e) => {
    if (typeof e === 'string') return key(e) === e;
    const to = e.to ?? e.from;
    const yearly = e.from.length === 5;
    const v = yearly ? md : t.date;
    return e.from <= to ? v >= e.from && v <= to : v >= e.from || v <= to;
  });
}
