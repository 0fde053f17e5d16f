import { describe, expect, it } from 'vitest';
import { javaUrlEncode } from './sf-url-encode.ts';

describe('javaUrlEncode (java.net.URLEncoder.encode(value, "UTF-8"))', () => {
  it('keeps a-zA-Z0-9 . - * _ as they are', () => {
    expect(javaUrlEncode('aZ09.-*_')).toBe('aZ09.-*_');
  });

  it('encodes a space as + where encodeURIComponent writes %20', () => {
    expect(javaUrlEncode('a b')).toBe('a+b');
    expect(encodeURIComponent('a b')).toBe('a%20b');
  });

  it("escapes !'()~, which encodeURIComponent leaves alone", () => {
    expect(javaUrlEncode("!'()~")).toBe('%21%27%28%29%7E');
    expect(encodeURIComponent("!'()~")).toBe("!'()~");
  });

  it('writes Chinese text as upper-case UTF-8 byte escapes', () => {
    expect(javaUrlEncode('上海')).toBe('%E4%B8%8A%E6%B5%B7');
  });

  it('encodes a JSON document byte for byte (pasted expectation)', () => {
    expect(javaUrlEncode('{"a":["SF1 2"],"b":"上海 (浦东) it\'s ~ok! *star*"}')).toBe(
      '%7B%22a%22%3A%5B%22SF1+2%22%5D%2C%22b%22%3A%22%E4%B8%8A%E6%B5%B7+%28%E6%B5%A6%E4%B8%9C%29+it%27s+%7Eok%21+*star*%22%7D',
    );
  });
});
