/**
 * The webhook receiver alone: deliveries signed like the gateway signs them, by the
 * Standard Webhooks reference library (`standardwebhooks`), POSTed to the real HTTP server.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createParcelgateClient, type Intercept, type WebhookEvent } from '@parcelgate/sdk';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrderService, type OrderService } from './server.ts';
import type { Alert } from './webhook-receiver.ts';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
let service: OrderService;
let url: string;
let alerts: Alert[];
let sequence = 0;

beforeEach(async () => {
  alerts = [];
  service = createOrderService({
    // Never called here: only webhooks arrive.
    parcelgate: createParcelgateClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'unused' }),
    webhooks: {
      secret,
      alert: (alert) => alerts.push(alert),
      onError: (error) => {
        throw error;
      },
    },
  });
  await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
  service.orders.add('TTS-1', {
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    pickupMode: 'platform_pickup',
  });
});

afterEach(() => service.close());

type InterceptChanges = Partial<
  Pick<
    Intercept,
    'orderRef' | 'carrierReason' | 'statusDetail' | 'needsAttention' | 'attentionReason'
  >
>;

function intercept(status: Intercept['status'], changes: InterceptChanges = {}): Intercept {
  return {
    id: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    status,
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    reason: 'buyer_cancelled',
    orderRef: 'TTS-1',
    pickupMode: 'platform_pickup',
    parcel: null,
    likelihood: 'high',
    parcelStatus: 'in_transit',
    parcelStatusAtRequest: 'in_transit',
    fee: { payer: 'carrier', note: 'returned free by the pickup driver' },
    reasons: [],
    warnings: [],
    carrierReference: 'SBX-ICP-1',
    carrierReason: null,
    statusDetail: null,
    needsAttention: false,
    attentionReason: null,
    nextActions: [],
    transitions: [],
    attempts: [],
    createdAt: '2026-11-26T09:12:03.000Z',
    updatedAt: '2026-11-26T09:12:03.000Z',
    ...changes,
  };
}

function event(type: string, data: object = intercept('accepted')): WebhookEvent {
  sequence += 1;
  return {
    id: `evt_01JD3K9V7Q8M2N4P6R8T0V2X${String(sequence).padStart(2, '0')}`,
    type,
    occurredAt: new Date().toISOString(),
    tenantId: 'tnt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    objectKind: 'intercept',
    objectId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    data,
  } as WebhookEvent;
}

/** POSTs an event as the gateway does: webhook-id is the event's id. */
async function deliver(
  body: WebhookEvent | string,
  options: { signingSecret?: string; at?: Date; id?: string } = {},
): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const id = options.id ?? (typeof body === 'string' ? 'msg_1' : body.id);
  const at = options.at ?? new Date();
  return fetch(`${url}/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(options.signingSecret ?? secret).sign(id, at, text),
    },
    body: text,
  });
}

const order = () => service.orders.get('TTS-1');

describe('POST /webhooks', () => {
  it('intercept.returned refunds the order, once, and a repeated webhook-id is acknowledged only', async () => {
    const returned = event('intercept.returned', intercept('returned'));
    expect((await deliver(returned)).status).toBe(204);
    await service.webhooks?.idle();
    expect(order()?.state).toBe('refunded');
    expect(order()?.interceptId).toBe('icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z');
    expect(order()?.actions.map((action) => action.action)).toEqual(['refund_buyer']);

    const again = await deliver(returned);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: true });
    await service.webhooks?.idle();
    expect(order()?.actions).toHaveLength(1);
  });

  it.each([
    ['intercept.failed', intercept('failed', { statusDetail: 'parcel already out for delivery' })],
    ['intercept.rejected', intercept('rejected', { carrierReason: 'INTERCEPT_FAILED' })],
  ])('%s marks the order for a person, saying why', async (type, data) => {
    expect((await deliver(event(type, data))).status).toBe(204);
    await service.webhooks?.idle();
    expect(order()?.state).toBe('needs_review');
    expect(order()?.actions[0]?.note).toBe(
      `intercept ${data.status}: ${data.carrierReason ?? data.statusDetail}`,
    );
  });

  it('finds the order by intercept id when the intercept has no orderRef', async () => {
    const stored = order();
    if (stored !== undefined) {
      stored.interceptId = 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z';
    }
    await deliver(event('intercept.returned', intercept('returned', { orderRef: null })));
    await service.webhooks?.idle();
    expect(order()?.state).toBe('refunded');
  });

  it('intercept.needs_attention raises an alert and leaves the order as it is', async () => {
    const flagged = intercept('accepted', {
      needsAttention: true,
      attentionReason: 'no final outcome within 72 h',
    });
    expect((await deliver(event('intercept.needs_attention', flagged))).status).toBe(204);
    await service.webhooks?.idle();
    expect(alerts).toEqual([
      {
        orderRef: 'TTS-1',
        interceptId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
        reason: 'no final outcome within 72 h',
      },
    ]);
    expect(order()?.state).toBe('shipped');
  });

  it('acknowledges types it does not act on, and types newer than its SDK, changing nothing', async () => {
    for (const type of ['intercept.accepted', 'webhook_endpoint.test', 'intercept.teleported']) {
      expect((await deliver(event(type))).status, type).toBe(204);
    }
    await service.webhooks?.idle();
    expect(order()?.state).toBe('shipped');
    expect(alerts).toEqual([]);
  });

  it('answers 401 to a delivery that does not verify, and acts on none of them', async () => {
    const returned = event('intercept.returned', intercept('returned'));
    const stranger = `whsec_${randomBytes(32).toString('base64')}`;
    expect((await deliver(returned, { signingSecret: stranger })).status).toBe(401);
    expect((await deliver(returned, { at: new Date(Date.now() - 10 * 60_000) })).status).toBe(401);
    const tampered = await fetch(`${url}/webhooks`, {
      method: 'POST',
      headers: {
        'webhook-id': returned.id,
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': new Webhook(secret).sign(
          returned.id,
          new Date(),
          JSON.stringify(event('intercept.accepted')),
        ),
      },
      body: JSON.stringify(returned),
    });
    expect(tampered.status).toBe(401);
    expect((await fetch(`${url}/webhooks`, { method: 'POST', body: '{}' })).status).toBe(401);
    await service.webhooks?.idle();
    expect(order()?.state).toBe('shipped');
    // A refused delivery is not remembered: the genuine one still goes through.
    expect((await deliver(returned)).status).toBe(204);
  });

  it('answers 400 to a signed body that is not an event', async () => {
    expect((await deliver('not json')).status).toBe(400);
  });

  it('verifies with either secret during a rotation', async () => {
    await service.close();
    const newSecret = `whsec_${randomBytes(32).toString('base64')}`;
    service = createOrderService({
      parcelgate: createParcelgateClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'unused' }),
      webhooks: { secret: [newSecret, secret], alert: () => {}, onError: () => {} },
    });
    await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
    expect((await deliver(event('intercept.accepted'))).status).toBe(204);
    expect((await deliver(event('intercept.accepted'), { signingSecret: newSecret })).status).toBe(
      204,
    );
  });
});
