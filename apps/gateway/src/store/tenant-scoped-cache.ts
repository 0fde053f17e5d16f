import type { ChangeNotice, ChangeSubscriber } from './change-notices.ts';

/** A cached value, wrapped so that `undefined` (e.g. "no such connection") is cacheable. */
export interface Cached<Value> {
  readonly value: Value;
}

/** Options of {@link TenantScopedCache}. */
export interface TenantScopedCacheOptions {
  /** How long an entry is served without being read again; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Entries kept at most; the oldest go first. */
  readonly maxEntries: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

interface Entry<Value> {
  readonly tenantId: string;
  readonly value: Value;
  readonly expiresAt: number;
}

/**
 * Rows of the database a request reads about its tenant on every call (its API key, its
 * default carrier connections), kept in memory so that a request costs no round trip for
 * them. Correctness comes from the change notices (see change-notices.ts), not the TTL: an
 * entry is dropped as soon as its tenant's rows change in any process, and nothing is
 * served while notices may be missed. The TTL only bounds how long a row no one changed
 * stays in memory.
 *
 * A read that started before a change must not store what it read after it: {@link load}
 * stores only when no change was heard while it ran.
 */
export class TenantScopedCache<Value> implements ChangeSubscriber {
  readonly #options: TenantScopedCacheOptions;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry<Value>>();
  #live = false;
  /** Bumped by every change heard: a load that saw it bump stores nothing. */
  #generation = 0;

  constructor(options: TenantScopedCacheOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Entries held now. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The cached value for `key`, or `read()`'s, stored under the tenant `tenantOf` names
   * (nothing is stored when it names none: a key that opens no tenant is read every time).
   */
  async load(
    key: string,
    read: () => Promise<Value>,
    tenantOf: (value: Value) => string | undefined,
  ): Promise<Value> {
    const hit = this.get(key);
    if (hit !== undefined) {
      return hit.value;
    }
    const generation = this.#generation;
    const value = await read();
    const tenantId = tenantOf(value);
    if (tenantId !== undefined && generation === this.#generation) {
      this.#set(key, tenantId, value);
    }
    return value;
  }

  /** The live entry for `key`, if any. */
  get(key: string): Cached<Value> | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      return undefined;
    }
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return { value: entry.value };
  }

  changed(notice: ChangeNotice): void {
    if (notice.kind === 'tenant') {
      this.dropTenant(notice.tenantId);
    }
  }

  /** Forgets every entry of a tenant. */
  dropTenant(tenantId: string): void {
    this.#generation += 1;
    for (const [key, entry] of this.#entries) {
      if (entry.tenantId === tenantId) {
        this.#entries.delete(key);
      }
    }
  }

  setLive(live: boolean): void {
    this.#generation += 1;
    this.#live = live;
    if (!live) {
      this.#entries.clear();
    }
  }

  #set(key: string, tenantId: string, value: Value): void {
    if (!this.#live || this.#options.ttlMs <= 0) {
      return;
    }
    this.#entries.delete(key);
    this.#entries.set(key, { tenantId, value, expiresAt: this.#now() + this.#options.ttlMs });
    if (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) {
        this.#entries.delete(oldest);
      }
    }
  }
}
