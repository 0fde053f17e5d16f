import { describe, expect, it } from 'vitest';
import { detectUpsTrackingNumber, upsCheckDigit } from './detect-ups-tracking-number.ts';

describe('detectUpsTrackingNumber', () => {
  // Every 1Z number in UPS's OpenAPI files: their check digits agree with the rule.
  it.each([
    '1Z023E2X0214323462', // Tracking.yaml, Shipment.inquiryNumber
    '1ZCIETST0111111114', // UPSTrackAlert.yaml, CIE test number
    '1ZCIETST0422222228',
    '1Z204W4R0308071865', // UPSTrackAlert.yaml, webhook examples
    '1Z4096YY0316914058', // DeliveryIntercept.yaml, CIE stub data
    '1Z6568YY1200043419',
    '1ZA2F8810719086435', // DeliveryIntercept.yaml, tracking_number example
  ])('verifies %s', (trackingNumber) => {
    expect(detectUpsTrackingNumber(trackingNumber)).toBe('verified');
  });

  it('computes the check digit by hand for 1Z999AA1012345678', () => {
    // 9 9 9 A=2 A=2 1 0 1 2 3 4 5 6 7 8, odd positions doubled:
    // 9+18+9+4+2+2+0+2+2+6+4+10+6+14+8 = 96, so the digit is 4.
    expect(upsCheckDigit('999AA1012345678')).toBe(4);
    expect(detectUpsTrackingNumber('1Z999AA10123456784')).toBe('verified');
  });

  it('answers format when only the shape matches, nothing for other numbers', () => {
    expect(detectUpsTrackingNumber('1Z999AA10123456785')).toBe('format');
    expect(detectUpsTrackingNumber('1Z999AA1012345678X')).toBe('format');
    expect(detectUpsTrackingNumber('1z999aa10123456784')).toBeUndefined();
    expect(detectUpsTrackingNumber('SBX100000016')).toBeUndefined();
  });
});
