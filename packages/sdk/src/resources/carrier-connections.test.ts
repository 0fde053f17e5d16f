import { describe, expect, it } from 'vitest';
import { newConnection, storedConnection } from '../__fixtures__/resources.ts';
import { json, networkError, problem, scriptedFetch } from '../__fixtures__/scripted-fetch.ts';
import { createParcelgateClient } from '../create-client.ts';
import { isConnectionInUse, isNotFound, isSecretKeyRequired } from '../errors/problem-guards.ts';
import { isConnectionError } from '../errors/transport-errors.ts';

const ID = 'con_01JD3K9V7Q8M2N4P6R8T0V2X4Z';

function clientWith(fetch: (request: Request) => Promise<Response>) {
  return createParcelgateClient({
    baseUrl: 'https://gateway.test',
    apiKey: 'key_1',
    fetch,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 1,
  }).carrierConnections;
}

const sentAs = (double: ReturnType<typeof scriptedFetch>) =>
  double.sent.map((sent) => [
    sent.method,
    `${new URL(sent.url).pathname}${new URL(sent.url).search}`,
    sent.body === '' ? undefined : JSON.parse(sent.body),
  ]);

describe('client.carrierConnections', () => {
  it('sends each operation to its route, with its body and no Idempotency-Key', async () => {
    const double = scriptedFetch(
      json(201, storedConnection()),
      json(200, { data: [storedConnection()] }),
      json(200, storedConnection()),
      json(200, { ...storedConnection(), label: 'renamed' }),
      json(200, { ok: true, outcome: 'ok', detail: 'Sandbox accepted.', durationMs: 12 }),
      new Response(null, { status: 204 }),
    );
    const connections = clientWith(double.fetch);

    expect(await connections.create(newConnection)).toEqual(storedConnection());
    expect(await connections.list({ carrier: 'sandbox' })).toEqual({ data: [storedConnection()] });
    expect(await connections.get(ID)).toEqual(storedConnection());
    const changes = { label: 'renamed', credentials: { apiKey: 'sbx_rotated_0000', note: null } };
    expect((await connections.update(ID, changes)).label).toBe('renamed');
    expect(await connections.test(ID)).toEqual({
      ok: true,
      outcome: 'ok',
      detail: 'Sandbox accepted.',
      durationMs: 12,
    });
    expect(await connections.delete(ID)).toBeUndefined();

    expect(sentAs(double)).toEqual([
      ['POST', '/v1/carrier-connections', newConnection],
      ['GET', '/v1/carrier-connections?carrier=sandbox', undefined],
      ['GET', `/v1/carrier-connections/${ID}`, undefined],
      ['PATCH', `/v1/carrier-connections/${ID}`, changes],
      ['POST', `/v1/carrier-connections/${ID}/test`, undefined],
      ['DELETE', `/v1/carrier-connections/${ID}`, undefined],
    ]);
    expect(double.sent.every((sent) => !sent.headers.has('idempotency-key'))).toBe(true);
    expect(double.sent.every((sent) => sent.headers.get('authorization') === 'Bearer key_1')).toBe(
      true,
    );
  });

  it('escapes the id in the path', async () => {
    const double = scriptedFetch(json(200, storedConnection()));
    await clientWith(double.fetch).get('con 1/x');
    expect(double.sent[0]?.url).toBe('https://gateway.test/v1/carrier-connections/con%201%2Fx');
  });

  it('resolves a refused test: a carrier saying no is an answer, not an error', async () => {
    const refused = {
      ok: false,
      outcome: 'authentication_failed',
      detail: 'sandbox: unknown API key',
      durationMs: 8,
    };
    const double = scriptedFetch(json(200, refused));
    expect(await clientWith(double.fetch).test(ID)).toEqual(refused);
  });

  it('throws the typed problems of its conflicts', async () => {
    const inUse = new Response(
      JSON.stringify({
        ...JSON.parse(await problem(409, 'connection-in-use').text()),
        connectionId: ID,
        openActions: 2,
      }),
      { status: 409, headers: { 'content-type': 'application/problem+json' } },
    );
    const double = scriptedFetch(
      inUse,
      problem(409, 'secret-key-required'),
      problem(404, 'not-found'),
    );
    const connections = clientWith(double.fetch);

    const busy = await connections.delete(ID).catch((caught: unknown) => caught);
    expect(isConnectionInUse(busy) && [busy.connectionId, busy.openActions]).toEqual([ID, 2]);
    const live = await connections
      .create({ ...newConnection, mode: 'live' })
      .catch((caught: unknown) => caught);
    expect(isSecretKeyRequired(live)).toBe(true);
    expect(isNotFound(await connections.get(ID).catch((caught: unknown) => caught))).toBe(true);
    // A 409 that is not a key in progress is not retried.
    expect(double.sent).toHaveLength(3);
  });

  it('does not send a create again after an attempt that got no answer: it may be stored', async () => {
    const double = scriptedFetch(networkError(), json(201, storedConnection()));
    const error = await clientWith(double.fetch)
      .create(newConnection)
      .catch((caught: unknown) => caught);
    expect(isConnectionError(error)).toBe(true);
    expect((error as Error).message).toContain('after 1 attempt');
    expect(double.sent).toHaveLength(1);
  });

  it('still retries a create the API says it did not act on (429, 503)', async () => {
    const double = scriptedFetch(
      problem(429, 'rate-limited'),
      problem(503, 'database-unavailable'),
      json(201, storedConnection()),
    );
    expect(await clientWith(double.fetch).create(newConnection)).toEqual(storedConnection());
    expect(double.sent).toHaveLength(3);
  });

  it('sends reads, updates, tests and deletes again after an attempt that got no answer', async () => {
    const double = scriptedFetch(networkError(), json(200, storedConnection()));
    expect(await clientWith(double.fetch).update(ID, { isDefault: true })).toEqual(
      storedConnection(),
    );
    expect(double.sent.map((sent) => sent.method)).toEqual(['PATCH', 'PATCH']);
  });
});
