/**
 * Client rate limits through the whole app: per API key, per tenant, and per client address
 * for requests without a valid key. The buckets refill at 0.001 per second, so nothing comes
 * back while a test runs: no test here depends on timing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { createApiKey, ensureTenant } from '../store/tenants.ts';

const { carrier } = createFakeCarrier();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway(
    [carrier],
    {
      PARCELGATE_RATE_LIMIT_PER_SECOND: '0.001',
      PARCELGATE_RATE_LIMIT_BURST: '3',
      PARCELGATE_RATE_LIMIT_KEY_PER_SECOND: '0.001',
      PARCELGATE_RATE_LIMIT_KEY_BURST: '2',
      PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND: '0.001',
      PARCELGATE_RATE_LIMIT_ADDRESS_BURST: '2',
    },
    { database: 'from-env' },
  );
});
afterAll(() => gateway?.close());

let addressSeq = 0;
/** A client address of its own for each test, so their address buckets never meet. */
function newAddress(): string {
  addressSeq += 1;
  return `192.0.2.${addressSeq}`;
}

/** A new tenant with `count` keys, as Authorization headers. */
async function tenantWithKeys(name: string, count: number): Promise<Record<string, string>[]> {
  const tenant = await ensureTenant(gateway.app.database, `${name}-${Math.random()}`);
  const keys: Record<string, string>[] = [];
  for (let index = 0; index < count; index++) {
    const { key } = await createApiKey(gateway.app.database, { tenantId: tenant.id });
    keys.push({ authorization: `Bearer ${key}` });
  }
  return keys;
}

function get(headers: Record<string, string>, remoteAddress = newAddress(), url = '/v1/carriers') {
  return gateway.app.inject({ method: 'GET', url, headers, remoteAddress });
}

function expectRateLimited(
  answer: Awaited<ReturnType<typeof get>>,
  violated: readonly string[],
): void {
  expect(answer.statusCode, answer.body).toBe(429);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  const retryAfter = Number(answer.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(answer.json()).toMatchObject({
    type: 'https://parcelgate.dev/problems/rate-limited',
    status: 429,
    violatedPolicies: violated,
    retryAfterSeconds: retryAfter,
  });
}

describe('client rate limits', () => {
  it('limits each API key, with RateLimit-Policy and RateLimit on every answer', async () => {
    const [key, otherKey] = await tenantWithKeys('per-key', 2);
    if (key === undefined || otherKey === undefined) {
      throw new Error('no keys');
    }
    const first = await get(key);
    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-policy']).toBe('"key";q=2;w=2000, "tenant";q=3;w=3000');
    expect(first.headers.ratelimit).toBe('"key";r=1;t=1000, "tenant";r=2;t=1000');
    expect((await get(key)).headers.ratelimit).toBe('"key";r=0;t=1000, "tenant";r=1;t=1000');

    const third = await get(key);
    expectRateLimited(third, ['key']);
    expect(third.headers['retry-after']).toBe('1000');
    expect(third.headers['ratelimit-policy']).toBe('"key";q=2;w=2000');
    expect(third.headers.ratelimit).toBe('"key";r=0;t=1000');

    // The refused request did not spend the tenant's share: the tenant's other key goes on.
    const other = await get(otherKey);
    expect(other.statusCode).toBe(200);
    expect(other.headers.ratelimit).toBe('"key";r=1;t=1000, "tenant";r=0;t=1000');
  });

  it("limits each tenant across its keys, and never touches another tenant's", async () => {
    const [first, second, third] = await tenantWithKeys('per-tenant', 3);
    const [neighbour] = await tenantWithKeys('neighbour', 1);
    if (
      first === undefined ||
      second === undefined ||
      third === undefined ||
      neighbour === undefined
    ) {
      throw new Error('no keys');
    }
    expect((await get(first)).statusCode).toBe(200);
    expect((await get(first)).statusCode).toBe(200);
    expect((await get(second)).statusCode).toBe(200);
    expectRateLimited(await get(second), ['tenant']);
    // Every route that needs a key counts, whatever it does.
    expectRateLimited(await get(third, newAddress(), '/v1/intercepts'), ['tenant']);
    expect((await get(neighbour)).statusCode).toBe(200);
  });

  it('limits requests without a valid key by client address, failed keys included', async () => {
    const address = newAddress();
    const none = await get({}, address);
    expect(none.statusCode).toBe(401);
    expect(none.headers['ratelimit-policy']).toBe('"address";q=2;w=2000');
    expect(none.headers.ratelimit).toBe('"address";r=1;t=1000');
    const unknown = await get({ authorization: 'Bearer pgk_guessed_key_number_one_xx' }, address);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers.ratelimit).toBe('"address";r=0;t=1000');

    expectRateLimited(await get({}, address), ['address']);
    expectRateLimited(
      await get({ authorization: 'Bearer pgk_guessed_key_number_two_xx' }, address),
      ['address'],
    );
    // A key is not even looked up from an address that used up its failures: a right guess
    // is refused like a wrong one, so guessing cannot go faster than the limit.
    const [valid] = await tenantWithKeys('guessed', 1);
    expectRateLimited(await get(valid ?? {}, address), ['address']);
    expect((await get(valid ?? {}, newAddress())).statusCode).toBe(200);
    // Unknown paths count too, as requests without a valid key.
    expectRateLimited(await get({}, address, '/no-such-path'), ['address']);
  });

  it('leaves public routes out of the limits', async () => {
    const address = newAddress();
    await get({}, address);
    await get({}, address);
    expectRateLimited(await get({}, address), ['address']);
    for (const url of ['/healthz', '/readyz', '/metrics', '/openapi.json']) {
      const answer = await get({}, address, url);
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers.ratelimit, url).toBeUndefined();
    }
  });
});
