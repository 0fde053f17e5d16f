import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSfTrackingNumber } from './detect-sf-tracking-number.ts';

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

describe('detectSfTrackingNumber', () => {
  it.each([
    ['SF7444407228423', 'format'], // SF's sample waybill
    ['SF123456789012', 'format'],
    ['sf123456789012', 'format'], // as typed by a person
    ['SF12345678901', undefined], // 11 digits
    ['SF12345678901234', undefined], // 14 digits
    ['SF12345678901A', undefined],
    ['123456789012', undefined], // SF's older all-digit numbers overlap others: not claimed
    ['JT1234567890123', undefined],
    ['1Z999AA10123456784', undefined],
  ] as const)('%s is %s', (number, expected) => {
    expect(detectSfTrackingNumber(number)).toBe(expected);
  });

  it('detects every generated SF number (SF and 12 or 13 digits)', () => {
    fc.assert(
      fc.property(fc.oneof(digits(12), digits(13)), (serial) => {
        expect(detectSfTrackingNumber(`SF${serial}`)).toBe('format');
      }),
    );
  });

  it('never claims a number without the SF prefix', () => {
    fc.assert(
      fc.property(digits(14), (serial) => {
        expect(detectSfTrackingNumber(serial)).toBeUndefined();
      }),
    );
  });
});
