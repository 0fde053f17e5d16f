/**
 * The purge of expired Idempotency-Key records, on PGlite and (with `DATABASE_URL`) on
 * PostgreSQL. Records are made old by their `created_at`, not by waiting.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { purgeExpiredIdempotencyKeys } from '../store/idempotency.ts';
import { migrate } from '../store/migrate.ts';
import { ensureTenant } from '../store/tenants.ts';
import { PURGE_BATCH_SIZE, startIdempotencyPurge } from './idempotency-purge.ts';

let store: TestDatabase;
let tenantId: string;

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  tenantId = (await ensureTenant(store.database, 'purged')).id;
}, 120_000);
afterAll(() => store?.drop());
beforeEach(async () => {
  await store.database.query('DELETE FROM idempotency_keys');
});

/** Stores `count` records `hours` old, keys `<prefix>-1` to `<prefix>-<count>`. */
async function records(prefix: string, count: number, hours: number): Promise<void> {
  await store.database.query(
    `INSERT INTO idempotency_keys
       (tenant_id, idempotency_key, request_hash, method, path, state, locked_until, created_at)
     SELECT $1, $2 || '-' || i, 'hash', 'POST', '/v1/intercepts', 'completed', now(),
            now() - make_interval(hours => $4::integer)
       FROM generate_series(1, $3::integer) AS i`,
    [tenantId, prefix, count, hours],
  );
}

async function remaining(): Promise<string[]> {
  const rows = await store.database.query<{ key: string }>(
    'SELECT idempotency_key AS key FROM idempotency_keys ORDER BY idempotency_key',
  );
  return rows.map((row) => row.key);
}

describe('purging expired Idempotency-Key records', () => {
  it('deletes only records older than the TTL, one bounded batch per statement', async () => {
    await records('old', 5, 30);
    await records('young', 2, 23);
    expect(await purgeExpiredIdempotencyKeys(store.database, { ttlHours: 24, batchSize: 2 })).toBe(
      2,
    );
    expect(await purgeExpiredIdempotencyKeys(store.database, { ttlHours: 24, batchSize: 2 })).toBe(
      2,
    );
    expect(await purgeExpiredIdempotencyKeys(store.database, { ttlHours: 24, batchSize: 2 })).toBe(
      1,
    );
    expect(await purgeExpiredIdempotencyKeys(store.database, { ttlHours: 24, batchSize: 2 })).toBe(
      0,
    );
    expect(await remaining()).toEqual(['young-1', 'young-2']);
    // A shorter TTL makes them expired too.
    expect(await purgeExpiredIdempotencyKeys(store.database, { ttlHours: 12, batchSize: 10 })).toBe(
      2,
    );
  });

  it('purges the whole backlog, batch after batch, when the job runs', async () => {
    await records('old', 2 * PURGE_BATCH_SIZE + 10, 48);
    await records('young', 3, 1);
    const purge = startIdempotencyPurge({
      database: store.database,
      ttlHours: 24,
      log: pino({ level: 'silent' }),
    });
    try {
      expect(await purge.runOnce()).toBe(2 * PURGE_BATCH_SIZE + 10);
      expect(await remaining()).toEqual(['young-1', 'young-2', 'young-3']);
      expect(await purge.runOnce()).toBe(0);
    } finally {
      await purge.stop();
    }
  });
});
