import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs, retryDelayMs } from './retry-delay.ts';

const settings = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelayMs (full jitter)', () => {
  it('draws from [0, base * 2^(retry - 1)), capped at maxDelayMs', () => {
    const almostOne = () => 0.999_999;
    expect(backoffDelayMs(1, settings, () => 0)).toBe(0);
    expect(backoffDelayMs(1, settings, almostOne)).toBe(99);
    expect(backoffDelayMs(2, settings, almostOne)).toBe(199);
    expect(backoffDelayMs(3, settings, almostOne)).toBe(399);
    expect(backoffDelayMs(5, settings, almostOne)).toBe(999);
    expect(backoffDelayMs(30, settings, almostOne)).toBe(999);
    expect(backoffDelayMs(2, settings, () => 0.5)).toBe(100);
  });

  it('spreads real draws over the whole range', () => {
    const draws = Array.from({ length: 2_000 }, () => backoffDelayMs(4, settings));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(800);
    // Full jitter, not "half" jitter: a good share of the draws land in the lower half.
    expect(draws.filter((draw) => draw < 400).length).toBeGreaterThan(800);
  });
});

describe('retryDelayMs', () => {
  it('takes Retry-After as a floor and adds the jitter on top', () => {
    expect(retryDelayMs(1, 2_000, settings, () => 0)).toBe(2_000);
    expect(retryDelayMs(1, 2_000, settings, () => 0.5)).toBe(2_050);
    expect(retryDelayMs(1, undefined, settings, () => 0.5)).toBe(50);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-26T08:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('0', now)).toBe(0);
    expect(parseRetryAfterMs(' 5 ', now)).toBe(5_000);
    expect(parseRetryAfterMs('Thu, 26 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a past date as now and ignores what it cannot read', () => {
    expect(parseRetryAfterMs('Thu, 26 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-3', now)).toBeUndefined();
  });
});
