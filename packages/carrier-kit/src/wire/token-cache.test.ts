import { describe, expect, it } from 'vitest';
import { TokenCache, tokenCacheKey } from './token-cache.ts';

describe('TokenCache', () => {
  it('fetches once for callers arriving together, and again after the token expires', async () => {
    const cache = new TokenCache();
    let fetches = 0;
    const fetchToken = async () => {
      fetches += 1;
      return { accessToken: `t${fetches}`, expiresAt: 1_000 };
    };
    const notAbort = () => false;
    const tokens = await Promise.all([
      cache.get('k', 0, fetchToken, notAbort),
      cache.get('k', 0, fetchToken, notAbort),
    ]);
    expect(tokens.map((token) => token.accessToken)).toEqual(['t1', 't1']);
    expect((await cache.get('k', 999, fetchToken, notAbort)).accessToken).toBe('t1');
    expect((await cache.get('k', 1_000, fetchToken, notAbort)).accessToken).toBe('t2');
    expect(fetches).toBe(2);
  });

  it('forgets only the token that was refused, and refetches for a waiter whose shared fetch aborted', async () => {
    const cache = new TokenCache();
    await cache.get(
      'k',
      0,
      async () => ({ accessToken: 'old', expiresAt: 10 }),
      () => false,
    );
    cache.invalidate('k', 'other');
    expect(
      (
        await cache.get(
          'k',
          0,
          async () => ({ accessToken: 'x', expiresAt: 10 }),
          () => false,
        )
      ).accessToken,
    ).toBe('old');
    cache.invalidate('k', 'old');
    const aborted = new Error('aborted');
    const first = cache.get(
      'k',
      0,
      async () => Promise.reject(aborted),
      () => true,
    );
    const second = cache.get(
      'k',
      0,
      async () => ({ accessToken: 'new', expiresAt: 10 }),
      (error) => error === aborted,
    );
    await expect(first).rejects.toBe(aborted);
    expect((await second).accessToken).toBe('new');
  });

  it('keys a credential by its public parts and a hash of its secret, never the secret', () => {
    const key = tokenCacheKey(['client', 'merchant'], 'the-secret');
    expect(key).not.toContain('the-secret');
    expect(key).not.toBe(tokenCacheKey(['client', 'merchant'], 'rotated'));
    expect(key.startsWith('client\u0000merchant\u0000')).toBe(true);
  });
});
