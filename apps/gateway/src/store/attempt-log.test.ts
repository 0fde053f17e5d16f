/**
 * The attempts table as the request path writes it (PGlite, or PostgreSQL with
 * `DATABASE_URL`): an action's attempts before `record()` resolves; tracking reads' in
 * batches, in order, on flush or close; rows dropped (full buffer) or not written (a
 * failing database) are reported, never thrown at the request.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { type AttemptLog, type AttemptLogOptions, openAttemptLog } from './attempt-log.ts';
import type { CarrierAttempt } from './attempts.ts';
import type { Queryable } from './database.ts';
import { migrate } from './migrate.ts';

let store: TestDatabase;
const logs: AttemptLog[] = [];

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
}, 120_000);

afterAll(async () => {
  for (const log of logs) {
    await log.close().catch(() => {});
  }
  await store?.drop();
});

/** A flush interval no test waits for: rows are written only by flush(), close() or a full batch. */
const NEVER_MS = 3_600_000;

function open(options: Partial<AttemptLogOptions> = {}, db: Queryable = store.database) {
  const log = openAttemptLog(db, {
    flushEveryMs: NEVER_MS,
    maxBatch: 500,
    maxPending: 1_000,
    ...options,
  });
  logs.push(log);
  return log;
}

/** An attempt of a tenant no other test uses; `actionId` null for a tracking read. */
function attempt(tenantId: string, actionId: string | null, message: string): CarrierAttempt {
  return {
    tenantId,
    actionId,
    carrier: 'sandbox',
    operation: actionId === null ? 'track' : 'intercept',
    startedAt: new Date('2026-01-02T03:04:05.000Z'),
    durationMs: 12,
    httpStatus: 200,
    outcome: 'ok',
    carrierCode: null,
    message,
  };
}

/**
 * The test database, and a promise settled once a first statement through it is done:
 * how a test waits for a write it did not ask for (no sleep, no polling of the table).
 */
function watched(): { db: Queryable; written: Promise<void> } {
  let done: () => void = () => {};
  const written = new Promise<void>((resolve) => {
    done = resolve;
  });
  return {
    db: {
      async query<Row>(text: string, params?: readonly unknown[]) {
        const rows = await store.database.query<Row>(text, params);
        done();
        return rows;
      },
    },
    written,
  };
}

const newTenant = () => `tnt_${randomBytes(6).toString('hex')}`;

async function messagesOf(tenantId: string): Promise<string[]> {
  const rows = await store.database.query<{ message: string }>(
    'SELECT message FROM carrier_attempts WHERE tenant_id = $1 ORDER BY id',
    [tenantId],
  );
  return rows.map((row) => row.message);
}

describe('the attempt log', () => {
  it("writes an action's attempt before record() resolves", async () => {
    const log = open();
    const tenantId = newTenant();
    await log.record(attempt(tenantId, 'icp_1', 'intercept asked'));
    const [row] = await store.database.query<Record<string, unknown>>(
      `SELECT action_id, carrier, operation, duration_ms, http_status, outcome, message, started_at
         FROM carrier_attempts WHERE tenant_id = $1`,
      [tenantId],
    );
    expect(row).toMatchObject({
      action_id: 'icp_1',
      carrier: 'sandbox',
      operation: 'intercept',
      http_status: 200,
      outcome: 'ok',
      message: 'intercept asked',
    });
    expect(new Date(row?.started_at as string).toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it("queues tracking reads' attempts and writes them, in order, on flush()", async () => {
    const log = open();
    const tenantId = newTenant();
    for (const message of ['first', 'second', 'third']) {
      await log.record(attempt(tenantId, null, message));
    }
    expect(await messagesOf(tenantId)).toEqual([]);

    await log.flush();
    expect(await messagesOf(tenantId)).toEqual(['first', 'second', 'third']);
    const [row] = await store.database.query<{ action_id: string | null; duration_ms: number }>(
      'SELECT action_id, duration_ms FROM carrier_attempts WHERE tenant_id = $1 ORDER BY id LIMIT 1',
      [tenantId],
    );
    expect(row).toEqual({ action_id: null, duration_ms: 12 });
  });

  it('writes a full batch at once without being asked, then the rest in order', async () => {
    const tenantId = newTenant();
    const { db, written } = watched();
    const log = open({ maxBatch: 2 }, db);
    await log.record(attempt(tenantId, null, 'a'));
    await log.record(attempt(tenantId, null, 'b'));
    await written;
    expect(await messagesOf(tenantId)).toEqual(['a', 'b']);
    for (const message of ['c', 'd', 'e']) {
      await log.record(attempt(tenantId, null, message));
    }
    await log.flush();
    expect(await messagesOf(tenantId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('writes what is queued at close()', async () => {
    const log = open();
    const tenantId = newTenant();
    await log.record(attempt(tenantId, null, 'queued'));
    await log.close();
    expect(await messagesOf(tenantId)).toEqual(['queued']);
  });

  it('writes what is queued within flushEveryMs without being asked', async () => {
    const tenantId = newTenant();
    const { db, written } = watched();
    const log = open({ flushEveryMs: 50 }, db);
    await log.record(attempt(tenantId, null, 'on time'));
    await written;
    expect(await messagesOf(tenantId)).toEqual(['on time']);
  });

  it("drops past maxPending, telling onLost('full'); record() still resolves", async () => {
    const lost: { rows: number; why: string }[] = [];
    const log = open({ maxPending: 2, onLost: (rows, why) => lost.push({ rows, why }) });
    const tenantId = newTenant();
    for (const message of ['kept 1', 'kept 2', 'dropped 1', 'dropped 2']) {
      await log.record(attempt(tenantId, null, message));
    }
    expect(lost).toEqual([
      { rows: 1, why: 'full' },
      { rows: 1, why: 'full' },
    ]);
    await log.flush();
    expect(await messagesOf(tenantId)).toEqual(['kept 1', 'kept 2']);
  });

  it("reports a failing database to onLost('failed') without throwing from record() or flush()", async () => {
    const failure = new Error('database gone');
    const failing: Queryable = {
      query: async () => {
        throw failure;
      },
    };
    const lost: { rows: number; why: string; error: unknown }[] = [];
    const log = open({ onLost: (rows, why, error) => lost.push({ rows, why, error }) }, failing);
    const tenantId = newTenant();
    await expect(log.record(attempt(tenantId, null, 'one'))).resolves.toBeUndefined();
    await expect(log.record(attempt(tenantId, null, 'two'))).resolves.toBeUndefined();
    await expect(log.flush()).resolves.toBeUndefined();
    expect(lost).toEqual([{ rows: 2, why: 'failed', error: failure }]);
    // The failed batch is gone, not retried forever; later flushes have nothing to write.
    await log.flush();
    expect(lost).toHaveLength(1);
  });
});
