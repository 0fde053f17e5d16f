/**
 * Default start of simulated time: 2026-11-26 08:00 in China (UTC+8). Fixed so that
 * event times, and so snapshots in tests, do not depend on when the tests run.
 */
export const DEFAULT_CLOCK_START = Date.UTC(2026, 10, 26, 0, 0, 0);

/**
 * Simulated time. It never moves by itself: only {@link SimClock.advance} (the control
 * API's `POST /__sim/clock/advance`) moves it, so journeys are reproducible.
 */
export class SimClock {
  readonly #start: number;
  #now: number;

  /** @param start epoch milliseconds the clock starts at, and returns to on reset. */
  constructor(start: number = DEFAULT_CLOCK_START) {
    this.#start = start;
    this.#now = start;
  }

  /** Current simulated time in epoch milliseconds. */
  now(): number {
    return this.#now;
  }

  /** Moves time forward; a negative or non-finite step is a programming error. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`clock can only move forward, got ${ms} ms`);
    }
    this.#now += ms;
    return this.#now;
  }

  /** Back to the start instant. */
  reset(): void {
    this.#now = this.#start;
  }
}
