/**
 * An RFC 3339 date-time (`T`, `t` or a space between date and time, as ajv-formats takes
 * them): date, time, up to 9 fractional digits, `Z` or an offset.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
/** The widest offset in use (Kiribati, UTC+14:00); PostgreSQL refuses some wider ones. */
const MAX_OFFSET_MINUTES = 14 * 60;
const MINUTES_PER_DAY = 24 * 60;

/** What the `date-time` format of request schemas accepts, for schema descriptions. */
export const DATE_TIME_RULE =
  'RFC 3339 date-time on the calendar, year 0001 to 9999, offset within ±14:00, at most 9 fractional digits.';

/**
 * Whether `text` is a date-time the gateway takes, and PostgreSQL's `timestamptz` reads as
 * the same instant: RFC 3339 as ajv-formats' full `date-time` checks it (a real calendar
 * day, 2026-02-30 is not; a leap second only at 23:59 UTC), and further a year from 0001
 * to 9999 (PostgreSQL has no year 0000), an offset within ±14:00 (`+23:59` is RFC 3339
 * but no zone's, and PostgreSQL refuses it) and at most 9 fractional digits (PostgreSQL
 * refuses long ones).
 */
export function isDateTimeInRange(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (match === null) {
    return false;
  }
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map(Number);
  const offsetMinutes =
    match[7] === undefined
      ? 0
      : (match[7] === '-' ? -1 : 1) * (Number(match[8]) * 60 + Number(match[9]));
  if (
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    Number(match[9] ?? 0) > 59 ||
    Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES
  ) {
    return false;
  }
  if (second < 60) {
    return true;
  }
  // A leap second is inserted at the end of a UTC day.
  const utcMinute =
    (((hour * 60 + minute - offsetMinutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return second === 60 && utcMinute === MINUTES_PER_DAY - 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
