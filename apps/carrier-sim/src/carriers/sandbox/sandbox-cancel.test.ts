import { describe, expect, it } from 'vitest';
import { STAGE_INTERVAL_MS } from '../../model/journey.ts';
import { AUTH, useSimulator } from '../../test-support/sim-harness.ts';
import type { ErrorBody } from '../../test-support/wire-types.ts';

const sim = useSimulator({ seed: 'cancels' });

const ADDRESS = { line1: '1 Renmin Rd', city: 'Lhasa', region: 'XZ', country: 'CN' };

type Cancelled = {
  readonly state: string;
  readonly interceptId?: string;
  readonly redirectId?: string;
};

function cancel(trackingNumber: string, kind: 'intercepts' | 'redirects', body: unknown) {
  return sim.request<Cancelled & ErrorBody>(
    'POST',
    `/sandbox/v1/parcels/${trackingNumber}/${kind}/cancel`,
    body,
    AUTH,
  );
}

function quote(trackingNumber: string, body: unknown) {
  return sim.request<{ total: string; currency: string; lines: unknown[] } & ErrorBody>(
    'POST',
    `/sandbox/v1/parcels/${trackingNumber}/fees`,
    body,
    AUTH,
  );
}

async function acceptedIntercept(reference: string): Promise<[string, string]> {
  const trackingNumber = await sim.createParcel({ status: 'picked_up' });
  const placed = await sim.intercept(trackingNumber, reference);
  expect(placed.status).toBe(201);
  return [trackingNumber, placed.body.interceptId ?? ''];
}

describe('sandbox cancels', () => {
  it('withdraws an accepted intercept: IC, then the journey goes on to the recipient', async () => {
    const [trackingNumber, interceptId] = await acceptedIntercept('icp_c1');
    const answer = await cancel(trackingNumber, 'intercepts', { reference: 'icp_c1', interceptId });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ interceptId, reference: 'icp_c1', state: 'CANCELLED' });
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.events[0]?.code).toBe('IC');
    expect(parcel.intercept?.state).toBe('CANCELLED');
    expect(parcel.calls).toMatchObject({ intercept: 1, cancelIntercept: 1 });
    await sim.advance(STAGE_INTERVAL_MS);
    expect((await sim.parcel(trackingNumber)).events[0]?.code).toBe('DP');
    const status = await sim.request<{ state: string }>(
      'GET',
      `/sandbox/v1/intercepts/${interceptId}`,
      undefined,
      AUTH,
    );
    expect(status.body.state).toBe('CANCELLED');
  });

  it('answers a repeated cancel the same, and lets the parcel be intercepted again', async () => {
    const [trackingNumber] = await acceptedIntercept('icp_c2');
    // By reference alone, twice.
    expect((await cancel(trackingNumber, 'intercepts', { reference: 'icp_c2' })).status).toBe(200);
    const again = await cancel(trackingNumber, 'intercepts', { reference: 'icp_c2' });
    expect(again.status).toBe(200);
    expect(again.body.state).toBe('CANCELLED');
    expect((await sim.intercept(trackingNumber, 'icp_c2b')).status).toBe(201);
  });

  it('refuses once the parcel is returning, and when there is nothing to cancel', async () => {
    const [trackingNumber] = await acceptedIntercept('icp_c3');
    await sim.advance(STAGE_INTERVAL_MS);
    const late = await cancel(trackingNumber, 'intercepts', { reference: 'icp_c3' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ALREADY_RETURNING');
    const other = await cancel(trackingNumber, 'intercepts', { reference: 'icp_other' });
    expect(other.body.error.code).toBe('NOTHING_TO_CANCEL');
    const delivered = await sim.createParcel({ status: 'delivered' });
    expect((await cancel(delivered, 'intercepts', { reference: 'x' })).status).toBe(409);
  });

  it('withdraws a redirect: the parcel goes back to its earlier destination', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const before = (await sim.parcel(trackingNumber)).destination.city;
    const placed = await sim.request(
      'POST',
      `/sandbox/v1/parcels/${trackingNumber}/redirects`,
      { reference: 'rdr_c1', address: ADDRESS },
      AUTH,
    );
    expect(placed.status).toBe(201);
    const answer = await cancel(trackingNumber, 'redirects', { reference: 'rdr_c1' });
    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe('CANCELLED');
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.destination.city).toBe(before);
    expect(parcel.events[0]?.code).toBe('RC');
    expect(parcel.redirects[0]?.state).toBe('CANCELLED');
  });

  it('refuses a redirect cancel once the parcel is out for delivery', async () => {
    const trackingNumber = await sim.createParcel({ status: 'at_destination_facility' });
    await sim.request(
      'POST',
      `/sandbox/v1/parcels/${trackingNumber}/redirects`,
      { reference: 'rdr_c2', address: ADDRESS },
      AUTH,
    );
    // RD -> DP -> LM -> OD
    await sim.advance(3 * STAGE_INTERVAL_MS);
    const late = await cancel(trackingNumber, 'redirects', { reference: 'rdr_c2' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('OUT_FOR_DELIVERY');
  });

  it('checks the body', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const answer = await cancel(trackingNumber, 'intercepts', { interceptId: 'SIC-1' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('reference');
    expect((await cancel('SBX999999999', 'intercepts', { reference: 'x' })).status).toBe(404);
  });

  it('injects faults into cancels by their own operation', async () => {
    const [trackingNumber] = await acceptedIntercept('icp_c4');
    await sim.addFault({
      carrier: 'sandbox',
      operation: 'cancelIntercept',
      trackingNumber,
      count: 1,
      fault: { type: 'status', code: 503 },
    });
    expect((await cancel(trackingNumber, 'intercepts', { reference: 'icp_c4' })).status).toBe(503);
    expect((await cancel(trackingNumber, 'intercepts', { reference: 'icp_c4' })).status).toBe(200);
    expect((await sim.parcel(trackingNumber)).calls.cancelIntercept).toBe(2);
  });
});

describe('sandbox fee quotes', () => {
  it('quotes the fixed price list, changing nothing', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const eventsBefore = (await sim.parcel(trackingNumber)).events.length;
    const intercept = await quote(trackingNumber, { action: 'INTERCEPT' });
    expect(intercept.status).toBe(200);
    expect(intercept.body).toMatchObject({ total: '8.00', currency: 'CNY' });
    const redirect = await quote(trackingNumber, { action: 'REDIRECT', address: ADDRESS });
    expect(redirect.body).toMatchObject({ total: '12.00', currency: 'CNY' });
    expect(redirect.body.lines).toHaveLength(2);
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.events).toHaveLength(eventsBefore);
    expect(parcel.intercept).toBeNull();
    expect(parcel.calls.quoteFee).toBe(2);
  });

  it('refuses outside the window with the action refusal code, and a bad action', async () => {
    const delivered = await sim.createParcel({ status: 'delivered' });
    const refused = await quote(delivered, { action: 'INTERCEPT' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('ALREADY_DELIVERED');
    const bad = await quote(delivered, { action: 'RETURN' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('action');
  });
});
