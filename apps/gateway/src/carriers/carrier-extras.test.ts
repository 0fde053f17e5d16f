import { describe, expect, it } from 'vitest';
import { actionOptionsFor, trackingCacheKey, trackingRequestFor } from './carrier-extras.ts';

describe('carrier extras', () => {
  it('sends only the extras that are set', () => {
    expect(trackingRequestFor('SF1', { phoneLastDigits: null, carrierOptions: null })).toEqual({
      trackingNumber: 'SF1',
    });
    expect(trackingRequestFor('SF1', { phoneLastDigits: '5678', carrierOptions: {} })).toEqual({
      trackingNumber: 'SF1',
      phoneLastDigits: '5678',
    });
    expect(actionOptionsFor({ carrierOptions: { com: 'zhongtong' } })).toEqual({
      carrierOptions: { com: 'zhongtong' },
    });
    expect(actionOptionsFor({})).toEqual({});
  });

  it('keys the cache by the tracking number alone, or with extras in a stable order', () => {
    expect(trackingCacheKey({ trackingNumber: 'YT1' })).toBe('YT1');
    const a = trackingCacheKey({
      trackingNumber: 'YT1',
      carrierOptions: { com: 'yuantong', x: '1' },
    });
    const b = trackingCacheKey({
      trackingNumber: 'YT1',
      carrierOptions: { x: '1', com: 'yuantong' },
    });
    expect(a).toBe(b);
    expect(a).not.toBe(
      trackingCacheKey({ trackingNumber: 'YT1', carrierOptions: { com: 'zhongtong' } }),
    );
    expect(trackingCacheKey({ trackingNumber: 'SF1', phoneLastDigits: '1234' })).not.toBe(
      trackingCacheKey({ trackingNumber: 'SF1', phoneLastDigits: '4321' }),
    );
  });
});
