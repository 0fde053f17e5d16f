/** A monotonic clock in milliseconds (`performance.now()` in production, a fake in tests). */
export type MonotonicClock = () => number;

/** The production clock: monotonic, so wall-clock jumps cannot open a breaker or reset a budget. */
export const monotonicNow: MonotonicClock = () => performance.now();

/**
 * Counters over the last `windowMs`, kept in `bucketCount` buckets so old events fall out
 * in steps instead of being remembered one by one: memory stays constant under any load,
 * at the cost of up to one bucket of imprecision at the window's trailing edge.
 */
export class SlidingWindow<Field extends string> {
  readonly #bucketMs: number;
  readonly #bucketCount: number;
  readonly #now: MonotonicClock;
  /** Newest last; each bucket starts at `index * bucketMs`. */
  #buckets: { index: number; counts: Partial<Record<Field, number>> }[] = [];

  constructor(options: {
    readonly windowMs: number;
    readonly bucketCount?: number;
    readonly now: MonotonicClock;
  }) {
    this.#bucketCount = Math.max(1, options.bucketCount ?? 10);
    this.#bucketMs = Math.max(1, options.windowMs / this.#bucketCount);
    this.#now = options.now;
  }

  /** Adds `amount` to `field` in the current bucket. */
  add(field: Field, amount = 1): void {
    const index = Math.floor(this.#now() / this.#bucketMs);
    this.#evict(index);
    let bucket = this.#buckets.at(-1);
    if (bucket === undefined || bucket.index !== index) {
      bucket = { index, counts: {} };
      this.#buckets.push(bucket);
    }
    bucket.counts[field] = (bucket.counts[field] ?? 0) + amount;
  }

  /** The total of `field` over the window. */
  sum(field: Field): number {
    this.#evict(Math.floor(this.#now() / this.#bucketMs));
    let total = 0;
    for (const bucket of this.#buckets) {
      total += bucket.counts[field] ?? 0;
    }
    return total;
  }

  /** Forgets everything, e.g. when a circuit closes again. */
  clear(): void {
    this.#buckets = [];
  }

  #evict(currentIndex: number): void {
    const oldest = currentIndex - this.#bucketCount + 1;
    while (this.#buckets.length > 0 && (this.#buckets[0]?.index ?? oldest) < oldest) {
      this.#buckets.shift();
    }
  }
}
