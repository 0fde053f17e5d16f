import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDhlTrackingNumber } from './detect-dhl-tracking-number.ts';

/*
 * Generated DHL Express waybill numbers: nine digits and a check digit that is their value
 * modulo 7 (computed here, independently of the adapter and its data set).
 */
const serial = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });

describe('detectDhlTrackingNumber, property-based', () => {
  it('verifies every generated 10-digit waybill number', () => {
    fc.assert(
      fc.property(serial, (nine) => {
        expect(detectDhlTrackingNumber(`${nine}${Number(nine) % 7}`)).toBe('verified');
      }),
    );
  });

  it('answers format only when the check digit is changed', () => {
    fc.assert(
      fc.property(serial, fc.integer({ min: 1, max: 9 }), (nine, shift) => {
        const wrong = ((Number(nine) % 7) + shift) % 10;
        expect(detectDhlTrackingNumber(`${nine}${wrong}`)).toBe('format');
      }),
    );
  });
});
