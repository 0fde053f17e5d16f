import {
  CarrierNotEligibleError,
  CONTRACT_VERSION,
  defineCarrier,
  type InterceptResult,
} from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type GatewayApp } from '../app.ts';
import { loadConfig } from '../config/load-config.ts';

const API_KEY = 'metrics_test_key_0123456789';
const auth = { authorization: `Bearer ${API_KEY}` };

/** What the fake carrier answers to an intercept; tests swap it. */
let interceptAnswer: () => Promise<InterceptResult> = async () => ({ outcome: 'accepted' });

const window = { highLikelihood: ['in_transit'], lowLikelihood: [] } as const;
const action = {
  window,
  fees: { kind: 'by_pickup_mode' },
  outcome: 'synchronous',
  safeToRetry: false,
} as const;

/** A carrier that never leaves the process: every parcel is in transit. */
const fakeCarrier = defineCarrier({
  id: 'fake',
  displayName: 'Fake Express',
  contractVersion: CONTRACT_VERSION,
  capabilities: {
    intercept: { ...action, declaredValueLimits: [], excludedCategories: ['fresh_food'] },
    redirect: { ...action, freePerOrder: 1 },
    proofOfDelivery: false,
    callbacks: false,
  },
  credentials: [],
  async track(_ctx, request) {
    return {
      carrierId: 'fake',
      trackingNumber: request.trackingNumber,
      status: 'in_transit',
      events: [
        {
          occurredAt: '2026-11-26T09:00:00+08:00',
          status: 'in_transit',
          description: 'in transit',
          raw: { code: 'IT' },
        },
      ],
    };
  },
  intercept: () => interceptAnswer(),
  redirect: async () => ({ outcome: 'accepted' }),
});

async function startApp(): Promise<GatewayApp> {
  return buildApp({
    config: loadConfig({
      PARCELGATE_DATA_DIR: 'memory://',
      PARCELGATE_BOOTSTRAP_API_KEY: API_KEY,
      LOG_LEVEL: 'silent',
    }),
    carriers: [fakeCarrier],
    logger: false,
  });
}

async function scrape(app: GatewayApp): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  return response.body;
}

/** The value of one sample line, or undefined when the series does not exist. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function intercept(app: GatewayApp, trackingNumber: string, extra: Record<string, unknown> = {}) {
  return app.inject({
    method: 'POST',
    url: '/v1/intercepts',
    headers: { ...auth, 'idempotency-key': `key-${trackingNumber}` },
    payload: {
      carrier: 'fake',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
      ...extra,
    },
  });
}

describe('GET /metrics', () => {
  let app: GatewayApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('answers the Prometheus text format without an API key, with process metrics', async () => {
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.body).toContain('# TYPE parcelgate_http_requests_total counter');
    expect(response.body).toContain(
      '# TYPE parcelgate_carrier_operation_duration_seconds histogram',
    );
    expect(response.body).toContain('process_cpu_user_seconds_total');
  });

  it('counts a request by route pattern, never by raw URL', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/tracking/fake/FK000001',
      headers: auth,
    });
    expect(response.statusCode).toBe(200);
    const text = await scrape(app);
    const labels = 'method="GET",route="/v1/tracking/:carrier/:trackingNumber",status="200"';
    expect(sample(text, `parcelgate_http_requests_total{${labels}}`)).toBe(1);
    expect(sample(text, `parcelgate_http_request_duration_seconds_count{${labels}}`)).toBe(1);
    expect(text).not.toContain('FK000001');
    // Every request's estimated wait before it was read is observed too.
    expect(sample(text, 'parcelgate_http_request_unseen_wait_seconds_count')).toBeGreaterThan(0);
  });

  it('counts the carrier operation with its carrier, operation and outcome', async () => {
    const text = await scrape(app);
    const labels = 'carrier="fake",operation="track",outcome="ok"';
    expect(sample(text, `parcelgate_carrier_operations_total{${labels}}`)).toBe(1);
    expect(sample(text, `parcelgate_carrier_operation_duration_seconds_count{${labels}}`)).toBe(1);
  });

  it('labels unmatched paths and refused requests by what they are', async () => {
    await app.inject({ method: 'GET', url: '/nowhere/123', headers: auth });
    // Without a key an unmatched path is a 401: it does not tell which paths exist.
    await app.inject({ method: 'GET', url: '/nowhere/456' });
    await app.inject({ method: 'GET', url: '/v1/carriers' });
    const text = await scrape(app);
    expect(
      sample(text, 'parcelgate_http_requests_total{method="GET",route="unmatched",status="404"}'),
    ).toBe(1);
    expect(
      sample(text, 'parcelgate_http_requests_total{method="GET",route="unmatched",status="401"}'),
    ).toBe(1);
    expect(
      sample(
        text,
        'parcelgate_http_requests_total{method="GET",route="/v1/carriers",status="401"}',
      ),
    ).toBe(1);
  });

  it('counts intercept outcomes by carrier and the status answered', async () => {
    interceptAnswer = async () => ({ outcome: 'accepted' });
    expect((await intercept(app, 'FK000010')).statusCode).toBe(201);
    interceptAnswer = async () => {
      throw new CarrierNotEligibleError({
        carrierId: 'fake',
        message: 'station could not catch the parcel',
        reason: 'carrier_refused',
        httpStatus: 422,
        requestSent: true,
      });
    };
    expect((await intercept(app, 'FK000011')).statusCode).toBe(201);
    // Refused by policy before the carrier: answered as a 422 problem, still an outcome.
    const refused = await intercept(app, 'FK000012', { parcel: { category: 'fresh_food' } });
    expect(refused.statusCode).toBe(422);

    const text = await scrape(app);
    const outcome = (status: string) =>
      sample(text, `parcelgate_intercept_outcomes_total{carrier="fake",status="${status}"}`);
    expect([outcome('accepted'), outcome('rejected')]).toEqual([1, 2]);
    expect(
      sample(
        text,
        'parcelgate_carrier_operations_total{carrier="fake",operation="intercept",outcome="not-eligible"}',
      ),
    ).toBe(1);
  });

  it('counts redirect outcomes', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/redirects',
      headers: { ...auth, 'idempotency-key': 'redirect-1' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK000020',
        orderRef: 'TTS-1',
        reason: 'address_error',
        newAddress: {
          name: 'Li Lei',
          phone: '+8613800000000',
          line1: '1 Renmin Rd',
          city: 'Suzhou',
          country: 'CN',
        },
      },
    });
    expect(response.statusCode).toBe(201);
    const text = await scrape(app);
    expect(
      sample(text, 'parcelgate_redirect_outcomes_total{carrier="fake",status="accepted"}'),
    ).toBe(1);
  });

  it('keeps each app in a registry of its own', async () => {
    const other = await startApp();
    try {
      await other.inject({ method: 'GET', url: '/readyz' });
      const route = 'parcelgate_http_requests_total{method="GET",route="/readyz",status="200"}';
      expect(sample(await scrape(other), route)).toBe(1);
      expect(sample(await scrape(app), route)).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
