// Opening-hour ranges as the schedule forms show them: "09:00-12:00, 13:00-18:00"
// (empty: closed), checked before they go to the server.
export const RANGE = /^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
export const DAY = /^([0-9]{4}-)?[0-9]{2}-[0-9]{2}$/;
export const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const parseRanges = (text: string): string[] =>
  text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
export const showRanges = (r: string[] | undefined): string => (r ?? []).join(', ');
/** The first range that is not HH:MM-HH:MM, if any. */
export const badRange = (text: string): string | undefined => parseRanges(text).find((r) => !RANGE.test(r));
