const DELAY_SECONDS = /^\d+$/;
/** All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) start with a day name. */
const HTTP_DATE_START = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * Reads an HTTP Retry-After value (RFC 9110 §10.2.3), which is either a number of seconds
 * or an HTTP date, into milliseconds from `now`. A date in the past gives 0; anything
 * unreadable gives undefined, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: Date = new Date(),
): number | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') {
    return undefined;
  }
  if (DELAY_SECONDS.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  // Date.parse alone is too lenient: it reads "1.5" and "-3" as dates.
  const at = HTTP_DATE_START.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) {
    return undefined;
  }
  return Math.max(0, at - now.getTime());
}
