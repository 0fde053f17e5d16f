import fc from 'fast-check';
import { getTracking, s10 } from 'ts-tracking-number';
import { describe, expect, it } from 'vitest';
import {
  detectKuaidi100TrackingNumber,
  s10CheckDigit,
} from './detect-kuaidi100-tracking-number.ts';

const digitString = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

/** The companies (`com`) detected for a number, in the order answered. */
const companiesOf = (number: string) =>
  detectKuaidi100TrackingNumber(number).map((detection) => detection.carrierOptions?.com);

describe('detectKuaidi100TrackingNumber', () => {
  it.each([
    ['731234567890', ['zhongtong']],
    ['75123456789012', ['zhongtong']],
    ['YT1234567890123', ['yuantong']],
    ['JT1234567890123', ['jtexpress']],
    ['jt1234567890123', ['jtexpress']],
    ['3112345678901', ['yunda']],
    ['4612345678901', ['yunda']],
    ['771234567890', ['zhongtong', 'shentong']], // ZTO's and STO's shapes overlap
    ['773123456789012', ['shentong']],
    ['1112345678901', ['ems']],
    ['EA123456785CN', ['ems']], // S10, check digit 5
    ['JT123456789012', []], // 12 digits after JT
    ['YT12345678901234', []],
    ['EA123456786CN', []], // wrong S10 check digit
    ['EA123456785GB', []], // not China Post's
    ['721234567890', []],
    ['SF1234567890123', []],
    ['1Z999AA10123456784', []],
  ] as const)('%s is %j', (number, expected) => {
    expect(companiesOf(number)).toEqual(expected);
  });

  it('verifies EMS international numbers by their check digit, format only otherwise', () => {
    expect(detectKuaidi100TrackingNumber('EA123456785CN')).toEqual([
      { confidence: 'verified', carrierOptions: { com: 'ems' } },
    ]);
    expect(detectKuaidi100TrackingNumber('JT1234567890123')).toEqual([
      { confidence: 'format', carrierOptions: { com: 'jtexpress' } },
    ]);
  });

  it.each([
    ['J&T', 'jtexpress', digitString(13).map((serial) => `JT${serial}`)],
    ['YTO', 'yuantong', digitString(13).map((serial) => `YT${serial}`)],
    [
      'ZTO',
      'zhongtong',
      fc
        .tuple(fc.integer({ min: 3, max: 9 }), fc.oneof(digitString(10), digitString(12)))
        .map(([second, rest]) => `7${second}${rest}`),
    ],
    [
      'Yunda',
      'yunda',
      fc
        .tuple(fc.constantFrom('31', '43', '46', '47'), digitString(11))
        .map(([prefix, rest]) => `${prefix}${rest}`),
    ],
    [
      'STO',
      'shentong',
      fc
        .integer({ min: 10, max: 13 })
        .chain(digitString)
        .map((rest) => `77${rest}`),
    ],
    [
      'EMS',
      'ems',
      fc
        .tuple(fc.constantFrom('10', '11', '50', '51', '95', '98'), digitString(11))
        .map(([prefix, rest]) => `${prefix}${rest}`),
    ],
  ] as const)('detects every generated %s number with com=%s', (_name, com, numbers) => {
    fc.assert(
      fc.property(numbers, (number) => {
        expect(companiesOf(number)).toContain(com);
      }),
    );
  });

  it('verifies generated EMS S10 numbers, as tracking_number_data does', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    fc.assert(
      fc.property(letter, digitString(8), (second, serial) => {
        const number = `E${second}${serial}${s10CheckDigit(serial)}CN`;
        expect(detectKuaidi100TrackingNumber(number)).toEqual([
          { confidence: 'verified', carrierOptions: { com: 'ems' } },
        ]);
        expect(getTracking(number, [s10])).toBeDefined();
      }),
    );
  });
});
