/**
 * The order service against the real gateway and simulator (@parcelgate/test-stack):
 * every outcome of cancelling an order through @parcelgate/sdk.
 */
import type { AddressInfo } from 'node:net';
import {
  createParcelgateClient,
  type ParcelgateClient,
  type WebhookDelivery,
} from '@parcelgate/sdk';
import { ensureGatewayBuilt, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../src/orders.ts';
import { createOrderService, type OrderService } from '../src/server.ts';

let stack: Stack;
let service: OrderService;
let serviceUrl: string;

beforeAll(async () => {
  await ensureGatewayBuilt();
  stack = await startStack({
    seed: 'order-service-example',
    gatewayEnv: () => ({
      // Each read sees the parcel as it is now (the race test moves it between two calls).
      TRACKING_CACHE_TTL_MS: '0',
      // Pending intercepts are reconciled with the carrier quickly.
      PARCELGATE_RECONCILE_INTERVAL_MS: '200',
      // The webhook receiver is this test's own http://127.0.0.1 server.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      PARCELGATE_WEBHOOK_POLL_MS: '100',
      LOG_LEVEL: 'warn',
    }),
  });
  service = startService(
    createParcelgateClient({ baseUrl: stack.gatewayUrl, apiKey: stack.apiKey }),
  );
  await new Promise<void>((resolve) => service.server.once('listening', resolve));
  serviceUrl = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await service?.close();
  await stack?.stop();
});

function startService(parcelgate: ParcelgateClient): OrderService {
  const started = createOrderService({ parcelgate, preferWaitSeconds: 1, pollIntervalMs: 200 });
  started.server.listen(0, '127.0.0.1');
  return started;
}

let orders = 0;

/** A shipped order whose parcel is in `status` at the simulator. */
async function shippedOrder(
  status: string,
  parcel: { category?: string } = {},
  url = serviceUrl,
): Promise<{ orderRef: string; trackingNumber: string }> {
  const trackingNumber = await stack.sim.createParcel({ status, ...parcel });
  orders += 1;
  const orderRef = `TTS-${orders}-${Date.now()}`;
  const created = await fetch(`${url}/orders`, {
    method: 'POST',
    body: JSON.stringify({
      orderRef,
      shipment: { carrier: 'sandbox', trackingNumber, pickupMode: 'platform_pickup', ...parcel },
    }),
  });
  expect(created.status).toBe(201);
  return { orderRef, trackingNumber };
}

async function cancel(
  orderRef: string,
  url = serviceUrl,
): Promise<{ status: number; order: Order }> {
  const response = await fetch(`${url}/orders/${orderRef}/cancel`, { method: 'POST' });
  return { status: response.status, order: (await response.json()) as Order };
}

const actionsOf = (order: Order) => order.actions.map((action) => action.action);

describe('POST /orders/{orderRef}/cancel', () => {
  it('accepted: the parcel comes back and the buyer is refunded', async () => {
    const { orderRef, trackingNumber } = await shippedOrder('in_transit');
    const { status, order } = await cancel(orderRef);
    expect(status).toBe(200);
    expect(order.state).toBe('refunded');
    expect(actionsOf(order)).toEqual(['refund_buyer']);
    expect((await stack.sim.parcel(trackingNumber)).intercept).toMatchObject({
      reference: order.interceptId,
    });
    // Cancelling again changes nothing and intercepts nothing more.
    expect((await cancel(orderRef)).order).toEqual(order);
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  });

  it('rejected by the carrier: the buyer is asked to refuse the delivery', async () => {
    // At the last-mile station policy allows it (low likelihood), and the sandbox catches
    // only 30 % of parcels (seeded): within a few orders one is refused.
    let refused: Order | undefined;
    for (let tries = 0; tries < 12 && refused === undefined; tries += 1) {
      const { orderRef } = await shippedOrder('at_destination_facility');
      const { order } = await cancel(orderRef);
      expect(['refunded', 'awaiting_buyer_refusal']).toContain(order.state);
      refused = order.state === 'awaiting_buyer_refusal' ? order : undefined;
    }
    expect(refused).toBeDefined();
    expect(refused?.interceptId).toMatch(/^icp_/);
    expect(actionsOf(refused as Order)).toEqual(['ask_buyer_to_refuse_delivery', 'file_return']);
    expect(refused?.actions[0]?.note).toBe('intercept rejected: INTERCEPT_FAILED');
    const trackingNumber = (refused as Order).shipment.trackingNumber;
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  });

  it.each([
    ['out_for_delivery', 'awaiting_buyer_refusal', ['ask_buyer_to_refuse_delivery']],
    ['label_created', 'shipment_cancelled', ['cancel_shipment']],
    ['delivered', 'return_requested', ['file_return']],
  ])('not eligible (%s): %s, and the carrier is never asked', async (status, state, actions) => {
    const { orderRef, trackingNumber } = await shippedOrder(status);
    const { order } = await cancel(orderRef);
    expect(order.state).toBe(state);
    expect(actionsOf(order)).toEqual(actions);
    expect(order.interceptId).toBeNull();
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(0);
  });

  it('not eligible any more when intercepting (422): the buyer is asked to refuse the delivery', async () => {
    // The parcel goes out for delivery between the dry run and the intercept.
    const racing = startService(
      createParcelgateClient({
        baseUrl: stack.gatewayUrl,
        apiKey: stack.apiKey,
        fetch: async (request) => {
          if (request.method === 'POST' && new URL(request.url).pathname === '/v1/intercepts') {
            // One journey step (4 simulated hours): last-mile station to out for delivery.
            await stack.sim.advanceClock(4 * 3_600_000);
          }
          return fetch(request);
        },
      }),
    );
    await new Promise<void>((resolve) => racing.server.once('listening', resolve));
    const url = `http://127.0.0.1:${(racing.server.address() as AddressInfo).port}`;
    try {
      const { orderRef, trackingNumber } = await shippedOrder('at_destination_facility', {}, url);
      const { order } = await cancel(orderRef, url);
      // A refusal by policy stores no intercept: the order keeps none.
      expect(order.interceptId).toBeNull();
      expect(order.state).toBe('awaiting_buyer_refusal');
      expect(actionsOf(order)).toEqual(['ask_buyer_to_refuse_delivery']);
      expect(order.actions[0]?.note).toBe('not eligible: out_for_delivery');
      expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(0);
    } finally {
      await racing.close();
    }
  });

  it('pending (202): recorded, then polled until the carrier decides, then refunded', async () => {
    const { orderRef, trackingNumber } = await shippedOrder('in_transit');
    await stack.sim.addFault({
      carrier: 'sandbox',
      operation: 'intercept',
      trackingNumber,
      count: 1,
      fault: { type: 'latency', ms: 1_500 },
    });
    const { order } = await cancel(orderRef);
    expect(order.state).toBe('cancellation_pending');
    expect(order.interceptId).toMatch(/^icp_/);

    const current = await pollUntil(
      async () => (await (await fetch(`${serviceUrl}/orders/${orderRef}`)).json()) as Order,
      (read) => read.state !== 'cancellation_pending',
    );
    expect(current.state).toBe('refunded');
    expect(actionsOf(current)).toEqual(['refund_buyer']);
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  });

  it('Parcelgate unreachable: 503 and the order untouched, so the caller can retry', async () => {
    const down = startService(
      createParcelgateClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', maxRetries: 0 }),
    );
    await new Promise<void>((resolve) => down.server.once('listening', resolve));
    const url = `http://127.0.0.1:${(down.server.address() as AddressInfo).port}`;
    try {
      const { orderRef } = await shippedOrder('in_transit', {}, url);
      const response = await fetch(`${url}/orders/${orderRef}/cancel`, { method: 'POST' });
      expect(response.status).toBe(503);
      expect(down.orders.get(orderRef)?.state).toBe('shipped');
    } finally {
      await down.close();
    }
  });
});

describe('POST /webhooks, fed by the real gateway', () => {
  let hooked: OrderService;
  let hookedUrl: string;
  let parcelgate: ParcelgateClient;
  let endpointId: string;
  const failures: unknown[] = [];

  beforeAll(async () => {
    parcelgate = createParcelgateClient({ baseUrl: stack.gatewayUrl, apiKey: stack.apiKey });
    // The secret comes with the endpoint, and the receiver needs it before it listens: make
    // the endpoint first, then point it at the receiver (as a deployment would).
    const endpoint = await parcelgate.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/not-yet',
      description: 'order service example',
    });
    endpointId = endpoint.id;
    hooked = createOrderService({
      parcelgate,
      preferWaitSeconds: 1,
      pollIntervalMs: 200,
      webhooks: {
        secret: endpoint.secret,
        alert: () => {},
        onError: (error) => failures.push(error),
      },
    });
    await new Promise<void>((resolve) => hooked.server.listen(0, '127.0.0.1', resolve));
    hookedUrl = `http://127.0.0.1:${(hooked.server.address() as AddressInfo).port}`;
    await parcelgate.webhookEndpoints.update(endpointId, {
      url: `${hookedUrl}/webhooks`,
    });
  });

  afterAll(async () => {
    await hooked?.close();
    expect(failures).toEqual([]);
  });

  /** Every delivery to the endpoint, newest first, once those of `eventIds` are settled. */
  async function settledDeliveries(eventIds: readonly string[]): Promise<WebhookDelivery[]> {
    return pollUntil(
      async () => {
        const all: WebhookDelivery[] = [];
        for await (const delivery of parcelgate.webhookEndpoints.deliveries(endpointId, {
          limit: 5,
        })) {
          all.push(delivery);
        }
        return all;
      },
      (all) =>
        eventIds.every((id) =>
          all.some((delivery) => delivery.eventId === id && delivery.status !== 'pending'),
        ),
    );
  }

  it('answers the test event 204: the signature verifies with the SDK', async () => {
    const delivery = await parcelgate.webhookEndpoints.test(endpointId);
    expect(delivery).toMatchObject({ eventType: 'webhook_endpoint.test', status: 'delivered' });
    expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([204]);
  });

  it("receives an intercept's events in order, each once, and drops a redelivery", async () => {
    const { orderRef } = await shippedOrder('in_transit', {}, hookedUrl);
    const { order } = await cancel(orderRef, hookedUrl);
    expect(order.state).toBe('refunded');
    const events = [];
    for await (const event of parcelgate.events.list({ objectId: order.interceptId ?? '' })) {
      events.push(event);
    }
    expect(events.map((event) => event.type).reverse()).toEqual([
      'intercept.created',
      'intercept.accepted',
    ]);
    const ids = events.map((event) => event.id);
    const deliveries = await settledDeliveries(ids);
    const mine = deliveries.filter((delivery) => ids.includes(delivery.eventId)).reverse();
    expect(mine.map((delivery) => [delivery.eventType, delivery.status])).toEqual([
      ['intercept.created', 'delivered'],
      ['intercept.accepted', 'delivered'],
    ]);
    expect(mine.map((delivery) => delivery.attempts.at(-1)?.statusCode)).toEqual([204, 204]);

    // A redelivery keeps the event's id as webhook-id: the receiver acknowledges it and
    // does nothing again.
    const accepted = events.find((event) => event.type === 'intercept.accepted');
    const queued = await parcelgate.events.redeliver(accepted?.id ?? '', { endpointId });
    expect(queued.deliveries).toHaveLength(1);
    const after = await pollUntil(
      () => parcelgate.webhookEndpoints.deliveriesPage(endpointId, { limit: 20 }),
      (page) =>
        page.data.some(
          (delivery) => delivery.id === queued.deliveries[0]?.id && delivery.status !== 'pending',
        ),
    );
    const redelivered = after.data.find((delivery) => delivery.id === queued.deliveries[0]?.id);
    expect(redelivered?.attempts.at(-1)).toMatchObject({
      statusCode: 200,
      responseSnippet: '{"duplicate":true}',
    });
    const stored = (await (await fetch(`${hookedUrl}/orders/${orderRef}`)).json()) as Order;
    expect(stored.actions.map((action) => action.action)).toEqual(['refund_buyer']);
  });

  it('still verifies after a secret rotation: the old secret signs during the overlap', async () => {
    const rotated = await parcelgate.webhookEndpoints.rotateSecret(endpointId);
    expect(rotated.secret).toMatch(/^whsec_/);
    // The receiver still holds only the old secret.
    const delivery = await parcelgate.webhookEndpoints.test(endpointId);
    expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([204]);
  });
});
