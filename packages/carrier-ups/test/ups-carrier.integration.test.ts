import { STAGE_INTERVAL_MS } from '@parcelgate/carrier-sim';
import { describe, expect, it } from 'vitest';
import { upsCarrier } from '../src/ups-carrier.ts';
import { SIM_CREDENTIALS, useUpsSimulator } from './support/simulator-client.ts';

/**
 * The adapter against the real simulator, over real sockets: both sides took the wire
 * format from UPS's OpenAPI files, and this is where they have to agree.
 */
const sim = useUpsSimulator();

const newAddress = {
  name: 'Jane Doe',
  phone: '+14045550111',
  line1: '12911 Fork Rd',
  city: 'Baldwin',
  region: 'MD',
  postalCode: '21013',
  country: 'US',
};

function intercept(trackingNumber: string) {
  return upsCarrier.intercept(sim.context(), {
    trackingNumber,
    reference: 'icp_integration_1',
    reason: 'buyer_cancelled',
  });
}

describe('ups adapter against carrier-sim', () => {
  it('tracks a parcel in transit with a verified 1Z number', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    expect(upsCarrier.detect(trackingNumber)).toBe('verified');
    const snapshot = await upsCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot).toMatchObject({ carrierId: 'ups', trackingNumber, status: 'in_transit' });
    expect(snapshot.events[0]?.raw.code).toBe('M');
    expect(snapshot.events.every((event) => /[+-]\d{2}:\d{2}$/.test(event.occurredAt))).toBe(true);
    expect(snapshot.estimatedDelivery).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['label_created', undefined, 'label_created'],
    ['picked_up', undefined, 'picked_up'],
    ['at_destination_facility', undefined, 'at_destination_facility'],
    ['out_for_delivery', undefined, 'out_for_delivery'],
    ['delivery_attempted', undefined, 'delivery_attempted'],
    ['available_for_pickup', undefined, 'available_for_pickup'],
    ['exception', 'damaged', 'exception'],
    ['exception', 'address_issue', 'exception'],
    ['cancelled', undefined, 'cancelled'],
    ['return_in_transit', undefined, 'return_in_transit'],
    ['returned', undefined, 'returned'],
  ])('tracks a parcel in %s %s', async (status, subStatus, expected) => {
    const trackingNumber = await sim.createParcel({
      status,
      ...(subStatus === undefined ? {} : { subStatus }),
    });
    const snapshot = await upsCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot.status).toBe(expected);
    if (subStatus !== undefined) {
      expect(snapshot.subStatus).toBe(subStatus);
    }
  });

  it('tracks a delivered parcel with its proof of delivery', async () => {
    const trackingNumber = await sim.createParcel({ status: 'delivered' });
    const snapshot = await upsCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.proofOfDelivery).toMatchObject({
      deliveredAt: snapshot.events.at(-1)?.occurredAt,
      signedBy: expect.any(String),
      location: { description: 'Front Door' },
    });
  });

  it('reports an unknown number (HTTP 200 with TW0001) as not-found', async () => {
    await expect(
      upsCarrier.track(sim.context(), { trackingNumber: '1Z999AA10123456784' }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: 'TW0001' });
  });

  it('intercepts a parcel: accepted with the quoted fee, then returned by tracking', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const accepted = await intercept(trackingNumber);
    expect(accepted).toMatchObject({
      outcome: 'accepted',
      carrierReference: 'qintegration01',
      fee: { amount: '21.00', currency: 'USD' },
    });
    await sim.advance(STAGE_INTERVAL_MS);
    expect((await upsCarrier.track(sim.context(), { trackingNumber })).status).toBe(
      'return_in_transit',
    );
    await sim.advance(STAGE_INTERVAL_MS);
    expect((await upsCarrier.track(sim.context(), { trackingNumber })).status).toBe('returned');
  });

  it('is refused without sending when eligibility says NOT_ELIGIBLE', async () => {
    const trackingNumber = await sim.createParcel({ status: 'out_for_delivery' });
    await expect(intercept(trackingNumber)).rejects.toMatchObject({
      kind: 'not-eligible',
      reason: 'out_for_delivery',
      requestSent: false,
    });
    const view = (await sim.control(`/parcels/ups/${trackingNumber}`, undefined, 'GET')) as {
      calls: { intercept: number };
    };
    expect(view.calls.intercept).toBe(0);
  });

  it('cancels a return to sender before the package turns back, and answers rejected after', async () => {
    const cancel = (trackingNumber: string) =>
      upsCarrier.cancelIntercept(sim.context(), { trackingNumber, reference: 'icp_integration_1' });
    const early = await sim.createParcel({ status: 'in_transit' });
    await expect(intercept(early)).resolves.toMatchObject({ outcome: 'accepted' });
    await expect(cancel(early)).resolves.toMatchObject({ outcome: 'cancelled' });
    // The journey resumes towards the receiver: no return leg.
    await sim.advance(STAGE_INTERVAL_MS);
    const resumed = await upsCarrier.track(sim.context(), { trackingNumber: early });
    expect(resumed.status).toBe('in_transit');

    const late = await sim.createParcel({ status: 'in_transit' });
    await expect(intercept(late)).resolves.toMatchObject({ outcome: 'accepted' });
    await sim.advance(STAGE_INTERVAL_MS);
    await expect(cancel(late)).resolves.toMatchObject({
      outcome: 'rejected',
      carrierReason: '9110',
    });
  });

  it('cancels an address change and quotes both changes', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await upsCarrier.redirect(sim.context(), {
      trackingNumber,
      reference: 'rdr_integration_c',
      newAddress,
    });
    await expect(
      upsCarrier.cancelRedirect(sim.context(), { trackingNumber, reference: 'rdr_integration_c' }),
    ).resolves.toMatchObject({ outcome: 'cancelled' });
    await expect(
      upsCarrier.quoteFee(sim.context(), { trackingNumber, action: 'intercept' }),
    ).resolves.toMatchObject({ amount: { amount: '21.00', currency: 'USD' } });
    await expect(
      upsCarrier.quoteFee(sim.context(), { trackingNumber, action: 'redirect', newAddress }),
    ).resolves.toMatchObject({ amount: { currency: 'USD' } });
  });

  it('redirects a parcel to a US address', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const result = await upsCarrier.redirect(sim.context(), {
      trackingNumber,
      reference: 'rdr_integration_1',
      newAddress,
    });
    expect(result).toMatchObject({
      outcome: 'accepted',
      fee: { amount: '21.00', currency: 'USD' },
    });
    const snapshot = await upsCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot.destination).toMatchObject({ city: 'Baldwin', region: 'MD', country: 'US' });
  });

  it('refuses a redirect to an address UPS cannot take, before sending', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await expect(
      upsCarrier.redirect(sim.context(), {
        trackingNumber,
        reference: 'rdr_integration_2',
        newAddress: { ...newAddress, country: 'CN', region: 'Shanghai', postalCode: '200120' },
      }),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
      field: 'newAddress.country',
      requestSent: false,
    });
  });

  it('renews a token the simulator expired, once, and succeeds', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await upsCarrier.track(sim.context(), { trackingNumber });
    // Past the token's 14399 s in simulated time; the adapter's clock still trusts it.
    await sim.advance(14_400_000);
    const snapshot = await upsCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot.trackingNumber).toBe(trackingNumber);
  });

  it('fails authentication with credentials the simulator does not know', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const failure = upsCarrier.track(
      sim.context({ ...SIM_CREDENTIALS, clientSecret: 'not-the-secret-9f3' }),
      { trackingNumber },
    );
    await expect(failure).rejects.toMatchObject({
      kind: 'authentication',
      carrierCode: '250002',
      requestSent: false,
    });
    await expect(failure).rejects.not.toHaveProperty(
      'message',
      expect.stringContaining('not-the-secret-9f3'),
    );
  });

  it('classifies a 429 and a malformed intercept answer', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'track',
      count: 1,
      fault: { type: 'rate_limit', retryAfter: 3 },
    });
    await expect(upsCarrier.track(sim.context(), { trackingNumber })).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 3000,
      carrierCode: '10429',
    });
    await sim.addFault({ operation: 'intercept', fault: { type: 'malformed' } });
    await expect(intercept(trackingNumber)).rejects.toMatchObject({ kind: 'outcome-unknown' });
  });
});
