import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

// A carrier offering intercepts only on its website (like USPS), and none offering
// redirects at all, beside one that offers both by API.
const offSite = createFakeCarrier('offsite', {
  without: ['intercept', 'redirect'],
  offApi: {
    intercept: {
      reason: 'Package Intercept is offered only on the carrier website',
      url: 'https://carrier.example/intercept',
    },
  },
  bulkTracking: { maxPerCall: 30 },
});
const full = createFakeCarrier('full');
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([offSite.carrier, full.carrier]);
  offSite.script.parcels.set('FK100001', 'in_transit');
  full.script.parcels.set('FK200001', 'in_transit');
});
afterAll(() => gateway.close());

const intercept = (carrier: string, trackingNumber: string, key: string) =>
  gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts',
    headers: { ...gateway.auth.acme, 'idempotency-key': key },
    payload: { carrier, trackingNumber, reason: 'buyer_cancelled', pickupMode: 'platform_pickup' },
  });

describe('operations a carrier does not offer by API', () => {
  it('lists, per carrier and operation, whether it is offered by API and if not why and where', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/v1/carriers',
      headers: gateway.auth.acme,
    });
    expect(response.statusCode).toBe(200);
    const byId = new Map(
      response
        .json<{ data: { id: string; availability: unknown }[] }>()
        .data.map((carrier) => [carrier.id, carrier.availability]),
    );
    expect(byId.get('offsite')).toEqual({
      track: { byApi: true },
      intercept: {
        byApi: false,
        reason: 'Package Intercept is offered only on the carrier website',
        url: 'https://carrier.example/intercept',
      },
      redirect: { byApi: false, reason: 'not offered by this carrier' },
      cancelIntercept: {
        byApi: false,
        reason: expect.stringMatching(/^not offered by this carrier/),
      },
      cancelRedirect: {
        byApi: false,
        reason: expect.stringMatching(/^not offered by this carrier/),
      },
      feeQuote: { byApi: false, reason: expect.stringMatching(/^not offered by this carrier/) },
      bulkTracking: { byApi: true, maxPerCall: 30 },
    });
    expect(byId.get('full')).toMatchObject({
      intercept: { byApi: true },
      redirect: { byApi: true },
      bulkTracking: { byApi: false },
    });
  });

  it('answers an intercept with a 422 naming the capability, the reason and the field, calling nothing', async () => {
    const before = { ...offSite.script.calls };
    const response = await intercept('offsite', 'FK100001', 'offered-1');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/operation-not-supported',
      carrier: 'offsite',
      capability: 'intercept',
      availability: {
        byApi: false,
        reason: 'Package Intercept is offered only on the carrier website',
        url: 'https://carrier.example/intercept',
      },
      errors: [{ pointer: '/carrier', detail: expect.any(String) }],
    });
    expect(response.json<{ detail: string }>().detail).toContain('only on the carrier website');
    // Not even the tracking read the pipeline starts with.
    expect(offSite.script.calls).toEqual(before);
  });

  it('leaves the Idempotency-Key free: the refused request did nothing', async () => {
    expect((await intercept('offsite', 'FK100001', 'offered-free')).statusCode).toBe(422);
    // The same key for the intercept meant, at a carrier that offers it: not a reused key.
    full.script.parcels.set('FK200002', 'in_transit');
    const meant = await intercept('full', 'FK200002', 'offered-free');
    expect(meant.statusCode, meant.body).toBeLessThan(300);
    const replay = await intercept('full', 'FK200002', 'offered-free');
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('answers a redirect the carrier offers nowhere the same way', async () => {
    const before = { ...offSite.script.calls };
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/redirects',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'offered-2' },
      payload: {
        carrier: 'offsite',
        trackingNumber: 'FK100001',
        orderRef: 'TTS-5801',
        reason: 'address_error',
        newAddress: {
          name: 'Li Lei',
          phone: '+8613800000000',
          line1: '1 Renmin Rd',
          city: 'Suzhou',
          region: 'JS',
          postalCode: '215000',
          country: 'CN',
        },
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      capability: 'redirect',
      availability: { byApi: false, reason: 'not offered by this carrier' },
    });
    expect(offSite.script.calls).toEqual(before);
  });

  it('says so in the eligibility answer for the operation asked', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts/eligibility',
      headers: gateway.auth.acme,
      payload: {
        carrier: 'offsite',
        trackingNumber: 'FK100001',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      eligible: false,
      availability: { byApi: false, url: 'https://carrier.example/intercept' },
      reasons: [expect.objectContaining({ code: 'operation_not_supported' })],
    });
    const offered = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts/eligibility',
      headers: gateway.auth.acme,
      payload: {
        carrier: 'full',
        trackingNumber: 'FK200001',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
      },
    });
    expect(offered.json()).toMatchObject({ eligible: true, availability: { byApi: true } });
  });

  it('refuses a batch naming such a carrier before storing it, each item at its carrier field', async () => {
    const before = { ...offSite.script.calls };
    const item = (carrier: string, trackingNumber: string) => ({
      carrier,
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    });
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts/batch',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'offered-batch-1' },
      payload: {
        items: [item('full', 'FK200001'), item('offsite', 'FK100001'), item('offsite', 'FK100002')],
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/operation-not-supported',
      capability: 'intercept',
      errors: [
        { pointer: '/items/1/carrier', detail: expect.any(String) },
        { pointer: '/items/2/carrier', detail: expect.any(String) },
      ],
    });
    expect(offSite.script.calls).toEqual(before);
  });
});
