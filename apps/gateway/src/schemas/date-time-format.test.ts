import { describe, expect, it } from 'vitest';
import { isDateTimeInRange } from './date-time-format.ts';

describe('the date-time format of request schemas', () => {
  it.each([
    '2026-11-26T05:00:00Z',
    '2026-11-26T05:00:00.123456789+08:00',
    '2026-11-26t05:00:00z',
    '2026-11-26 05:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2028-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2026-01-01T00:00:00+14:00',
    '2026-01-01T00:00:00-14:00',
    '2016-12-31T23:59:60Z',
    '2017-01-01T07:59:60+08:00',
  ])('takes %s', (text) => {
    expect(isDateTimeInRange(text)).toBe(true);
  });

  it.each([
    ['year 0', '0000-01-01T00:00:00Z'],
    ['a five-digit year', '10000-01-01T00:00:00Z'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['February 29 of a common year', '2026-02-29T00:00:00Z'],
    ['February 29 of 1900', '1900-02-29T00:00:00Z'],
    ['April 31', '2026-04-31T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['day 0', '2026-01-00T00:00:00Z'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['minute 60', '2026-01-01T00:60:00Z'],
    ['a leap second that is not at the end of a UTC day', '2026-01-01T10:00:60Z'],
    ['an offset of +23:59', '2026-01-01T00:00:00+23:59'],
    ['an offset past 14:00', '2026-01-01T00:00:00-14:01'],
    ['offset minutes of 60', '2026-01-01T00:00:00+01:60'],
    ['no offset', '2026-01-01T00:00:00'],
    ['a date alone', '2026-01-01'],
    ['ten fractional digits', '2026-01-01T00:00:00.1234567891Z'],
    ['a NUL', '2026-01-01T00:00:00Z\u0000'],
    ['words', 'yesterday'],
  ])('refuses %s', (_name, text) => {
    expect(isDateTimeInRange(text)).toBe(false);
  });
});
