import { describe, expect, it } from 'vitest';
import { validateCancelResult } from './validate-cancel-result.ts';
import { validateFeeQuote } from './validate-fee-quote.ts';

describe('validateCancelResult', () => {
  it('accepts a cancel the carrier did or will decide', () => {
    expect(validateCancelResult('cancelIntercept', { outcome: 'cancelled' })).toEqual([]);
    expect(
      validateCancelResult('cancelRedirect', { outcome: 'pending', carrierReference: 'C1' }),
    ).toEqual([]);
  });

  it('names a rejection, an unknown outcome and badly typed fields', () => {
    expect(
      validateCancelResult('cancelIntercept', { outcome: 'rejected', carrierReason: '9110' }),
    ).toEqual([
      'cancelIntercept outcome is "rejected" for an action the environment prepared to be cancellable (carrierReason "9110")',
    ]);
    expect(validateCancelResult('cancelRedirect', { outcome: 'failed', message: 3 })).toEqual([
      'cancelRedirect outcome is "failed", not one of cancelled, pending, rejected',
      'cancelRedirect message is 3, expected a string',
    ]);
    expect(validateCancelResult('cancelIntercept', undefined)).toEqual([
      'cancelIntercept() resolved missing, not a result object',
    ]);
  });
});

describe('validateFeeQuote', () => {
  it('accepts a quote with and without lines', () => {
    const amount = { amount: '21.00', currency: 'USD' };
    expect(validateFeeQuote({ amount })).toEqual([]);
    expect(validateFeeQuote({ amount, lines: [{ label: 'interceptCharge', amount }] })).toEqual([]);
  });

  it('names float amounts and broken lines', () => {
    expect(
      validateFeeQuote({
        amount: { amount: 21, currency: 'USD' },
        lines: [{ amount: { amount: '1.00', currency: 'usd' } }],
      }),
    ).toEqual([
      'quoteFee amount is an object, not money ({ amount: "10.00", currency: "CNY" })',
      'quoteFee lines[0] has no label',
      'quoteFee lines[0].amount is not money ({ amount: "10.00", currency: "CNY" })',
    ]);
    expect(validateFeeQuote('21.00')).toEqual(['quoteFee() resolved "21.00", not a quote object']);
  });
});
