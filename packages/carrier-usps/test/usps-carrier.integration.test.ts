import type { CarrierContext } from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';
import { createCarrierSimulatorClient } from '@parcelgate/carrier-sim';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { uspsCarrier } from '../src/usps-carrier.ts';
import { uspsTokenCache } from '../src/usps-token-cache.ts';

/**
 * The adapter against the real simulator, over real sockets: OAuth with a JSON body, one
 * and many numbers per tracking call, per-number errors inside a 200, the quota's 429.
 */
const sim = createCarrierSimulatorClient({ carrier: 'usps', seed: 'carrier-usps-integration' });
beforeAll(sim.start);
beforeEach(async () => {
  uspsTokenCache.clear();
  await sim.reset();
});
afterAll(sim.stop);

const SIM_CREDENTIALS = { clientId: 'usps-sim-client', clientSecret: 'usps-sim-secret' };

function context(credentials: Readonly<Record<string, string>> = SIM_CREDENTIALS): CarrierContext {
  return {
    http: createFetchHttpClient({ carrierId: 'usps', baseUrl: `${sim.url()}/usps` }),
    signal: new AbortController().signal,
    credentials,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    clock: { now: () => new Date() },
    requestId: 'req_integration_01',
  };
}

interface ParcelView {
  readonly calls: { readonly track: number };
}

describe('usps adapter against carrier-sim', () => {
  it.each([
    ['label_created', undefined],
    ['picked_up', undefined],
    ['in_transit', undefined],
    ['at_destination_facility', undefined],
    ['out_for_delivery', undefined],
    ['delivery_attempted', undefined],
    ['available_for_pickup', undefined],
    ['delivered', undefined],
    ['exception', 'address_issue'],
    ['exception', 'refused'],
    ['exception', 'other'],
    ['return_in_transit', undefined],
    ['returned', undefined],
  ])('tracks a parcel in %s %s', async (status, subStatus) => {
    const trackingNumber = await sim.createParcel({
      status,
      ...(subStatus === undefined ? {} : { subStatus }),
    } as { readonly status: string });
    expect(uspsCarrier.detect(trackingNumber)).toBe('verified');
    const snapshot = await uspsCarrier.track(context(), { trackingNumber });
    expect(snapshot.status).toBe(status);
    expect(snapshot.subStatus).toBe(subStatus);
  });

  it('tracks many parcels in one call, an unknown number answered on its own', async () => {
    const delivered = await sim.createParcel({ status: 'delivered' });
    const moving = await sim.createParcel({ status: 'in_transit' });
    const results = await uspsCarrier.trackMany(context(), [
      { trackingNumber: delivered },
      { trackingNumber: '9400111201080805483016' },
      { trackingNumber: moving },
    ]);
    expect(
      results.map((result) => ('snapshot' in result ? result.snapshot.status : result.error.kind)),
    ).toEqual(['delivered', 'not-found', 'in_transit']);
    for (const trackingNumber of [delivered, moving]) {
      const view = (await sim.control('GET', `/parcels/usps/${trackingNumber}`)) as ParcelView;
      expect(view.calls.track).toBe(1);
    }
  });

  it('refuses unknown client credentials as authentication', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await expect(
      uspsCarrier.track(context({ clientId: 'usps-sim-client', clientSecret: 'nope' }), {
        trackingNumber,
      }),
    ).rejects.toMatchObject({ kind: 'authentication', requestSent: false });
    await expect(
      uspsCarrier.verifyCredentials(
        context({ clientId: 'someone', clientSecret: 'usps-sim-secret' }),
      ),
    ).rejects.toMatchObject({ kind: 'authentication', httpStatus: 401 });
    await uspsCarrier.verifyCredentials(context());
  });

  it('renews a token that expired in simulated time', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await uspsCarrier.track(context(), { trackingNumber });
    // Past the simulator's 28 799 s: it refuses the cached token, the adapter renews it once.
    await sim.advance(8 * 60 * 60 * 1000);
    const snapshot = await uspsCarrier.track(context(), { trackingNumber });
    expect(snapshot.trackingNumber).toBe(trackingNumber);
  });

  it('classifies the hourly quota as rate-limited with its Retry-After', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: 'track', fault: { type: 'rate_limit', retryAfter: 120 } });
    await expect(uspsCarrier.track(context(), { trackingNumber })).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 120_000,
      carrierCode: '429',
    });
  });
});
