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
  /**
   * The share of `queueLimit` (0 to 1] one tenant's waiting calls may take; the rest stays
   * free for other tenants of the same account. 1 (the default) is no per-tenant cap.
   */
  readonly tenantShare?: number;
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
  readonly #tenantLimit: number;
  readonly #requestsPerSecond: number | undefined;
  /** Calls waiting per tenant: the fair-share cap and the turn order read it. */
  readonly #waitingByTenant = new Map<string, number>();

  constructor(options: CarrierLimiterOptions) {
    const limits = options.rateLimits ?? {};
    this.#queueLimit = Math.max(0, options.queueLimit);
    const share = Math.min(1, Math.max(0, options.tenantShare ?? 1));
    this.#tenantLimit = Math.max(1, Math.floor(this.#queueLimit * share));
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
   * {@link LimiterRejectedError} when the queue (or the tenant's share of it) is full or
   * the wait outlasts `waitMs`; once started, the task runs to its end (it is bounded by
   * its own timeout).
   *
   * Tenants take turns: a call's priority is minus the number of calls its tenant already
   * has waiting, so every tenant's first waiting call starts before any tenant's second
   * (p-queue runs higher priorities first, in arrival order among equals). One tenant's
   * burst therefore delays another tenant's call by at most one call per waiting tenant.
   */
  async run<Result>(task: () => Promise<Result>, waitMs: number, tenantId = ''): Promise<Result> {
    if (waitMs <= 0) {
      throw new LimiterRejectedError('deadline', this.#retryAfterMs());
    }
    const idle = this.#queue.pending < this.#queue.concurrency && this.#queue.size === 0;
    const waitingOfTenant = this.#waitingByTenant.get(tenantId) ?? 0;
    if (!idle && (this.#queue.size >= this.#queueLimit || waitingOfTenant >= this.#tenantLimit)) {
      throw new LimiterRejectedError('queue-full', this.#retryAfterMs());
    }
    // The signal only ever aborts a waiting task: p-queue would also "abandon" a running
    // one, losing an answer the carrier already gave.
    const controller = new AbortController();
    let started = false;
    const leaveQueue = () => {
      if (!started) {
        started = true;
        this.#countWaiting(tenantId, -1);
      }
    };
    const timer = setTimeout(() => {
      if (!started) {
        controller.abort(new LimiterRejectedError('deadline', this.#retryAfterMs()));
      }
    }, waitMs);
    this.#countWaiting(tenantId, 1);
    try {
      return await this.#queue.add(
        () => {
          leaveQueue();
          clearTimeout(timer);
          return task();
        },
        { signal: controller.signal, priority: -waitingOfTenant },
      );
    } finally {
      leaveQueue();
      clearTimeout(timer);
    }
  }

  #countWaiting(tenantId: string, change: 1 | -1): void {
    const count = (this.#waitingByTenant.get(tenantId) ?? 0) + change;
    if (count <= 0) {
      this.#waitingByTenant.delete(tenantId);
    } else {
      this.#waitingByTenant.set(tenantId, count);
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
