const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whether a string is an ISO 8601 date-time with an explicit offset (or Z) that parses. */
export function isIsoDateTimeWithOffset(value: unknown): value is string {
  return (
    typeof value === 'string' && ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value))
  );
}

/** The pieces carriers send a local time in. */
export interface LocalDateTimeParts {
  /** `YYYYMMDD` or `YYYY-MM-DD`. */
  readonly date: string;
  /** `HHmmss`, `HHmm`, `HH:mm:ss` or `HH:mm`; midnight when absent. */
  readonly time?: string | undefined;
  /** `+08:00`, `+0800`, `-05:00`, `Z`; the carrier's documented zone when it sends none. */
  readonly offset: string;
}

/**
 * Turns a carrier's local date and time into ISO 8601 with an offset, e.g. UPS's
 * `20261126` + `091000` + `-05:00`, or SF's `2026-11-26 09:10:00` in China time.
 * Throws a RangeError for input that is not a real date; adapters parse inside
 * `parseJsonResponse`, which classifies it.
 */
export function toIsoDateTime(parts: LocalDateTimeParts): string {
  const date = normalizeDate(parts.date);
  const time = normalizeTime(parts.time);
  const offset = normalizeOffset(parts.offset);
  const iso = `${date}T${time}${offset}`;
  if (!isIsoDateTimeWithOffset(iso) || !isRealDate(date)) {
    throw new RangeError(
      `not a valid date-time: ${parts.date} ${parts.time ?? ''} ${parts.offset}`,
    );
  }
  return iso;
}

/**
 * Splits `YYYY-MM-DD HH:mm:ss` (the form most Chinese carriers use) and converts it like
 * {@link toIsoDateTime}.
 */
export function localDateTimeToIso(value: string, offset: string): string {
  const [date = '', time] = value.trim().split(/[ T]/, 2);
  return toIsoDateTime({ date, time, offset });
}

function normalizeDate(date: string): string {
  const digits = date.replaceAll('-', '');
  if (!/^\d{8}$/.test(digits)) {
    throw new RangeError(`not a date: ${date}`);
  }
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

function normalizeTime(time: string | undefined): string {
  const digits = (time ?? '000000').replaceAll(':', '');
  if (!/^\d{4}(?:\d{2})?$/.test(digits)) {
    throw new RangeError(`not a time: ${time}`);
  }
  const padded = digits.padEnd(6, '0');
  return `${padded.slice(0, 2)}:${padded.slice(2, 4)}:${padded.slice(4, 6)}`;
}

function normalizeOffset(offset: string): string {
  if (offset === 'Z' || offset === 'z') {
    return 'Z';
  }
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (match === null) {
    throw new RangeError(`not a UTC offset: ${offset}`);
  }
  return `${match[1]}${match[2]}:${match[3]}`;
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}
