import { describe, expect, it } from 'vitest';
import {
  isValidSandboxTrackingNumber,
  sandboxCheckDigit,
  sandboxTrackingNumber,
} from './sandbox-tracking-number.ts';

describe('sandbox tracking numbers', () => {
  it('computes the check digit of the spec example SBX100000016', () => {
    // 1*3 + 0 + 0 + 0 + 0 + 0 + 0 + 1*1 = 4, (10 - 4) % 10 = 6
    expect(sandboxCheckDigit('10000001')).toBe(6);
    expect(sandboxTrackingNumber(1)).toBe('SBX100000016');
  });

  it('weights digits 3,1,3,1,... and wraps a sum ending in 0 to check digit 0', () => {
    // 9*3 + 8 + 7*3 + 6 + 5*3 + 4 + 3*3 + 2 = 92 -> 8
    expect(sandboxCheckDigit('98765432')).toBe(8);
    // 1*3 + 7 = 10 -> (10 - 0) % 10 = 0
    expect(sandboxCheckDigit('17000000')).toBe(0);
  });

  it('issues numbers that all validate, and rejects a wrong check digit or format', () => {
    for (let sequence = 1; sequence <= 500; sequence++) {
      const number = sandboxTrackingNumber(sequence);
      expect(number).toMatch(/^SBX\d{9}$/);
      expect(isValidSandboxTrackingNumber(number)).toBe(true);
    }
    expect(isValidSandboxTrackingNumber('SBX100000017')).toBe(false);
    expect(isValidSandboxTrackingNumber('SBX10000001')).toBe(false);
    expect(isValidSandboxTrackingNumber('XBX100000016')).toBe(false);
  });
});
