import { describe, expect, it } from 'vitest';
import { compareMoney, isMoney } from './money.ts';

describe('money', () => {
  it('accepts decimal strings with an ISO 4217 code only', () => {
    expect(isMoney({ amount: '999.00', currency: 'CNY' })).toBe(true);
    expect(isMoney({ amount: '0', currency: 'USD' })).toBe(true);
    expect(isMoney({ amount: 999, currency: 'CNY' })).toBe(false);
    expect(isMoney({ amount: '-1.00', currency: 'CNY' })).toBe(false);
    expect(isMoney({ amount: '01.00', currency: 'CNY' })).toBe(false);
    expect(isMoney({ amount: '1.00', currency: 'cny' })).toBe(false);
    expect(isMoney(null)).toBe(false);
  });

  it('compares exactly, without float rounding', () => {
    expect(
      compareMoney({ amount: '1000.00', currency: 'CNY' }, { amount: '1000', currency: 'CNY' }),
    ).toBe(0);
    expect(
      compareMoney({ amount: '1000.01', currency: 'CNY' }, { amount: '1000', currency: 'CNY' }),
    ).toBe(1);
    expect(
      compareMoney({ amount: '0.1', currency: 'CNY' }, { amount: '0.30', currency: 'CNY' }),
    ).toBe(-1);
    expect(
      compareMoney(
        { amount: '900719925474099.1', currency: 'CNY' },
        { amount: '900719925474099.2', currency: 'CNY' },
      ),
    ).toBe(-1);
  });

  it('refuses to compare across currencies', () => {
    expect(() =>
      compareMoney({ amount: '1', currency: 'CNY' }, { amount: '1', currency: 'USD' }),
    ).toThrow('cannot compare CNY with USD');
  });
});
