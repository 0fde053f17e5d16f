import { CarrierRetryableError } from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { openCircuit } from '../../test/support/open-circuit.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
let parcelSeq = 0;

beforeAll(async () => {
  gateway = await createTestGateway([carrier], {
    // Two carrier-health failures open the intercept circuit for a minute.
    PARCELGATE_BREAKER_MIN_CALLS: '2',
    PARCELGATE_BREAKER_OPEN_MS: '60000',
  });
});
afterAll(() => gateway.close());

function parcel(): string {
  parcelSeq += 1;
  const trackingNumber = `FK${String(parcelSeq).padStart(6, '0')}`;
  script.parcels.set(trackingNumber, 'in_transit');
  return trackingNumber;
}

async function listIntercepts(): Promise<unknown> {
  const response = await gateway.app.inject({
    method: 'GET',
    url: '/v1/intercepts',
    headers: gateway.auth.acme,
  });
  return response.json();
}

function intercept(trackingNumber: string, key = `key-${trackingNumber}`) {
  return gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts',
    headers: { ...gateway.auth.acme, 'idempotency-key': key },
    payload: {
      carrier: 'fake',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    },
  });
}

const refused = () =>
  new CarrierRetryableError({
    carrierId: 'fake',
    message: 'fake: connection failed (ECONNREFUSED) before the request was sent',
    requestSent: false,
  });

describe('sendAction with retries and a circuit breaker', () => {
  it('resends an intercept that never left, and records both attempts', async () => {
    let calls = 0;
    script.intercept = async () => {
      calls += 1;
      if (calls === 1) {
        throw refused();
      }
      return { outcome: 'accepted', carrierReference: 'F-2' };
    };
    const response = await intercept(parcel());
    expect(response.statusCode).toBe(201);
    const attempts = response
      .json()
      .attempts.filter((attempt: { operation: string }) => attempt.operation === 'intercept');
    expect(attempts.map((attempt: { outcome: string }) => attempt.outcome)).toEqual([
      'retryable',
      'ok',
    ]);
    for (const attempt of attempts) {
      expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('fails fast with 503 circuit-open: no tracking read, nothing stored, the key freed', async () => {
    script.intercept = async () => {
      throw new CarrierRetryableError({
        carrierId: 'fake',
        message: 'fake answered HTTP 503',
        httpStatus: 503,
        requestSent: true,
      });
    };
    expect((await intercept(parcel())).statusCode).toBe(503);
    expect((await intercept(parcel())).statusCode).toBe(503);

    const before = { ...script.calls };
    const stored = await listIntercepts();
    const trackingNumber = parcel();
    const response = await intercept(trackingNumber, 'reused-key');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('60');
    const problem = response.json();
    expect(problem).toMatchObject({
      type: 'https://parcelgate.dev/problems/circuit-open',
      carrier: 'fake',
      retryAfterSeconds: 60,
    });
    expect(problem.interceptId).toBeUndefined();
    // Neither the carrier's intercept nor its tracking was asked, and nothing was stored.
    expect(script.calls).toEqual(before);
    expect(await listIntercepts()).toEqual(stored);

    // Nothing was sent, so the same key may be used again (here: still refused, not replayed).
    const again = await intercept(trackingNumber, 'reused-key');
    expect(again.statusCode).toBe(503);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('stores the intercept as failed when the circuit opens while tracking is read', async () => {
    script.intercept = async () => ({ outcome: 'accepted', carrierReference: 'F-3' });
    const closedGateway = await createTestGateway([carrier], {
      PARCELGATE_BREAKER_MIN_CALLS: '2',
      PARCELGATE_BREAKER_OPEN_MS: '60000',
    });
    try {
      const fresh = closedGateway.app.resilience.of(closedGateway.app.carriers.resolve('fake'))
        .breakers.intercept;
      expect(fresh.state()).toBe('closed');
      // Failures elsewhere open the circuit after the fail-fast check.
      script.duringTrack = () => openCircuit(fresh);
      const before = script.calls.intercept;
      const response = await closedGateway.app.inject({
        method: 'POST',
        url: '/v1/intercepts',
        headers: { ...closedGateway.auth.acme, 'idempotency-key': 'opens-meanwhile' },
        payload: {
          carrier: 'fake',
          trackingNumber: parcel(),
          reason: 'buyer_cancelled',
          pickupMode: 'platform_pickup',
        },
      });
      expect(response.statusCode).toBe(503);
      const problem = response.json();
      expect(problem.type).toBe('https://parcelgate.dev/problems/circuit-open');
      expect(script.calls.intercept).toBe(before);
      const stored = await closedGateway.app.inject({
        method: 'GET',
        url: `/v1/intercepts/${problem.interceptId}`,
        headers: closedGateway.auth.acme,
      });
      // Failed, with no intercept attempt: the carrier never saw it.
      expect(stored.json()).toMatchObject({ status: 'failed', attempts: [] });
    } finally {
      script.duringTrack = () => {};
      await closedGateway.close();
    }
  });
});
