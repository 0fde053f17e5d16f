/**
 * Whether a tenant has an intercept under way for a parcel, kept in memory: on a migrated
 * database (PGlite, or PostgreSQL with `DATABASE_URL`), the answer changes once the
 * database announces the new intercept, `forget` drops it at once, and a read that raced a
 * change stores nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeRecorder, isPayload } from '../../test/support/notice-recorder.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { followChanges } from '../store/change-notices.ts';
import type { Listening, Queryable } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { ensureTenant } from '../store/tenants.ts';
import { createActiveIntercepts } from './active-intercepts.ts';

let store: TestDatabase;
let tenantId: string;
const listenings: Listening[] = [];

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  tenantId = (await ensureTenant(store.database, 'active-intercepts')).id;
}, 120_000);

afterAll(async () => {
  for (const listening of listenings) {
    await listening.close();
  }
  await store?.drop();
});

/** A parcel no other test (or test file on the same PostgreSQL) uses. */
const newParcel = () => `AI${randomBytes(6).toString('hex').toUpperCase()}`;

/** The database, counting the statements run through it. */
function counted(): { db: Queryable; reads: () => number } {
  let reads = 0;
  return {
    db: {
      query(text, params) {
        reads += 1;
        return store.database.query(text, params);
      },
    },
    reads: () => reads,
  };
}

async function insertIntercept(trackingNumber: string, status = 'pending'): Promise<string> {
  const id = `icp_${randomBytes(8).toString('hex')}`;
  await store.database.query(
    `INSERT INTO intercepts (id, tenant_id, carrier, tracking_number, reason, pickup_mode, status,
       likelihood, fee)
     VALUES ($1, $2, 'sandbox', $3, 'buyer_cancelled', 'platform_pickup', $4, 'high', '{}'::jsonb)`,
    [id, tenantId, trackingNumber, status],
  );
  return id;
}

describe('active intercepts', () => {
  it('answers false (from memory) until the new intercept is announced, then true', async () => {
    const { db, reads } = counted();
    const active = createActiveIntercepts(db, { ttlMs: 60_000 });
    const recorder = new ChangeRecorder();
    listenings.push(await followChanges(store.database, [active, recorder]));
    const trackingNumber = newParcel();

    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(false);
    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(false);
    expect(reads()).toBe(1);

    await insertIntercept(trackingNumber);
    // The recorder comes after `active` in the list: once it has the notice, so has `active`.
    await recorder.waitForPayload(isPayload(['parcel', 'sandbox', trackingNumber]));
    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(true);
    expect(reads()).toBe(2);
    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(true);
    expect(reads()).toBe(2);
  });

  it('forget drops what is known of that parcel at once, and of no other', async () => {
    const { db, reads } = counted();
    // Not following the changes: only `forget` can make it read again.
    const active = createActiveIntercepts(db, { ttlMs: 60_000 });
    active.setLive(true);
    const trackingNumber = newParcel();
    const other = newParcel();
    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(false);
    expect(await active.has(tenantId, 'sandbox', other)).toBe(false);

    await insertIntercept(trackingNumber);
    await insertIntercept(other);
    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(false);
    expect(reads()).toBe(2);

    active.forget('sandbox', trackingNumber);
    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(true);
    expect(await active.has(tenantId, 'sandbox', other)).toBe(false);
    expect(reads()).toBe(3);
  });

  it('a read that raced a change stores nothing', async () => {
    let reads = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const readStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const held: Queryable = {
      async query(text, params) {
        reads += 1;
        if (reads === 1) {
          started();
          await gate;
        }
        return store.database.query(text, params);
      },
    };
    const active = createActiveIntercepts(held, { ttlMs: 60_000 });
    active.setLive(true);
    const trackingNumber = newParcel();

    const racing = active.has(tenantId, 'sandbox', trackingNumber);
    await readStarted;
    // The intercept commits and is announced while the read is under way; the read,
    // released afterwards, may have seen the parcel as it was.
    active.changed({ kind: 'parcel', carrier: 'sandbox', trackingNumber });
    release();
    expect(await racing).toBe(false);

    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(false);
    expect(reads).toBe(2);
    // That second read, with no change during it, is kept.
    expect(await active.has(tenantId, 'sandbox', trackingNumber)).toBe(false);
    expect(reads).toBe(2);
  });

  it('serves nothing from memory while not live, nor with ttlMs 0', async () => {
    const trackingNumber = newParcel();
    const notLive = counted();
    const waiting = createActiveIntercepts(notLive.db, { ttlMs: 60_000 });
    await waiting.has(tenantId, 'sandbox', trackingNumber);
    await waiting.has(tenantId, 'sandbox', trackingNumber);
    expect(notLive.reads()).toBe(2);

    const off = counted();
    const disabled = createActiveIntercepts(off.db, { ttlMs: 0 });
    disabled.setLive(true);
    await disabled.has(tenantId, 'sandbox', trackingNumber);
    await disabled.has(tenantId, 'sandbox', trackingNumber);
    expect(off.reads()).toBe(2);

    const lost = counted();
    const dropped = createActiveIntercepts(lost.db, { ttlMs: 60_000 });
    dropped.setLive(true);
    await dropped.has(tenantId, 'sandbox', trackingNumber);
    dropped.setLive(false);
    await dropped.has(tenantId, 'sandbox', trackingNumber);
    await dropped.has(tenantId, 'sandbox', trackingNumber);
    expect(lost.reads()).toBe(3);
  });
});
