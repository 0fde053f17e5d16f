import { describe, expect, it } from 'vitest';
import { isIsoDateTimeWithOffset, localDateTimeToIso, toIsoDateTime } from './iso-date-time.ts';

describe('ISO date-times', () => {
  it('joins compact carrier dates, times and offsets', () => {
    expect(toIsoDateTime({ date: '20261126', time: '091000', offset: '-05:00' })).toBe(
      '2026-11-26T09:10:00-05:00',
    );
    expect(toIsoDateTime({ date: '2026-11-26', time: '09:10', offset: '+0800' })).toBe(
      '2026-11-26T09:10:00+08:00',
    );
    expect(toIsoDateTime({ date: '20261126', offset: 'Z' })).toBe('2026-11-26T00:00:00Z');
  });

  it('splits the "YYYY-MM-DD HH:mm:ss" form Chinese carriers use', () => {
    expect(localDateTimeToIso('2026-11-26 09:10:00', '+08:00')).toBe('2026-11-26T09:10:00+08:00');
  });

  it('throws a RangeError for impossible input', () => {
    expect(() => toIsoDateTime({ date: '20260231', offset: 'Z' })).toThrow(RangeError);
    expect(() => toIsoDateTime({ date: '2026-11', offset: 'Z' })).toThrow(RangeError);
    expect(() => toIsoDateTime({ date: '20261126', time: '9', offset: 'Z' })).toThrow(RangeError);
    expect(() => toIsoDateTime({ date: '20261126', offset: 'CST' })).toThrow(RangeError);
  });

  it('accepts only date-times with an explicit offset', () => {
    expect(isIsoDateTimeWithOffset('2026-11-26T09:10:00+08:00')).toBe(true);
    expect(isIsoDateTimeWithOffset('2026-11-26T09:10:00.123Z')).toBe(true);
    expect(isIsoDateTimeWithOffset('2026-11-26T09:10:00')).toBe(false);
    expect(isIsoDateTimeWithOffset('2026-11-26')).toBe(false);
    expect(isIsoDateTimeWithOffset('2026-13-26T09:10:00Z')).toBe(false);
    expect(isIsoDateTimeWithOffset(20261126)).toBe(false);
  });
});
