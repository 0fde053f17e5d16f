import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { hashApiKey } from '../auth/api-key.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { ensureBootstrapKey, findTenantByKeyHash } from './tenants.ts';

const KEY = 'bootstrap_key_0123456789abcdef';

describe('ensureBootstrapKey', () => {
  let store: TestDatabase;
  beforeEach(async () => {
    store = await openTestDatabase();
    await migrate(store.database);
  });
  afterEach(() => store.drop());

  it('creates the key once, for the tenant default', async () => {
    expect(await ensureBootstrapKey(store.database, KEY)).toBe(true);
    expect(await ensureBootstrapKey(store.database, KEY)).toBe(false);
    const tenant = await findTenantByKeyHash(store.database, hashApiKey(KEY));
    expect(tenant?.name).toBe('default');
  });

  // Replicas started together (compose, a rollout) store the same key at once: one
  // creates it, the others find it, and none fails its start. On PostgreSQL each
  // "replica" has its own pool, connected beforehand, so their statements interleave.
  it('lets replicas starting at once all succeed, one of them creating the key', async () => {
    const url = store.databaseUrl;
    const replicas =
      url === undefined
        ? [store.database, store.database, store.database]
        : await Promise.all(
            Array.from({ length: 6 }, () => openDatabase({ databaseUrl: url, poolSize: 1 })),
          );
    try {
      await Promise.all(replicas.map((replica) => replica.query('SELECT 1')));
      const created = await Promise.all(
        replicas.map((replica) => ensureBootstrapKey(replica, KEY)),
      );
      expect(created.filter(Boolean)).toHaveLength(1);
    } finally {
      if (url !== undefined) {
        await Promise.all(replicas.map((replica) => replica.close()));
      }
    }
  });
});
