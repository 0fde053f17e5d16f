import { describe, expect, it } from 'vitest';
import { validateMutationResult } from './validate-mutation-result.ts';

describe('validateMutationResult', () => {
  it('accepts the outcomes that mean the carrier took the instruction', () => {
    expect(validateMutationResult('intercept', { outcome: 'pending' })).toEqual([]);
    expect(
      validateMutationResult('redirect', {
        outcome: 'redirected',
        carrierReference: 'R1',
        fee: { amount: '5.00', currency: 'CNY' },
        message: 'ok',
      }),
    ).toEqual([]);
  });

  it('names unknown outcomes, refusals and badly typed fields', () => {
    expect(
      validateMutationResult('intercept', { outcome: 'redirected', carrierReference: 7 }),
    ).toEqual([
      'intercept outcome is "redirected", not one of pending, accepted, returning, returned, rejected, failed',
      'intercept carrierReference is 7, expected a string',
    ]);
    expect(
      validateMutationResult('intercept', {
        outcome: 'rejected',
        carrierReason: 'OUT_FOR_DELIVERY',
      }),
    ).toEqual([
      'intercept outcome is "rejected" on a parcel the environment prepared to succeed (carrierReason "OUT_FOR_DELIVERY")',
    ]);
    expect(validateMutationResult('redirect', null)).toEqual([
      'redirect() resolved null, not a result object',
    ]);
  });
});
