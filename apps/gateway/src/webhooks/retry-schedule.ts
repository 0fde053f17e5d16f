/** When a failed delivery is tried again, and when it is given up. */
export interface RetrySchedule {
  /** The pause after the first failure; each later pause is three times longer. */
  readonly baseMs: number;
  /** The longest pause. */
  readonly maxDelayMs: number;
  /** A delivery failing for this long since its first failure is given up. */
  readonly giveUpAfterMs: number;
}

/** What follows a failed attempt. */
export type NextStep =
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'give-up' };

/**
 * Exponential backoff with equal jitter: after the n-th failure the pause is between half
 * and all of `baseMs × 3^(n-1)` (capped at `maxDelayMs`), so receivers that failed together
 * are not all retried in the same instant, yet no pause is shorter than half its step.
 * Retries go on until `giveUpAfterMs` has passed since the first failure: with the
 * defaults (5 s, 4 h, 25 h) that is about fifteen attempts over more than a day.
 */
export function nextDeliveryStep(input: {
  /** Failed attempts so far, this one included (1 after the first failure). */
  readonly failures: number;
  readonly firstFailedAt: Date;
  readonly now: Date;
  readonly schedule: RetrySchedule;
  /** A number in [0, 1); replaced in tests. */
  readonly random?: () => number;
}): NextStep {
  const { schedule } = input;
  if (input.now.getTime() - input.firstFailedAt.getTime() >= schedule.giveUpAfterMs) {
    return { kind: 'give-up' };
  }
  const exponent = Math.max(0, input.failures - 1);
  const step = Math.min(schedule.maxDelayMs, schedule.baseMs * 3 ** Math.min(exponent, 30));
  const random = input.random ?? Math.random;
  return { kind: 'retry', delayMs: Math.round(step / 2 + (random() * step) / 2) };
}
