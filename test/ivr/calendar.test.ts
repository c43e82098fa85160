// Time-of-day, day-of-week and holiday tests in a time zone.
import { describe, expect, it } from 'vitest';
import { inTimeRange, isHoliday, localTime, onDays } from '../../src/ivr/calendar.ts';

describe('IVR calendar', () => {
  it('reads the wall time in the flow time zone', () => {
    // 2025-03-14 01:30 UTC is Friday 09:30 in Shanghai, Thursday 21:30 in New York.
    const ms = Date.UTC(2025, 2, 14, 1, 30);
    expect(localTime(ms, 'Asia/Shanghai')).toEqual({ date: '2025-03-14', weekday: 5, minutes: 570 });
    expect(localTime(ms, 'America/New_York')).toEqual({ date: '2025-03-13', weekday: 4, minutes: 21 * 60 + 30 });
  });

  it('matches time ranges, including over midnight', () => {
    const at = (h: number, m = 0) => ({ date: '2025-03-14', weekday: 5, minutes: h * 60 + m });
    expect(inTimeRange(at(9), '09:00-18:00')).toBe(true);
    expect(inTimeRange(at(17, 59), '09:00-18:00')).toBe(true);
    expect(inTimeRange(at(18), '09:00-18:00')).toBe(false);
    expect(inTimeRange(at(8, 59), '09:00-18:00')).toBe(false);
    expect(inTimeRange(at(23), '22:00-06:00')).toBe(true);
    expect(inTimeRange(at(5), '22:00-06:00')).toBe(true);
    expect(inTimeRange(at(12), '22:00-06:00')).toBe(false);
  });

  it('matches days and day ranges', () => {
    const on = (weekday: number) => ({ date: '2025-03-14', weekday, minutes: 0 });
    expect(onDays(on(1), ['mon-fri'])).toBe(true);
    expect(onDays(on(6), ['mon-fri'])).toBe(false);
    expect(onDays(on(0), ['mon-fri', 'sun'])).toBe(true);
    expect(onDays(on(0), ['fri-mon'])).toBe(true);
    expect(onDays(on(3), ['fri-mon'])).toBe(false);
  });

  it('matches holidays: dates, yearly dates and ranges', () => {
    const day = (date: string) => ({ date, weekday: 0, minutes: 0 });
    const cal = ['2025-01-29', '05-01', { from: '2025-10-01', to: '2025-10-07', name: 'National Day' }, { from: '12-31', to: '01-01' }];
    expect(isHoliday(day('2025-01-29'), cal)).toBe(true);
    expect(isHoliday(day('2026-01-29'), cal)).toBe(false);
    expect(isHoliday(day('2031-05-01'), cal)).toBe(true);
    expect(isHoliday(day('2025-10-04'), cal)).toBe(true);
    expect(isHoliday(day('2025-10-08'), cal)).toBe(false);
    expect(isHoliday(day('2030-12-31'), cal)).toBe(true);
    expect(isHoliday(day('2031-01-01'), cal)).toBe(true);
    expect(isHoliday(day('2031-01-02'), cal)).toBe(false);
  });
});
