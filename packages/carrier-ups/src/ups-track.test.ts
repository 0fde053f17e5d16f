import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUpsTestContext, UPS_TEST_BASE_URL } from '../test/support/ups-test-context.ts';
import tokenSuccess from './__fixtures__/token-success.json' with { type: 'json' };
import trackDelivered from './__fixtures__/track-delivered.json' with { type: 'json' };
import trackError404 from './__fixtures__/track-error-404.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import trackNotFound from './__fixtures__/track-not-found.json' with { type: 'json' };
import { upsTokenCache } from './ups-token-cache.ts';
import { trackUpsParcel } from './ups-track.ts';

const server = createCarrierTestServer();
const NUMBER = '1Z023E2X0214323462';
const trackUrl = (number: string) => `${UPS_TEST_BASE_URL}/api/track/v1/details/${number}`;

function answerTrack(number: string, body: JsonBodyType, status = 200) {
  server.use(http.get(trackUrl(number), () => HttpResponse.json(body, { status })));
}

beforeEach(() => {
  upsTokenCache.clear();
  server.use(
    http.post(`${UPS_TEST_BASE_URL}/security/v1/oauth/token`, () =>
      HttpResponse.json(tokenSuccess),
    ),
  );
});

describe('trackUpsParcel', () => {
  it('asks for English text and no images', async () => {
    answerTrack(NUMBER, trackInTransit);
    await trackUpsParcel(createUpsTestContext(), { trackingNumber: NUMBER });
    expect(server.lastCall().url.search).toBe(
      '?locale=en_US&returnSignature=false&returnMilestones=false&returnPOD=false',
    );
  });

  it('maps the spec-example package: events oldest first, offsets kept, addresses', async () => {
    answerTrack(NUMBER, trackInTransit);
    const snapshot = await trackUpsParcel(createUpsTestContext(), { trackingNumber: NUMBER });
    expect(
      snapshot.events.map((event) => [event.raw.code, event.status, event.occurredAt]),
    ).toEqual([
      ['M', 'label_created', '2021-02-09T09:12:30-05:00'],
      ['I', 'in_transit', '2021-02-09T21:29:01-05:00'],
      ['X', 'exception', '2021-02-10T07:13:56-05:00'],
    ]);
    expect(snapshot).toMatchObject({
      carrierId: 'ups',
      trackingNumber: NUMBER,
      status: 'exception',
      subStatus: 'held',
      estimatedDelivery: '2021-02-12',
      origin: { city: 'Baltimore', region: 'MD', postalCode: '21230-3410', country: 'US' },
      destination: { city: 'BALDWIN', region: 'MD', country: 'US' },
    });
    expect(snapshot.events[2]).toMatchObject({
      incident: 'customs',
      description: 'Your package was released by the customs agency.',
      location: { city: 'Wayne', region: 'NJ', postalCode: '07470', country: 'US' },
    });
  });

  it('reads proof of delivery and the delivery instant', async () => {
    answerTrack('1Z204W4R0308071865', trackDelivered);
    const snapshot = await trackUpsParcel(createUpsTestContext(), {
      trackingNumber: '1Z204W4R0308071865',
    });
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.estimatedDelivery).toBeUndefined();
    expect(snapshot.proofOfDelivery).toEqual({
      deliveredAt: '2024-04-23T09:50:04-04:00',
      signedBy: 'John',
      location: {
        city: 'CHARLOTTE',
        region: 'NC',
        postalCode: '28209',
        country: 'US',
        description: 'Front Door',
      },
    });
    expect(snapshot.events.map((event) => event.status)).toEqual(['out_for_delivery', 'delivered']);
  });

  it('reads HTTP 200 with warning TW0001 as not-found', async () => {
    answerTrack('1Z999AA10123456784', trackNotFound);
    await expect(
      trackUpsParcel(createUpsTestContext(), { trackingNumber: '1Z999AA10123456784' }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: 'TW0001', httpStatus: 200 });
  });

  it('reads HTTP 404 as not-found with its code', async () => {
    answerTrack('1Z999AA10123456784', trackError404, 404);
    await expect(
      trackUpsParcel(createUpsTestContext(), { trackingNumber: '1Z999AA10123456784' }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: '151044', httpStatus: 404 });
  });

  it('classifies a 403 Blocked Merchant and a proxy page', async () => {
    answerTrack(
      NUMBER,
      { response: { errors: [{ code: '250003', message: 'Blocked Merchant' }] } },
      403,
    );
    await expect(
      trackUpsParcel(createUpsTestContext(), { trackingNumber: NUMBER }),
    ).rejects.toMatchObject({
      kind: 'authentication',
      carrierCode: '250003',
    });
    server.use(
      http.get(
        trackUrl(NUMBER),
        () =>
          new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );
    await expect(
      trackUpsParcel(createUpsTestContext(), { trackingNumber: NUMBER }),
    ).rejects.toMatchObject({
      kind: 'retryable',
      httpStatus: 502,
    });
  });

  it('keeps an undocumented type as unknown and says so once', async () => {
    const body = structuredClone(trackInTransit);
    const activity = body.trackResponse.shipment[0]?.package[0]?.activity[0];
    if (activity !== undefined) {
      activity.status.type = 'Q';
    }
    answerTrack(NUMBER, body);
    const ctx = createUpsTestContext();
    const snapshot = await trackUpsParcel(ctx, { trackingNumber: NUMBER });
    expect(snapshot.events.at(-1)).toMatchObject({ status: 'unknown', raw: { code: 'Q' } });
    expect(ctx.logs.filter((line) => line.level === 'warn')).toHaveLength(1);
  });
});
