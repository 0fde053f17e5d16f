import type { RateLimits } from '@parcelgate/carrier-kit';
import {
  type ClusterSeat,
  type LimitShare,
  SOLE_SEAT,
  sameShare,
  shareOf,
  smallerShare,
} from './limit-shares.ts';

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
  /** This replica's seat among the replicas sharing the account; alone by default. */
  readonly seat?: ClusterSeat | null;
}

/** A call waiting for a slot. */
interface Waiter {
  readonly priority: number;
  start(): void;
  refuse(error: LimiterRejectedError): void;
}

/**
 * Concurrency and rate limits of one carrier account. The queue is bounded: past
 * `queueLimit` a call is refused with a Retry-After instead of piling up, and a waiting
 * call whose deadline passes leaves the queue without ever reaching the carrier.
 *
 * The declared `requestsPerSecond` and `burst` become a strict sliding window: at most
 * `burst` calls start in any `burst / requestsPerSecond` seconds. That is never more than a
 * token bucket of the same numbers allows, so the carrier's limit holds.
 *
 * On PostgreSQL several replicas share an account, each with its share of these limits
 * ({@link CarrierLimiter.setSeat}, ADR 0009). The share changes while calls run, which
 * p-queue (used before) cannot do with its rate window: so the queue is kept here, a list
 * in priority order and the start times of the last window.
 */
export class CarrierLimiter {
  readonly #rateLimits: RateLimits | undefined;
  readonly #queueLimit: number;
  readonly #tenantLimit: number;
  /** What applies now. */
  #share: LimitShare;
  /** What the seat gives, applied once a larger share is safe (see setSeat). */
  #target: LimitShare;
  #growTimer: NodeJS.Timeout | undefined;
  #running = 0;
  /** When the calls of the current window started (Date.now(), oldest first). */
  #starts: number[] = [];
  /** Waiting calls, highest priority first, in arrival order among equals. */
  #waiters: Waiter[] = [];
  #pumpTimer: NodeJS.Timeout | undefined;
  /** Calls waiting per tenant: the fair-share cap and the turn order read it. */
  readonly #waitingByTenant = new Map<string, number>();

  constructor(options: CarrierLimiterOptions) {
    this.#rateLimits = options.rateLimits;
    this.#queueLimit = Math.max(0, options.queueLimit);
    const share = Math.min(1, Math.max(0, options.tenantShare ?? 1));
    this.#tenantLimit = Math.max(1, Math.floor(this.#queueLimit * share));
    this.#share = shareOf(
      options.rateLimits,
      options.seat === undefined ? SOLE_SEAT : options.seat,
    );
    this.#target = this.#share;
  }

  /** Calls running now. */
  get running(): number {
    return this.#running;
  }

  /** Calls waiting for a slot. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /** The share of the account's limits this replica applies now. */
  get share(): LimitShare {
    return this.#share;
  }

  /** The account's declared limits (the adapter's, with the account's overrides). */
  get rateLimits(): RateLimits | undefined {
    return this.#rateLimits;
  }

  /**
   * Whether the calls running now fit the share: a replica tells the others it has taken
   * a smaller share only once its calls already sent fit it.
   */
  get settled(): boolean {
    return this.#running <= this.#share.concurrency;
  }

  /**
   * Moves to the share of a new seat. A smaller share applies at once (the starts of the
   * current window count against it); a larger one only after one window, so the starts
   * another replica made under its own larger share have left the window by then.
   * `growAtOnce` skips that wait, for a replica that knows no other one is calling.
   */
  setSeat(seat: ClusterSeat | null, growAtOnce = false): void {
    const target = shareOf(this.#rateLimits, seat);
    clearTimeout(this.#growTimer);
    this.#growTimer = undefined;
    this.#target = target;
    const now = growAtOnce ? target : smallerShare(this.#share, target);
    this.#share = now;
    if (!sameShare(now, target)) {
      this.#growTimer = setTimeout(() => {
        this.#growTimer = undefined;
        this.#share = this.#target;
        this.#pump();
      }, target.window?.intervalMs ?? 0);
      this.#growTimer.unref?.();
    }
    this.#pump();
  }

  /** Whether a larger share is still waiting for its window to pass. */
  get growing(): boolean {
    return this.#growTimer !== undefined;
  }

  /**
   * Runs `task` when a slot is free, waiting at most `waitMs`. Rejects with
   * {@link LimiterRejectedError} when the queue (or the tenant's share of it) is full or
   * the wait outlasts `waitMs`; once started, the task runs to its end (it is bounded by
   * its own timeout).
   *
   * Tenants take turns: a call's priority is minus the number of calls its tenant already
   * has waiting, so every tenant's first waiting call starts before any tenant's second
   * (higher priorities first, in arrival order among equals). One tenant's burst therefore
   * delays another tenant's call by at most one call per waiting tenant.
   */
  async run<Result>(task: () => Promise<Result>, waitMs: number, tenantId = ''): Promise<Result> {
    if (waitMs <= 0) {
      throw new LimiterRejectedError('deadline', this.#retryAfterMs());
    }
    const idle = this.#running < this.#share.concurrency && this.#waiters.length === 0;
    const waitingOfTenant = this.#waitingByTenant.get(tenantId) ?? 0;
    if (
      !idle &&
      (this.#waiters.length >= this.#queueLimit || waitingOfTenant >= this.#tenantLimit)
    ) {
      throw new LimiterRejectedError('queue-full', this.#retryAfterMs());
    }
    this.#countWaiting(tenantId, 1);
    // Counted out synchronously as the call leaves the queue: the next call's turn reads it.
    const leave = () => this.#countWaiting(tenantId, -1);
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        priority: -waitingOfTenant,
        start: () => {
          clearTimeout(timer);
          leave();
          resolve();
        },
        refuse: (error) => {
          clearTimeout(timer);
          leave();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        const index = this.#waiters.indexOf(waiter);
        if (index !== -1) {
          this.#waiters.splice(index, 1);
          waiter.refuse(new LimiterRejectedError('deadline', this.#retryAfterMs()));
        }
      }, waitMs);
      this.#enqueue(waiter);
      this.#pump();
    });
    try {
      return await task();
    } finally {
      this.#running -= 1;
      this.#pump();
    }
  }

  /** Drops waiting calls (at shutdown): they are refused as if the queue were full. */
  clear(): void {
    clearTimeout(this.#growTimer);
    clearTimeout(this.#pumpTimer);
    this.#growTimer = undefined;
    this.#pumpTimer = undefined;
    const dropped = this.#waiters;
    this.#waiters = [];
    for (const waiter of dropped) {
      waiter.refuse(new LimiterRejectedError('queue-full', this.#retryAfterMs()));
    }
  }

  #enqueue(waiter: Waiter): void {
    let index = this.#waiters.length;
    while (index > 0 && (this.#waiters[index - 1]?.priority ?? 0) < waiter.priority) {
      index -= 1;
    }
    this.#waiters.splice(index, 0, waiter);
  }

  /** Starts every waiting call the share allows now, and wakes up when the window moves. */
  #pump(): void {
    const { concurrency, window } = this.#share;
    const now = Date.now();
    if (window !== undefined) {
      let expired = 0;
      while (
        expired < this.#starts.length &&
        now - (this.#starts[expired] ?? now) >= window.intervalMs
      ) {
        expired += 1;
      }
      if (expired > 0) {
        this.#starts.splice(0, expired);
      }
    }
    while (
      this.#waiters.length > 0 &&
      this.#running < concurrency &&
      (window === undefined || this.#starts.length < window.cap)
    ) {
      const waiter = this.#waiters.shift() as Waiter;
      this.#running += 1;
      if (window !== undefined) {
        this.#starts.push(now);
      }
      waiter.start();
    }
    const blockedByWindow =
      window !== undefined &&
      window.cap > 0 &&
      this.#waiters.length > 0 &&
      this.#running < concurrency &&
      this.#starts.length >= window.cap;
    if (blockedByWindow && this.#pumpTimer === undefined) {
      // The slot frees when enough of the oldest starts leave the window.
      const freesAt = (this.#starts[this.#starts.length - window.cap] ?? now) + window.intervalMs;
      this.#pumpTimer = setTimeout(
        () => {
          this.#pumpTimer = undefined;
          this.#pump();
        },
        Math.max(1, freesAt - now),
      );
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

  /** A guess at when a slot frees up: the queue drained at this share's rate, at least 1 s. */
  #retryAfterMs(): number {
    const window = this.#share.window;
    const rate =
      this.#rateLimits?.requestsPerSecond === undefined || window === undefined || window.cap === 0
        ? undefined
        : (window.cap * 1000) / window.intervalMs;
    const drainMs = rate === undefined ? 0 : ((this.#waiters.length + 1) / rate) * 1000;
    return Math.max(1_000, Math.ceil(drainMs));
  }
}
