import { describe, expect, it } from 'vitest';
import { upsDateToIso, upsEventTime } from './ups-time.ts';

describe('upsEventTime', () => {
  it('uses the local time with the Track API offset', () => {
    expect(upsEventTime({ date: '20210210', time: '071356', gmtOffset: '-05:00' })).toBe(
      '2021-02-10T07:13:56-05:00',
    );
  });

  it("reads Track Alert's dotted offset", () => {
    expect(upsEventTime({ date: '20240423', time: '091519', gmtOffset: '-04.00' })).toBe(
      '2024-04-23T09:15:19-04:00',
    );
  });

  it('works the offset out from the GMT time when none is sent (Track Alert examples)', () => {
    expect(
      upsEventTime({ date: '20240423', time: '091519', gmtDate: '20240423', gmtTime: '131519' }),
    ).toBe('2024-04-23T09:15:19-04:00');
    // Local evening, GMT the next day.
    expect(
      upsEventTime({ date: '20240422', time: '212901', gmtDate: '20240423', gmtTime: '012901' }),
    ).toBe('2024-04-22T21:29:01-04:00');
  });

  it("pads Tracking.yaml's five-digit gmtTime example and falls back to GMT", () => {
    expect(upsEventTime({ gmtDate: '20210210', gmtTime: '74700' })).toBe('2021-02-10T07:47:00Z');
  });

  it('gives nothing without any date', () => {
    expect(upsEventTime({ time: '101010' })).toBeUndefined();
  });

  it('writes plain days as ISO dates', () => {
    expect(upsDateToIso('20210212')).toBe('2021-02-12');
  });
});
