import type { RateLimits } from '@parcelgate/carrier-kit';
import PQueue from 'p-queue';

/** Why the limiter refused to run a call. */
export type LimiterRefusal = 'queue-full' | 'deadline';

/** Thrown by {@link CarrierLimiter.run} when a call never started. */
export class LimiterRejectedError extends Error {
  readonly reason: LimiterRefusal;
  /** How long a client should wait before trying again. */
  readonly retryAfterMs: number;

  constructor(reason: LimiterRefusal, retryAfterMs: number) {
    super(
      reason === 'queue-full'
        ? 'too many calls are waiting for this carrier'
        : 'the latency budget ran out while waiting for this carrier',
    );
    this.name = 'LimiterRejectedError';
    this.reason = reason;
    this.retryAfterMs = retryAfterMs;
  }
}

/** How one carrier account's calls are limited. */
export interface CarrierLimiterOptions {
  readonly rateLimits: RateLimits | undefined;
  /** Calls that may wait for a slot; past it, calls are refused at once. */
  readonly queueLimit: number;
}

/**
 * Concurrency and rate limits of one carrier account, on p-queue (a well-kept library:
 * concurrency, sliding-window rate limits and removal of waiting tasks on abort are the
 * parts easy to get subtly wrong by hand). The queue is bounded: past `queueLimit` a call
 * is refused with a Retry-After instead of piling up, and a waiting call whose deadline
 * passes leaves the queue without ever reaching the carrier.
 *
 * The declared `requestsPerSecond` and `burst` become a strict sliding window: at most
 * `burst` calls start in any `burst / requestsPerSecond` seconds. That is never more than a
 * token bucket of the same numbers allows, so the carrier's limit holds.
 */
export class CarrierLimiter {
  readonly #queue: PQueue;
  readonly #queueLimit: number;
  readonly #requestsPerSecond: number | undefined;

  constructor(options: CarrierLimiterOptions) {
    const limits = options.rateLimits ?? {};
    this.#queueLimit = Math.max(0, options.queueLimit);
    this.#requestsPerSecond = limits.requestsPerSecond;
    const rate =
      limits.requestsPerSecond === undefined || limits.requestsPerSecond <= 0
        ? {}
        : windowFor(limits.requestsPerSecond, limits.burst);
    this.#queue = new PQueue({ concurrency: limits.maxConcurrency ?? Infinity, ...rate });
  }

  /** Calls running now. */
  get running(): number {
    return this.#queue.pending;
  }

  /** Calls waiting for a slot. */
  get waiting(): number {
    return this.#queue.size;
  }

  /**
   * Runs `task` when a slot is free, waiting at most `waitMs`. Rejects with
   * {@link LimiterRejectedError} when the queue is full or the wait outlasts `waitMs`;
   * once started, the task runs to its end (it is bounded by its own timeout).
   */
  async run<Result>(task: () => Promise<Result>, waitMs: number): Promise<Result> {
    if (waitMs <= 0) {
      throw new LimiterRejectedError('deadline', this.#retryAfterMs());
    }
    const idle = this.#queue.pending < this.#queue.concurrency && this.#queue.size === 0;
    if (!idle && this.#queue.size >= this.#queueLimit) {
      throw new LimiterRejectedError('queue-full', this.#retryAfterMs());
    }
    // The signal only ever aborts a waiting task: p-queue would also "abandon" a running
    // one, losing an answer the carrier already gave.
    const controller = new AbortController();
    let started = false;
    const timer = setTimeout(() => {
      if (!started) {
        controller.abort(new LimiterRejectedError('deadline', this.#retryAfterMs()));
      }
    }, waitMs);
    try {
      return await this.#queue.add(
        () => {
          started = true;
          clearTimeout(timer);
          return task();
        },
        { signal: controller.signal },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops waiting calls (at shutdown). */
  clear(): void {
    this.#queue.clear();
  }

  /** A guess at when a slot frees up: the queue drained at the declared rate, at least 1 s. */
  #retryAfterMs(): number {
    const rate = this.#requestsPerSecond;
    const drainMs = rate === undefined ? 0 : ((this.#queue.size + 1) / rate) * 1000;
    return Math.max(1_000, Math.ceil(drainMs));
  }
}

function windowFor(requestsPerSecond: number, burst: number | undefined) {
  const intervalCap = Math.max(1, Math.floor(burst ?? requestsPerSecond));
  return {
    intervalCap,
    interval: Math.max(1, Math.round((intervalCap / requestsPerSecond) * 1000)),
    strict: true,
  };
}
