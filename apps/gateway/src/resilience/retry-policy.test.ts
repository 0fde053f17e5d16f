import {
  CarrierInvalidRequestError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  CarrierOutcomeUnknownError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import type { CarrierFailure } from './call-carrier.ts';
import { fullJitterDelay, isRetryable, planRetry, type RetryTuning } from './retry-policy.ts';

const base = { carrierId: 'acme', message: 'x' };
const carrierError = (error: CarrierFailure & { kind: 'carrier-error' }) => error;
const failures = {
  'refused before sending': carrierError({
    kind: 'carrier-error',
    error: new CarrierRetryableError({ ...base, requestSent: false }),
  }),
  '503 answered': carrierError({
    kind: 'carrier-error',
    error: new CarrierRetryableError({ ...base, requestSent: true, httpStatus: 503 }),
  }),
  'reset, unknown if sent': carrierError({
    kind: 'carrier-error',
    error: new CarrierRetryableError(base),
  }),
  'rate limited': carrierError({
    kind: 'carrier-error',
    error: new CarrierRateLimitedError({ ...base, requestSent: true, retryAfterMs: 200 }),
  }),
  'outcome unknown': carrierError({
    kind: 'carrier-error',
    error: new CarrierOutcomeUnknownError(base),
  }),
  'not found': carrierError({ kind: 'carrier-error', error: new CarrierNotFoundError(base) }),
  'not eligible': carrierError({
    kind: 'carrier-error',
    error: new CarrierNotEligibleError({ ...base, reason: 'out_for_delivery' }),
  }),
  'invalid request': carrierError({
    kind: 'carrier-error',
    error: new CarrierInvalidRequestError(base),
  }),
  'per-try timeout': { kind: 'timeout' },
  'adapter defect': { kind: 'adapter-defect', error: new TypeError('bug') },
} satisfies Record<string, CarrierFailure>;

describe('isRetryable', () => {
  // [failure, track, action, action with safeToRetry]
  const matrix: [keyof typeof failures, boolean, boolean, boolean][] = [
    ['refused before sending', true, true, true],
    ['503 answered', true, false, true],
    ['reset, unknown if sent', true, false, true],
    ['rate limited', true, false, true],
    ['outcome unknown', true, false, true],
    ['per-try timeout', true, false, true],
    ['not found', false, false, false],
    ['not eligible', false, false, false],
    ['invalid request', false, false, false],
    ['adapter defect', false, false, false],
  ];
  it.each(matrix)(
    '%s: track %s, action %s, deduplicating action %s',
    (name, read, action, safe) => {
      const failure = failures[name];
      expect(isRetryable(failure, 'track', false)).toBe(read);
      expect(isRetryable(failure, 'intercept', false)).toBe(action);
      expect(isRetryable(failure, 'redirect', false)).toBe(action);
      expect(isRetryable(failure, 'intercept', true)).toBe(safe);
    },
  );
});

const tuning: RetryTuning = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 1000,
  minAttemptMs: 100,
};

describe('fullJitterDelay', () => {
  it('spans [0, min(max, base × 2^(n-1))) and never goes past the cap', () => {
    expect(fullJitterDelay(1, tuning, () => 0)).toBe(0);
    expect(fullJitterDelay(1, tuning, () => 0.999)).toBe(99);
    expect(fullJitterDelay(3, tuning, () => 0.999)).toBe(399);
    expect(fullJitterDelay(10, tuning, () => 0.999)).toBe(999);
    for (let retry = 1; retry <= 8; retry += 1) {
      const delay = fullJitterDelay(retry, tuning, Math.random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(1000, 100 * 2 ** (retry - 1)));
    }
  });
});

describe('planRetry', () => {
  const plan = (
    failure: CarrierFailure,
    overrides: { attemptNumber?: number; remainingMs?: number } = {},
  ) =>
    planRetry({
      failure,
      operation: 'track',
      safeToRetry: false,
      attemptNumber: overrides.attemptNumber ?? 1,
      remainingMs: overrides.remainingMs ?? 2000,
      tuning,
      random: () => 0.5,
    });
  const rateLimited = (retryAfterMs: number | undefined): CarrierFailure => ({
    kind: 'carrier-error',
    error: new CarrierRateLimitedError({ ...base, requestSent: true, retryAfterMs }),
  });

  it('backs off with jitter while attempts and time remain', () => {
    expect(plan(failures['503 answered'])).toEqual({ retry: true, delayMs: 50 });
    expect(plan(failures['503 answered'], { attemptNumber: 2 })).toEqual({
      retry: true,
      delayMs: 100,
    });
    expect(plan(failures['503 answered'], { attemptNumber: 3 })).toEqual({
      retry: false,
      reason: 'attempts-exhausted',
    });
    expect(plan(failures['not found'])).toEqual({ retry: false, reason: 'not-retryable' });
  });

  it('starts no attempt that cannot finish, shortening the pause where that helps', () => {
    expect(plan(failures['503 answered'], { remainingMs: 99 })).toEqual({
      retry: false,
      reason: 'no-time',
    });
    expect(plan(failures['503 answered'], { remainingMs: 120 })).toEqual({
      retry: true,
      delayMs: 20,
    });
  });

  it('honours a Retry-After that fits in the budget, and answers at once when it does not', () => {
    expect(plan(rateLimited(1000), { remainingMs: 2000 })).toEqual({ retry: true, delayMs: 1000 });
    expect(plan(rateLimited(0))).toEqual({ retry: true, delayMs: 50 });
    expect(plan(rateLimited(1901), { remainingMs: 2000 })).toEqual({
      retry: false,
      reason: 'retry-after-too-long',
    });
    expect(plan(rateLimited(undefined))).toEqual({ retry: true, delayMs: 50 });
  });
});
