/**
 * `PARCELGATE_DATABASE_POOL_SIZE` bounds the connections one process holds on PostgreSQL:
 * the deployment guide budgets `max_connections` from it. Skipped without `DATABASE_URL`
 * (PGlite has one connection).
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';

const POSTGRES = process.env.DATABASE_URL?.trim() ?? '';

describe.skipIf(POSTGRES === '')('the PostgreSQL pool', () => {
  it('never holds more connections than its size, however many statements wait', async () => {
    const database = await openDatabase({ databaseUrl: POSTGRES, poolSize: 2 });
    try {
      // Each statement holds its connection a little, so waiting ones must reuse the two.
      const rows = await Promise.all(
        Array.from({ length: 8 }, () =>
          database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.02)'),
        ),
      );
      const backends = new Set(rows.map(([row]) => row?.pid));
      expect(backends.size).toBeGreaterThan(0);
      expect(backends.size).toBeLessThanOrEqual(2);
    } finally {
      await database.close();
    }
  });
});
