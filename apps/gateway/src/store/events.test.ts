/**
 * The event log's store, on PGlite and (with `DATABASE_URL`) on PostgreSQL: an event
 * exists exactly when the transaction that wrote it committed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import {
  findEvent,
  insertEvent,
  listEvents,
  parcelObjectId,
  purgeExpiredEvents,
  recordParcelStatus,
} from './events.ts';
import { insertIntercept } from './intercepts.ts';
import { migrate } from './migrate.ts';
import { ensureTenant } from './tenants.ts';

let store: TestDatabase;
let acme: string;
let globex: string;

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  acme = (await ensureTenant(store.database, 'events-acme')).id;
  globex = (await ensureTenant(store.database, 'events-globex')).id;
}, 120_000);
afterAll(() => store?.drop());
beforeEach(async () => {
  await store.database.query('DELETE FROM events');
});

const event = (tenantId: string, objectId = 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z') =>
  ({
    tenantId,
    type: 'intercept.accepted',
    objectKind: 'intercept',
    objectId,
    data: { id: objectId, status: 'accepted' },
  }) as const;

async function count(): Promise<number> {
  const [row] = await store.database.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM events',
  );
  return row?.count ?? 0;
}

let seq = 0;
/** An intercept (of a new parcel unless one is named), stored as the pipeline stores it. */
async function storedIntercept(tenantId: string, trackingNumber = `EV${seq + 1}`) {
  seq += 1;
  const id = `icp_01JD3K9V7Q8M2N4P6R8T0V${String(seq).padStart(4, '0')}`;
  const now = new Date();
  await insertIntercept(
    store.database,
    {
      id,
      tenantId,
      carrier: 'sandbox',
      trackingNumber,
      reason: 'buyer_cancelled',
      orderRef: null,
      pickupMode: 'platform_pickup',
      parcel: null,
      note: null,
      phoneLastDigits: null,
      carrierOptions: null,
      connectionId: null,
      status: 'pending',
      likelihood: 'high',
      parcelStatus: 'in_transit',
      fee: { payer: 'carrier', note: 'free' },
      policyReasons: [],
      warnings: [],
      carrierReference: null,
      carrierReason: null,
      statusDetail: null,
      createdAt: now,
      updatedAt: now,
    },
    { status: 'pending', cause: 'request', detail: null },
  );
  return { table: 'intercepts', id, tenantId, carrier: 'sandbox', trackingNumber } as const;
}

describe('writing events with their change', () => {
  it('keeps an event whose transaction commits', async () => {
    const written = await store.database.transaction((tx) => insertEvent(tx, event(acme)));
    expect(written.id).toMatch(/^evt_[0-9A-Z]{26}$/);
    expect(await findEvent(store.database, acme, written.id)).toMatchObject({
      type: 'intercept.accepted',
      objectKind: 'intercept',
      data: { status: 'accepted' },
    });
  });

  it('leaves no event when its transaction rolls back', async () => {
    await expect(
      store.database.transaction(async (tx) => {
        await insertEvent(tx, event(acme));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(0);
  });

  it('writes parcel.status_changed only when the parcel status changes', async () => {
    const action = await storedIntercept(acme);
    expect(await recordParcelStatus(store.database, action, 'in_transit')).toBe(false);
    expect(await count()).toBe(0);
    expect(await recordParcelStatus(store.database, action, 'return_in_transit')).toBe(true);
    expect(await recordParcelStatus(store.database, action, 'return_in_transit')).toBe(false);
    const [only, ...rest] = await listEvents(store.database, acme, { limit: 10 });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      type: 'parcel.status_changed',
      objectKind: 'parcel',
      objectId: parcelObjectId('sandbox', action.trackingNumber),
      data: {
        carrier: 'sandbox',
        trackingNumber: action.trackingNumber,
        parcelId: null,
        status: 'return_in_transit',
        previousStatus: 'in_transit',
      },
    });
  });

  it('tells a parcel status once per tenant, however many of its actions follow the parcel', async () => {
    const first = await storedIntercept(acme);
    await store.database.query(
      `UPDATE intercepts SET status = 'failed' WHERE id = $1`, // frees the parcel for a second
      [first.id],
    );
    const second = await storedIntercept(acme, first.trackingNumber);
    await recordParcelStatus(store.database, first, 'delivered');
    await recordParcelStatus(store.database, second, 'delivered');
    expect(await count()).toBe(1);
  });

  it('writes no parcel event when the transaction rolls back, and the status stays', async () => {
    const action = await storedIntercept(acme);
    await expect(
      store.database.transaction(async (tx) => {
        await recordParcelStatus(tx, action, 'delivered');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await count()).toBe(0);
    expect(await recordParcelStatus(store.database, action, 'delivered')).toBe(true);
    expect(await count()).toBe(1);
  });
});

describe('reading events back', () => {
  it('pages newest first by write order, filters by type and object, per tenant', async () => {
    const ids: string[] = [];
    for (const type of ['intercept.created', 'intercept.accepted'] as const) {
      for (const objectId of ['icp_01JD3K9V7Q8M2N4P6R8T0VAAAA', 'icp_01JD3K9V7Q8M2N4P6R8T0VBBBB']) {
        ids.push((await insertEvent(store.database, { ...event(acme, objectId), type })).id);
      }
    }
    const other = await insertEvent(store.database, event(globex));
    const all = await listEvents(store.database, acme, { limit: 10 });
    expect(all.map((row) => row.id)).toEqual([...ids].reverse());
    const firstPage = await listEvents(store.database, acme, { limit: 3 });
    expect(firstPage).toHaveLength(4);
    const next = await listEvents(store.database, acme, {
      limit: 3,
      beforeSeq: firstPage[2]?.seq,
    });
    expect(next.map((row) => row.id)).toEqual([ids[0]]);
    const ofOne = await listEvents(store.database, acme, {
      limit: 10,
      objectId: 'icp_01JD3K9V7Q8M2N4P6R8T0VAAAA',
      types: ['intercept.accepted', 'intercept.cancelled'],
    });
    expect(ofOne.map((row) => row.id)).toEqual([ids[2]]);
    expect(await findEvent(store.database, acme, other.id)).toBeUndefined();
    expect(await findEvent(store.database, globex, other.id)).toBeDefined();
  });

  it('purges events past the retention, oldest first, in bounded batches', async () => {
    for (let index = 0; index < 3; index++) {
      await insertEvent(store.database, event(acme));
    }
    const young = await insertEvent(store.database, event(acme));
    await store.database.query(
      `UPDATE events SET occurred_at = now() - interval '31 days' WHERE id <> $1`,
      [young.id],
    );
    expect(await purgeExpiredEvents(store.database, { retentionDays: 30, batchSize: 2 })).toBe(2);
    expect(await purgeExpiredEvents(store.database, { retentionDays: 30, batchSize: 2 })).toBe(1);
    expect(await purgeExpiredEvents(store.database, { retentionDays: 30, batchSize: 2 })).toBe(0);
    expect((await listEvents(store.database, acme, { limit: 10 })).map((row) => row.id)).toEqual([
      young.id,
    ]);
  });
});
