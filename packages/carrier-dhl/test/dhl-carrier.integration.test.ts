import type { CarrierContext } from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';
import { createCarrierSimulatorClient } from '@parcelgate/carrier-sim';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dhlCarrier } from '../src/dhl-carrier.ts';

/**
 * The adapter against the real simulator, over real sockets: both sides took the wire
 * format from DHL's OpenAPI document, and this is where they have to agree.
 */
const sim = createCarrierSimulatorClient({ carrier: 'dhl', seed: 'carrier-dhl-integration' });
beforeAll(sim.start);
beforeEach(sim.reset);
afterAll(sim.stop);

function context(apiKey = 'dhl-sim-api-key'): CarrierContext {
  return {
    http: createFetchHttpClient({ carrierId: 'dhl', baseUrl: `${sim.url()}/dhl` }),
    signal: new AbortController().signal,
    credentials: { apiKey },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    clock: { now: () => new Date() },
    requestId: 'req_integration_01',
  };
}

describe('dhl adapter against carrier-sim', () => {
  it.each([
    ['label_created', undefined],
    ['picked_up', undefined],
    ['in_transit', undefined],
    ['at_destination_facility', undefined],
    ['out_for_delivery', undefined],
    ['delivery_attempted', undefined],
    ['available_for_pickup', undefined],
    ['exception', 'held'],
    ['exception', 'damaged'],
    ['exception', 'lost'],
    ['exception', 'address_issue'],
    ['exception', 'refused'],
    ['exception', 'other'],
    ['return_in_transit', undefined],
    ['returned', undefined],
    ['cancelled', undefined],
  ])('tracks a parcel in %s %s', async (status, subStatus) => {
    const trackingNumber = await sim.createParcel({
      status,
      ...(subStatus === undefined ? {} : { subStatus }),
    } as { readonly status: string });
    expect(dhlCarrier.detect(trackingNumber)).toBe('verified');
    const snapshot = await dhlCarrier.track(context(), { trackingNumber });
    expect(snapshot.status).toBe(status);
    expect(snapshot.subStatus).toBe(subStatus);
    expect(snapshot.events.every((event) => event.occurredAt.endsWith('Z'))).toBe(true);
  });

  it('tracks a delivered parcel with its proof of delivery', async () => {
    const trackingNumber = await sim.createParcel({ status: 'delivered' });
    const snapshot = await dhlCarrier.track(context(), { trackingNumber });
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.proofOfDelivery).toMatchObject({
      deliveredAt: snapshot.events.at(-1)?.occurredAt,
      signedBy: expect.any(String),
      photoUrl: expect.stringMatching(/^https:\/\/webpod\.dhl\.com\//),
    });
  });

  it('answers not-found for an unknown number and for another division', async () => {
    await expect(
      dhlCarrier.track(context(), { trackingNumber: '3318810025' }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: 'No result found' });
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await expect(
      dhlCarrier.track(context(), { trackingNumber, carrierOptions: { service: 'parcel-de' } }),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refuses an unknown API key as authentication', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await expect(dhlCarrier.track(context('wrong-key'), { trackingNumber })).rejects.toMatchObject({
      kind: 'authentication',
      httpStatus: 401,
    });
  });

  it('classifies the quota 429 as rate-limited with its Retry-After', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'track',
      trackingNumber,
      fault: { type: 'rate_limit', retryAfter: 30 },
    });
    await expect(dhlCarrier.track(context(), { trackingNumber })).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 30_000,
    });
  });
});
