import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSfMsgDigest, computeUnencodedSfMsgDigest, digestsEqual } from './sf-msg-digest.ts';

/**
 * The published formula computed independently of the adapter: Java's URLEncoder built
 * from encodeURIComponent (escape !'()~ too, space to +), then node's MD5 and Base64.
 */
function expectedDigest(msgData: string, timestamp: string, checkword: string): string {
  const encoded = encodeURIComponent(msgData + timestamp + checkword)
    .replace(/[!'()~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
  return createHash('md5').update(encoded, 'utf8').digest('base64');
}

const ROUTE_QUERY =
  '{"language":"0","trackingType":"1","trackingNumber":["SF7444407228423"],"methodType":"1"}';

describe('computeSfMsgDigest', () => {
  it('matches a vector computed once from the formula and pasted', () => {
    expect(computeSfMsgDigest(ROUTE_QUERY, '1700000000', 'checkword-123')).toBe(
      'z9WpoYYxzCGV8gr9S8f/SA==',
    );
  });

  it("matches the formula for spaces, Chinese and !'()~* with a millisecond timestamp", () => {
    const msgData = "上海 (浦东) it's ~ok! *star*";
    expect(computeSfMsgDigest(msgData, '1700000000123', 'ck')).toBe('ZnjYq7rq8kjcqa6mJG/9FQ==');
    expect(computeSfMsgDigest(msgData, '1700000000123', 'ck')).toBe(
      expectedDigest(msgData, '1700000000123', 'ck'),
    );
  });

  it('differs from a digest over encodeURIComponent, which SF would refuse (A1006)', () => {
    const msgData = '{"remark":"it\'s (fine) ~ ok"}';
    const naive = createHash('md5')
      .update(encodeURIComponent(`${msgData}1700000000ck`), 'utf8')
      .digest('base64');
    expect(computeSfMsgDigest(msgData, '1700000000', 'ck')).not.toBe(naive);
    expect(computeSfMsgDigest(msgData, '1700000000', 'ck')).toBe(
      expectedDigest(msgData, '1700000000', 'ck'),
    );
  });

  it('signs seconds and milliseconds differently: the timestamp is part of the text', () => {
    expect(computeSfMsgDigest(ROUTE_QUERY, '1700000000', 'c')).not.toBe(
      computeSfMsgDigest(ROUTE_QUERY, '1700000000000', 'c'),
    );
  });
});

describe('computeUnencodedSfMsgDigest', () => {
  it('hashes the raw text (a receiver-side reading, never used to sign)', () => {
    const expected = createHash('md5').update('上海 a1700000000ck', 'utf8').digest('base64');
    expect(computeUnencodedSfMsgDigest('上海 a', '1700000000', 'ck')).toBe(expected);
  });
});

describe('digestsEqual', () => {
  it('is true only for identical strings', () => {
    expect(digestsEqual('z9WpoYYxzCGV8gr9S8f/SA==', 'z9WpoYYxzCGV8gr9S8f/SA==')).toBe(true);
    expect(digestsEqual('z9WpoYYxzCGV8gr9S8f/SB==', 'z9WpoYYxzCGV8gr9S8f/SA==')).toBe(false);
    expect(digestsEqual('short', 'z9WpoYYxzCGV8gr9S8f/SA==')).toBe(false);
  });
});
