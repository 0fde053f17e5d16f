import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import type { Operation } from '../deadline/budgets.ts';
import type { CarrierFailure } from './call-carrier.ts';

/** How retries are spaced and bounded. */
export interface RetryTuning {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** The full-jitter ceiling of the first retry; it doubles with each retry. */
  readonly baseDelayMs: number;
  /** The ceiling never grows past this. */
  readonly maxDelayMs: number;
  /**
   * An attempt is not started with less than this left of the budget: it could not finish,
   * and for an action it would only turn a clear failure into an unknown outcome.
   */
  readonly minAttemptMs: number;
}

/** Why the policy stopped, for logs and tests. */
export type NoRetryReason =
  | 'not-retryable'
  | 'attempts-exhausted'
  | 'no-time'
  | 'retry-after-too-long'
  /** The carrier's retry budget is spent (see retry-budget.ts). */
  | 'retry-budget';

/** The policy's answer after a failed attempt. */
export type RetryPlan =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: NoRetryReason };

/**
 * Whether a failure may be retried for this operation (docs/architecture.md, "A request's
 * path through the gateway"). Reads retry on anything transient: 5xx and network trouble, rate
 * limits, per-try timeouts. Intercepts and redirects act on the world, so they retry only
 * when the error proves the carrier never received the request (`requestSent === false`:
 * refused, DNS, TLS before sending) or when the carrier deduplicates by our reference
 * (`safeToRetry`); a 503 or 429 was received, so it is not retried otherwise. Adapter
 * defects are deterministic and never retried; neither are client aborts (callers stop
 * before asking).
 */
export function isRetryable(
  failure: CarrierFailure,
  operation: Operation,
  safeToRetry: boolean,
): boolean {
  const isRead = operation === 'track';
  switch (failure.kind) {
    case 'adapter-defect':
      return false;
    case 'timeout':
      return isRead || safeToRetry;
    case 'carrier-error': {
      const { error } = failure;
      if (!['retryable', 'rate-limited', 'outcome-unknown'].includes(error.kind)) {
        return false;
      }
      return isRead || safeToRetry || error.requestSent === false;
    }
  }
}

/** The Retry-After the carrier sent with a rate limit, in milliseconds. */
export function retryAfterOf(failure: CarrierFailure): number | undefined {
  if (failure.kind !== 'carrier-error' || !isCarrierErrorOfKind(failure.error, 'rate-limited')) {
    return undefined;
  }
  const { retryAfterMs } = failure.error;
  return typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs)
    ? Math.max(0, retryAfterMs)
    : undefined;
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): uniform in [0, min(max, base × 2^(retry-1))). Spreading retries over the whole
 * interval is what keeps many clients failing at once from retrying in lockstep.
 */
export function fullJitterDelay(
  retryNumber: number,
  tuning: Pick<RetryTuning, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  const ceiling = Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.floor(random() * ceiling);
}

/** What {@link planRetry} decides from. */
export interface RetryInput {
  readonly failure: CarrierFailure;
  readonly operation: Operation;
  readonly safeToRetry: boolean;
  /** The attempt that just failed, from 1. */
  readonly attemptNumber: number;
  /** What is left of the request's budget now. */
  readonly remainingMs: number;
  readonly tuning: RetryTuning;
  readonly random: () => number;
}

/**
 * Decides whether to retry and after how long. A Retry-After is honoured as the least
 * delay, and only when the wait plus a minimal attempt fits in the budget; otherwise the
 * rate limit is answered at once, so the client can wait itself. A backoff delay is cut
 * to what still leaves room for an attempt: better a shorter pause than no retry.
 */
export function planRetry(input: RetryInput): RetryPlan {
  const { failure, tuning } = input;
  if (!isRetryable(failure, input.operation, input.safeToRetry)) {
    return { retry: false, reason: 'not-retryable' };
  }
  if (input.attemptNumber >= tuning.maxAttempts) {
    return { retry: false, reason: 'attempts-exhausted' };
  }
  const room = input.remainingMs - tuning.minAttemptMs;
  if (room < 0) {
    return { retry: false, reason: 'no-time' };
  }
  const jitter = fullJitterDelay(input.attemptNumber, tuning, input.random);
  const retryAfterMs = retryAfterOf(failure);
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > room) {
      return { retry: false, reason: 'retry-after-too-long' };
    }
    return { retry: true, delayMs: Math.min(room, Math.max(retryAfterMs, jitter)) };
  }
  return { retry: true, delayMs: Math.min(room, jitter) };
}
