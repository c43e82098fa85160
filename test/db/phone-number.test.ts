// Numbers as lines deliver them and as people type them meet in one form.
import { describe, expect, it } from 'vitest';
import { matchesPattern, normalizeNumber } from '../../src/db/phone-number.ts';

describe('phone numbers', () => {
  it('normalise to the national form (country code 86 by default)', () => {
    for (const [input, want] of [
      ['13800138000', '13800138000'],
      ['+86 138 0013 8000', '13800138000'],
      ['0086-138-0013-8000', '13800138000'],
      ['(020) 8888-6666', '02088886666'],
      ['+86 20 8888 6666', '02088886666'],
      ['+1 415 555 0100', '+14155550100'],
      ['00441632960000', '+441632960000'],
      ['101', '101'],
    ] as const)
      expect([input, normalizeNumber(input)]).toEqual([input, want]);
    expect(normalizeNumber('+1 415 555 0100', '1')).toBe('4155550100');
  });

  it('match blacklist patterns: digits, X for one digit, trailing * for the rest', () => {
    expect(matchesPattern('400*', '4008001234')).toBe(true);
    expect(matchesPattern('400*', '400')).toBe(true);
    expect(matchesPattern('400*', '1400')).toBe(false);
    expect(matchesPattern('0208888XXXX', '+86 20 8888 1234')).toBe(true);
    expect(matchesPattern('0208888XXXX', '020888812345')).toBe(false);
    expect(matchesPattern('13800138000', '13800138000')).toBe(true);
    expect(matchesPattern('*', '123')).toBe(false);
  });
});
