/**
 * Events about intercepts and redirects, written by the transactions that change them, on
 * PGlite and (with `DATABASE_URL`) on PostgreSQL. Each carries the action exactly as the
 * API presents it once that change is made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { findActionHistory } from '../store/action-history.ts';
import { listEvents } from '../store/events.ts';
import { findIntercept, insertIntercept } from '../store/intercepts.ts';
import { migrate } from '../store/migrate.ts';
import { ensureTenant } from '../store/tenants.ts';
import { recordActionEvents } from './action-events.ts';
import { applySteps, loadAction, markNeedsAttention } from './action-store.ts';
import { presentIntercept } from './present-action.ts';

let store: TestDatabase;
let tenantId: string;

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  tenantId = (await ensureTenant(store.database, 'action-events')).id;
}, 120_000);
afterAll(() => store?.drop());

let seq = 0;
/** Stores a pending intercept with its `created` event, as the pipeline does. */
async function created(): Promise<string> {
  seq += 1;
  const id = `icp_01JD3K9V7Q8M2N4P6R8T0V${String(seq).padStart(4, '0')}`;
  const now = new Date();
  await store.database.transaction(async (tx) => {
    await insertIntercept(
      tx,
      {
        id,
        tenantId,
        carrier: 'sandbox',
        trackingNumber: `AE${seq}`,
        reason: 'buyer_cancelled',
        orderRef: 'TTS-1',
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
    await recordActionEvents(tx, { table: 'intercepts', tenantId, id }, ['intercept.created']);
  });
  return id;
}

async function eventsOf(id: string) {
  return (await listEvents(store.database, tenantId, { objectId: id, limit: 50 })).reverse();
}

/** What `GET /v1/intercepts/{id}` answers now. */
async function presentedNow(id: string) {
  const record = await findIntercept(store.database, tenantId, id);
  if (record === undefined) {
    throw new Error(`no intercept ${id}`);
  }
  return JSON.parse(
    JSON.stringify(presentIntercept(record, await findActionHistory(store.database, id))),
  ) as unknown;
}

async function loaded(id: string) {
  const action = await loadAction(store.database, 'intercepts', id);
  if (action === undefined) {
    throw new Error(`no intercept ${id}`);
  }
  return action;
}

describe('events of an intercept', () => {
  it('writes created with the action as the API shows it', async () => {
    const id = await created();
    const [event, ...rest] = await eventsOf(id);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'intercept.created', objectKind: 'intercept' });
    expect(event?.data).toEqual(await presentedNow(id));
  });

  it('writes nothing when the transaction that created it rolls back', async () => {
    const before = (await listEvents(store.database, tenantId, { limit: 100 })).length;
    await expect(
      store.database.transaction(async (tx) => {
        await recordActionEvents(tx, { table: 'intercepts', tenantId, id: 'icp_x' }, [
          'intercept.created',
        ]);
      }),
    ).rejects.toThrow('not stored');
    expect((await listEvents(store.database, tenantId, { limit: 100 })).length).toBe(before);
  });

  it('writes one event per step, each showing the action as that step left it', async () => {
    const id = await created();
    const applied = await applySteps(store.database, await loaded(id), [
      { status: 'accepted', cause: 'tracking', detail: 'implied by returned' },
      { status: 'returning', cause: 'tracking', detail: 'implied by returned' },
      { status: 'returned', cause: 'tracking' },
    ]);
    expect(applied).toBe(true);
    const events = await eventsOf(id);
    expect(events.map((event) => event.type)).toEqual([
      'intercept.created',
      'intercept.accepted',
      'intercept.returning',
      'intercept.returned',
    ]);
    expect(events.map((event) => event.data.status)).toEqual([
      'pending',
      'accepted',
      'returning',
      'returned',
    ]);
    expect(events.at(-1)?.data).toEqual(await presentedNow(id));
  });

  it('writes nothing for a stale decision or a step that keeps the status', async () => {
    const id = await created();
    const stale = await loaded(id);
    await applySteps(store.database, stale, [{ status: 'accepted', cause: 'callback' }]);
    expect(await applySteps(store.database, stale, [{ status: 'failed', cause: 'tracking' }])).toBe(
      false,
    );
    await applySteps(store.database, await loaded(id), [
      { status: 'accepted', cause: 'merchant', detail: 'cancel requested' },
    ]);
    expect((await eventsOf(id)).map((event) => event.type)).toEqual([
      'intercept.created',
      'intercept.accepted',
    ]);
  });

  it('tells needs_attention once, when the flag is raised', async () => {
    const id = await created();
    await markNeedsAttention(store.database, await loaded(id), 'outcome unknown');
    await markNeedsAttention(store.database, await loaded(id), 'outcome still unknown');
    const events = await eventsOf(id);
    expect(events.map((event) => event.type)).toEqual([
      'intercept.created',
      'intercept.needs_attention',
    ]);
    expect(events.at(-1)?.data).toMatchObject({
      needsAttention: true,
      attentionReason: 'outcome unknown',
    });
  });
});
