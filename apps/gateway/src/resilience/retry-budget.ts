import { type MonotonicClock, SlidingWindow } from './sliding-window.ts';

/** How many retries a carrier may get, relative to its calls. */
export interface RetryBudgetOptions {
  /** Retries may be at most this share of the calls in the window (0.1: 10 %). */
  readonly ratio: number;
  /**
   * Retries always allowed per window, however few the calls: without it a quiet carrier
   * (one call a minute) could never be retried at all.
   */
  readonly minRetries: number;
  readonly windowMs: number;
  readonly now: MonotonicClock;
}

/**
 * A per-carrier retry budget (Finagle's RetryBudget, gRPC's retry throttling): retries in
 * the sliding window may not exceed max(`minRetries`, `ratio` × calls). A healthy carrier
 * that fails now and then gets every retry it needs; a carrier in an outage gets at most
 * `ratio` more traffic than callers send, so retries cannot turn an outage into a storm.
 */
export class RetryBudget {
  readonly #window: SlidingWindow<'calls' | 'retries'>;
  readonly #ratio: number;
  readonly #minRetries: number;

  constructor(options: RetryBudgetOptions) {
    this.#window = new SlidingWindow({ windowMs: options.windowMs, now: options.now });
    this.#ratio = options.ratio;
    this.#minRetries = options.minRetries;
  }

  /** Counts a first attempt (a call a client asked for). */
  recordCall(): void {
    this.#window.add('calls');
  }

  /**
   * Takes one retry from the budget when it has one; false means "do not retry". Checked
   * and taken in one synchronous step, so concurrent failures cannot overdraw it.
   */
  tryTakeRetry(): boolean {
    const allowed = Math.max(this.#minRetries, this.#ratio * this.#window.sum('calls'));
    if (this.#window.sum('retries') + 1 > allowed) {
      return false;
    }
    this.#window.add('retries');
    return true;
  }

  /** Calls and retries in the window, for tests and diagnostics. */
  snapshot(): { readonly calls: number; readonly retries: number } {
    return { calls: this.#window.sum('calls'), retries: this.#window.sum('retries') };
  }
}
