import { describe, expect, it } from 'vitest';
import { type BucketState, tokenBucketStore } from './token-bucket-store.ts';

/** A store on a clock the test moves, with `burst` 2 refilled in 1 s (one token per 500 ms). */
function bucket() {
  let now = 1_000_000;
  const Store = tokenBucketStore(() => now);
  const store = new Store({});
  const call = (method: 'incr' | 'read', key = 'k') =>
    new Promise<BucketState | undefined>((resolve, reject) => {
      store[method](key, (error, result) => (error ? reject(error) : resolve(result)), 1_000, 2);
    });
  return {
    take: (key?: string) => call('incr', key),
    peek: (key?: string) => call('read', key),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('tokenBucketStore', () => {
  it('allows the burst at once, then refuses with the wait for the next token', async () => {
    const limiter = bucket();
    expect(await limiter.take()).toEqual({ current: 1, ttl: 500 });
    expect(await limiter.take()).toEqual({ current: 2, ttl: 500 });
    expect(await limiter.take()).toEqual({ current: 3, ttl: 500 });
    limiter.advance(200);
    expect(await limiter.take()).toEqual({ current: 3, ttl: 300 });
  });

  it('gives one token back per interval, never more than the burst', async () => {
    const limiter = bucket();
    await limiter.take();
    await limiter.take();
    limiter.advance(500);
    expect(await limiter.take()).toEqual({ current: 2, ttl: 500 });
    expect((await limiter.take())?.current).toBe(3);
    limiter.advance(60_000);
    expect(await limiter.peek()).toEqual({ current: 0, ttl: 0 });
    expect((await limiter.take())?.current).toBe(1);
    expect((await limiter.take())?.current).toBe(2);
    expect((await limiter.take())?.current).toBe(3);
  });

  it('reads without taking, and keeps keys apart', async () => {
    const limiter = bucket();
    await limiter.take('a');
    expect(await limiter.peek('a')).toEqual({ current: 1, ttl: 500 });
    expect(await limiter.peek('a')).toEqual({ current: 1, ttl: 500 });
    await limiter.take('a');
    expect(await limiter.peek('a')).toEqual({ current: 2, ttl: 500 });
    expect(await limiter.peek('b')).toEqual({ current: 0, ttl: 0 });
    expect(await limiter.take('b')).toEqual({ current: 1, ttl: 500 });
  });
});
