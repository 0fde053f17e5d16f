/**
 * Webhooks end to end inside one process: endpoints through the API, events fanned out by
 * the database, deliveries sent by the dispatcher to a real HTTP receiver, verified with
 * the Standard Webhooks reference library. On PGlite and (with `DATABASE_URL`) PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { type ReceivedWebhook, WebhookReceiver } from '../../test/support/webhook-receiver.ts';
import { dueDeliveryQueues } from '../store/webhook-deliveries.ts';
import { createWebhookSender } from './webhook-dispatch.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
const receiver = new WebhookReceiver();
let receiverUrl: string;
let parcelSeq = 0;

beforeAll(async () => {
  receiverUrl = await receiver.start();
  gateway = await createTestGateway(
    [carrier],
    {
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      PARCELGATE_WEBHOOK_RETRY_BASE_MS: '10',
      PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS: '20',
      PARCELGATE_WEBHOOK_GIVE_UP_AFTER_MS: '60000',
      // Every tracking read asks the carrier: the parcel-status test reads twice in a row.
      TRACKING_CACHE_TTL_MS: '0',
    },
    { database: 'from-env' },
  );
});
afterAll(async () => {
  await gateway?.close();
  await receiver.close();
});
afterEach(async () => {
  receiver.status = 204;
  receiver.received.length = 0;
  await gateway.app.database.query('DELETE FROM webhook_endpoints');
});

async function createEndpoint(body: Record<string, unknown>, tenant: 'acme' | 'globex' = 'acme') {
  const response = await gateway.app.inject({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    headers: gateway.auth[tenant],
    payload: body,
  });
  return { status: response.statusCode, body: response.json() };
}

async function intercept(): Promise<string> {
  parcelSeq += 1;
  const trackingNumber = `FK${String(parcelSeq).padStart(6, '0')}`;
  script.parcels.set(trackingNumber, 'in_transit');
  const response = await gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts',
    headers: { ...gateway.auth.acme, 'idempotency-key': `hook-${trackingNumber}` },
    payload: {
      carrier: 'fake',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    },
  });
  expect(response.statusCode).toBeLessThan(300);
  return response.json().id;
}

/** One poll of the worker: every queue due now is sent. */
async function sendDueOnce(): Promise<void> {
  for (const key of await dueDeliveryQueues(gateway.app.database, 100)) {
    await gateway.app.webhooks.sendQueue(key);
  }
}

/** What the worker's poll does, run to the end: every due queue sent, until none is. */
async function sendDue(): Promise<void> {
  for (;;) {
    const due = await dueDeliveryQueues(gateway.app.database, 100);
    if (due.length === 0) {
      return;
    }
    for (const key of due) {
      await gateway.app.webhooks.sendQueue(key);
    }
  }
}

const verifyWith = (secret: string, item: ReceivedWebhook | undefined) =>
  WebhookReceiver.verify(secret, item as ReceivedWebhook);

describe('webhook endpoints and deliveries', () => {
  it('shows the secret once, and a test event verifies with the reference library', async () => {
    const created = await createEndpoint({ url: receiverUrl, description: 'orders' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const read = await gateway.app.inject({
      method: 'GET',
      url: `/v1/webhook-endpoints/${created.body.id}`,
      headers: gateway.auth.acme,
    });
    expect(read.json()).not.toHaveProperty('secret');
    expect(JSON.stringify(read.json())).not.toContain(created.body.secret);

    const test = await gateway.app.inject({
      method: 'POST',
      url: `/v1/webhook-endpoints/${created.body.id}/test`,
      headers: gateway.auth.acme,
    });
    expect(test.statusCode).toBe(200);
    expect(test.json()).toMatchObject({
      status: 'delivered',
      eventType: 'webhook_endpoint.test',
      attempts: [{ outcome: 'delivered', statusCode: 204 }],
    });
    const [delivery] = receiver.received;
    expect(delivery?.headers['user-agent']).toMatch(/^Parcelgate-Webhooks\//);
    expect(verifyWith(created.body.secret, delivery as ReceivedWebhook)).toMatchObject({
      type: 'webhook_endpoint.test',
      objectId: created.body.id,
    });
    // The body is the event as the API shows it (field for field; key order may differ).
    const event = await gateway.app.inject({
      method: 'GET',
      url: `/v1/events/${test.json().eventId}`,
      headers: gateway.auth.acme,
    });
    expect(JSON.parse(delivery?.body ?? '')).toEqual(event.json());
  });

  it('sends an intercept’s events in order, each verifiable', async () => {
    const created = await createEndpoint({ url: receiverUrl, eventTypes: null });
    const id = await intercept();
    await sendDue();
    const events = receiver.events().filter((event) => event.objectId === id);
    expect(events.map((event) => event.type)).toEqual(['intercept.created', 'intercept.accepted']);
    expect(events[1]?.data).toMatchObject({ id, status: 'accepted' });
    for (const item of receiver.received) {
      expect(() => verifyWith(created.body.secret, item)).not.toThrow();
    }
  });

  it('sends only the types an endpoint asked for', async () => {
    await createEndpoint({ url: receiverUrl, eventTypes: ['intercept.accepted'] });
    const id = await intercept();
    await sendDue();
    expect(receiver.events().map((event) => [event.type, event.objectId])).toEqual([
      ['intercept.accepted', id],
    ]);
  });

  it('counts attempts and the backlog in /metrics', async () => {
    await createEndpoint({ url: receiverUrl });
    receiver.status = 503;
    await intercept();
    await sendDueOnce();
    const metrics = (await gateway.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/parcelgate_webhook_attempts_total\{outcome="failed"\} [1-9]/);
    // The failed event and the one waiting behind it.
    expect(metrics).toMatch(/parcelgate_webhook_deliveries_pending 2\n/);
    expect(metrics).toMatch(/parcelgate_webhook_oldest_pending_seconds \d/);
  });

  it('keeps every failed attempt, retries, and holds later events of the object behind', async () => {
    const created = await createEndpoint({ url: receiverUrl });
    receiver.status = 503;
    const id = await intercept();
    await sendDueOnce();
    // Only the first event was tried: the second waits behind it.
    expect(receiver.events().map((event) => event.type)).toEqual(['intercept.created']);
    const failing = await gateway.app.inject({
      method: 'GET',
      url: `/v1/webhook-endpoints/${created.body.id}/deliveries?status=pending`,
      headers: gateway.auth.acme,
    });
    const [created_, accepted] = [...failing.json().data].reverse();
    expect(created_).toMatchObject({
      eventType: 'intercept.created',
      attempts: [{ outcome: 'failed', statusCode: 503 }],
    });
    expect(created_.attempts[0].responseSnippet).toHaveLength(1024);
    expect(accepted).toMatchObject({ eventType: 'intercept.accepted', attempts: [] });

    receiver.status = 200;
    // The retry falls due within the schedule's 20 ms cap.
    await expect
      .poll(async () => {
        await sendDue();
        return receiver.events().map((event) => event.type);
      })
      .toEqual(['intercept.created', 'intercept.created', 'intercept.accepted']);
    expect(receiver.events().every((event) => event.objectId === id)).toBe(true);
  });

  it('sends what waited for a retry as soon as the endpoint answers again', async () => {
    const slow = await createTestGateway(
      [carrier],
      {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        // Hours between retries: only the endpoint answering again can bring them forward.
        PARCELGATE_WEBHOOK_RETRY_BASE_MS: '3600000',
        PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS: '3600000',
      },
      { database: 'from-env' },
    );
    try {
      const created = await slow.app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: slow.auth.acme,
        payload: { url: receiverUrl },
      });
      receiver.status = 503;
      script.parcels.set('FK700001', 'in_transit');
      await slow.app.inject({
        method: 'POST',
        url: '/v1/intercepts',
        headers: { ...slow.auth.acme, 'idempotency-key': 'back-1' },
        payload: {
          carrier: 'fake',
          trackingNumber: 'FK700001',
          reason: 'buyer_cancelled',
          pickupMode: 'platform_pickup',
        },
      });
      const sendDueHere = async () => {
        for (const key of await dueDeliveryQueues(slow.app.database, 100)) {
          await slow.app.webhooks.sendQueue(key);
        }
      };
      await sendDueHere();
      expect(receiver.received).toHaveLength(1);
      await sendDueHere();
      // Waiting an hour: nothing is due.
      expect(receiver.received).toHaveLength(1);

      receiver.status = 204;
      const test = await slow.app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${created.json().id}/test`,
        headers: slow.auth.acme,
      });
      expect(test.json().status).toBe('delivered');
      await sendDueHere();
      await sendDueHere();
      expect(receiver.events().map((event) => event.type)).toEqual([
        'intercept.created',
        'webhook_endpoint.test',
        'intercept.created',
        'intercept.accepted',
      ]);
    } finally {
      await slow.close();
    }
  });

  it('signs with both secrets during a rotation’s overlap', async () => {
    const created = await createEndpoint({ url: receiverUrl });
    const rotated = await gateway.app.inject({
      method: 'POST',
      url: `/v1/webhook-endpoints/${created.body.id}/rotate-secret`,
      headers: gateway.auth.acme,
      payload: {},
    });
    expect(rotated.statusCode).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.json();
    expect(Date.parse(previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await gateway.app.inject({
      method: 'POST',
      url: `/v1/webhook-endpoints/${created.body.id}/test`,
      headers: gateway.auth.acme,
    });
    const [delivery] = receiver.received;
    expect(String(delivery?.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => verifyWith(secret, delivery as ReceivedWebhook)).not.toThrow();
    expect(() => verifyWith(created.body.secret, delivery as ReceivedWebhook)).not.toThrow();

    // An overlap of 0 ends it: the former secret no longer verifies.
    const again = await gateway.app.inject({
      method: 'POST',
      url: `/v1/webhook-endpoints/${created.body.id}/rotate-secret`,
      headers: gateway.auth.acme,
      payload: { overlapSeconds: 0 },
    });
    await gateway.app.inject({
      method: 'POST',
      url: `/v1/webhook-endpoints/${created.body.id}/test`,
      headers: gateway.auth.acme,
    });
    const latest = receiver.received.at(-1) as ReceivedWebhook;
    expect(() => verifyWith(again.json().secret, latest)).not.toThrow();
    expect(() => verifyWith(secret, latest)).toThrow();
  });

  it('refuses targets that are not public unless the deployment allows them', async () => {
    const strict = await createTestGateway([carrier], {}, {});
    try {
      for (const url of [
        'http://127.0.0.1:9/hooks',
        'https://127.0.0.1/hooks',
        'https://169.254.169.254/latest/meta-data',
        'https://10.0.0.8/hooks',
        'https://[::1]/hooks',
        'https://user:pass@example.com/hooks',
      ]) {
        const response = await strict.app.inject({
          method: 'POST',
          url: '/v1/webhook-endpoints',
          headers: strict.auth.acme,
          payload: { url },
        });
        expect(response.statusCode, url).toBe(422);
        expect(response.json(), url).toMatchObject({
          type: 'https://parcelgate.dev/problems/webhook-target-refused',
          errors: [{ pointer: '/body/url' }],
        });
      }
    } finally {
      await strict.close();
    }
  });

  it('keeps tenants apart', async () => {
    const created = await createEndpoint({ url: receiverUrl });
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/test'],
      ['POST', '/rotate-secret'],
      ['GET', '/deliveries'],
    ] as const) {
      const response = await gateway.app.inject({
        method,
        url: `/v1/webhook-endpoints/${created.body.id}${path}`,
        headers: gateway.auth.globex,
        ...(method === 'PATCH' || path === '/rotate-secret' ? { payload: { enabled: true } } : {}),
      });
      expect(response.statusCode, `${method} ${path}`).toBe(path === '/rotate-secret' ? 400 : 404);
    }
    const list = await gateway.app.inject({
      method: 'GET',
      url: '/v1/webhook-endpoints',
      headers: gateway.auth.globex,
    });
    expect(list.json()).toEqual({ data: [] });
    // And globex's intercepts are never sent to acme's endpoint.
    expect(receiver.received).toHaveLength(0);
  });

  it("tells a registered parcel's new statuses, as tracking reads see them", async () => {
    await createEndpoint({ url: receiverUrl, eventTypes: ['parcel.status_changed'] });
    const trackingNumber = 'FK800001';
    script.parcels.set(trackingNumber, 'in_transit');
    const registered = await gateway.app.inject({
      method: 'POST',
      url: '/v1/parcels',
      headers: gateway.auth.acme,
      payload: { carrier: 'fake', trackingNumber },
    });
    expect(registered.statusCode).toBeLessThan(300);
    const track = async () => {
      const read = await gateway.app.inject({
        method: 'GET',
        url: `/v1/tracking/fake/${trackingNumber}`,
        headers: gateway.auth.globex,
      });
      expect(read.statusCode).toBe(200);
      await gateway.app.parcelStatuses.flush();
      await sendDue();
    };
    await track();
    await track();
    script.parcels.set(trackingNumber, 'delivered');
    await track();
    expect(receiver.events().map((event) => [event.type, event.data])).toEqual([
      [
        'parcel.status_changed',
        expect.objectContaining({ status: 'in_transit', previousStatus: null }),
      ],
      [
        'parcel.status_changed',
        expect.objectContaining({
          status: 'delivered',
          previousStatus: 'in_transit',
          parcelId: registered.json().id,
        }),
      ],
    ]);
  });

  it('sends an event again on request, with the same webhook-id', async () => {
    const created = await createEndpoint({ url: receiverUrl });
    const id = await intercept();
    await sendDue();
    const first = receiver.received.length;
    const [accepted] = receiver.events().filter((event) => event.type === 'intercept.accepted');
    const queued = await gateway.app.inject({
      method: 'POST',
      url: `/v1/events/${accepted?.id}/redeliver`,
      headers: gateway.auth.acme,
      payload: {},
    });
    expect(queued.statusCode).toBe(202);
    expect(queued.json().deliveries).toEqual([
      { id: expect.stringMatching(/^whd_/), endpointId: created.body.id },
    ]);
    await sendDue();
    const again = receiver.received.slice(first);
    expect(again.map((item) => item.headers['webhook-id'])).toEqual([accepted?.id]);
    expect(JSON.parse(again[0]?.body ?? '{}')).toMatchObject({ objectId: id });
    const unknown = await gateway.app.inject({
      method: 'POST',
      url: `/v1/events/${accepted?.id}/redeliver`,
      headers: gateway.auth.globex,
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('an endpoint that keeps failing', () => {
  it('is given up after the window, disabled, and an event says so', async () => {
    const failing = new WebhookReceiver();
    const failingUrl = await failing.start();
    failing.status = 500;
    const quick = await createTestGateway(
      [carrier],
      {
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        PARCELGATE_WEBHOOK_RETRY_BASE_MS: '10',
        PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS: '20',
        PARCELGATE_WEBHOOK_GIVE_UP_AFTER_MS: '300',
      },
      { database: 'from-env' },
    );
    try {
      const down = await quick.app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: quick.auth.acme,
        payload: { url: failingUrl },
      });
      const watcher = await quick.app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: quick.auth.acme,
        payload: { url: receiverUrl, eventTypes: ['webhook_endpoint.disabled'] },
      });
      expect(watcher.statusCode).toBe(201);
      await quick.app.inject({
        method: 'POST',
        url: `/v1/webhook-endpoints/${down.json().id}/test`,
        headers: quick.auth.acme,
      });
      // A failed test event never disables its endpoint.
      const afterTest = await quick.app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${down.json().id}`,
        headers: quick.auth.acme,
      });
      expect(afterTest.json().enabled).toBe(true);

      const trackingNumber = 'FK900001';
      script.parcels.set(trackingNumber, 'in_transit');
      await quick.app.inject({
        method: 'POST',
        url: '/v1/intercepts',
        headers: { ...quick.auth.acme, 'idempotency-key': 'give-up-1' },
        payload: {
          carrier: 'fake',
          trackingNumber,
          reason: 'buyer_cancelled',
          pickupMode: 'platform_pickup',
        },
      });
      await expect
        .poll(
          async () => {
            for (const key of await dueDeliveryQueues(quick.app.database, 100)) {
              await quick.app.webhooks.sendQueue(key);
            }
            const read = await quick.app.inject({
              method: 'GET',
              url: `/v1/webhook-endpoints/${down.json().id}`,
              headers: quick.auth.acme,
            });
            return read.json();
          },
          { timeout: 30_000, interval: 20 },
        )
        .toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/300 ms.*500/) });
      const deliveries = await quick.app.inject({
        method: 'GET',
        url: `/v1/webhook-endpoints/${down.json().id}/deliveries?status=given_up`,
        headers: quick.auth.acme,
      });
      const given = deliveries.json().data as { eventType: string; attempts: unknown[] }[];
      expect(given.map((delivery) => delivery.eventType)).toContain('intercept.created');
      expect(
        given.find((d) => d.eventType === 'intercept.created')?.attempts.length,
      ).toBeGreaterThan(1);

      const events = await quick.app.inject({
        method: 'GET',
        url: '/v1/events?type=webhook_endpoint.disabled',
        headers: quick.auth.acme,
      });
      expect(events.json().data).toMatchObject([
        { objectId: down.json().id, data: { enabled: false } },
      ]);
      // The tenant's other endpoint was told.
      for (const key of await dueDeliveryQueues(quick.app.database, 100)) {
        await quick.app.webhooks.sendQueue(key);
      }
      expect(receiver.events().map((event) => [event.type, event.objectId])).toEqual([
        ['webhook_endpoint.disabled', down.json().id],
      ]);
    } finally {
      await quick.close();
      await failing.close();
    }
  });
});

describe('a receiver down for ten minutes, on the production retry schedule', () => {
  it('gets every event once it is back, in order per intercept', async () => {
    // The default schedule (5 s, x3, jitter, 25 h) on a simulated clock: ten minutes of
    // outage pass in a few hundred steps, not in ten real minutes.
    const steady = await createTestGateway(
      [carrier],
      { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
      { database: 'from-env' },
    );
    const down = new WebhookReceiver();
    const url = await down.start();
    try {
      let clock = Date.now();
      const sender = createWebhookSender({
        database: steady.app.database,
        box: steady.app.connectionSecrets.box,
        config: steady.app.config.webhooks,
        log: steady.app.log,
        now: () => new Date(clock),
      });
      const poll = async () => {
        for (const key of await sender.dueQueues(100)) {
          await sender.sendQueue(key);
        }
      };
      await steady.app.inject({
        method: 'POST',
        url: '/v1/webhook-endpoints',
        headers: steady.auth.acme,
        payload: { url },
      });
      down.status = 503;
      const ids: string[] = [];
      for (let index = 0; index < 3; index += 1) {
        const trackingNumber = `FK6000${index}`;
        script.parcels.set(trackingNumber, 'in_transit');
        const created = await steady.app.inject({
          method: 'POST',
          url: '/v1/intercepts',
          headers: { ...steady.auth.acme, 'idempotency-key': `down-${index}` },
          payload: {
            carrier: 'fake',
            trackingNumber,
            reason: 'buyer_cancelled',
            pickupMode: 'platform_pickup',
          },
        });
        ids.push(created.json().id);
      }
      // Ten minutes down, polled every simulated second.
      const outageEnds = clock + 10 * 60_000;
      while (clock < outageEnds) {
        await poll();
        clock += 1_000;
      }
      const failedAttempts = down.received.length;
      // 3 queues, each tried at about 0, 5, 20, 65, 200 and 600 s: 5 or 6 attempts apiece.
      expect(failedAttempts).toBeGreaterThanOrEqual(3 * 4);
      expect(failedAttempts).toBeLessThanOrEqual(3 * 7);

      down.status = 204;
      // Back: within the next backoff step (at most 20 min at this point), all is sent.
      const giveUpAt = clock + 25 * 60_000;
      while (
        clock < giveUpAt &&
        new Set(
          down
            .events()
            .slice(failedAttempts)
            .map((e) => e.id),
        ).size < 6
      ) {
        await poll();
        clock += 1_000;
      }
      const delivered = down.events().slice(failedAttempts);
      for (const id of ids) {
        expect(
          delivered.filter((event) => event.objectId === id).map((event) => event.type),
        ).toEqual(['intercept.created', 'intercept.accepted']);
      }
    } finally {
      await steady.close();
      await down.close();
    }
  });
});
