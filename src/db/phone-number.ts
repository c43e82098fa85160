// Phone numbers as stored for look-up. A caller ID arrives as the line
// delivers it (13800138000, 02088886666, +86 20 8888 6666, 0086-138...), and
// a customer's number as someone typed it: both are reduced to one national
// form, so each is found by the other. Country code 86 by default (mainland
// China: mobile numbers have no trunk prefix, fixed lines keep their 0).
export function normalizeNumber(input: string, countryCode = '86'): string {
  const trimmed = input.trim();
  let d = trimmed.replace(/[^0-9]/g, '');
  const international = trimmed.startsWith('+') ? d : d.startsWith('00') ? d.slice(2) : undefined;
  if (international !== undefined) {
    if (!international.startsWith(countryCode)) return `+${international}`;
    d = international.slice(countryCode.length);
    if (countryCode === '86' && !d.startsWith('1')) d = `0${d}`;
  }
  return d;
}

/**
 * Does `number` (normalised) match a blacklist pattern? Patterns are digits,
 * `X` for any one digit and a trailing `*` for any rest: `0208888XXXX`,
 * `400*`, `13800138000`.
 */
export function matchesPattern(pattern: string, number: string): boolean {
  const n = normalizeNumber(number);
  const prefix = pattern.endsWith('*');
  const body = (prefix ? pattern.slice(0, -1) : pattern).replace(/[\s-]/g, '');
  if (!body || (prefix ? n.length < body.length : n.length !== body.length)) return false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!.toUpperCase();
    if (c !== 'X' && c !== n[i]) return false;
  }
  return true;
}

export const PATTERN_REGEX = '^[0-9Xx+]{1,32}\\*?$';
