/** How long to wait between attempts. */
export interface BackoffSettings {
  /** The cap of the first pause; each retry doubles it. */
  readonly baseDelayMs: number;
  /** No computed pause is longer than this (a Retry-After may be). */
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a uniform pick in [0, min(max, base * 2^(retry - 1))). Full jitter spreads the
 * retries of many clients that failed together, which equal pauses would synchronize.
 *
 * @param retry 1 for the first retry.
 * @param random a number in [0, 1), `Math.random` outside tests.
 */
export function backoffDelayMs(
  retry: number,
  settings: BackoffSettings,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110
 * §10.2.3). A date in the past means "now" (0); an unreadable value is ignored (undefined).
 */
export function parseRetryAfterMs(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  // Dates name a weekday and a month; without letters, Date.parse would read "-3" as a year.
  const at = /[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The pause before a retry. The server's Retry-After is a floor (it knows when it will
 * recover); the jittered backoff is added on top, so clients told the same Retry-After do
 * not all come back in the same millisecond.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  settings: BackoffSettings,
  random?: () => number,
): number {
  const backoff = backoffDelayMs(retry, settings, random);
  return (retryAfterMs ?? 0) + backoff;
}
