import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFedexTrackingNumber } from './detect-fedex-tracking-number.ts';

/*
 * Generated FedEx numbers of every printed length, each with its check digit computed here
 * from FedEx's published algorithms (tracking_number_data's FedEx entries), independently
 * of the adapter's code: the adapter must verify each, and no other check digit.
 */

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

/** Σ digit × weight, the weights repeated from the left. */
function weighted(serial: string, weights: readonly number[]): number {
  return [...serial].reduce(
    (sum, digit, index) => sum + Number(digit) * (weights[index % weights.length] ?? 0),
    0,
  );
}

/** FedEx Express (12): 11 digits weighted 3, 1, 7, ..., mod 11, mod 10. */
const express = digits(11).map((serial) => ({
  body: serial,
  check: (weighted(serial, [3, 1, 7]) % 11) % 10,
}));
/** FedEx Ground (15): 14 digits weighted 1, 3, ...; the digit bringing the sum to a multiple of 10. */
const ground = digits(14).map((serial) => ({
  body: serial,
  check: (10 - (weighted(serial, [1, 3]) % 10)) % 10,
}));
/** SmartPost (20, or 22 with `92`): `92` + 19 digits weighted 3, 1, ..., mod 10. */
const smartPost = fc.tuple(digits(19), fc.boolean()).map(([serial, printed92]) => ({
  body: `${printed92 ? '92' : ''}${serial}`,
  check: (10 - (weighted(`92${serial}`, [3, 1]) % 10)) % 10,
}));
/** Ground 96 (22): `96` + 5 digits, then 14 digits weighted 1, 3, ... mod 10. */
const ground96 = fc.tuple(digits(5), digits(14)).map(([head, serial]) => ({
  body: `96${head}${serial}`,
  check: (10 - (weighted(serial, [1, 3]) % 10)) % 10,
}));
const anyFormat = fc.oneof(express, ground, smartPost, ground96);

describe('detectFedexTrackingNumber, property-based', () => {
  it('verifies every generated FedEx number of 12, 15, 20 and 22 digits', () => {
    fc.assert(
      fc.property(anyFormat, ({ body, check }) => {
        const number = `${body}${check}`;
        expect([12, 15, 20, 22]).toContain(number.length);
        expect(detectFedexTrackingNumber(number)).toBe('verified');
      }),
    );
  });

  it('answers format only when the check digit is changed', () => {
    fc.assert(
      fc.property(anyFormat, fc.integer({ min: 1, max: 9 }), ({ body, check }, shift) => {
        expect(detectFedexTrackingNumber(`${body}${(check + shift) % 10}`)).toBe('format');
      }),
    );
  });

  it('verifies a number printed with spaces as on a label', () => {
    fc.assert(
      fc.property(express, ({ body, check }) => {
        const number = `${body}${check}`;
        expect(
          detectFedexTrackingNumber(
            `${number.slice(0, 4)} ${number.slice(4, 8)} ${number.slice(8)}`,
          ),
        ).toBe('verified');
      }),
    );
  });
});
