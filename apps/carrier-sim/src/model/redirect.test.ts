import { describe, expect, it } from 'vitest';
import { AUTH, useSimulator } from '../test-support/sim-harness.ts';
import type { ErrorBody } from '../test-support/wire-types.ts';
import { STAGE_INTERVAL_MS } from './journey.ts';

const sim = useSimulator({ seed: 'redirects' });

const ADDRESS = {
  name: 'Li Lei',
  phone: '+8613800000000',
  line1: '1 Renmin Rd',
  line2: null,
  city: 'Lhasa',
  region: 'XZ',
  postalCode: '850000',
  country: 'CN',
};

function redirect(
  trackingNumber: string,
  body: unknown = { reference: 'rdr_1', address: ADDRESS },
) {
  return sim.request<ErrorBody & { redirectId: string; destination: unknown }>(
    'POST',
    `/sandbox/v1/parcels/${trackingNumber}/redirects`,
    body,
    AUTH,
  );
}

describe('redirects', () => {
  it('changes the destination, records RD, and the parcel travels on to the new city', async () => {
    const trackingNumber = await sim.createParcel({ status: 'at_destination_facility' });
    const answer = await redirect(trackingNumber);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      redirectId: expect.stringMatching(/^SRD-/),
      state: 'ACCEPTED',
      reference: 'rdr_1',
      destination: {
        line1: '1 Renmin Rd',
        line2: null,
        city: 'Lhasa',
        region: 'XZ',
        postalCode: '850000',
        country: 'CN',
      },
    });
    const tracked = (await sim.track(trackingNumber)).body;
    expect(tracked.statusCode).toBe('RD');
    expect(tracked.destination).toEqual({
      city: 'Lhasa',
      region: 'XZ',
      country: 'CN',
      postalCode: '850000',
    });
    await sim.advance(2 * STAGE_INTERVAL_MS);
    const moved = (await sim.track(trackingNumber)).body;
    expect(moved.events.slice(0, 3).map((event) => event.code)).toEqual(['LM', 'DP', 'RD']);
    expect(moved.events[0]?.location.city).toBe('Lhasa');
    await sim.advance(2 * STAGE_INTERVAL_MS);
    expect((await sim.track(trackingNumber)).body.statusCode).toBe('DL');
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.redirects).toHaveLength(1);
    expect(parcel.calls.redirect).toBe(1);
  });

  it('fixes an address exception', async () => {
    const trackingNumber = await sim.createParcel({
      status: 'exception',
      subStatus: 'address_issue',
    });
    expect((await redirect(trackingNumber)).status).toBe(201);
    await sim.advance(4 * STAGE_INTERVAL_MS);
    expect((await sim.parcel(trackingNumber)).status).toBe('delivered');
  });

  it('is refused once out for delivery, and outside the window, with the documented codes', async () => {
    const cases: [string, string][] = [
      ['out_for_delivery', 'OUT_FOR_DELIVERY'],
      ['delivery_attempted', 'OUT_FOR_DELIVERY'],
      ['delivered', 'ALREADY_DELIVERED'],
      ['return_in_transit', 'ALREADY_RETURNING'],
      ['returned', 'ALREADY_RETURNING'],
      ['cancelled', 'CANCELLED'],
      ['label_created', 'NOT_PICKED_UP'],
    ];
    for (const [status, code] of cases) {
      const trackingNumber = await sim.createParcel({ status });
      const answer = await redirect(trackingNumber);
      expect(answer.status, status).toBe(422);
      expect(answer.body.error.code).toBe(code);
      expect((await sim.parcel(trackingNumber)).redirects).toEqual([]);
    }
  });

  it('is refused for an intercepted parcel', async () => {
    const trackingNumber = await sim.createParcel({ status: 'picked_up' });
    expect((await sim.intercept(trackingNumber)).status).toBe(201);
    expect((await redirect(trackingNumber)).body.error.code).toBe('ALREADY_RETURNING');
  });

  it('answers 400 naming the field of a malformed body, and 404 for an unknown parcel', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const cases: [unknown, string][] = [
      [{ address: ADDRESS }, 'reference'],
      [{ reference: 'r' }, 'address'],
      [{ reference: 'r', address: { ...ADDRESS, city: '' } }, 'address.city'],
      [{ reference: 'r', address: { ...ADDRESS, line1: undefined } }, 'address.line1'],
      [{ reference: 'r', address: { ...ADDRESS, phone: 138 } }, 'address.phone'],
    ];
    for (const [body, field] of cases) {
      const answer = await redirect(trackingNumber, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'INVALID_REQUEST', field });
    }
    expect((await redirect('SBX999999990')).body.error.code).toBe('PARCEL_NOT_FOUND');
  });
});
