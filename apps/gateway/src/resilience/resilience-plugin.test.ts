import {
  CarrierRetryableError,
  CONTRACT_VERSION,
  defineCarrier,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

/** Whether the carrier answers 503 to every read; tests flip it. */
const failing = true;
let calls = 0;

const flakyCarrier = defineCarrier({
  id: 'flaky',
  displayName: 'Flaky Post',
  contractVersion: CONTRACT_VERSION,
  capabilities: { proofOfDelivery: false, callbacks: false },
  credentials: [],
  async track(_ctx, request): Promise<TrackingSnapshot> {
    calls += 1;
    if (failing) {
      throw new CarrierRetryableError({
        carrierId: 'flaky',
        message: 'flaky answered HTTP 503',
        httpStatus: 503,
        requestSent: true,
      });
    }
    return {
      carrierId: 'flaky',
      trackingNumber: request.trackingNumber,
      status: 'in_transit',
      events: [],
    };
  },
});

describe('circuit breaker through the API', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await createTestGateway([flakyCarrier], {
      PARCELGATE_BREAKER_MIN_CALLS: '2',
      PARCELGATE_BREAKER_OPEN_MS: '60000',
      PARCELGATE_RETRY_MAX_ATTEMPTS: '1',
      TRACKING_CACHE_TTL_MS: '0',
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  const read = (trackingNumber: string) =>
    gateway.app.inject({
      method: 'GET',
      url: `/v1/tracking/flaky/${trackingNumber}`,
      headers: gateway.auth.acme,
    });

  it('opens after repeated 503s, then answers 503 circuit-open without calling the carrier', async () => {
    expect((await read('FLK0001')).json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/carrier-unavailable',
    });
    await read('FLK0002');
    expect(calls).toBe(2);

    const refused = await read('FLK0003');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/circuit-open',
      carrier: 'flaky',
      retryAfterSeconds: 60,
    });
    expect(calls).toBe(2);
  });

  it('shows the state in GET /v1/carriers and as a gauge on /metrics', async () => {
    const carriers = await gateway.app.inject({
      method: 'GET',
      url: '/v1/carriers',
      headers: gateway.auth.acme,
    });
    expect(carriers.json().data[0]).toMatchObject({ id: 'flaky', circuits: { track: 'open' } });
    expect(carriers.json().data[0].circuits).toEqual({ track: 'open' });

    const metrics = await gateway.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('# TYPE parcelgate_circuit_state gauge');
    expect(metrics.body).toContain(
      'parcelgate_circuit_state{carrier="flaky",connection="shared",operation="track"} 2',
    );
    // A track-only carrier has no intercept circuit to show.
    expect(metrics.body).not.toContain('operation="intercept"');
  });
});
