import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import type { Database, Queryable } from './database.ts';
import { PgliteUnavailableError } from './pglite/pglite-thread.ts';

/**
 * The database going away under a running gateway, through a double of the real database
 * (PGlite, or PostgreSQL when DATABASE_URL is set) whose statements reject as `pg` and
 * the PGlite thread do when the server is down, the connection lost, or the worker gone.
 */
const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
/** While set, statements that `failing` selects reject with it. */
let outage: { readonly error: Error; readonly failing: (sql: string) => boolean } | undefined;

function flaky(database: Database): Database {
  const guard = <Result>(sql: string, run: () => Promise<Result>): Promise<Result> =>
    outage?.failing(sql) === true ? Promise.reject(outage.error) : run();
  const flakyTx = (tx: Queryable): Queryable => ({
    query: (text, params) => guard(text, () => tx.query(text, params)),
  });
  return {
    ...database,
    query: (text, params) => guard(text, () => database.query(text, params)),
    exec: (sql) => guard(sql, () => database.exec(sql)),
    transaction: (work) => guard('BEGIN', () => database.transaction((tx) => work(flakyTx(tx)))),
  };
}

beforeAll(async () => {
  gateway = await createTestGateway([carrier], {}, { database: 'from-env', wrapDatabase: flaky });
  script.parcels.set('FK700001', 'in_transit');
});
afterAll(() => gateway.close());
afterEach(() => {
  outage = undefined;
});

const everything = () => true;
/** All but the API key lookup: the request is authenticated, then its own work fails. */
const afterAuthentication = (sql: string) => !sql.includes('api_keys');

const OUTAGES: readonly [string, Error][] = [
  [
    'PostgreSQL refusing connections',
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
    }),
  ],
  [
    'PostgreSQL shutting down (57P01)',
    Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      severity: 'FATAL',
    }),
  ],
  ['the connection lost', new Error('Connection terminated unexpectedly')],
  ['the pool timing out', new Error('timeout exceeded when trying to connect')],
  ['the PGlite worker gone', new PgliteUnavailableError('the PGlite worker exited (code 1)')],
];

function expectUnavailable(response: Awaited<ReturnType<TestGateway['app']['inject']>>) {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.headers['retry-after']).toBe('5');
  expect(response.json()).toMatchObject({
    type: 'https://parcelgate.dev/problems/database-unavailable',
    status: 503,
    retryAfterSeconds: 5,
    requestId: response.headers['x-request-id'],
  });
}

describe('the database unavailable', () => {
  it.each(OUTAGES)(
    '%s: 503 database-unavailable with Retry-After, not 500',
    async (_name, error) => {
      outage = { error, failing: everything };
      expectUnavailable(
        await gateway.app.inject({
          method: 'GET',
          url: '/v1/intercepts',
          headers: gateway.auth.acme,
        }),
      );
      outage = { error, failing: afterAuthentication };
      expectUnavailable(
        await gateway.app.inject({
          method: 'GET',
          url: '/v1/intercepts',
          headers: gateway.auth.acme,
        }),
      );
    },
  );

  it('an intercept meeting an outage is a 503 and never reaches the carrier', async () => {
    const [, error] = OUTAGES[0] ?? [];
    outage = { error: error ?? new Error('Connection terminated'), failing: afterAuthentication };
    const before = script.calls.intercept;
    expectUnavailable(
      await gateway.app.inject({
        method: 'POST',
        url: '/v1/intercepts',
        headers: { ...gateway.auth.acme, 'idempotency-key': 'db-down-1' },
        payload: {
          carrier: 'fake',
          trackingNumber: 'FK700001',
          reason: 'buyer_cancelled',
          pickupMode: 'platform_pickup',
        },
      }),
    );
    expect(script.calls.intercept).toBe(before);
  });

  it('readiness reports the database down, and both recover with it', async () => {
    outage = { error: new Error('Connection terminated unexpectedly'), failing: everything };
    const down = await gateway.app.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'unavailable', checks: { database: false } });
    outage = undefined;
    expect((await gateway.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const list = await gateway.app.inject({
      method: 'GET',
      url: '/v1/intercepts',
      headers: gateway.auth.acme,
    });
    expect(list.statusCode).toBe(200);
  });

  it('a statement that fails for another reason is still a 500', async () => {
    outage = {
      error: Object.assign(new Error('relation "intercepts" does not exist'), { code: '42P01' }),
      failing: afterAuthentication,
    };
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/v1/intercepts',
      headers: gateway.auth.acme,
    });
    expect(response.statusCode).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
  });
});
