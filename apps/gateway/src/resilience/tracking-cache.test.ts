import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrackingCache } from './tracking-cache.ts';

type Result = { ok: boolean; value: string };

function deferred() {
  let resolve: (result: Result) => void = () => {};
  const promise = new Promise<Result>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('TrackingCache', () => {
  const clock = { now: 0 };
  const cacheOf = (ttlMs = 5_000) =>
    new TrackingCache<Result>({ ttlMs, cacheable: (result) => result.ok, now: () => clock.now });

  beforeEach(() => {
    clock.now = 0;
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('serves a success from memory until its TTL ends, and never a failure', async () => {
    const cache = cacheOf();
    const load = vi.fn(async () => ({ ok: true, value: 'v1' }));
    expect(await cache.read({ key: 'A', load, waitMs: 1_000 })).toMatchObject({ source: 'load' });
    clock.now = 4_999;
    expect(await cache.read({ key: 'A', load, waitMs: 1_000 })).toMatchObject({
      source: 'cache',
      result: { value: 'v1' },
    });
    clock.now = 5_000;
    expect(await cache.read({ key: 'A', load, waitMs: 1_000 })).toMatchObject({ source: 'load' });
    expect(load).toHaveBeenCalledTimes(2);

    const failing = vi.fn(async () => ({ ok: false, value: 'down' }));
    await cache.read({ key: 'B', load: failing, waitMs: 1_000 });
    await cache.read({ key: 'B', load: failing, waitMs: 1_000 });
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('caches nothing with a TTL of 0, and forgets an invalidated key', async () => {
    const load = vi.fn(async () => ({ ok: true, value: 'v' }));
    const uncached = cacheOf(0);
    await uncached.read({ key: 'A', load, waitMs: 1_000 });
    await uncached.read({ key: 'A', load, waitMs: 1_000 });
    expect(load).toHaveBeenCalledTimes(2);
    const cache = cacheOf();
    await cache.read({ key: 'A', load, waitMs: 1_000 });
    cache.invalidate('A');
    await cache.read({ key: 'A', load, waitMs: 1_000 });
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('coalesces a burst of identical reads into one load', async () => {
    const cache = cacheOf();
    const flight = deferred();
    const load = vi.fn(() => flight.promise);
    const reads = Array.from({ length: 50 }, () => cache.read({ key: 'A', load, waitMs: 1_000 }));
    flight.resolve({ ok: true, value: 'v' });
    const answers = await Promise.all(reads);
    expect(load).toHaveBeenCalledTimes(1);
    expect(answers.map((answer) => answer.source)).toEqual(['load', ...Array(49).fill('shared')]);
    expect(cache.size).toEqual({ entries: 1, flights: 0 });
  });

  it('bounds each reader by its own deadline while the shared load goes on', async () => {
    const cache = cacheOf();
    const flight = deferred();
    let loadSignal: AbortSignal | undefined;
    const load = (signal: AbortSignal) => {
      loadSignal = signal;
      return flight.promise;
    };
    const patient = cache.read({ key: 'A', load, waitMs: 2_000 });
    const hurried = cache.read({ key: 'A', load, waitMs: 500 });
    await vi.advanceTimersByTimeAsync(500);
    expect(await hurried).toEqual({ source: 'timeout' });
    expect(loadSignal?.aborted).toBe(false);
    flight.resolve({ ok: true, value: 'v' });
    expect(await patient).toMatchObject({ source: 'load', result: { value: 'v' } });
  });

  it('aborts the shared load once every reader has left', async () => {
    const cache = cacheOf();
    const flight = deferred();
    let loadSignal: AbortSignal | undefined;
    const load = (signal: AbortSignal) => {
      loadSignal = signal;
      return flight.promise;
    };
    const client = new AbortController();
    const first = cache.read({ key: 'A', load, waitMs: 1_000, signal: client.signal });
    const second = cache.read({ key: 'A', load, waitMs: 300 });
    client.abort();
    expect(await first).toEqual({ source: 'timeout' });
    expect(loadSignal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(await second).toEqual({ source: 'timeout' });
    expect(loadSignal?.aborted).toBe(true);
    flight.resolve({ ok: false, value: 'aborted' });
  });
});
