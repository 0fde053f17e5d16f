/**
 * The after-sales assistant end to end, against the simulator: a refund requested for a
 * parcel in transit becomes an accepted intercept with no other call, on every carrier
 * with an intercept API (sandbox, UPS, SF, Kuaidi100); the same event twice does nothing
 * more (the simulator counts the calls); a parcel out of window is answered at once as a
 * deadline at risk; a damage report gets the carrier's proof of delivery and a 48 h reply
 * deadline; rules replace the default set.
 */

import { newKey, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intercept, OrderEvent, Problem, Rule } from './api-types.ts';
import { companyOf } from './kuaidi100-company.ts';

const CARRIERS = [
  '@parcelgate/carrier-sandbox',
  '@parcelgate/carrier-ups',
  '@parcelgate/carrier-sf',
  '@parcelgate/carrier-kuaidi100',
];
const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;
/** Statuses an intercept reaches once its carrier accepted it. */
const ACCEPTED_OR_LATER = ['accepted', 'returning', 'returned'];

let stack: Stack;
let events = 0;

beforeAll(async () => {
  stack = await startStack({ carriers: CARRIERS, tenants: ['rules-tenant'] });
});

afterAll(async () => {
  await stack?.stop();
});

/** A refund event for one parcel, with an id of its own. */
function refund(carrier: string, trackingNumber: string, extra: Record<string, unknown> = {}) {
  events += 1;
  return {
    id: `refund-${trackingNumber}-${events}`,
    type: 'refund_requested',
    orderRef: `ORD-${trackingNumber}`,
    respondBy: new Date(Date.now() + FOUR_HOURS_MS).toISOString(),
    parcels: [
      {
        carrier,
        trackingNumber,
        pickupMode: 'platform_pickup',
        declaredValue: { amount: '129.00', currency: 'CNY' },
        category: 'apparel',
        ...(carrier === 'kuaidi100' ? { carrierOptions: { com: companyOf(trackingNumber) } } : {}),
      },
    ],
    ...extra,
  };
}

describe.each(['sandbox', 'ups', 'sf', 'kuaidi100'])('a refund requested at %s', (carrier) => {
  it('becomes an accepted intercept with no other call, and the same event twice does nothing more', async () => {
    const trackingNumber = await stack.sim.createParcel({ carrier, status: 'in_transit' });
    const body = refund(carrier, trackingNumber);
    const first = await stack.api.post<OrderEvent>('/v1/order-events', body);
    expect(first.status, first.text).toBe(201);
    const [decision] = first.body.decisions;
    expect(decision, first.text).toMatchObject({
      outcome: 'started',
      action: 'intercept',
      ruleId: 'default:intercept-on-refund-or-cancellation',
    });
    const interceptId = decision?.actionId ?? '';
    expect(interceptId).toMatch(/^icp_/);
    expect(first.body.deadline.status).not.toBe('at_risk');

    if (carrier === 'kuaidi100') {
      // Kuaidi100 decides later and calls back: let simulated time pass.
      await stack.sim.advanceClock(FOUR_HOURS_MS);
    }
    const intercept = await pollUntil(
      () => stack.api.get<Intercept>(`/v1/intercepts/${interceptId}`),
      (answer) => ACCEPTED_OR_LATER.includes(answer.body.status),
    );
    expect(ACCEPTED_OR_LATER, intercept.text).toContain(intercept.body.status);
    expect(intercept.body.transitions[0]).toMatchObject({ status: 'pending', cause: 'rule' });
    expect(intercept.body.reason).toBe('buyer_cancelled');
    expect(intercept.body.orderRef).toBe(body.orderRef);

    const again = await stack.api.post<OrderEvent>('/v1/order-events', body);
    expect(again.status, again.text).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.decisions[0]?.actionId).toBe(interceptId);
    const parcel = await stack.sim.parcel(trackingNumber, carrier);
    expect(parcel.calls.intercept).toBe(1);

    const read = await stack.api.get<OrderEvent>(`/v1/order-events/${first.body.id}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.deadline.status).toBe('met');
  });
});

describe('order events', () => {
  it('answers a parcel out of the window as a deadline at risk at once, and calls no carrier operation', async () => {
    const trackingNumber = await stack.sim.createParcel({
      carrier: 'sandbox',
      status: 'delivered',
    });
    const answer = await stack.api.post<OrderEvent>(
      '/v1/order-events',
      refund('sandbox', trackingNumber),
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.deadline.status).toBe('at_risk');
    expect(answer.body.deadline.reasons[0]?.code).toBe('out_of_window');
    expect(answer.body.decisions[0]?.outcome).toBe('no_rule');
    const parcel = await stack.sim.parcel(trackingNumber, 'sandbox');
    expect(parcel.calls.intercept ?? 0).toBe(0);
    const raised = await stack.api.get<{ data: { type: string }[] }>(
      `/v1/events?objectId=${answer.body.id}`,
    );
    expect(raised.body.data.map((event) => event.type).sort()).toEqual([
      'order_event.deadline_at_risk',
      'order_event.received',
    ]);
  });

  it('answers a deadline already past as missed', async () => {
    const trackingNumber = await stack.sim.createParcel({
      carrier: 'sandbox',
      status: 'in_transit',
    });
    const answer = await stack.api.post<OrderEvent>(
      '/v1/order-events',
      refund('sandbox', trackingNumber, { respondBy: new Date(Date.now() - 60_000).toISOString() }),
    );
    expect(answer.status, answer.text).toBe(201);
    // Intercepting still saves the freight: the rule acts, and the deadline says it is late.
    expect(answer.body.decisions[0]?.outcome).toBe('started');
    expect(['missed', 'met']).toContain(answer.body.deadline.status);
  });

  it('reports a pending intercept near its deadline at once, and the watcher reports the deadline missed', async () => {
    // Kuaidi100 accepts an intercept later (its callback): it stays pending meanwhile.
    const trackingNumber = await stack.sim.createParcel({
      carrier: 'kuaidi100',
      status: 'in_transit',
    });
    const answer = await stack.api.post<OrderEvent>(
      '/v1/order-events',
      refund('kuaidi100', trackingNumber, {
        respondBy: new Date(Date.now() + 3_000).toISOString(),
      }),
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.decisions[0]?.actionStatus).toBe('pending');
    expect(answer.body.deadline.status).toBe('at_risk');
    expect(answer.body.deadline.reasons[0]?.code).toBe('action_pending');
    const missed = await pollUntil(
      () =>
        stack.api.get<{ data: { type: string }[] }>(
          `/v1/events?objectId=${answer.body.id}&type=order_event.deadline_missed`,
        ),
      (page) => page.body.data.length > 0,
    );
    expect(missed.body.data.length, missed.text).toBe(1);
    const read = await stack.api.get<OrderEvent>(`/v1/order-events/${answer.body.id}`);
    expect(read.body.deadline.status).toBe('missed');
  });

  it('is idempotent by Idempotency-Key without an id, and asks for one of them', async () => {
    const trackingNumber = await stack.sim.createParcel({
      carrier: 'sandbox',
      status: 'in_transit',
    });
    const { id: _id, ...body } = refund('sandbox', trackingNumber);
    const missing = await stack.api.post<Problem>('/v1/order-events', body);
    expect(missing.status, missing.text).toBe(400);
    const key = newKey();
    const first = await stack.api.post<OrderEvent>('/v1/order-events', body, {
      idempotencyKey: key,
    });
    expect(first.status, first.text).toBe(201);
    const replay = await stack.api.post<OrderEvent>('/v1/order-events', body, {
      idempotencyKey: key,
    });
    expect(replay.body.id).toBe(first.body.id);
    const parcel = await stack.sim.parcel(trackingNumber, 'sandbox');
    expect(parcel.calls.intercept).toBe(1);
  });

  it('refuses the same id with another body', async () => {
    const trackingNumber = await stack.sim.createParcel({
      carrier: 'sandbox',
      status: 'delivered',
    });
    const body = refund('sandbox', trackingNumber);
    expect((await stack.api.post('/v1/order-events', body)).status).toBe(201);
    const other = await stack.api.post<Problem>('/v1/order-events', { ...body, orderRef: 'X' });
    expect(other.status, other.text).toBe(422);
    expect(other.body.type).toContain('order-event-id-reused');
  });

  it('attaches the proof of delivery to a damage report and sets its reply 48 h after the return request', async () => {
    const trackingNumber = await stack.sim.createParcel({
      carrier: 'sandbox',
      status: 'delivered',
    });
    const returnRequestedAt = '2026-03-02T10:00:00.000Z';
    const answer = await stack.api.post<OrderEvent>('/v1/order-events', {
      ...refund('sandbox', trackingNumber),
      type: 'damage_reported',
      respondBy: undefined,
      returnRequestedAt,
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.deadline.replyBy).toBe('2026-03-04T10:00:00.000Z');
    expect(answer.body.decisions[0]?.outcome).toBe('notified');
    const [evidence] = answer.body.evidence;
    expect(['proof_of_delivery', 'tracking_events']).toContain(evidence?.source);
    expect(evidence?.events.some((event) => event.status === 'delivered')).toBe(true);
  });
});

describe('rules', () => {
  it('replace the default set once a tenant has one, and bring it back when deleted', async () => {
    const client = stack.client(stack.keys['rules-tenant'] ?? '');
    const defaults = await client.get<{ source: string; data: Rule[] }>('/v1/rules');
    expect(defaults.status, defaults.text).toBe(200);
    expect(defaults.body.source).toBe('default');

    const invalid = await client.post<Problem>('/v1/rules', {
      name: 'redirect on refund',
      when: { eventTypes: ['refund_requested'] },
      do: 'redirect',
    });
    expect(invalid.status, invalid.text).toBe(400);

    const created = await client.post<Rule>('/v1/rules', {
      name: 'only tell me about refunds',
      when: { eventTypes: ['refund_requested'] },
      do: 'notify',
    });
    expect(created.status, created.text).toBe(201);
    const own = await client.get<{ source: string; data: Rule[] }>('/v1/rules');
    expect(own.body.source).toBe('tenant');
    expect(own.body.data.map((rule) => rule.id)).toEqual([created.body.id]);

    const trackingNumber = await stack.sim.createParcel({
      carrier: 'sandbox',
      status: 'in_transit',
    });
    const answer = await client.post<OrderEvent>(
      '/v1/order-events',
      refund('sandbox', trackingNumber),
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.decisions[0]).toMatchObject({
      outcome: 'notified',
      ruleId: created.body.id,
    });
    expect((await stack.sim.parcel(trackingNumber, 'sandbox')).calls.intercept ?? 0).toBe(0);

    expect((await client.request('DELETE', `/v1/rules/${created.body.id}`)).status).toBe(204);
    expect((await client.get<{ source: string }>('/v1/rules')).body.source).toBe('default');
  });
});
