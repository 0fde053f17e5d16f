/**
 * An order event stored by a receiver that died before deciding it: what the deadline
 * watcher's sweep finds (at start and every five minutes) and decides, without the
 * marketplace sending it again, never starting a second intercept. PGlite, and PostgreSQL
 * with `DATABASE_URL`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../../test/support/fake-carrier.ts';
import { openCircuit } from '../../../test/support/open-circuit.ts';
import { createTestGateway, type TestGateway } from '../../../test/support/test-app.ts';
import { newId } from '../../ids.ts';
import { UNDECIDED_TAKEOVER_MS } from '../../lifecycle/order-deadline.ts';
import { insertOrderEvent, listUndecidedOrderEvents } from '../../store/order-events.ts';
import { requestHashOf } from '../../store/request-hash.ts';
import { decideAbandoned } from './receive-order-event.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
let tenantId: string;

beforeAll(async () => {
  gateway = await createTestGateway([carrier], {}, { database: 'from-env' });
  const [row] = await gateway.app.database.query<{ id: string }>(
    "SELECT id FROM tenants WHERE name = 'acme'",
  );
  tenantId = row?.id ?? '';
});
afterAll(() => gateway?.close());

/** Stores a refund request as a receiver that died would have left it: undecided. */
async function abandoned(trackingNumber: string, ageMs: number) {
  script.parcels.set(trackingNumber, 'in_transit');
  const body = {
    type: 'refund_requested',
    orderRef: `ORD-${trackingNumber}`,
    parcels: [{ carrier: 'fake', trackingNumber, pickupMode: 'platform_pickup' }],
  };
  const event = await insertOrderEvent(gateway.app.database, {
    id: newId('oev'),
    tenantId,
    externalId: null,
    requestHash: requestHashOf('POST', '/v1/order-events', body),
    type: 'refund_requested',
    orderRef: body.orderRef,
    body: body as never,
    respondBy: null,
    replyBy: null,
  });
  await gateway.app.database.query(
    `UPDATE order_events SET created_at = now() - make_interval(secs => $2::float8 / 1000) WHERE id = $1`,
    [event?.id, ageMs],
  );
  return event?.id ?? '';
}

describe('an order event its receiver never decided', () => {
  it('is found once it is older than the takeover wait, and decided by the rules', async () => {
    const young = await abandoned('FK500001', 1_000);
    const old = await abandoned('FK500002', UNDECIDED_TAKEOVER_MS + 5_000);
    const found = await listUndecidedOrderEvents(
      gateway.app.database,
      new Date(Date.now() - UNDECIDED_TAKEOVER_MS),
      100,
    );
    expect(found.map((event) => event.id)).toEqual([old]);
    expect(found.map((event) => event.id)).not.toContain(young);

    for (const event of found) {
      await decideAbandoned(gateway.app, gateway.app.log, event);
    }
    const read = await gateway.app.inject({
      method: 'GET',
      url: `/v1/order-events/${old}`,
      headers: gateway.auth.acme,
    });
    expect(read.json().decisions).toMatchObject([
      { outcome: 'started', action: 'intercept', actionStatus: 'accepted' },
    ]);
    expect(script.calls.intercept).toBe(1);

    // Decided twice (two replicas' sweeps): still one intercept.
    for (const event of found) {
      await decideAbandoned(gateway.app, gateway.app.log, event);
    }
    expect(script.calls.intercept).toBe(1);
    const left = await listUndecidedOrderEvents(gateway.app.database, new Date(), 100);
    expect(left.map((event) => event.id)).toEqual([young]);
  });
});

describe('an order event for a carrier that is down', () => {
  it('is answered at risk at once, naming the carrier, with the event that says so', async () => {
    const down = await createTestGateway(
      [carrier],
      { PARCELGATE_BREAKER_MIN_CALLS: '2', PARCELGATE_BREAKER_OPEN_MS: '60000' },
      { database: 'from-env' },
    );
    try {
      const registered = down.app.carriers.resolve('fake');
      openCircuit(down.app.resilience.of(registered).breakers.track);
      script.parcels.set('FK500100', 'in_transit');
      const before = { ...script.calls };
      const answer = await down.app.inject({
        method: 'POST',
        url: '/v1/order-events',
        headers: down.auth.acme,
        payload: {
          id: 'mkt-refund-down-1',
          type: 'refund_requested',
          orderRef: 'ORD-DOWN-1',
          respondBy: new Date(Date.now() + 3_600_000).toISOString(),
          parcels: [{ carrier: 'fake', trackingNumber: 'FK500100', pickupMode: 'platform_pickup' }],
        },
      });
      expect(answer.statusCode).toBe(201);
      expect(answer.json()).toMatchObject({
        deadline: { status: 'at_risk', reasons: [{ code: 'carrier_unavailable' }] },
        // The parcel's status could not be read, so no rule could match it: it says why.
        decisions: [{ outcome: 'no_rule', reasons: [{ code: 'carrier_unavailable' }] }],
      });
      // Nothing reached the carrier while its circuit was open.
      expect(script.calls).toEqual(before);
      const events = await down.app.inject({
        method: 'GET',
        url: '/v1/events?type=order_event.deadline_at_risk',
        headers: down.auth.acme,
      });
      expect(events.json().data).toHaveLength(1);
    } finally {
      await down.close();
    }
  });
});

describe('order events and rules of another tenant', () => {
  it('are as unknown as missing ones', async () => {
    script.parcels.set('FK500200', 'in_transit');
    const created = await gateway.app.inject({
      method: 'POST',
      url: '/v1/order-events',
      headers: gateway.auth.acme,
      payload: {
        id: 'mkt-tenancy-1',
        type: 'return_requested',
        orderRef: 'ORD-TENANCY-1',
        parcels: [{ carrier: 'fake', trackingNumber: 'FK500200', pickupMode: 'platform_pickup' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const read = await gateway.app.inject({
      method: 'GET',
      url: `/v1/order-events/${id}`,
      headers: gateway.auth.globex,
    });
    expect(read.statusCode).toBe(404);
    const list = await gateway.app.inject({
      method: 'GET',
      url: '/v1/order-events',
      headers: gateway.auth.globex,
    });
    expect(list.json().data).toEqual([]);

    const rule = await gateway.app.inject({
      method: 'POST',
      url: '/v1/rules',
      headers: gateway.auth.acme,
      payload: { name: 'notify returns', when: { eventTypes: ['return_requested'] }, do: 'notify' },
    });
    expect(rule.statusCode).toBe(201);
    for (const method of ['GET', 'DELETE'] as const) {
      const other = await gateway.app.inject({
        method,
        url: `/v1/rules/${rule.json().id}`,
        headers: gateway.auth.globex,
      });
      expect(other.statusCode, method).toBe(404);
    }
    const rules = await gateway.app.inject({
      method: 'GET',
      url: '/v1/rules',
      headers: gateway.auth.globex,
    });
    expect(JSON.stringify(rules.json())).not.toContain(rule.json().id);
    const unauthenticated = await gateway.app.inject({ method: 'GET', url: '/v1/rules' });
    expect(unauthenticated.statusCode).toBe(401);
  });
});
