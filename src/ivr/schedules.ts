// Shared, named opening hours and holiday lists (kept in the database,
// /api/schedules and /api/holidays), which IVR flows use by name like
// Asterisk's GotoIfTime: a branch condition `schedule: office` holds while the
// schedule is open, `holiday: cn-public` while today is on the list (a flow's
// own `calendars:` of that name are the fallback). A schedule is open when
// the day's ranges contain the time, in the schedule's time zone; a date on
// one of its holiday lists replaces the day's ranges: closed, or the
// holiday's special hours.
import { inTimeRange, isHoliday, localTime, type LocalTime } from './calendar.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "09:00-18:00": from inclusive, to exclusive (24:00 is the end of the day) */
export const HOURS_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$';
/** "YYYY-MM-DD" once, "MM-DD" every year */
export const DAY_PATTERN = '^([0-9]{4}-)?[0-9]{2}-[0-9]{2}$';
export const CALENDAR_NAME_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';

export interface Schedule {
  name: string;
  description: string | null;
  /** IANA name; null: the server's */
  timezone: string | null;
  /** the open ranges of each weekday (none: closed all day) */
  hours: Record<Weekday, string[]>;
  /** the holiday lists whose dates replace the weekday's hours */
  holidays: string[];
}

export interface HolidayDay {
  /** "YYYY-MM-DD", or "MM-DD" every year */
  from: string;
  /** the last day of a range (same kind as from) */
  to?: string;
  name: string;
  /** special hours that day; none: closed */
  hours?: string[];
}

export interface HolidayList {
  name: string;
  description: string | null;
  days: HolidayDay[];
}

/** What IVR sessions read (a snapshot kept in memory: no query while a caller waits). */
export interface SharedCalendars {
  schedule(name: string): Schedule | undefined;
  holidays(name: string): HolidayList | undefined;
}

export interface ScheduleState {
  open: boolean;
  /** the holiday that decided it, if one did */
  holiday?: string;
}

/** The holiday of the list that `t` falls on. */
export function holidayOn(t: LocalTime, list: HolidayList): HolidayDay | undefined {
  return list.days.find((d) => isHoliday(t, [{ from: d.from, ...(d.to ? { to: d.to } : {}) }]));
}

/** Is the schedule open at wall time `ms`? */
export function scheduleState(s: Schedule, ms: number, cals: Pick<SharedCalendars, 'holidays'>): ScheduleState {
  const t = localTime(ms, s.timezone ?? undefined);
  for (const name of s.holidays) {
    const list = cals.holidays(name);
    const day = list && holidayOn(t, list);
    if (day) return { open: (day.hours ?? []).some((r) => inTimeRange(t, r)), holiday: day.name };
  }
  const weekday = WEEKDAYS[(t.weekday + 6) % 7]!;
  return { open: s.hours[weekday].some((r) => inTimeRange(t, r)) };
}

const minutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** Ranges that end before they start or overlap another: [index, message]. */
export function rangeIssues(ranges: string[]): [number, string][] {
  const out: [number, string][] = [];
  const spans = ranges.map((r) => r.split('-').map(minutes) as [number, number]);
  spans.forEach(([a, b], i) => {
    if (a >= b) out.push([i, `${ranges[i]} ends before it starts`]);
    else if (spans.some(([c, d], j) => j < i && c < d && a < d && c < b)) out.push([i, `${ranges[i]} overlaps another range`]);
  });
  return out;
}
