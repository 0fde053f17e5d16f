import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { sampleRequests } from '@parcelgate/carrier-testkit';
import { describe, expect, it } from 'vitest';
import { sfCarrier } from '../src/sf-carrier.ts';
import { SF_SIM_CREDENTIALS, useSfSimulator } from './support/sf-simulator.ts';

const sim = useSfSimulator();
const FOUR_HOURS = 4 * 60 * 60 * 1000;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe('sf adapter against carrier-sim', () => {
  it.each([
    ['picked_up', 'picked_up', '50'],
    ['in_transit', 'in_transit', '31'],
    ['at_destination_facility', 'at_destination_facility', '130'],
    ['out_for_delivery', 'out_for_delivery', '44'],
    ['delivery_attempted', 'delivery_attempted', '70'],
    ['available_for_pickup', 'available_for_pickup', '607'],
    ['delivered', 'delivered', '80'],
    ['exception', 'exception', '33'],
    ['return_in_transit', 'return_in_transit', '631'],
    ['returned', 'returned', '80'],
  ])('tracks a parcel %s as %s (latest opCode %s)', async (status, expected, opCode) => {
    const trackingNumber = await sim.createParcel({ status });
    const snapshot = await sfCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot.status).toBe(expected);
    expect(snapshot.events.at(-1)?.raw.code).toBe(opCode);
    expect(snapshot.events.at(-1)?.occurredAt).toMatch(/\+08:00$/);
  });

  it('answers not-found for a waybill SF shows no routes for (label only)', async () => {
    const trackingNumber = await sim.createParcel({ status: 'label_created' });
    const error = await rejection(sfCarrier.track(sim.context(), { trackingNumber }));
    expect(isCarrierErrorOfKind(error, 'not-found')).toBe(true);
  });

  it('shows a third-party parcel only with the last four digits of the phone', async () => {
    const trackingNumber = await sim.createParcel({
      status: 'in_transit',
      category: 'sf_phone_check',
    });
    const without = await rejection(sfCarrier.track(sim.context(), { trackingNumber }));
    expect(isCarrierErrorOfKind(without, 'not-found')).toBe(true);
    const wrong = await rejection(
      sfCarrier.track(sim.context(), { trackingNumber, phoneLastDigits: '0000' }),
    );
    expect(isCarrierErrorOfKind(wrong, 'not-found')).toBe(true);
    const snapshot = await sfCarrier.track(sim.context(), {
      trackingNumber,
      phoneLastDigits: trackingNumber.slice(-4),
    });
    expect(snapshot.status).toBe('in_transit');
  });

  it('a wrong checkword is an authentication failure (A1006)', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const error = await rejection(
      sfCarrier.track(sim.context({ ...SF_SIM_CREDENTIALS, checkword: 'wrong-checkword' }), {
        trackingNumber,
      }),
    );
    expect(isCarrierErrorOfKind(error, 'authentication')).toBe(true);
    expect((error as { carrierCode?: string }).carrierCode).toBe('A1006');
  });

  it('an unknown partner is an authentication failure (A1004)', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const error = await rejection(
      sfCarrier.track(sim.context({ ...SF_SIM_CREDENTIALS, partnerId: 'SOMEONE_ELSE' }), {
        trackingNumber,
      }),
    );
    expect((error as { carrierCode?: string }).carrierCode).toBe('A1004');
  });

  it('returns a parcel: accepted now, returned later on the clock', async () => {
    const trackingNumber = await sim.createParcel({ status: 'picked_up' });
    const result = await sfCarrier.intercept?.(
      sim.context(),
      sampleRequests.intercept(trackingNumber),
    );
    expect(result).toMatchObject({
      outcome: 'accepted',
      carrierReference: expect.stringMatching(/^SFI/),
    });
    await sim.advance(2 * FOUR_HOURS);
    const snapshot = await sfCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot.status).toBe('returned');
  });

  it('withdraws a return instruction by its cusId until the parcel turns back', async () => {
    const early = await sim.createParcel({ status: 'picked_up' });
    const placed = await sfCarrier.intercept(sim.context(), sampleRequests.intercept(early));
    const cancel = (trackingNumber: string, carrierReference: string | undefined) =>
      sfCarrier.cancelIntercept(sim.context(), {
        trackingNumber,
        reference: 'icp_sf_cancel',
        ...(carrierReference === undefined ? {} : { carrierReference }),
      });
    await expect(cancel(early, placed.carrierReference)).resolves.toMatchObject({
      outcome: 'cancelled',
      carrierReference: placed.carrierReference,
    });
    // The journey resumes to the recipient instead of turning back.
    await sim.advance(FOUR_HOURS);
    expect((await sfCarrier.track(sim.context(), { trackingNumber: early })).status).toBe(
      'in_transit',
    );

    const late = await sim.createParcel({ status: 'picked_up' });
    const lateIntercept = await sfCarrier.intercept(sim.context(), sampleRequests.intercept(late));
    await sim.advance(FOUR_HOURS);
    await expect(cancel(late, lateIntercept.carrierReference)).resolves.toMatchObject({
      outcome: 'rejected',
      carrierReason: '8024',
    });
  });

  it('refuses a second intercept as a duplicate (8016), not eligible', async () => {
    const trackingNumber = await sim.createParcel({ status: 'picked_up' });
    await sfCarrier.intercept?.(sim.context(), sampleRequests.intercept(trackingNumber));
    const error = await rejection(
      Promise.resolve(
        sfCarrier.intercept?.(sim.context(), sampleRequests.intercept(trackingNumber)),
      ),
    );
    expect(isCarrierErrorOfKind(error, 'not-eligible')).toBe(true);
    expect(error).toMatchObject({ carrierCode: '8016', reason: 'already_intercepted' });
  });

  it('refuses to intercept a delivered parcel, with the reason read from SF', async () => {
    const trackingNumber = await sim.createParcel({ status: 'delivered' });
    const error = await rejection(
      Promise.resolve(
        sfCarrier.intercept?.(sim.context(), sampleRequests.intercept(trackingNumber)),
      ),
    );
    expect(error).toMatchObject({ kind: 'not-eligible', reason: 'delivered' });
  });

  it('redirects a parcel with a quoted fee, delivered at the new address later', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const result = await sfCarrier.redirect?.(
      sim.context(),
      sampleRequests.redirect(trackingNumber),
    );
    expect(result).toMatchObject({
      outcome: 'accepted',
      fee: { amount: '12.00', currency: 'CNY' },
    });
    const view = (await sim.control('GET', `/parcels/sf/${trackingNumber}`)) as {
      destination: { city: string };
    };
    expect(view.destination.city).toBe('上海市');
  });
});
