/** What {@link AccountCalls.summary} answers for one carrier account. */
export interface AccountCallSummary {
  readonly carrier: string;
  readonly account: string;
  /** Calls counted since the last reset. */
  readonly calls: number;
  /** The most calls that arrived within any `windowMs` (a sliding window, not clock seconds). */
  readonly maxInWindow: number;
}

/** Arrival times kept per account: enough for minutes of a carrier's published rate. */
const KEPT_PER_ACCOUNT = 100_000;

/**
 * When each carrier account's calls arrived, by the real clock (a rate limit is about real
 * seconds, whatever the simulated clock says), so a test can read the most calls an
 * account made in any one second: what a carrier's rate limit would have seen.
 */
export class AccountCalls {
  readonly #arrivals = new Map<string, { carrier: string; account: string; at: number[] }>();
  readonly #now: () => number;

  constructor(now: () => number = () => performance.timeOrigin + performance.now()) {
    this.#now = now;
  }

  /** Counts one call `account` made to `carrier`. */
  record(carrier: string, account: string): void {
    const key = `${carrier}\u0000${account}`;
    let entry = this.#arrivals.get(key);
    if (entry === undefined) {
      entry = { carrier, account, at: [] };
      this.#arrivals.set(key, entry);
    }
    if (entry.at.length >= KEPT_PER_ACCOUNT) {
      entry.at.shift();
    }
    entry.at.push(this.#now());
  }

  /** Every account's calls and the most of them within any `windowMs`. */
  summary(windowMs: number): AccountCallSummary[] {
    return [...this.#arrivals.values()].map(({ carrier, account, at }) => ({
      carrier,
      account,
      calls: at.length,
      maxInWindow: maxInWindow(at, windowMs),
    }));
  }

  /** Forgets every call. */
  clear(): void {
    this.#arrivals.clear();
  }
}

/** The most of the sorted `times` within any half-open window of `windowMs`. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= windowMs) {
      first += 1;
    }
    most = Math.max(most, last - first + 1);
  }
  return most;
}
