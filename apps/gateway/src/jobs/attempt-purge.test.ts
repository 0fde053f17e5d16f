/**
 * The purge of old carrier attempts, on PGlite and (with `DATABASE_URL`) on PostgreSQL.
 * Attempts are made old by their `started_at`, not by waiting.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { purgeExpiredAttempts } from '../store/attempts.ts';
import { migrate } from '../store/migrate.ts';
import { startAttemptPurge } from './attempt-purge.ts';
import { PURGE_BATCH_SIZE } from './batch-purge.ts';

let store: TestDatabase;

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
}, 120_000);
afterAll(() => store?.drop());
beforeEach(async () => {
  await store.database.query('DELETE FROM carrier_attempts');
});

/** Stores `count` attempts `days` old, with operations `<prefix>-1` to `<prefix>-<count>`. */
async function attempts(prefix: string, count: number, days: number): Promise<void> {
  await store.database.query(
    `INSERT INTO carrier_attempts
       (tenant_id, action_id, carrier, operation, started_at, duration_ms, outcome)
     SELECT 'tenant', NULL, 'sandbox', $1 || '-' || i,
            now() - make_interval(days => $3::integer), 12, 'ok'
       FROM generate_series(1, $2::integer) AS i`,
    [prefix, count, days],
  );
}

async function remaining(): Promise<string[]> {
  const rows = await store.database.query<{ operation: string }>(
    'SELECT operation FROM carrier_attempts ORDER BY operation',
  );
  return rows.map((row) => row.operation);
}

describe('purging old carrier attempts', () => {
  it('deletes only attempts older than the retention, one bounded batch per statement', async () => {
    await attempts('old', 3, 31);
    await attempts('young', 2, 29);
    const purge = (retentionDays: number) =>
      purgeExpiredAttempts(store.database, { retentionDays, batchSize: 2 });
    expect(await purge(30)).toBe(2);
    expect(await purge(30)).toBe(1);
    expect(await purge(30)).toBe(0);
    expect(await remaining()).toEqual(['young-1', 'young-2']);
    expect(await purge(7)).toBe(2);
  });

  it('purges the whole backlog, batch after batch, when the job runs', async () => {
    await attempts('old', PURGE_BATCH_SIZE + 5, 40);
    await attempts('young', 2, 1);
    const purge = startAttemptPurge({
      database: store.database,
      retentionDays: 30,
      log: pino({ level: 'silent' }),
    });
    try {
      expect(await purge.runOnce()).toBe(PURGE_BATCH_SIZE + 5);
      expect(await remaining()).toEqual(['young-1', 'young-2']);
    } finally {
      await purge.stop();
    }
  });
});
