/**
 * DHL through the gateway, end to end against the simulated DHL (Shipment Tracking -
 * Unified): tracking in every status the adapter maps, proof of delivery, the `service`
 * request option, a number DHL does not know, and DHL's quota 429.
 */

import { type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierEntry, Problem, Tracking } from './api-types.ts';

const DHL_PACKAGE = '@parcelgate/carrier-dhl';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    carriers: [DHL_PACKAGE],
    // DHL grants 1 call a second; this suite tracks a parcel per status, so the account
    // here has negotiated more (the override an operator sets).
    gatewayEnv: () => ({ CARRIER_DHL_REQUESTS_PER_SECOND: '100', CARRIER_DHL_BURST: '100' }),
  });
});

afterAll(async () => {
  await stack?.stop();
});

type DhlTracking = Tracking & {
  readonly subStatus?: string;
  readonly proofOfDelivery?: { readonly signedBy?: string; readonly photoUrl?: string };
};

function dhlParcel(status: string, extra: Record<string, unknown> = {}): Promise<string> {
  return stack.sim.createParcel({ carrier: 'dhl', status, ...extra });
}

describe('DHL tracking', () => {
  it.each([
    ['label_created', undefined],
    ['picked_up', undefined],
    ['in_transit', undefined],
    ['at_destination_facility', undefined],
    ['out_for_delivery', undefined],
    ['delivery_attempted', undefined],
    ['available_for_pickup', undefined],
    ['delivered', undefined],
    ['exception', 'held'],
    ['exception', 'damaged'],
    ['exception', 'lost'],
    ['exception', 'address_issue'],
    ['exception', 'refused'],
    ['exception', 'other'],
    ['return_in_transit', undefined],
    ['returned', undefined],
    ['cancelled', undefined],
  ])('a parcel %s %s reads as such', async (status, subStatus) => {
    const trackingNumber = await dhlParcel(status, subStatus === undefined ? {} : { subStatus });
    const answer = await stack.api.get<DhlTracking>(`/v1/tracking/dhl/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.status).toBe(status);
    expect(answer.body.subStatus).toBe(subStatus);
  });

  it('a delivered parcel carries its proof of delivery', async () => {
    const trackingNumber = await dhlParcel('delivered');
    const answer = await stack.api.get<DhlTracking>(`/v1/tracking/dhl/${trackingNumber}`);
    expect(answer.body.proofOfDelivery).toMatchObject({
      signedBy: expect.any(String),
      photoUrl: expect.stringMatching(/^https:\/\//),
    });
  });

  it('passes the service option to DHL, which finds an Express number only as express', async () => {
    const trackingNumber = await dhlParcel('in_transit');
    const express = await stack.api.get<Tracking>(
      `/v1/tracking/dhl/${trackingNumber}?carrierOptions[service]=express`,
    );
    expect(express.status, express.text).toBe(200);
    const other = await stack.api.get<Problem>(
      `/v1/tracking/dhl/${trackingNumber}?carrierOptions[service]=parcel-de`,
    );
    expect(other.status, other.text).toBe(404);
    const wrong = await stack.api.get<Problem>(
      `/v1/tracking/dhl/${trackingNumber}?carrierOptions[service]=rocket`,
    );
    expect(wrong.status, wrong.text).toBe(400);
  });

  it('a number DHL does not know (404 No result found) is not found', async () => {
    const answer = await stack.api.get<Problem>('/v1/tracking/dhl/3318810025');
    expect(answer.status, answer.text).toBe(404);
  });

  it("DHL's quota 429 is answered as the carrier asking us to slow down", async () => {
    const trackingNumber = await dhlParcel('in_transit');
    await stack.sim.addFault({
      carrier: 'dhl',
      operation: 'track',
      trackingNumber,
      fault: { type: 'rate_limit', retryAfter: 3600 },
    });
    const answer = await stack.api.get<Problem>(`/v1/tracking/dhl/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(503);
    expect(answer.text).toContain('carrier-rate-limited');
    const parcel = await stack.sim.parcel(trackingNumber, 'dhl');
    expect(parcel.calls.track).toBe(1);
  });

  it('lists DHL as a tracking carrier', async () => {
    const answer = await stack.api.get<{ data: CarrierEntry[] }>('/v1/carriers');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data.find((carrier) => carrier.id === 'dhl')?.operations).toEqual(['track']);
  });
});
