import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUspsTestContext, USPS_TEST_BASE_URL } from '../test/support/usps-test-context.ts';
import error401 from './__fixtures__/error-401.json' with { type: 'json' };
import error429 from './__fixtures__/error-429.json' with { type: 'json' };
import tokenError401 from './__fixtures__/token-error-401.json' with { type: 'json' };
import tokenSuccess from './__fixtures__/token-success.json' with { type: 'json' };
import trackDelivered from './__fixtures__/track-delivered.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import trackNotFound from './__fixtures__/track-not-found.json' with { type: 'json' };
import { uspsCarrier } from './usps-carrier.ts';
import { uspsTokenCache } from './usps-token-cache.ts';

const server = createCarrierTestServer();
const TOKEN_URL = `${USPS_TEST_BASE_URL}/oauth2/v3/token`;
const TRACK_URL = `${USPS_TEST_BASE_URL}/tracking/v3r2/tracking`;
const IN_TRANSIT = '9400111201080805483016';
const DELIVERED = '9361289878700317633795';
const UNKNOWN = '9405803699300124287899';

function answerTrack(body: JsonBodyType, status = 200, headers: Record<string, string> = {}) {
  server.use(http.post(TRACK_URL, () => HttpResponse.json(body, { status, headers })));
}

function tokenCalls() {
  return server.calls.filter((call) => call.url.href === TOKEN_URL);
}

function trackCalls() {
  return server.calls.filter((call) => call.url.pathname === '/tracking/v3r2/tracking');
}

beforeEach(() => {
  uspsTokenCache.clear();
  server.use(http.post(TOKEN_URL, () => HttpResponse.json(tokenSuccess)));
});

describe('USPS OAuth', () => {
  it('asks for a token with a JSON body, then tracks with it as a bearer token', async () => {
    answerTrack(trackInTransit);
    await uspsCarrier.track(createUspsTestContext(), { trackingNumber: IN_TRANSIT });
    const [token] = tokenCalls();
    expect(token?.headers['content-type']).toBe('application/json');
    expect(token?.json).toEqual({
      client_id: 'unit-client',
      client_secret: 'unit-secret-8d2b51ac',
      grant_type: 'client_credentials',
    });
    expect(server.lastCall().headers.authorization).toBe(`Bearer ${tokenSuccess.access_token}`);
  });

  it('keeps the token for its string expires_in, and renews it after', async () => {
    answerTrack(trackInTransit);
    const ctx = createUspsTestContext();
    await uspsCarrier.track(ctx, { trackingNumber: IN_TRANSIT });
    ctx.clock.advance(28_000 * 1000);
    await uspsCarrier.track(ctx, { trackingNumber: IN_TRANSIT });
    expect(tokenCalls()).toHaveLength(1);
    ctx.clock.advance(799 * 1000);
    await uspsCarrier.track(ctx, { trackingNumber: IN_TRANSIT });
    expect(tokenCalls()).toHaveLength(2);
  });

  it('fetches one token for many calls arriving together', async () => {
    answerTrack(trackInTransit);
    const ctx = createUspsTestContext();
    await Promise.all(
      Array.from({ length: 5 }, () => uspsCarrier.track(ctx, { trackingNumber: IN_TRANSIT })),
    );
    expect(tokenCalls()).toHaveLength(1);
    expect(trackCalls()).toHaveLength(5);
  });

  it('renews a token USPS refuses once, then classifies a second refusal', async () => {
    let answers = 0;
    server.use(
      http.post(TRACK_URL, () => {
        answers += 1;
        return answers === 1
          ? HttpResponse.json(error401, { status: 401 })
          : HttpResponse.json(trackInTransit);
      }),
    );
    await uspsCarrier.track(createUspsTestContext(), { trackingNumber: IN_TRANSIT });
    expect(tokenCalls()).toHaveLength(2);

    answerTrack(error401, 401);
    await expect(
      uspsCarrier.track(createUspsTestContext(), { trackingNumber: IN_TRANSIT }),
    ).rejects.toMatchObject({ kind: 'authentication', carrierCode: '401', httpStatus: 401 });
  });

  it('classifies refused client credentials as authentication, never sent, secret kept out', async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.json(tokenError401, { status: 401 })));
    const error = await uspsCarrier
      .track(createUspsTestContext(), { trackingNumber: IN_TRANSIT })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'authentication', requestSent: false });
    expect(String((error as Error).message)).not.toContain('unit-secret-8d2b51ac');
    expect(trackCalls()).toHaveLength(0);
  });

  it('verifies credentials with a fresh token, leaving the cache alone', async () => {
    await uspsCarrier.verifyCredentials(createUspsTestContext());
    await uspsCarrier.verifyCredentials(createUspsTestContext());
    expect(tokenCalls()).toHaveLength(2);
    server.use(http.post(TOKEN_URL, () => HttpResponse.json(tokenError401, { status: 401 })));
    await expect(uspsCarrier.verifyCredentials(createUspsTestContext())).rejects.toMatchObject({
      kind: 'authentication',
      requestSent: true,
    });
  });
});

describe('USPS tracking v3r2', () => {
  it('posts the numbers as an array and asks for the detail', async () => {
    answerTrack(trackInTransit);
    await uspsCarrier.track(createUspsTestContext(), { trackingNumber: IN_TRANSIT });
    const call = server.lastCall();
    expect(call.url.search).toBe('?expand=DETAIL');
    expect(call.json).toEqual([{ trackingNumber: IN_TRANSIT }]);
  });

  it('maps the events oldest first, offsets from the event or GMTOffset', async () => {
    answerTrack(trackInTransit);
    const snapshot = await uspsCarrier.track(createUspsTestContext(), {
      trackingNumber: IN_TRANSIT,
    });
    expect(
      snapshot.events.map((event) => [event.raw.code, event.status, event.occurredAt]),
    ).toEqual([
      ['GX', 'label_created', '2026-11-24T09:30:00-08:00'],
      ['OA', 'picked_up', '2026-11-24T16:02:00-08:00'],
      ['10', 'in_transit', '2026-11-25T22:14:00-06:00'],
    ]);
    expect(snapshot).toMatchObject({
      carrierId: 'usps',
      status: 'in_transit',
      estimatedDelivery: '2026-11-28T21:00:00-05:00',
      origin: { city: 'LOS ANGELES', region: 'CA', postalCode: '90052' },
      destination: { city: 'WASHINGTON', region: 'DC', postalCode: '20500' },
    });
    expect(snapshot.events[2]?.location).toEqual({
      city: 'DALLAS',
      region: 'TX',
      postalCode: '75260',
      country: 'US',
    });
  });

  it('reads a delivered item', async () => {
    answerTrack(trackDelivered);
    const snapshot = await uspsCarrier.track(createUspsTestContext(), {
      trackingNumber: DELIVERED,
    });
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.events.map((event) => event.raw.code)).toEqual(['07', 'OF', '01']);
  });

  it("throws the number's own error from a 200 as not-found", async () => {
    answerTrack(trackNotFound);
    await expect(
      uspsCarrier.track(createUspsTestContext(), { trackingNumber: UNKNOWN }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: '404', httpStatus: 200 });
  });

  it('tracks many numbers in one call, each with its own result, in the order asked', async () => {
    answerTrack([
      trackNotFound[0],
      trackDelivered[0],
      {
        trackingNumber: 'EA123456785US',
        errors: [{ code: '400', detail: 'Invalid tracking number' }],
      },
      trackInTransit[0],
    ] as JsonBodyType);
    const numbers = [IN_TRANSIT, DELIVERED, UNKNOWN, 'EA123456785US', '9101123456789000000013'];
    const results = await uspsCarrier.trackMany(
      createUspsTestContext(),
      numbers.map((trackingNumber) => ({ trackingNumber })),
    );
    expect(trackCalls()).toHaveLength(1);
    expect(server.lastCall().json).toEqual(numbers.map((trackingNumber) => ({ trackingNumber })));
    expect(
      results.map((result) =>
        'snapshot' in result
          ? [result.trackingNumber, result.snapshot.status]
          : [result.trackingNumber, result.error.kind],
      ),
    ).toEqual([
      [IN_TRANSIT, 'in_transit'],
      [DELIVERED, 'delivered'],
      [UNKNOWN, 'not-found'],
      ['EA123456785US', 'invalid-request'],
      ['9101123456789000000013', 'retryable'],
    ]);
  });

  it('refuses more numbers than one call takes, before sending', async () => {
    const requests = Array.from({ length: 36 }, () => ({ trackingNumber: IN_TRANSIT }));
    await expect(uspsCarrier.trackMany(createUspsTestContext(), requests)).rejects.toMatchObject({
      kind: 'invalid-request',
      requestSent: false,
    });
    expect(server.calls).toHaveLength(0);
  });

  it('classifies the hourly quota as rate-limited with its Retry-After', async () => {
    answerTrack(error429, 429, { 'retry-after': '1800' });
    await expect(
      uspsCarrier.track(createUspsTestContext(), { trackingNumber: IN_TRANSIT }),
    ).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 1_800_000, carrierCode: '429' });
  });

  it('classifies a 5xx as retryable and a garbled 200 as retryable', async () => {
    answerTrack({ error: { code: '503', message: 'Service Unavailable' } }, 503);
    await expect(
      uspsCarrier.track(createUspsTestContext(), { trackingNumber: IN_TRANSIT }),
    ).rejects.toMatchObject({ kind: 'retryable', httpStatus: 503 });
    server.use(http.post(TRACK_URL, () => new HttpResponse('{"trunc', { status: 200 })));
    await expect(
      uspsCarrier.track(createUspsTestContext(), { trackingNumber: IN_TRANSIT }),
    ).rejects.toMatchObject({ kind: 'retryable' });
  });
});
