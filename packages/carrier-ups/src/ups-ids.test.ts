import { describe, expect, it } from 'vitest';
import { upsTransId } from './ups-ids.ts';

describe('upsTransId', () => {
  it.each([
    ['req_01JD3K8ZQ9W7X4', 'q01JD3K8ZQ9W7X4'.slice(-14)],
    ['abc', 'abc'],
    ['0a1b9c2d-8e3f-43', '1b9c2d-8e3f-43'],
  ])('keeps the allowed tail of %s', (requestId, expected) => {
    expect(upsTransId(requestId)).toBe(expected);
  });

  it('always fits ^[a-zA-Z0-9-.]{3,14}$', () => {
    for (const requestId of [
      'r_1',
      '__',
      'ü',
      'req_a',
      'x'.repeat(80),
      '6f1c7e2a-0b9d-4c1e-9a3b-5d2f8e7c6a10',
    ]) {
      expect(upsTransId(requestId)).toMatch(/^[a-zA-Z0-9-.]{3,14}$/);
    }
  });

  it('hashes ids with too few usable characters, deterministically', () => {
    expect(upsTransId('__')).toBe(upsTransId('__'));
    expect(upsTransId('__')).toHaveLength(14);
  });
});
