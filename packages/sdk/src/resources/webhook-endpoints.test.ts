import { describe, expect, it } from 'vitest';
import {
  createdWebhookEndpoint,
  webhookDelivery,
  webhookEndpoint,
} from '../__fixtures__/resources.ts';
import { json, networkError, problem, scriptedFetch } from '../__fixtures__/scripted-fetch.ts';
import { createParcelgateClient } from '../create-client.ts';
import { isNotFound } from '../errors/problem-guards.ts';
import { isConnectionError } from '../errors/transport-errors.ts';

const ID = 'whe_01JD3K9V7Q8M2N4P6R8T0V2X4Z';

function clientWith(fetch: (request: Request) => Promise<Response>) {
  return createParcelgateClient({
    baseUrl: 'https://gateway.test',
    apiKey: 'key_1',
    fetch,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 1,
  }).webhookEndpoints;
}

const route = (sent: { method: string; url: string }) => [sent.method, new URL(sent.url).pathname];

describe('client.webhookEndpoints', () => {
  it('creates an endpoint (enabled unless told otherwise) and resolves with its secret', async () => {
    const double = scriptedFetch(json(201, createdWebhookEndpoint()));
    const endpoint = await clientWith(double.fetch).create({
      url: 'https://orders.example.com/parcelgate/webhooks',
      eventTypes: ['intercept.returned'],
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(route(double.sent[0] as never)).toEqual(['POST', '/v1/webhook-endpoints']);
    expect(JSON.parse(double.sent[0]?.body ?? '')).toEqual({
      enabled: true,
      url: 'https://orders.example.com/parcelgate/webhooks',
      eventTypes: ['intercept.returned'],
    });
  });

  it('never sends a create or a rotation again after an attempt that got no answer', async () => {
    const double = scriptedFetch(
      networkError(),
      networkError(),
      json(201, createdWebhookEndpoint()),
    );
    const endpoints = clientWith(double.fetch);
    const created = await endpoints
      .create({ url: 'https://orders.example.com/hooks', enabled: false })
      .catch((error: unknown) => error);
    expect(isConnectionError(created)).toBe(true);
    const rotated = await endpoints.rotateSecret(ID).catch((error: unknown) => error);
    expect(isConnectionError(rotated)).toBe(true);
    expect(double.sent).toHaveLength(2);
  });

  it('lists, reads, updates and deletes', async () => {
    const double = scriptedFetch(
      json(200, { data: [webhookEndpoint()] }),
      json(200, webhookEndpoint()),
      json(200, { ...webhookEndpoint(), enabled: false }),
      new Response(null, { status: 204 }),
      problem(404, 'not-found'),
    );
    const endpoints = clientWith(double.fetch);
    expect((await endpoints.list()).data).toEqual([webhookEndpoint()]);
    expect(await endpoints.get(ID)).toEqual(webhookEndpoint());
    expect((await endpoints.update(ID, { enabled: false })).enabled).toBe(false);
    expect(await endpoints.delete(ID)).toBeUndefined();
    expect(isNotFound(await endpoints.get(ID).catch((error: unknown) => error))).toBe(true);
    expect(double.sent.map(route)).toEqual([
      ['GET', '/v1/webhook-endpoints'],
      ['GET', `/v1/webhook-endpoints/${ID}`],
      ['PATCH', `/v1/webhook-endpoints/${ID}`],
      ['DELETE', `/v1/webhook-endpoints/${ID}`],
      ['GET', `/v1/webhook-endpoints/${ID}`],
    ]);
    expect(double.sent[2]?.body).toBe('{"enabled":false}');
  });

  it('rotates the secret with the default overlap or a chosen one', async () => {
    const rotated = {
      secret: 'whsec_KbIUYFHjIWon/YjiQhDDSGLUrvdh+v8MJOjps83Q+nk=',
      previousSecretExpiresAt: '2026-11-27T09:12:03.000Z',
    };
    const double = scriptedFetch(json(200, rotated));
    const endpoints = clientWith(double.fetch);
    expect(await endpoints.rotateSecret(ID)).toEqual(rotated);
    await endpoints.rotateSecret(ID, { overlapSeconds: 3600 });
    expect(double.sent.map((sent) => [...route(sent), sent.body])).toEqual([
      ['POST', `/v1/webhook-endpoints/${ID}/rotate-secret`, '{}'],
      ['POST', `/v1/webhook-endpoints/${ID}/rotate-secret`, '{"overlapSeconds":3600}'],
    ]);
  });

  it('sends a test event and resolves with the delivery, a failing receiver included', async () => {
    const failed = {
      ...webhookDelivery(),
      eventType: 'webhook_endpoint.test' as const,
      status: 'given_up' as const,
    };
    const double = scriptedFetch(json(200, failed));
    const delivery = await clientWith(double.fetch).test(ID);
    expect(delivery.status).toBe('given_up');
    expect(route(double.sent[0] as never)).toEqual(['POST', `/v1/webhook-endpoints/${ID}/test`]);
  });

  it("follows nextCursor through an endpoint's deliveries, passing the filters on every page", async () => {
    const page = (ids: string[], nextCursor: string | null) =>
      json(200, { data: ids.map((id) => webhookDelivery(id)), nextCursor });
    const double = scriptedFetch(page(['d1', 'd2'], 'c1'), page(['d3'], null), page(['d1'], 'c1'));
    const endpoints = clientWith(double.fetch);
    const ids: string[] = [];
    for await (const delivery of endpoints.deliveries(ID, { status: 'delivered', limit: 2 })) {
      ids.push(delivery.id);
    }
    expect(ids).toEqual(['d1', 'd2', 'd3']);
    const one = await endpoints.deliveriesPage(ID, { eventId: 'evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z' });
    expect(one.nextCursor).toBe('c1');
    expect(
      double.sent.map((sent) => `${new URL(sent.url).pathname}${new URL(sent.url).search}`),
    ).toEqual([
      `/v1/webhook-endpoints/${ID}/deliveries?status=delivered&limit=2`,
      `/v1/webhook-endpoints/${ID}/deliveries?status=delivered&limit=2&cursor=c1`,
      `/v1/webhook-endpoints/${ID}/deliveries?eventId=evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z`,
    ]);
  });
});
