/**
 * Issue 11 over real HTTP, against the built gateway on its own database (PGlite, or
 * PostgreSQL with DATABASE_URL): no spelling of a path gets past authentication to a
 * carrier, clients are rate limited with the RateLimit fields, request ids are checked,
 * answers carry the security headers, and a slow-header client is dropped. Requests go
 * through `node:http` with the path as written: `fetch` would normalize it first.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { type ApiClient, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathSpellings } from '../support/path-spellings.ts';

let stack: Stack;
let acme: ApiClient;
let parcel: string;

beforeAll(async () => {
  stack = await startStack({
    tenants: ['acme'],
    // Tiny per-tenant limits that do not refill while the file runs (0.001 per second).
    gatewayEnv: () => ({
      PARCELGATE_RATE_LIMIT_PER_SECOND: '0.001',
      PARCELGATE_RATE_LIMIT_BURST: '3',
    }),
  });
  acme = stack.client(stack.keys.acme);
  parcel = await stack.sim.createParcel({ status: 'in_transit' });
});

afterAll(async () => {
  await stack?.stop();
});

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One request with its path sent byte for byte as given. */
function raw(method: string, path: string, body?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(stack.gatewayUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        hostname,
        port,
        method,
        path,
        headers: {
          'idempotency-key': `e2e-spelling-${Math.random()}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        // Only so a hung socket fails its test with a message; no timing.
        timeout: 60_000,
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => {
          text += chunk;
        });
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Operations of the published document that need a key, as method and path template. */
async function protectedOperations(): Promise<[string, string][]> {
  const document = await stack.api.get<{
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  }>('/openapi.json');
  return Object.entries(document.body.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => (operation.security ?? []).length > 0)
      .map(([method, _operation]): [string, string] => [method.toUpperCase(), path]),
  );
}

describe('authentication over HTTP', () => {
  it('answers the reported bypasses with 401 and never calls the carrier', async () => {
    expect((await raw('GET', '/%761/carriers')).status).toBe(401);
    expect((await raw('GET', `/%761/tracking/sandbox/${parcel}`)).status).toBe(401);
    expect((await stack.sim.parcel(parcel)).calls).toEqual({ track: 0, intercept: 0, redirect: 0 });
  });

  it('answers 401 to every spelling of every operation that needs a key', async () => {
    const operations = await protectedOperations();
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const body = JSON.stringify({
      carrier: 'sandbox',
      trackingNumber: parcel,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
      orderRef: 'ORD-SPELLING',
      newAddress: { name: 'A', phone: '+8613800000000', line1: 'x', city: 'y', country: 'CN' },
    });
    const refused: string[] = [];
    for (const [method, template] of operations) {
      const path = template
        .replace('{carrier}', 'sandbox')
        .replace('{trackingNumber}', parcel)
        .replace('{id}', 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z');
      for (const spelling of pathSpellings(path)) {
        // Node's client sends a DELETE body unframed: the server would read it as a second request.
        const answer = await raw(
          method,
          spelling,
          method === 'GET' || method === 'DELETE' ? undefined : body,
        );
        if (answer.status !== 401) {
          refused.push(`${method} ${spelling}: ${answer.status} ${answer.body.slice(0, 120)}`);
        }
      }
    }
    expect(refused).toEqual([]);
    expect((await stack.sim.parcel(parcel)).calls).toEqual({ track: 0, intercept: 0, redirect: 0 });
  });
});

describe('client rate limits over HTTP', () => {
  it('answers 429 with Retry-After and the RateLimit fields past a limit', async () => {
    const first = await acme.get('/v1/carriers');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"key";q=3;w=3000, "tenant";q=3;w=3000');
    expect(first.headers.get('ratelimit')).toBe('"key";r=2;t=1000, "tenant";r=2;t=1000');
    expect((await acme.get('/v1/carriers')).status).toBe(200);
    expect((await acme.get('/v1/carriers')).status).toBe(200);
    const limited = await acme.get<{ type: string; violatedPolicies: string[] }>('/v1/carriers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.headers.get('retry-after')).toBe('1000');
    expect(limited.body).toMatchObject({
      type: 'https://parcelgate.dev/problems/rate-limited',
      violatedPolicies: ['key'],
    });
    expect(limited.headers.get('ratelimit')).toBe('"key";r=0;t=1000');
    // Another tenant is not held back.
    expect((await stack.api.get('/v1/carriers')).status).toBe(200);
  });
});

describe('hardening over HTTP', () => {
  it('echoes only a safe x-request-id, and marks answers nosniff and no-store', async () => {
    const kept = await stack.api.get('/v1/intercepts?limit=1', {
      headers: { 'x-request-id': 'order-service:42' },
    });
    expect(kept.headers.get('x-request-id')).toBe('order-service:42');
    const replaced = await stack.client(undefined).get('/v1/intercepts', {
      headers: { 'x-request-id': 'x'.repeat(129) },
    });
    expect(replaced.status).toBe(401);
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    for (const answer of [kept, replaced]) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('drops a client that sends its request head slowly (default timeouts)', async () => {
    const { hostname, port } = new URL(stack.gatewayUrl);
    const closed = await new Promise<{ received: string }>((resolve) => {
      const socket = connect(Number(port), hostname);
      let received = '';
      let line = 0;
      const timer = setInterval(() => {
        line += 1;
        socket.write(`x-slow-${line}: still typing\r\n`);
      }, 500);
      socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nhost: localhost\r\n'));
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ received });
      });
    });
    expect(closed.received).toMatch(/^HTTP\/1\.1 408 /);
  }, 60_000);
});
