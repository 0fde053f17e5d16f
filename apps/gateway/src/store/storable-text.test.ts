import { describe, expect, it } from 'vitest';
import { toStorable, toStorableText } from './storable-text.ts';

describe('storable text', () => {
  it('replaces NUL and lone surrogates with U+FFFD, and keeps everything else', () => {
    expect(toStorableText('a\u0000b')).toBe('a\uFFFDb');
    expect(toStorableText('\uD800x\uDC00')).toBe('\uFFFDx\uFFFD');
    expect(toStorableText('tab\tbell\u0007 😀 已签收')).toBe('tab\tbell\u0007 😀 已签收');
  });

  it('reaches every string of arrays and plain objects, keys included, and leaves other values', () => {
    const at = new Date(0);
    expect(
      toStorable({
        list: ['\u0000', 1, null, true],
        nested: { 'k\u0000': { deep: '\uDBFF' } },
        at,
      }),
    ).toEqual({
      list: ['\uFFFD', 1, null, true],
      nested: { 'k\uFFFD': { deep: '\uFFFD' } },
      at,
    });
  });
});
