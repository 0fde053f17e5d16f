import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFedexTestContext, FEDEX_TEST_BASE_URL } from '../test/support/fedex-test-context.ts';
import error400 from './__fixtures__/error-400-empty.json' with { type: 'json' };
import error401 from './__fixtures__/error-401.json' with { type: 'json' };
import error503 from './__fixtures__/error-503.json' with { type: 'json' };
import { fedexTrackAnswer } from './__fixtures__/fedex-conformance-fixtures.ts';
import tokenSuccess from './__fixtures__/token-success.json' with { type: 'json' };
import trackDelivered from './__fixtures__/track-delivered.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import trackNotFound from './__fixtures__/track-not-found.json' with { type: 'json' };
import { fedexTokenCache } from './fedex-token-cache.ts';
import { trackFedexParcel, trackManyFedexParcels } from './fedex-track.ts';

const server = createCarrierTestServer();
const NUMBER = '128667043726';
const TRACK_URL = `${FEDEX_TEST_BASE_URL}/track/v1/trackingnumbers`;
const TOKEN_URL = `${FEDEX_TEST_BASE_URL}/oauth/token`;

function answerTrack(body: JsonBodyType, status = 200, headers: Record<string, string> = {}) {
  server.use(http.post(TRACK_URL, () => HttpResponse.json(body, { status, headers })));
}

beforeEach(() => {
  fedexTokenCache.clear();
  server.use(http.post(TOKEN_URL, () => HttpResponse.json(tokenSuccess)));
});

describe('trackFedexParcel', () => {
  it('gets a token with a form body, then asks for detailed scans in English', async () => {
    answerTrack(trackInTransit);
    await trackFedexParcel(createFedexTestContext(), { trackingNumber: NUMBER });
    const [tokenCall, trackCall] = server.calls;
    expect(tokenCall?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenCall?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'unit-client',
      client_secret: 'unit-secret-8d1e5b3a',
    });
    expect(trackCall?.headers.authorization).toBe(`Bearer ${tokenSuccess.access_token}`);
    expect(trackCall?.headers['x-locale']).toBe('en_US');
    expect(trackCall?.headers['x-customer-transaction-id']).toBe('req_unittest0001');
    expect(trackCall?.json).toEqual({
      includeDetailedScans: true,
      trackingInfo: [{ trackingNumberInfo: { trackingNumber: NUMBER } }],
    });
  });

  it('maps scans oldest first, offsets kept, with addresses and the estimate', async () => {
    answerTrack(trackInTransit);
    const snapshot = await trackFedexParcel(createFedexTestContext(), { trackingNumber: NUMBER });
    expect(
      snapshot.events.map((event) => [event.raw.code, event.status, event.occurredAt]),
    ).toEqual([
      ['OC', 'label_created', '2018-02-01T09:00:00-07:00'],
      ['PU', 'picked_up', '2018-02-02T12:01:00-07:00'],
      ['DP', 'in_transit', '2018-02-02T18:30:00-07:00'],
    ]);
    expect(snapshot).toMatchObject({
      carrierId: 'fedex',
      trackingNumber: NUMBER,
      status: 'in_transit',
      estimatedDelivery: '2018-02-05T17:00:00-07:00',
      origin: { city: 'SEATTLE', region: 'WA', country: 'US' },
      destination: { city: 'NORMAN', postalCode: '73072' },
    });
    expect(snapshot.events[2]?.location).toEqual({
      city: 'SEATTLE',
      region: 'WA',
      postalCode: '98101',
      country: 'US',
    });
  });

  it('maps a delivery with its proof: signer, instant and actual address', async () => {
    answerTrack(trackDelivered);
    const snapshot = await trackFedexParcel(createFedexTestContext(), { trackingNumber: NUMBER });
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.events.map((event) => event.status)).toEqual([
      'at_destination_facility',
      'out_for_delivery',
      'delivered',
    ]);
    expect(snapshot.estimatedDelivery).toBeUndefined();
    expect(snapshot.proofOfDelivery).toEqual({
      deliveredAt: '2018-02-05T14:12:00-06:00',
      signedBy: 'J.SMITH',
      location: {
        city: 'NORMAN',
        region: 'OK',
        postalCode: '73072',
        country: 'US',
        description: 'Receptionist/Front Desk',
      },
    });
  });

  it('reads a delivery after a return scan as returned', async () => {
    const answer = fedexTrackAnswer(NUMBER) as {
      output: { completeTrackResults: { trackResults: Record<string, unknown>[] }[] };
    };
    const result = answer.output.completeTrackResults[0]?.trackResults[0] ?? {};
    result.scanEvents = [
      { date: '2018-02-06T10:00:00-07:00', eventType: 'DL', eventDescription: 'Delivered' },
      { date: '2018-02-04T10:00:00-07:00', eventType: 'RS', eventDescription: 'Return to shipper' },
      ...((result.scanEvents as unknown[]) ?? []),
    ];
    answerTrack(answer as JsonBodyType);
    const snapshot = await trackFedexParcel(createFedexTestContext(), { trackingNumber: NUMBER });
    expect(snapshot.status).toBe('returned');
    expect(snapshot.events.at(-2)?.status).toBe('return_in_transit');
  });

  it('reads the latest status detail when FedEx sends no scans', async () => {
    answerTrack({
      output: {
        completeTrackResults: [
          {
            trackingNumber: NUMBER,
            trackResults: [
              {
                latestStatusDetail: {
                  code: 'DE',
                  derivedCode: 'DE',
                  description: 'Delivery exception',
                  ancillaryDetails: [{ reason: '07', reasonDescription: 'Refused by recipient' }],
                },
              },
            ],
          },
        ],
      },
    });
    const snapshot = await trackFedexParcel(createFedexTestContext(), { trackingNumber: NUMBER });
    expect(snapshot).toMatchObject({ status: 'exception', subStatus: 'refused', events: [] });
  });

  it('reports the delivery options FedEx offers on fedex.com in the snapshot', async () => {
    answerTrack(trackInTransit);
    const snapshot = await trackFedexParcel(createFedexTestContext(), { trackingNumber: NUMBER });
    const onFedex = { where: 'carrier_website', url: 'https://www.fedex.com/en-us/tracking.html' };
    expect(snapshot.deliveryOptions).toEqual([
      { option: 'RETURN_TO_SHIPPER', operation: 'intercept', eligibility: 'eligible', ...onFedex },
      { option: 'REROUTE', operation: 'redirect', eligibility: 'possibly_eligible', ...onFedex },
      { option: 'INDIRECT_SIGNATURE_RELEASE', eligibility: 'not_eligible', ...onFedex },
    ]);
  });
});

describe('FedEx failures', () => {
  it('an unknown number inside a 200 is not-found, with FedEx code', async () => {
    answerTrack(trackNotFound);
    const error = await trackFedexParcel(createFedexTestContext(), {
      trackingNumber: '123456789012',
    }).catch((caught: unknown) => caught);
    expect(isCarrierErrorOfKind(error, 'not-found')).toBe(true);
    expect(error).toMatchObject({ carrierCode: 'TRACKING.TRACKINGNUMBER.NOTFOUND' });
  });

  it('renews a refused token once, then reports authentication', async () => {
    let tokens = 0;
    server.use(
      http.post(TOKEN_URL, () => {
        tokens += 1;
        return HttpResponse.json({ ...tokenSuccess, access_token: `token-${tokens}` });
      }),
    );
    answerTrack(error401, 401);
    const error = await trackFedexParcel(createFedexTestContext(), {
      trackingNumber: NUMBER,
    }).catch((caught: unknown) => caught);
    expect(tokens).toBe(2);
    expect(isCarrierErrorOfKind(error, 'authentication')).toBe(true);
    expect(error).toMatchObject({ carrierCode: 'NOT.AUTHORIZED.ERROR' });
  });

  it('keeps one token for an hour, less a minute, and shares one refresh', async () => {
    let tokens = 0;
    server.use(
      http.post(TOKEN_URL, () => {
        tokens += 1;
        return HttpResponse.json(tokenSuccess);
      }),
    );
    answerTrack(trackInTransit);
    const context = createFedexTestContext();
    await Promise.all(
      Array.from({ length: 5 }, () => trackFedexParcel(context, { trackingNumber: NUMBER })),
    );
    expect(tokens).toBe(1);
    context.clock.advance(3599_000 - 60_000 - 1);
    await trackFedexParcel(context, { trackingNumber: NUMBER });
    expect(tokens).toBe(1);
    context.clock.advance(1);
    await trackFedexParcel(context, { trackingNumber: NUMBER });
    expect(tokens).toBe(2);
  });

  it.each([
    [403, { errors: [{ code: 'FORBIDDEN.ERROR' }] }, 'authentication'],
    [400, error400, 'invalid-request'],
    [400, trackNotFound, 'invalid-request'],
    [400, { errors: [{ code: 'TRACKING.TRACKINGNUMBER.NOTFOUND' }] }, 'not-found'],
    [404, { errors: [{ code: 'NOT.FOUND.ERROR' }] }, 'not-found'],
    [500, { errors: [{ code: 'INTERNAL.SERVER.ERROR' }] }, 'retryable'],
    [503, error503, 'retryable'],
  ] as const)('HTTP %i is %s', async (status, body, kind) => {
    answerTrack(body as JsonBodyType, status);
    const error = await trackFedexParcel(createFedexTestContext(), {
      trackingNumber: NUMBER,
    }).catch((caught: unknown) => caught);
    expect(isCarrierErrorOfKind(error, kind)).toBe(true);
  });

  it('HTTP 429 is rate-limited with its Retry-After', async () => {
    answerTrack({ errors: [{ code: 'TOO.MANY.REQUESTS' }] }, 429, { 'retry-after': '7' });
    const error = await trackFedexParcel(createFedexTestContext(), {
      trackingNumber: NUMBER,
    }).catch((caught: unknown) => caught);
    expect(isCarrierErrorOfKind(error, 'rate-limited')).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 7000 });
  });

  it('a refused API key is authentication and never shows the secret', async () => {
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json(
          { errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'bad unit-secret-8d1e5b3a' }] },
          { status: 401 },
        ),
      ),
    );
    const error = await trackFedexParcel(createFedexTestContext(), {
      trackingNumber: NUMBER,
    }).catch((caught: unknown) => caught);
    expect(isCarrierErrorOfKind(error, 'authentication')).toBe(true);
    expect(String((error as Error).message)).not.toContain('unit-secret-8d1e5b3a');
    expect(error).toMatchObject({ requestSent: false });
  });
});

describe('trackManyFedexParcels', () => {
  const numbers = ['111111111111', '222222222222', '333333333333'];

  it('asks once for every number and answers in order, unknown numbers as their error', async () => {
    server.use(
      http.post(TRACK_URL, () =>
        HttpResponse.json({
          output: {
            completeTrackResults: [
              // FedEx's order need not be ours.
              (
                fedexTrackAnswer(numbers[2] ?? '') as {
                  output: { completeTrackResults: unknown[] };
                }
              ).output.completeTrackResults[0],
              {
                trackingNumber: numbers[1],
                trackResults: [{ error: { code: 'TRACKING.TRACKINGNUMBER.NOTFOUND' } }],
              },
              (
                fedexTrackAnswer(numbers[0] ?? '') as {
                  output: { completeTrackResults: unknown[] };
                }
              ).output.completeTrackResults[0],
            ],
          },
        } as JsonBodyType),
      ),
    );
    const requests = [...numbers, numbers[0] ?? ''].map((trackingNumber) => ({ trackingNumber }));
    const results = await trackManyFedexParcels(createFedexTestContext(), requests);
    const trackCalls = server.calls.filter((call) => call.url.pathname.startsWith('/track'));
    expect(trackCalls).toHaveLength(1);
    expect(trackCalls[0]?.json).toMatchObject({ trackingInfo: expect.any(Array) });
    expect(
      (trackCalls[0]?.json as { trackingInfo?: unknown[] } | undefined)?.trackingInfo,
    ).toHaveLength(3);
    expect(results.map((result) => result.trackingNumber)).toEqual([...numbers, numbers[0]]);
    expect(
      results.map((result) => ('snapshot' in result ? result.snapshot.status : 'error')),
    ).toEqual(['in_transit', 'error', 'in_transit', 'in_transit']);
    const missing = results[1];
    expect(missing !== undefined && 'error' in missing && missing.error.kind).toBe('not-found');
  });

  it('refuses more than 30 numbers without calling FedEx', async () => {
    const requests = Array.from({ length: 31 }, (_, index) => ({
      trackingNumber: String(100000000000 + index),
    }));
    const error = await trackManyFedexParcels(createFedexTestContext(), requests).catch(
      (caught: unknown) => caught,
    );
    expect(isCarrierErrorOfKind(error, 'invalid-request')).toBe(true);
    expect(server.calls).toHaveLength(0);
  });

  it('throws when the whole call fails', async () => {
    answerTrack(error503, 503);
    const error = await trackManyFedexParcels(
      createFedexTestContext(),
      numbers.map((trackingNumber) => ({ trackingNumber })),
    ).catch((caught: unknown) => caught);
    expect(isCarrierErrorOfKind(error, 'retryable')).toBe(true);
  });
});
