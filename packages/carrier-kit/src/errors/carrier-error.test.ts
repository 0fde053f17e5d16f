import { describe, expect, it } from 'vitest';
import { CARRIER_ERROR_KINDS, isCarrierError, isCarrierErrorOfKind } from './carrier-error.ts';
import {
  CarrierAuthenticationError,
  CarrierInvalidRequestError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  CarrierOutcomeUnknownError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from './kinds.ts';

describe('carrier errors', () => {
  it('give one class per kind, each with its name and fields', () => {
    const init = { carrierId: 'acme', message: 'boom', carrierCode: 'E1', httpStatus: 500 };
    const errors = [
      new CarrierRetryableError(init),
      new CarrierRateLimitedError({ ...init, retryAfterMs: 2000 }),
      new CarrierAuthenticationError(init),
      new CarrierNotFoundError(init),
      new CarrierNotEligibleError({ ...init, reason: 'out_for_delivery' }),
      new CarrierInvalidRequestError({ ...init, field: 'reason' }),
      new CarrierOutcomeUnknownError(init),
    ];
    expect(errors.map((error) => error.kind)).toEqual([...CARRIER_ERROR_KINDS]);
    expect(errors.map((error) => error.name)).toEqual([
      'CarrierRetryableError',
      'CarrierRateLimitedError',
      'CarrierAuthenticationError',
      'CarrierNotFoundError',
      'CarrierNotEligibleError',
      'CarrierInvalidRequestError',
      'CarrierOutcomeUnknownError',
    ]);
    expect(errors[1]).toMatchObject({ retryAfterMs: 2000, carrierCode: 'E1', httpStatus: 500 });
    expect(errors[4]).toMatchObject({ reason: 'out_for_delivery' });
    expect(errors[5]).toMatchObject({ field: 'reason' });
  });

  it('are recognised by marker, also when they come from another copy of the package', () => {
    const marker = Symbol.for('parcelgate.carrier-error');
    const fromAnotherCopy = Object.assign(new Error('x'), { kind: 'retryable', [marker]: true });
    expect(isCarrierError(fromAnotherCopy)).toBe(true);
    expect(isCarrierErrorOfKind(fromAnotherCopy, 'retryable')).toBe(true);
    expect(isCarrierErrorOfKind(fromAnotherCopy, 'not-found')).toBe(false);
    expect(isCarrierError(new Error('plain'))).toBe(false);
    expect(isCarrierError('retryable')).toBe(false);
  });

  it('keep the cause without putting it in the message', () => {
    const cause = new Error('socket hang up');
    const error = new CarrierRetryableError({ carrierId: 'acme', message: 'acme failed', cause });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('acme failed');
  });
});
