import type { RateLimits } from '@parcelgate/carrier-kit';

/**
 * Where this replica sits among the live replicas sharing one PostgreSQL: its place in
 * the list of their ids, sorted, and how many there are. Every replica that sees the same
 * list computes the same shares, and the shares of one list add up to the limit.
 */
export interface ClusterSeat {
  readonly rank: number;
  readonly count: number;
}

/** The only replica: the embedded database, or cluster limits turned off. */
export const SOLE_SEAT: ClusterSeat = { rank: 0, count: 1 };

/**
 * The limits one replica applies to one carrier account: at most `concurrency` calls at
 * once and, when the account declares a rate, at most `window.cap` starts in any
 * `window.intervalMs`.
 */
export interface LimitShare {
  readonly concurrency: number;
  readonly window: { readonly cap: number; readonly intervalMs: number } | undefined;
}

/** No share at all: a replica not yet admitted by the others, or one cut off from them. */
export function noShare(limits: RateLimits | undefined): LimitShare {
  const window = declaredWindow(limits);
  return { concurrency: 0, window: window === undefined ? undefined : { ...window, cap: 0 } };
}

/**
 * The declared rate as a strict sliding window: at most `burst` calls start in any
 * `burst / requestsPerSecond` seconds, never more than a token bucket of the same numbers
 * allows. Undefined when the carrier declares no rate.
 */
export function declaredWindow(
  limits: RateLimits | undefined,
): { readonly cap: number; readonly intervalMs: number } | undefined {
  const rate = limits?.requestsPerSecond;
  if (rate === undefined || rate <= 0) {
    return undefined;
  }
  const cap = Math.max(1, Math.floor(limits?.burst ?? rate));
  return { cap, intervalMs: Math.max(1, Math.round((cap / rate) * 1000)) };
}

/**
 * This replica's share of an account's limits: the window's cap and the concurrency split
 * evenly in whole calls, the first `limit % count` replicas taking one more, so the shares
 * of one list of replicas add up to exactly the limit. Every replica keeps the declared
 * window's length, so the sum holds over any window of that length, not only on average.
 *
 * A replica's share under a longer list is never larger than under a shorter one, which
 * keeps the sum within the limit while replicas see different lists for a moment. A limit
 * smaller than the number of replicas leaves the last ones a share of 0 for that account.
 */
export function shareOf(limits: RateLimits | undefined, seat: ClusterSeat | null): LimitShare {
  if (seat === null) {
    return noShare(limits);
  }
  const window = declaredWindow(limits);
  const maxConcurrency = limits?.maxConcurrency;
  return {
    concurrency:
      maxConcurrency === undefined ? Number.POSITIVE_INFINITY : splitEvenly(maxConcurrency, seat),
    window:
      window === undefined
        ? undefined
        : { cap: splitEvenly(window.cap, seat), intervalMs: window.intervalMs },
  };
}

/** `total` split in whole parts over `seat.count` replicas: this one's part. */
export function splitEvenly(total: number, seat: ClusterSeat): number {
  const count = Math.max(1, seat.count);
  const whole = Math.floor(total);
  return Math.floor(whole / count) + (seat.rank < whole % count ? 1 : 0);
}

/** Each dimension of `a` and `b`, the smaller one: what is safe to apply at once. */
export function smallerShare(a: LimitShare, b: LimitShare): LimitShare {
  return {
    concurrency: Math.min(a.concurrency, b.concurrency),
    window:
      a.window === undefined || b.window === undefined
        ? (a.window ?? b.window)
        : { cap: Math.min(a.window.cap, b.window.cap), intervalMs: a.window.intervalMs },
  };
}

/** Whether two shares are the same. */
export function sameShare(a: LimitShare, b: LimitShare): boolean {
  return a.concurrency === b.concurrency && a.window?.cap === b.window?.cap;
}

/** The share as requests per second (undefined: no rate declared), for the metrics. */
export function requestsPerSecondOf(share: LimitShare): number | undefined {
  return share.window === undefined
    ? undefined
    : (share.window.cap * 1000) / share.window.intervalMs;
}
