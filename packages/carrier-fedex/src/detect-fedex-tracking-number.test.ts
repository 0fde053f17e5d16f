import { describe, expect, it } from 'vitest';
import {
  detectFedexTrackingNumber,
  fedexExpressNumber,
  matchFedexFormat,
} from './detect-fedex-tracking-number.ts';

// The valid and invalid numbers are the FedEx test numbers of the tracking_number_data set.
describe('detectFedexTrackingNumber', () => {
  it.each([
    ['986578788855', 'FedEx Express (12)'],
    ['477179081230', 'FedEx Express (12)'],
    ['799531274483', 'FedEx Express (12)'],
    ['790535312317', 'FedEx Express (12)'],
    [' 7 9 0 5 3 5 3 1 2 3 1 7 ', 'FedEx Express (12)'],
    ['974367662710', 'FedEx Express (12)'],
    ['0414 4176 0228 964', 'FedEx Ground (15)'],
    ['5682 8361 0012 000', 'FedEx Ground (15)'],
    ['5682 8361 0012 734', 'FedEx Ground (15)'],
    ['61299998820821171811', 'FedEx SmartPost (20 or 22)'],
    ['9261292700768711948021', 'FedEx SmartPost (20 or 22)'],
    ['9611020987654312345672', 'FedEx Ground 96 (22)'],
  ])('verifies %j by its check digit (%s)', (number, format) => {
    expect(detectFedexTrackingNumber(number)).toBe('verified');
    expect(matchFedexFormat(number.replace(/\s+/g, ''))).toBe(format);
  });

  it.each([
    '996578788855',
    '5682 8361 0012 732',
    '9261292700768711948020',
    '9600000000000000000001',
  ])('reads %j, whose check digit is wrong, as the format only', (number) => {
    expect(detectFedexTrackingNumber(number)).toBe('format');
  });

  it.each([
    ['1Z999AA10123456784', 'UPS'],
    ['SF1234567890123', 'SF Express'],
    ['12345678901', '11 digits'],
    ['1234567890123', '13 digits'],
    ['1234567890123456789012345', '25 digits'],
    ['', 'empty'],
    ['98657878885A', 'a letter'],
  ])('does not claim %j (%s)', (number) => {
    expect(detectFedexTrackingNumber(number)).toBeUndefined();
  });

  it('builds Express numbers that verify', () => {
    for (const serial of ['00000000001', '12345678901', '79053531231']) {
      expect(detectFedexTrackingNumber(fedexExpressNumber(serial))).toBe('verified');
    }
    expect(fedexExpressNumber('79053531231')).toBe('790535312317');
    expect(() => fedexExpressNumber('123')).toThrow(RangeError);
  });
});
