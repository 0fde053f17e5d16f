import type { Money } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { judgeDeclaredValue } from './value-limits.ts';

const cny = (amount: string): Money => ({ amount, currency: 'CNY' });
const usd = (amount: string): Money => ({ amount, currency: 'USD' });
const CNY_LIMIT = [cny('1000.00')];

describe('judgeDeclaredValue', () => {
  it('compares exactly in the limit currency: at the limit is within it', () => {
    expect(judgeDeclaredValue(cny('1000.00'), CNY_LIMIT, {}).kind).toBe('within');
    expect(judgeDeclaredValue(cny('1000'), CNY_LIMIT, {}).kind).toBe('within');
    expect(judgeDeclaredValue(cny('999.99'), CNY_LIMIT, {}).kind).toBe('within');
    const over = judgeDeclaredValue(cny('1000.01'), CNY_LIMIT, {});
    expect(over).toEqual({
      kind: 'over',
      message: 'the declared value 1000.01 CNY is above the 1000.00 CNY limit',
    });
  });

  it('never applies a limit in one currency to another without a rate', () => {
    const judgement = judgeDeclaredValue(usd('150.00'), CNY_LIMIT, {});
    expect(judgement.kind).toBe('unchecked');
    expect(judgement).toMatchObject({ message: expect.stringContaining('150.00 USD') });
    expect(judgeDeclaredValue(usd('1.00'), [], {}).kind).toBe('unchecked');
  });

  it('converts with a configured rate and names it: 150 USD at 7.10 is 1065 CNY', () => {
    const rates = { 'USD/CNY': '7.10' };
    expect(judgeDeclaredValue(usd('150'), CNY_LIMIT, rates)).toEqual({
      kind: 'over',
      message:
        'the declared value 150 USD is 1065.00 CNY at the configured rate USD/CNY 7.10, above the 1000.00 CNY limit',
    });
    expect(judgeDeclaredValue(usd('100.00'), CNY_LIMIT, rates).kind).toBe('within');
    // Exactly at the limit once converted: 125 * 8 = 1000.
    expect(judgeDeclaredValue(usd('125.00'), CNY_LIMIT, { 'USD/CNY': '8' }).kind).toBe('within');
    // 140.84 * 7.10 = 999.964 and 140.85 * 7.10 = 1000.035: the boundary is exact.
    expect(judgeDeclaredValue(usd('140.84'), CNY_LIMIT, rates).kind).toBe('within');
    expect(judgeDeclaredValue(usd('140.85'), CNY_LIMIT, rates)).toMatchObject({
      kind: 'over',
      message: expect.stringContaining('1000.035 CNY'),
    });
  });

  it('uses a rate in the other direction by converting the limit', () => {
    const rates = { 'CNY/USD': '0.14' };
    expect(judgeDeclaredValue(usd('140.00'), CNY_LIMIT, rates).kind).toBe('within');
    expect(judgeDeclaredValue(usd('140.01'), CNY_LIMIT, rates)).toEqual({
      kind: 'over',
      message:
        'the declared value 140.01 USD is above the 1000.00 CNY limit, which is 140.00 USD at the configured rate CNY/USD 0.14',
    });
  });

  it('prefers the parcel-to-limit rate when both directions are configured', () => {
    const rates = { 'USD/CNY': '7.10', 'CNY/USD': '0.20' };
    expect(judgeDeclaredValue(usd('150.00'), CNY_LIMIT, rates)).toMatchObject({
      kind: 'over',
      message: expect.stringContaining('USD/CNY 7.10'),
    });
  });

  it('lets a limit in the parcel currency decide alone', () => {
    const limits = [cny('1000.00'), usd('200.00')];
    expect(judgeDeclaredValue(usd('150.00'), limits, { 'USD/CNY': '7.10' }).kind).toBe('within');
  });

  it('is over when any limit reachable by a rate is exceeded', () => {
    const limits = [cny('1000.00'), { amount: '100.00', currency: 'EUR' }];
    const rates = { 'USD/CNY': '7.10', 'USD/EUR': '0.90' };
    // 120 USD = 852 CNY (within) but 108 EUR (over).
    const judgement = judgeDeclaredValue(usd('120.00'), limits, rates);
    expect(judgement).toMatchObject({ kind: 'over', message: expect.stringContaining('EUR') });
    expect(judgement).toMatchObject({ message: expect.not.stringContaining('CNY limit') });
  });

  it('ignores unusable rates and reports a malformed value as unchecked', () => {
    expect(judgeDeclaredValue(usd('150.00'), CNY_LIMIT, { 'USD/CNY': '0' }).kind).toBe('unchecked');
    expect(judgeDeclaredValue(usd('150.00'), CNY_LIMIT, { 'USD/CNY': 'seven' }).kind).toBe(
      'unchecked',
    );
    expect(judgeDeclaredValue(cny('-5'), CNY_LIMIT, {})).toEqual({
      kind: 'unchecked',
      message: 'the declared value is not a valid amount of money',
    });
  });
});
