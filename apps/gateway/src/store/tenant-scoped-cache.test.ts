/**
 * The in-memory rows a request reads about its tenant: served only while the change
 * notices are heard, dropped per tenant, never stored from a read that raced a change,
 * bounded by a TTL and a maximum count.
 */
import { describe, expect, it } from 'vitest';
import { TenantScopedCache } from './tenant-scoped-cache.ts';

interface Row {
  readonly tenantId: string;
  readonly version: number;
}

/** A read that counts its calls and answers `row` (changed by the test between reads). */
function reader(initial: Row) {
  const state = { row: initial, calls: 0 };
  return {
    state,
    read: async () => {
      state.calls += 1;
      return state.row;
    },
  };
}

const tenantOf = (row: Row) => row.tenantId;

function liveCache(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const cache = new TenantScopedCache<Row>({
    ttlMs: options.ttlMs ?? 60_000,
    maxEntries: options.maxEntries ?? 100,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  cache.setLive(true);
  return cache;
}

describe('TenantScopedCache', () => {
  it('serves nothing until live: every load reads', async () => {
    const cache = new TenantScopedCache<Row>({ ttlMs: 60_000, maxEntries: 100 });
    const { state, read } = reader({ tenantId: 't1', version: 1 });
    expect(await cache.load('k', read, tenantOf)).toEqual({ tenantId: 't1', version: 1 });
    expect(await cache.load('k', read, tenantOf)).toEqual({ tenantId: 't1', version: 1 });
    expect(state.calls).toBe(2);
    expect(cache.size).toBe(0);
    expect(cache.get('k')).toBeUndefined();

    cache.setLive(true);
    await cache.load('k', read, tenantOf);
    await cache.load('k', read, tenantOf);
    expect(state.calls).toBe(3);
  });

  it('serves a hit after a load without reading again', async () => {
    const cache = liveCache();
    const { state, read } = reader({ tenantId: 't1', version: 1 });
    await cache.load('k', read, tenantOf);
    state.row = { tenantId: 't1', version: 2 };
    expect(await cache.load('k', read, tenantOf)).toEqual({ tenantId: 't1', version: 1 });
    expect(state.calls).toBe(1);
    expect(cache.get('k')).toEqual({ value: { tenantId: 't1', version: 1 } });
  });

  it('stores nothing when the value names no tenant', async () => {
    let calls = 0;
    const read = async () => {
      calls += 1;
      return undefined;
    };
    const none = new TenantScopedCache<undefined>({ ttlMs: 60_000, maxEntries: 10 });
    none.setLive(true);
    await none.load('k', read, () => undefined);
    await none.load('k', read, () => undefined);
    expect(calls).toBe(2);
    expect(none.size).toBe(0);
  });

  it('dropTenant (and a tenant notice) drops only that tenant', async () => {
    const cache = liveCache();
    await cache.load('a1', async () => ({ tenantId: 'a', version: 1 }), tenantOf);
    await cache.load('a2', async () => ({ tenantId: 'a', version: 1 }), tenantOf);
    await cache.load('b1', async () => ({ tenantId: 'b', version: 1 }), tenantOf);
    expect(cache.size).toBe(3);

    cache.dropTenant('a');
    expect(cache.get('a1')).toBeUndefined();
    expect(cache.get('a2')).toBeUndefined();
    expect(cache.get('b1')).toEqual({ value: { tenantId: 'b', version: 1 } });

    cache.changed({ kind: 'tenant', tenantId: 'b' });
    expect(cache.get('b1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('a parcel notice drops no tenant row', async () => {
    const cache = liveCache();
    await cache.load('a1', async () => ({ tenantId: 'a', version: 1 }), tenantOf);
    cache.changed({ kind: 'parcel', carrier: 'sandbox', trackingNumber: 'a' });
    expect(cache.get('a1')).toBeDefined();
  });

  it('a load that raced a change (heard while read() was pending) stores nothing', async () => {
    const cache = liveCache();
    let release: (row: Row) => void = () => {};
    const pending = new Promise<Row>((resolve) => {
      release = resolve;
    });
    const loading = cache.load('k', () => pending, tenantOf);
    // The change commits while the read is in flight: what it read may be the old row.
    cache.changed({ kind: 'tenant', tenantId: 't1' });
    release({ tenantId: 't1', version: 1 });
    expect(await loading).toEqual({ tenantId: 't1', version: 1 });
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);

    // The next load, with no change during it, stores.
    await cache.load('k', async () => ({ tenantId: 't1', version: 2 }), tenantOf);
    expect(cache.get('k')).toEqual({ value: { tenantId: 't1', version: 2 } });
  });

  it('a load that raced a lost and regained connection stores nothing', async () => {
    const cache = liveCache();
    let release: (row: Row) => void = () => {};
    const pending = new Promise<Row>((resolve) => {
      release = resolve;
    });
    const loading = cache.load('k', () => pending, tenantOf);
    cache.setLive(false);
    cache.setLive(true);
    release({ tenantId: 't1', version: 1 });
    await loading;
    expect(cache.size).toBe(0);
  });

  it('setLive(false) forgets everything and stops serving until live again', async () => {
    const cache = liveCache();
    const { state, read } = reader({ tenantId: 't1', version: 1 });
    await cache.load('k', read, tenantOf);
    expect(cache.size).toBe(1);

    cache.setLive(false);
    expect(cache.size).toBe(0);
    expect(cache.get('k')).toBeUndefined();
    await cache.load('k', read, tenantOf);
    await cache.load('k', read, tenantOf);
    expect(state.calls).toBe(3);
    expect(cache.size).toBe(0);

    cache.setLive(true);
    await cache.load('k', read, tenantOf);
    await cache.load('k', read, tenantOf);
    expect(state.calls).toBe(4);
  });

  it('expires an entry after ttlMs on the injected clock', async () => {
    let now = 1_000;
    const cache = liveCache({ ttlMs: 500, now: () => now });
    const { state, read } = reader({ tenantId: 't1', version: 1 });
    await cache.load('k', read, tenantOf);
    now = 1_499;
    await cache.load('k', read, tenantOf);
    expect(state.calls).toBe(1);

    now = 1_500;
    state.row = { tenantId: 't1', version: 2 };
    expect(cache.get('k')).toBeUndefined();
    expect(await cache.load('k', read, tenantOf)).toEqual({ tenantId: 't1', version: 2 });
    expect(state.calls).toBe(2);
  });

  it('keeps at most maxEntries, evicting the oldest stored', async () => {
    const cache = liveCache({ maxEntries: 2 });
    const row = async () => ({ tenantId: 't', version: 1 });
    await cache.load('first', row, tenantOf);
    await cache.load('second', row, tenantOf);
    await cache.load('third', row, tenantOf);
    expect(cache.size).toBe(2);
    expect(cache.get('first')).toBeUndefined();
    expect(cache.get('second')).toBeDefined();
    expect(cache.get('third')).toBeDefined();
  });

  it('never stores with ttlMs 0', async () => {
    const cache = liveCache({ ttlMs: 0 });
    const { state, read } = reader({ tenantId: 't1', version: 1 });
    await cache.load('k', read, tenantOf);
    await cache.load('k', read, tenantOf);
    expect(state.calls).toBe(2);
    expect(cache.size).toBe(0);
  });
});
