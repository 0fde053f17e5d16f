import { describe, expect, it } from 'vitest';
import { acceptedIntercept, interceptRequest } from '../__fixtures__/resources.ts';
import {
  hang,
  json,
  networkError,
  problem,
  scriptedFetch,
} from '../__fixtures__/scripted-fetch.ts';
import { createParcelgateClient } from '../create-client.ts';
import { isCarrierUnavailable, isIdempotencyKeyReused } from '../errors/problem-guards.ts';
import { isConnectionError, isTimeoutError } from '../errors/transport-errors.ts';
import type { ParcelgateClientOptions } from '../options.ts';
import type { RetryEvent } from './retrying-fetch.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function clientWith(
  fetch: (request: Request) => Promise<Response>,
  options: Partial<ParcelgateClientOptions> = {},
) {
  const retries: RetryEvent[] = [];
  const client = createParcelgateClient({
    baseUrl: 'http://gateway.test/',
    apiKey: 'key_1',
    fetch,
    retryBaseDelayMs: 20,
    retryMaxDelayMs: 80,
    onRetry: (event) => retries.push(event),
    ...options,
  });
  return { client, retries };
}

describe('retries', () => {
  it('sends a mutation again after a 503, with the same Idempotency-Key', async () => {
    const double = scriptedFetch(
      problem(503, 'carrier-unavailable'),
      problem(503, 'carrier-unavailable'),
      json(201, acceptedIntercept()),
    );
    const { client, retries } = clientWith(double.fetch);

    const intercept = await client.intercepts.create(interceptRequest);

    expect(intercept.status).toBe('accepted');
    expect(double.sent).toHaveLength(3);
    const keys = double.sent.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(UUID);
    expect(new Set(keys).size).toBe(1);
    // The body is sent whole on every attempt, not consumed by the first.
    expect(double.sent.map((request) => JSON.parse(request.body))).toEqual(
      Array(3).fill(interceptRequest),
    );
    expect(retries.map((event) => [event.attempt, event.status])).toEqual([
      [1, 503],
      [2, 503],
    ]);
  });

  it('gives each call its own key, and uses the caller’s key when given', async () => {
    const double = scriptedFetch(json(201, acceptedIntercept()));
    const { client } = clientWith(double.fetch);
    await client.intercepts.create(interceptRequest);
    await client.intercepts.create(interceptRequest);
    await client.intercepts.create(interceptRequest, { idempotencyKey: 'order-TTS-5801-cancel' });
    const keys = double.sent.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('order-TTS-5801-cancel');
  });

  it('retries 429 and network failures, and never 422', async () => {
    const double = scriptedFetch(
      problem(429, 'too-many'),
      networkError(),
      problem(422, 'idempotency-key-reused'),
    );
    const { client } = clientWith(double.fetch, { maxRetries: 5 });
    const error = await client.intercepts.create(interceptRequest).catch((caught) => caught);
    expect(isIdempotencyKeyReused(error)).toBe(true);
    expect(double.sent).toHaveLength(3);
  });

  it('retries the 409 of a request still in progress, but no other 409', async () => {
    const inProgress = scriptedFetch(
      problem(409, 'idempotency-request-in-progress', { 'retry-after': '0' }),
      json(201, acceptedIntercept()),
    );
    await clientWith(inProgress.fetch).client.intercepts.create(interceptRequest);
    expect(inProgress.sent).toHaveLength(2);

    const conflict = scriptedFetch(problem(409, 'some-other-conflict'), json(201, {}));
    const error = await clientWith(conflict.fetch)
      .client.intercepts.create(interceptRequest)
      .catch((caught) => caught);
    expect(error).toMatchObject({ status: 409, problemType: undefined });
    expect(conflict.sent).toHaveLength(1);
  });

  it('stops after maxRetries and throws the last answer as a problem', async () => {
    const double = scriptedFetch(problem(503, 'carrier-unavailable', { 'retry-after': '0' }));
    const { client } = clientWith(double.fetch, { maxRetries: 1 });
    const error = await client.tracking.get('sandbox', 'SBX1').catch((caught) => caught);
    expect(isCarrierUnavailable(error)).toBe(true);
    expect(error.requestId).toBe('req-1');
    expect(double.sent).toHaveLength(2);

    const once = scriptedFetch(problem(503, 'carrier-unavailable'));
    await clientWith(once.fetch)
      .client.tracking.get('a', 'b', { maxRetries: 0 })
      .catch(() => {});
    expect(once.sent).toHaveLength(1);
  });

  it('throws a connection error naming the attempts and the key when the network stays down', async () => {
    const double = scriptedFetch(networkError());
    const { client } = clientWith(double.fetch, { maxRetries: 2 });
    const error = await client.intercepts
      .create(interceptRequest, { idempotencyKey: 'k-1' })
      .catch((caught) => caught);
    expect(isConnectionError(error)).toBe(true);
    expect(error.message).toContain('3 attempt(s)');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.idempotencyKey).toBe('k-1');
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('pauses', () => {
  it('waits a full-jitter pause under base * 2^(retry - 1), capped', async () => {
    const double = scriptedFetch(networkError(), networkError(), networkError(), json(200, {}));
    const { client, retries } = clientWith(double.fetch, { maxRetries: 3 });
    for (let run = 0; run < 10; run += 1) {
      retries.length = 0;
      double.sent.length = 0;
      await client.carriers.list().catch(() => {});
      const ceilings = [20, 40, 80];
      retries.forEach((event, index) => {
        expect(event.delayMs).toBeGreaterThanOrEqual(0);
        expect(event.delayMs).toBeLessThan(ceilings[index] ?? 0);
      });
      // The pause announced is the pause taken (within timer slack).
      for (let index = 1; index < double.sent.length; index += 1) {
        const gap = (double.sent[index]?.at ?? 0) - (double.sent[index - 1]?.at ?? 0);
        expect(gap).toBeGreaterThanOrEqual((retries[index - 1]?.delayMs ?? 0) - 2);
      }
    }
  });

  it('honours Retry-After in seconds as the floor of the pause', async () => {
    const double = scriptedFetch(
      problem(503, 'carrier-busy', { 'retry-after': '1' }),
      json(200, {}),
    );
    const { client, retries } = clientWith(double.fetch);
    await client.carriers.list();
    const [event] = retries;
    expect(event?.delayMs).toBeGreaterThanOrEqual(1_000);
    expect(event?.delayMs).toBeLessThan(1_020);
    const gap = (double.sent[1]?.at ?? 0) - (double.sent[0]?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(995);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 2_000).toUTCString();
    const double = scriptedFetch(problem(429, 'slow-down', { 'retry-after': at }), json(200, {}));
    const { client, retries } = clientWith(double.fetch, { timeoutMs: 5_000 });
    await client.carriers.list();
    // HTTP dates have whole seconds: between 1 and 2 s remain.
    expect(retries[0]?.delayMs).toBeGreaterThan(900);
    expect(retries[0]?.delayMs).toBeLessThanOrEqual(2_020);
  });

  it('answers at once when Retry-After would pass the deadline', async () => {
    const double = scriptedFetch(problem(503, 'circuit-open', { 'retry-after': '30' }));
    const { client, retries } = clientWith(double.fetch, { timeoutMs: 2_000 });
    const started = performance.now();
    const error = await client.carriers.list().catch((caught) => caught);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toMatchObject({ problemType: 'circuit-open', retryAfterSeconds: 30 });
    expect(retries).toEqual([]);
    expect(double.sent).toHaveLength(1);
  });
});

describe('deadlines and aborts', () => {
  it('throws a timeout error when no answer comes within timeoutMs', async () => {
    const double = scriptedFetch(hang);
    const { client } = clientWith(double.fetch);
    const started = performance.now();
    const error = await client.intercepts
      .create(interceptRequest, { timeoutMs: 150, idempotencyKey: 'k-2' })
      .catch((caught) => caught);
    const elapsed = performance.now() - started;
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 150, idempotencyKey: 'k-2' });
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1_000);
    // A timed-out attempt is not retried: the deadline covers the whole call.
    expect(double.sent).toHaveLength(1);
  });

  it('covers the pauses between attempts too', async () => {
    const double = scriptedFetch(networkError());
    const { client } = clientWith(double.fetch, {
      retryBaseDelayMs: 10_000,
      retryMaxDelayMs: 10_000,
    });
    // Whatever the jitter draws, a pause past the deadline is not taken: the call ends in time.
    const started = performance.now();
    const error = await client.carriers.list({ timeoutMs: 200 }).catch((caught) => caught);
    expect(performance.now() - started).toBeLessThan(400);
    expect(isConnectionError(error) || isTimeoutError(error)).toBe(true);
  });

  it('rethrows the caller’s abort reason as it is, and does not retry', async () => {
    const double = scriptedFetch(hang);
    const { client } = clientWith(double.fetch);
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    setTimeout(() => controller.abort(reason), 50);
    const error = await client.tracking
      .get('sandbox', 'SBX1', { signal: controller.signal })
      .catch((caught) => caught);
    expect(error).toBe(reason);
    expect(double.sent).toHaveLength(1);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const double = scriptedFetch(problem(503, 'x', { 'retry-after': '20' }), json(200, {}));
    const { client } = clientWith(double.fetch);
    const controller = new AbortController();
    const pending = client.carriers.list({ signal: controller.signal }).catch((caught) => caught);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('AbortError');
    expect(double.sent).toHaveLength(1);
  });

  it('refuses an already aborted signal before sending anything', async () => {
    const double = scriptedFetch(json(200, {}));
    const { client } = clientWith(double.fetch);
    await expect(client.carriers.list({ signal: AbortSignal.abort() })).rejects.toThrow();
    expect(double.sent).toHaveLength(0);
  });
});
