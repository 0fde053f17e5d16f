import { describe, expect, it } from 'vitest';
import { assessChargedRedirectFee, assessInterceptFee, freeRedirectFee } from './fees.ts';

const FLAT = { kind: 'flat', amount: { amount: '12.00', currency: 'CNY' } } as const;

describe('assessInterceptFee', () => {
  it('follows the pickup mode by default (docs/domain.md, "The rules the gateway applies")', () => {
    const byMode = { kind: 'by_pickup_mode' } as const;
    expect(assessInterceptFee(byMode, 'platform_pickup')).toEqual({
      payer: 'carrier',
      note: 'returned free by the pickup driver along the original route',
    });
    expect(assessInterceptFee(byMode, 'self_dropoff')).toEqual({
      payer: 'merchant',
      note: "return freight paid by the merchant as cash on delivery, at the price agreed with the carrier's local branch",
    });
    expect(assessInterceptFee(undefined, 'self_dropoff').payer).toBe('merchant');
    expect(assessInterceptFee(undefined, 'platform_pickup').payer).toBe('carrier');
  });

  it('follows the carrier fee policy, whatever the pickup mode', () => {
    for (const mode of ['platform_pickup', 'self_dropoff'] as const) {
      expect(assessInterceptFee({ kind: 'carrier_quote' }, mode)).toMatchObject({
        payer: 'merchant',
        quoteRequired: true,
      });
      expect(assessInterceptFee(FLAT, mode)).toMatchObject({
        payer: 'merchant',
        amount: FLAT.amount,
      });
      const free = assessInterceptFee({ kind: 'free' }, mode);
      expect(free.payer).toBe('carrier');
      expect(free).not.toHaveProperty('amount');
      expect(free).not.toHaveProperty('quoteRequired');
    }
  });
});

describe('redirect fees', () => {
  it('has the platform pay within the free quota', () => {
    expect(freeRedirectFee(1)).toEqual({
      payer: 'platform',
      note: 'the platform pays for one redirect per order',
    });
    expect(freeRedirectFee(2).note).toBe('the platform pays for 2 redirects per order');
  });

  it('charges the merchant beyond it, unless the carrier never charges', () => {
    expect(assessChargedRedirectFee(undefined).payer).toBe('merchant');
    expect(assessChargedRedirectFee({ kind: 'by_pickup_mode' }).payer).toBe('merchant');
    expect(assessChargedRedirectFee({ kind: 'carrier_quote' })).toMatchObject({
      payer: 'merchant',
      quoteRequired: true,
    });
    expect(assessChargedRedirectFee(FLAT)).toMatchObject({
      payer: 'merchant',
      amount: FLAT.amount,
    });
    expect(assessChargedRedirectFee({ kind: 'free' }).payer).toBe('carrier');
  });
});
