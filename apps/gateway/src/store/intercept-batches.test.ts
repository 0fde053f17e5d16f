import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { newId } from '../ids.ts';
import {
  batchBacklog,
  claimBatchItems,
  completeInterceptBatch,
  countBatchItems,
  findInterceptBatch,
  finishBatchItem,
  insertInterceptBatch,
  listBatchItems,
  listRunningBatches,
  requeueBatchItem,
} from './intercept-batches.ts';
import { migrate } from './migrate.ts';
import { ensureTenant } from './tenants.ts';

// On the test's database: in-memory PGlite, or PostgreSQL with DATABASE_URL.
let store: TestDatabase;
let tenantId: string;
let otherTenantId: string;

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  tenantId = (await ensureTenant(store.database, 'batches')).id;
  otherTenantId = (await ensureTenant(store.database, 'others')).id;
});
afterAll(() => store.drop());

async function newBatch(items: number, tenant = tenantId): Promise<string> {
  const id = newId('icb');
  await store.database.transaction((tx) =>
    insertInterceptBatch(tx, {
      id,
      tenantId: tenant,
      keyId: 'key_test',
      items: Array.from({ length: items }, (_, index) => ({
        carrier: 'sandbox',
        trackingNumber: `SBX${index}`,
        request: { carrier: 'sandbox', trackingNumber: `SBX${index}` },
      })),
    }),
  );
  return id;
}

describe('intercept batch store', () => {
  it('stores a batch of 1,000 items in order, all queued, for its tenant only', async () => {
    const id = await newBatch(1_000);
    expect(await findInterceptBatch(store.database, otherTenantId, id)).toBeUndefined();
    expect(await findInterceptBatch(store.database, tenantId, id)).toMatchObject({
      itemCount: 1_000,
      status: 'running',
    });
    expect(await countBatchItems(store.database, id)).toMatchObject({
      total: 1_000,
      queued: 1_000,
    });
    const page = await listBatchItems(store.database, id, 998, 10);
    expect(page.map((item) => item.index)).toEqual([998, 999]);
    expect(page[0]).toMatchObject({ trackingNumber: 'SBX998', status: 'queued', outcome: null });
  });

  it("claims no more than the tenant's share across its batches, and takes back expired leases", async () => {
    const first = await newBatch(5);
    const second = await newBatch(5);
    const options = { max: 10, tenantLimit: 3, leaseMs: 60_000 };
    const claimed = await claimBatchItems(store.database, { id: first, tenantId }, options);
    expect(claimed.map((item) => [item.index, item.tries])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    // The tenant has its three running: its other batch waits.
    expect(await claimBatchItems(store.database, { id: second, tenantId }, options)).toEqual([]);
    // Another tenant's batch is not held back by it.
    const other = await newBatch(2, otherTenantId);
    expect(
      await claimBatchItems(store.database, { id: other, tenantId: otherTenantId }, options),
    ).toHaveLength(2);

    await finishBatchItem(store.database, first, 0, {
      interceptId: null,
      outcome: 'refused',
      reasons: [{ code: 'delivered', message: 'delivered' }],
      problem: null,
    });
    await requeueBatchItem(store.database, first, 1, 60_000);
    // A lease that runs out (a dead worker's) makes its item claimable again.
    await store.database.query(
      `UPDATE intercept_batch_items SET lease_until = now() - interval '1 second'
        WHERE batch_id = $1 AND item_index = 2`,
      [first],
    );
    const again = await claimBatchItems(store.database, { id: first, tenantId }, options);
    // Item 1 waits for its retry; 2 is taken back (a second try), 3 and 4 are new.
    expect(again.map((item) => [item.index, item.tries])).toEqual([
      [2, 2],
      [3, 1],
      [4, 1],
    ]);
    expect(await countBatchItems(store.database, first)).toMatchObject({
      total: 5,
      queued: 1,
      running: 3,
      done: 1,
      refused: 1,
    });
    const backlog = await batchBacklog(store.database, first);
    expect(backlog.open).toBe(4);
    expect(await completeInterceptBatch(store.database, first)).toBe(false);
    for (const index of [1, 2, 3, 4]) {
      await finishBatchItem(store.database, first, index, {
        interceptId: null,
        outcome: 'failed',
        reasons: [],
        problem: {
          type: 'https://parcelgate.dev/problems/parcel-not-found',
          status: 404,
          detail: 'x',
        },
      });
    }
    expect(await completeInterceptBatch(store.database, first)).toBe(true);
    expect(await completeInterceptBatch(store.database, first)).toBe(false);
    expect((await listRunningBatches(store.database, 100)).map((batch) => batch.id)).not.toContain(
      first,
    );
  });
});
