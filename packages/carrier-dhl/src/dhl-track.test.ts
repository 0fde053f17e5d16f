import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import { createDhlTestContext, DHL_TEST_BASE_URL } from '../test/support/dhl-test-context.ts';
import trackDelivered from './__fixtures__/track-delivered.json' with { type: 'json' };
import trackError401 from './__fixtures__/track-error-401.json' with { type: 'json' };
import trackError404 from './__fixtures__/track-error-404.json' with { type: 'json' };
import trackError429 from './__fixtures__/track-error-429.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import { trackDhlParcel } from './dhl-track.ts';

const server = createCarrierTestServer();
const TRACK_URL = `${DHL_TEST_BASE_URL}/track/shipments`;
const EXPRESS = '7777777770';
const PARCEL_DE = '00340434161094015902';

function answer(body: JsonBodyType, status = 200, headers: Record<string, string> = {}) {
  server.use(
    http.get(TRACK_URL, () =>
      HttpResponse.json(body, {
        status,
        headers:
          status === 200 ? headers : { 'content-type': 'application/problem+json', ...headers },
      }),
    ),
  );
}

describe('trackDhlParcel', () => {
  it('sends the number, the API key header and English, with service express for a verified number', async () => {
    answer(trackDelivered);
    await trackDhlParcel(createDhlTestContext(), { trackingNumber: EXPRESS });
    const call = server.lastCall();
    expect(call.method).toBe('GET');
    expect(call.url.pathname).toBe('/track/shipments');
    expect(Object.fromEntries(call.url.searchParams)).toEqual({
      trackingNumber: EXPRESS,
      service: 'express',
      language: 'en',
    });
    expect(call.headers['dhl-api-key']).toBe('unit-dhl-key-6e1f09b4');
  });

  it("sends the caller's service, and none when neither caller nor detection knows it", async () => {
    answer(trackInTransit);
    await trackDhlParcel(createDhlTestContext(), {
      trackingNumber: PARCEL_DE,
      carrierOptions: { service: 'parcel-de' },
    });
    expect(server.lastCall().url.searchParams.get('service')).toBe('parcel-de');
    await trackDhlParcel(createDhlTestContext(), { trackingNumber: PARCEL_DE });
    expect(server.lastCall().url.searchParams.has('service')).toBe(false);
  });

  it('maps the spec example: events oldest first, delivered, proof of delivery', async () => {
    answer(trackDelivered);
    const snapshot = await trackDhlParcel(createDhlTestContext(), { trackingNumber: EXPRESS });
    expect(
      snapshot.events.map((event) => [event.raw.code, event.status, event.occurredAt]),
    ).toEqual([
      ['pre-transit', 'picked_up', '2018-08-02T16:30:00Z'],
      ['transit', 'in_transit', '2018-08-02T22:40:00Z'],
      ['transit', 'out_for_delivery', '2018-08-03T08:12:00Z'],
      ['delivered', 'delivered', '2018-08-03T14:05:00Z'],
    ]);
    expect(snapshot).toMatchObject({
      carrierId: 'dhl',
      trackingNumber: EXPRESS,
      status: 'delivered',
      origin: { city: 'Oderweg 2, AMSTERDAM', postalCode: '1043 AG', country: 'NL' },
      destination: { city: 'BONN', postalCode: '53113', country: 'DE' },
      proofOfDelivery: {
        deliveredAt: '2018-08-03T14:05:00Z',
        signedBy: 'John Doe',
        photoUrl: 'https://webpod.dhl.com/webPOD/DPDHLNewsletterDispatcher?signature=7777777770',
        location: { city: 'BONN', country: 'DE' },
      },
    });
    expect(snapshot.estimatedDelivery).toBeUndefined();
  });

  it('reads timestamps without an offset as UTC, and keeps the estimate', async () => {
    answer(trackInTransit);
    const snapshot = await trackDhlParcel(createDhlTestContext(), { trackingNumber: PARCEL_DE });
    expect(snapshot.events.map((event) => event.occurredAt)).toEqual([
      '2022-04-14T18:02:00Z',
      '2022-04-15T14:44:17Z',
    ]);
    expect(snapshot).toMatchObject({
      status: 'in_transit',
      estimatedDelivery: '2022-04-16T00:00:00Z',
    });
    expect(snapshot.proofOfDelivery).toBeUndefined();
  });

  it('answers the current status alone when DHL lists no events', async () => {
    const [shipment] = trackDelivered.shipments;
    answer({ shipments: [{ ...shipment, events: [] }] });
    const snapshot = await trackDhlParcel(createDhlTestContext(), { trackingNumber: EXPRESS });
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.events).toHaveLength(1);
  });

  it.each([
    ['404 No result found', trackError404, 404, 'not-found', 'No result found'],
    ['401 for a bad key', trackError401, 401, 'authentication', 'Unauthorized'],
    [
      '500',
      { title: 'Internal Server Error', status: 500 },
      500,
      'retryable',
      'Internal Server Error',
    ],
    [
      '400',
      { title: 'Bad Request', detail: 'Invalid service', status: 400 },
      400,
      'invalid-request',
      'Bad Request',
    ],
  ])('classifies %s', async (_name, body, status, kind, carrierCode) => {
    answer(body, status);
    await expect(
      trackDhlParcel(createDhlTestContext(), { trackingNumber: EXPRESS }),
    ).rejects.toMatchObject({ kind, carrierCode, httpStatus: status, requestSent: true });
  });

  it('classifies the daily quota as rate-limited with its Retry-After', async () => {
    answer(trackError429, 429, { 'retry-after': '3600' });
    await expect(
      trackDhlParcel(createDhlTestContext(), { trackingNumber: EXPRESS }),
    ).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 3_600_000 });
  });

  it('reads a 200 without shipments as not-found', async () => {
    answer({ shipments: [] });
    await expect(
      trackDhlParcel(createDhlTestContext(), { trackingNumber: EXPRESS }),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses to call without an API key, never sent', async () => {
    await expect(
      trackDhlParcel(createDhlTestContext({ credentials: {} }), { trackingNumber: EXPRESS }),
    ).rejects.toMatchObject({ kind: 'authentication', requestSent: false });
    expect(server.calls).toHaveLength(0);
  });

  it('never puts the API key in an error message', async () => {
    answer({ title: 'Unauthorized', detail: 'key unit-dhl-key-6e1f09b4 is unknown' }, 401);
    const error = await trackDhlParcel(createDhlTestContext(), { trackingNumber: EXPRESS }).catch(
      (caught: unknown) => caught,
    );
    expect(String((error as Error).message)).not.toContain('unit-dhl-key-6e1f09b4');
  });
});
