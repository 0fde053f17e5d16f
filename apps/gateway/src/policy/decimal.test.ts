import { describe, expect, it } from 'vitest';
import { compareDecimal, formatDecimal, multiplyDecimal, parseDecimal } from './decimal.ts';

function decimal(text: string) {
  const value = parseDecimal(text);
  if (value === undefined) {
    throw new Error(`not a decimal: ${text}`);
  }
  return value;
}

describe('decimal', () => {
  it('parses non-negative decimal strings exactly and rejects everything else', () => {
    expect(parseDecimal('1000.00')).toEqual({ units: 100000n, scale: 2 });
    expect(parseDecimal('0')).toEqual({ units: 0n, scale: 0 });
    expect(parseDecimal('0.005')).toEqual({ units: 5n, scale: 3 });
    for (const bad of ['', '-1', '+1', '1e3', '01', '1.', '.5', '1,00', ' 1', 'NaN']) {
      expect(parseDecimal(bad), bad).toBeUndefined();
    }
  });

  it('compares across scales, to the last digit', () => {
    expect(compareDecimal(decimal('1000.00'), decimal('1000'))).toBe(0);
    expect(compareDecimal(decimal('1000.01'), decimal('1000'))).toBe(1);
    expect(compareDecimal(decimal('999.999'), decimal('1000'))).toBe(-1);
    expect(compareDecimal(decimal('0.1'), decimal('0.09'))).toBe(1);
  });

  it('multiplies without float rounding', () => {
    // 0.1 * 3 is 0.30000000000000004 in floats.
    expect(compareDecimal(multiplyDecimal(decimal('0.1'), decimal('3')), decimal('0.3'))).toBe(0);
    expect(multiplyDecimal(decimal('150.00'), decimal('7.10'))).toEqual({
      units: 10650000n,
      scale: 4,
    });
    const large = multiplyDecimal(decimal('900719925474099.99'), decimal('7.1'));
    expect(formatDecimal(large)).toBe('6395111470866109.929');
  });

  it('formats like money, keeping every significant digit', () => {
    expect(formatDecimal(decimal('1065.0000'))).toBe('1065.00');
    expect(formatDecimal(decimal('1000'))).toBe('1000.00');
    expect(formatDecimal(decimal('1000'), 0)).toBe('1000');
    expect(formatDecimal(decimal('1000.0350'))).toBe('1000.035');
    expect(formatDecimal(decimal('0.005'))).toBe('0.005');
    expect(formatDecimal(decimal('0.0005'), 0)).toBe('0.0005');
  });
});
