import { describe, expect, it } from 'vitest';
import {
  detectSandboxTrackingNumber,
  sandboxCheckDigit,
} from './detect-sandbox-tracking-number.ts';

describe('detectSandboxTrackingNumber', () => {
  it("verifies the spec's example and its check digit", () => {
    expect(sandboxCheckDigit('10000001')).toBe(6);
    expect(detectSandboxTrackingNumber('SBX100000016')).toBe('verified');
  });

  it.each(['SBX100000025', 'SBX999999996', 'SBX000000000'])('verifies %s', (trackingNumber) => {
    expect(detectSandboxTrackingNumber(trackingNumber)).toBe('verified');
  });

  it('answers format only when the check digit is wrong', () => {
    expect(detectSandboxTrackingNumber('SBX100000017')).toBe('format');
  });

  it.each([
    '',
    'SBX10000001',
    'SBX1000000160',
    'sbx100000016',
    ' SBX100000016',
    'SBX10000001A',
    '1Z999AA10123456784',
  ])('does not claim %j', (trackingNumber) => {
    expect(detectSandboxTrackingNumber(trackingNumber)).toBeUndefined();
  });
});
