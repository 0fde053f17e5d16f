import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.ts';

const now = new Date('2026-11-26T08:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, and a past date as zero', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 07:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for anything else', () => {
    for (const value of [undefined, null, '', '-3', '1.5', 'soon']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});
