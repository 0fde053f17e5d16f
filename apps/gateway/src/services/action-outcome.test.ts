import {
  CarrierAuthenticationError,
  CarrierInvalidRequestError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  CarrierOutcomeUnknownError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { actionFailureOutcome } from './action-outcome.ts';

const init = { carrierId: 'acme', message: 'boom' };
const outcome = (error: Parameters<typeof actionFailureOutcome>[1]) => {
  const result = actionFailureOutcome('acme', error);
  return [result.status, result.cause, result.problem?.problemType, result.neverPlaced];
};

describe('actionFailureOutcome', () => {
  it('leaves every doubtful failure pending, never failed', () => {
    expect(outcome({ kind: 'timeout' })).toEqual(['pending', 'outcome_unknown', undefined, false]);
    expect(outcome({ kind: 'adapter-defect', error: new TypeError('x') })).toEqual([
      'pending',
      'outcome_unknown',
      undefined,
      false,
    ]);
    for (const error of [
      new CarrierOutcomeUnknownError(init),
      new CarrierRetryableError({ ...init, httpStatus: 500, requestSent: true }),
      new CarrierRetryableError({ ...init, httpStatus: 502, requestSent: true }),
      new CarrierRetryableError(init),
    ]) {
      expect(outcome({ kind: 'carrier-error', error })).toEqual([
        'pending',
        'outcome_unknown',
        undefined,
        false,
      ]);
    }
  });

  it('fails only what provably never acted, and says the client may retry', () => {
    expect(
      outcome({
        kind: 'carrier-error',
        error: new CarrierRetryableError({ ...init, requestSent: false }),
      }),
    ).toEqual(['failed', 'carrier_unreachable', 'carrier-unavailable', true]);
    expect(
      outcome({
        kind: 'carrier-error',
        error: new CarrierRetryableError({ ...init, httpStatus: 503, requestSent: true }),
      }),
    ).toEqual(['failed', 'carrier_unreachable', 'carrier-unavailable', true]);
    expect(
      outcome({
        kind: 'carrier-error',
        error: new CarrierRateLimitedError({ ...init, retryAfterMs: 2500 }),
      }),
    ).toEqual(['failed', 'carrier_unreachable', 'carrier-rate-limited', true]);
    expect(outcome({ kind: 'carrier-error', error: new CarrierAuthenticationError(init) })).toEqual(
      ['failed', 'carrier_unreachable', 'carrier-authentication-failed', true],
    );
  });

  it('records refusals and rejected content as final answers', () => {
    const refusal = actionFailureOutcome('acme', {
      kind: 'carrier-error',
      error: new CarrierNotEligibleError({
        ...init,
        reason: 'out_for_delivery',
        carrierCode: 'OUT_FOR_DELIVERY',
      }),
    });
    expect(refusal).toMatchObject({
      status: 'rejected',
      carrierReason: 'OUT_FOR_DELIVERY',
      reasons: [{ code: 'out_for_delivery', message: 'boom' }],
    });
    expect(outcome({ kind: 'carrier-error', error: new CarrierInvalidRequestError(init) })).toEqual(
      ['failed', 'carrier_answer', 'carrier-rejected-request', false],
    );
    expect(outcome({ kind: 'carrier-error', error: new CarrierNotFoundError(init) })).toEqual([
      'failed',
      'carrier_answer',
      'parcel-not-found',
      false,
    ]);
  });

  it('passes a rate limit on as Retry-After seconds', () => {
    const result = actionFailureOutcome('acme', {
      kind: 'carrier-error',
      error: new CarrierRateLimitedError({ ...init, retryAfterMs: 2500 }),
    });
    expect(result.problem?.headers).toEqual({ 'retry-after': '3' });
  });

  it('says who refused once, whether or not the message of the adapter names it', () => {
    const refusal = (message: string) =>
      actionFailureOutcome('acme', {
        kind: 'carrier-error',
        error: new CarrierNotEligibleError({
          carrierId: 'acme',
          message,
          reason: 'carrier_refused',
          requestSent: true,
        }),
      }).detail;
    expect(refusal('acme refused the intercept (code 500)')).toBe(
      'acme refused the intercept (code 500)',
    );
    expect(refusal('the parcel left the station')).toBe(
      'acme refused: the parcel left the station',
    );
  });
});
