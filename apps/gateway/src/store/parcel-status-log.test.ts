/**
 * Statuses seen by tracking reads become the registering tenant's `parcel.status_changed`
 * events, in batches, on PGlite and (with `DATABASE_URL`) on PostgreSQL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { listEvents } from './events.ts';
import { migrate } from './migrate.ts';
import { openParcelStatusLog } from './parcel-status-log.ts';
import { registerParcel } from './parcels.ts';
import { ensureTenant } from './tenants.ts';

let store: TestDatabase;
let acme: string;
let parcelSeq = 0;

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  acme = (await ensureTenant(store.database, 'statuses-acme')).id;
}, 120_000);
afterAll(() => store?.drop());
beforeEach(async () => {
  await store.database.query('DELETE FROM events');
});

async function registered(): Promise<string> {
  parcelSeq += 1;
  const trackingNumber = `SBX9${String(parcelSeq).padStart(8, '0')}`;
  await registerParcel(store.database, {
    tenantId: acme,
    carrier: 'sandbox',
    trackingNumber,
    orderRef: null,
  });
  return trackingNumber;
}

async function statusEvents() {
  const events = await listEvents(store.database, acme, {
    types: ['parcel.status_changed'],
    limit: 100,
  });
  return events.reverse().map((event) => [event.objectId, event.data]);
}

describe('the statuses tracking reads saw', () => {
  it("become the registering tenant's events when they change, once each", async () => {
    const log = openParcelStatusLog(store.database);
    const number = await registered();
    log.seen({ carrier: 'sandbox', trackingNumber: number, status: 'in_transit' });
    await log.flush();
    log.seen({ carrier: 'sandbox', trackingNumber: number, status: 'in_transit' });
    await log.flush();
    log.seen({ carrier: 'sandbox', trackingNumber: number, status: 'delivered' });
    await log.close();
    expect(await statusEvents()).toEqual([
      [
        `sandbox:${number}`,
        expect.objectContaining({ status: 'in_transit', previousStatus: null }),
      ],
      [
        `sandbox:${number}`,
        expect.objectContaining({ status: 'delivered', previousStatus: 'in_transit' }),
      ],
    ]);
  });

  it('keeps the latest of a burst, and ignores parcels nobody registered', async () => {
    const log = openParcelStatusLog(store.database);
    const number = await registered();
    log.seen({ carrier: 'sandbox', trackingNumber: number, status: 'in_transit' });
    log.seen({ carrier: 'sandbox', trackingNumber: number, status: 'out_for_delivery' });
    log.seen({ carrier: 'sandbox', trackingNumber: 'SBX800000001', status: 'in_transit' });
    await log.close();
    expect(await statusEvents()).toEqual([
      [`sandbox:${number}`, expect.objectContaining({ status: 'out_for_delivery' })],
    ]);
  });

  it('does not repeat a status an action already told', async () => {
    const number = await registered();
    await store.database.query(
      `INSERT INTO events (id, tenant_id, type, object_kind, object_id, data)
        VALUES ('evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z', $1, 'parcel.status_changed', 'parcel', $2,
          '{"status": "returning"}'::jsonb)`,
      [acme, `sandbox:${number}`],
    );
    const log = openParcelStatusLog(store.database);
    log.seen({ carrier: 'sandbox', trackingNumber: number, status: 'returning' });
    await log.close();
    expect(await statusEvents()).toHaveLength(1);
  });
});
