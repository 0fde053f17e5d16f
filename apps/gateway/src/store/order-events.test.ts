/**
 * The order events' and rules' stores, on PGlite and (with `DATABASE_URL`) on PostgreSQL:
 * an event's own id is unique per tenant, a deadline moves once per status, rules come
 * back in position order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { newId } from '../ids.ts';
import { migrate } from './migrate.ts';
import {
  findOrderEvent,
  findOrderEventByExternalId,
  insertOrderEvent,
  insertRuleAction,
  listOrderEvents,
  listWatchedOrderEvents,
  moveDeadline,
  recordDecisions,
} from './order-events.ts';
import { deleteRule, insertRule, listRules, replaceRule } from './rules.ts';
import { ensureTenant } from './tenants.ts';

let store: TestDatabase;
let acme: string;
let globex: string;

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  acme = (await ensureTenant(store.database, 'order-events-acme')).id;
  globex = (await ensureTenant(store.database, 'order-events-globex')).id;
}, 120_000);
afterAll(() => store?.drop());

const body = {
  type: 'refund_requested',
  orderRef: 'TTS-1',
  parcels: [{ carrier: 'sandbox', trackingNumber: 'SBX1', pickupMode: 'platform_pickup' }],
} as const;

function newEvent(tenantId: string, externalId: string | null, respondBy: Date | null = null) {
  return {
    id: newId('oev'),
    tenantId,
    externalId,
    requestHash: 'hash',
    type: 'refund_requested' as const,
    orderRef: 'TTS-1',
    body,
    respondBy,
    replyBy: null,
  };
}

describe('order events', () => {
  it('stores one event per tenant and external id', async () => {
    const first = await insertOrderEvent(store.database, newEvent(acme, 'mkt-1'));
    expect(first?.deadlineStatus).toBe('none');
    expect(first?.decidedAt).toBeNull();
    expect(await insertOrderEvent(store.database, newEvent(acme, 'mkt-1'))).toBeUndefined();
    // Another tenant's event with the same id is another event.
    expect(await insertOrderEvent(store.database, newEvent(globex, 'mkt-1'))).toBeDefined();
    // Without an external id nothing is unique but the id.
    expect(await insertOrderEvent(store.database, newEvent(acme, null))).toBeDefined();
    expect(await insertOrderEvent(store.database, newEvent(acme, null))).toBeDefined();
    const found = await findOrderEventByExternalId(store.database, acme, 'mkt-1');
    expect(found?.id).toBe(first?.id);
    expect(found?.body).toEqual(body);
    expect(await findOrderEvent(store.database, globex, first?.id ?? '')).toBeUndefined();
  });

  it('records decisions, moves a deadline once, and watches what is open', async () => {
    const respondBy = new Date(Date.now() + 3_600_000);
    const event = await insertOrderEvent(store.database, newEvent(acme, 'mkt-2', respondBy));
    const id = event?.id ?? '';
    const decision = {
      carrier: 'sandbox',
      trackingNumber: 'SBX1',
      parcelStatus: 'in_transit' as const,
      ruleId: 'default:intercept-on-refund-or-cancellation',
      action: 'intercept' as const,
      outcome: 'started' as const,
      actionId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      actionStatus: 'pending',
      reasons: [],
    };
    await recordDecisions(store.database, acme, id, {
      decisions: [decision],
      evidence: [],
      deadlineStatus: 'on_track',
      deadlineReasons: [],
    });
    const decided = await findOrderEvent(store.database, acme, id);
    expect(decided?.decisions).toEqual([decision]);
    expect(decided?.decidedAt).toBeInstanceOf(Date);
    expect((await listWatchedOrderEvents(store.database, 100)).map((row) => row.id)).toContain(id);

    const move = { from: 'on_track', to: 'at_risk', reasons: [], decisions: [decision] } as const;
    expect(await moveDeadline(store.database, id, move)).toBe(true);
    expect(await moveDeadline(store.database, id, move)).toBe(false);
    expect(await moveDeadline(store.database, id, { ...move, from: 'at_risk', to: 'met' })).toBe(
      true,
    );
    expect((await listWatchedOrderEvents(store.database, 100)).map((row) => row.id)).not.toContain(
      id,
    );

    await insertRuleAction(store.database, {
      orderEventId: id,
      parcelKey: 'sandbox:SBX1',
      tenantId: acme,
      ruleId: 'default:intercept-on-refund-or-cancellation',
      actionTable: 'intercepts',
      actionId: decision.actionId,
    });
    // Once per event and parcel: a second note of it changes nothing.
    await insertRuleAction(store.database, {
      orderEventId: id,
      parcelKey: 'sandbox:SBX1',
      tenantId: acme,
      ruleId: 'other',
      actionTable: 'intercepts',
      actionId: 'icp_other',
    });
    const rows = await store.database.query<{ action_id: string }>(
      'SELECT action_id FROM rule_actions WHERE order_event_id = $1',
      [id],
    );
    expect(rows.map((row) => row.action_id)).toEqual([decision.actionId]);
  });

  it('lists the tenant’s events newest first, filtered', async () => {
    const page = await listOrderEvents(store.database, acme, { limit: 100, deadlineStatus: 'met' });
    expect(page.length).toBe(1);
    expect(page.every((row) => row.tenantId === acme)).toBe(true);
  });
});

describe('rules', () => {
  const fields = {
    name: 'r',
    enabled: true,
    position: undefined,
    when: { eventTypes: ['refund_requested'] },
    do: 'intercept',
  } as const;

  it('appends without a position, keeps order, replaces and deletes', async () => {
    const first = await insertRule(store.database, acme, newId('rul'), fields);
    const second = await insertRule(store.database, acme, newId('rul'), fields);
    expect([first.position, second.position]).toEqual([0, 1]);
    const front = await insertRule(store.database, acme, newId('rul'), { ...fields, position: 0 });
    // Position first, then id (ids sort by creation): the front rule ties with the first.
    expect((await listRules(store.database, acme)).map((rule) => rule.id)).toEqual([
      first.id,
      front.id,
      second.id,
    ]);
    const replaced = await replaceRule(store.database, acme, second.id, {
      ...fields,
      name: 'renamed',
      position: undefined,
    });
    expect(replaced).toMatchObject({ name: 'renamed', position: 1 });
    expect(await replaceRule(store.database, globex, second.id, fields)).toBeUndefined();
    expect(await deleteRule(store.database, globex, first.id)).toBe(false);
    expect(await deleteRule(store.database, acme, first.id)).toBe(true);
    expect(await listRules(store.database, globex)).toEqual([]);
  });
});
