/** What @fastify/rate-limit's stores answer: units used (above `max` when refused) and a wait. */
export interface BucketState {
  readonly current: number;
  readonly ttl: number;
}

type Callback = (error: Error | null, result?: BucketState) => void;

/** A store as @fastify/rate-limit calls it (`read` serves `{ increment: false }`). */
export interface TokenBucketStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  read(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(): TokenBucketStore;
}

/** Keys one store remembers; beyond it, full buckets and then the least recently used go. */
const MAX_KEYS = 50_000;
/** Slack for floating-point sums of intervals. */
const EPSILON_MS = 1e-6;

/**
 * A token bucket (GCRA) behind @fastify/rate-limit's store interface, where the plugin's
 * own stores count fixed windows. `max` is the bucket's size (the burst) and `timeWindow`
 * the time to refill it entirely, so one token comes back every `timeWindow / max` ms.
 * Each key keeps one number, the theoretical arrival time of its next request.
 *
 * Answers as the plugin expects: `current` is the tokens in use (`max + 1` when the request
 * is refused) and `ttl` the milliseconds until one more token is free.
 */
export function tokenBucketStore(
  clock: () => number = Date.now,
): new (
  options?: unknown,
) => TokenBucketStore {
  class Store implements TokenBucketStore {
    readonly #arrivals = new Map<string, number>();

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      const now = clock();
      const interval = timeWindow / max;
      const due = Math.max(this.#arrivals.get(key) ?? now, now);
      const next = due + interval;
      if (next - now > timeWindow + EPSILON_MS) {
        callback(null, { current: max + 1, ttl: next - now - timeWindow });
        return;
      }
      this.#remember(key, next, now);
      callback(null, inUse(next - now, interval));
    }

    read(key: string, callback: Callback, timeWindow: number, max: number): void {
      const now = clock();
      const due = Math.max(this.#arrivals.get(key) ?? now, now);
      callback(null, inUse(due - now, timeWindow / max));
    }

    child(): TokenBucketStore {
      return new Store();
    }

    #remember(key: string, next: number, now: number): void {
      // Re-inserted, so the map's order is least recently limited first.
      this.#arrivals.delete(key);
      this.#arrivals.set(key, next);
      if (this.#arrivals.size <= MAX_KEYS) {
        return;
      }
      for (const [oldKey, arrival] of this.#arrivals) {
        if (arrival <= now) {
          this.#arrivals.delete(oldKey);
        }
      }
      for (const oldKey of this.#arrivals.keys()) {
        if (this.#arrivals.size <= MAX_KEYS) {
          break;
        }
        this.#arrivals.delete(oldKey);
      }
    }
  }
  return Store;
}

/** Tokens in use when the bucket is `aheadMs` behind, and the wait for the next one. */
function inUse(aheadMs: number, interval: number): BucketState {
  const current = Math.max(0, Math.ceil(aheadMs / interval - EPSILON_MS));
  return { current, ttl: current === 0 ? 0 : aheadMs - (current - 1) * interval };
}
