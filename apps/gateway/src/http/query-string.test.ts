import { describe, expect, it } from 'vitest';
import { parseQueryString } from './query-string.ts';

describe('parseQueryString', () => {
  it('reads plain, repeated and deepObject parameters', () => {
    expect({
      ...parseQueryString(
        'limit=5&status=a&status=b&carrierOptions[com]=zhongtong&carrierOptions[x]=1',
      ),
    }).toEqual({
      limit: '5',
      status: ['a', 'b'],
      carrierOptions: { com: 'zhongtong', x: '1' },
    });
  });

  it('decodes percent-encoded brackets and values, and keeps odd keys as they are', () => {
    const parsed = parseQueryString('carrierOptions%5Bcom%5D=yun%20da&a[]=1&b[c][d]=2');
    expect({ ...(parsed.carrierOptions as object) }).toEqual({ com: 'yun da' });
    expect(parsed['a[]']).toBe('1');
    expect(parsed['b[c][d]']).toBe('2');
  });

  it('cannot be tricked into touching prototypes', () => {
    const parsed = parseQueryString('__proto__[polluted]=1&constructor[x]=2');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBeNull();
  });
});
