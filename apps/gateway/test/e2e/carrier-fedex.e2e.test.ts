/**
 * FedEx through the gateway, end to end against the simulated FedEx (OAuth, Track API):
 * tracking in every status the adapter maps, every exception sub-status, proof of
 * delivery, an unknown number (an error inside FedEx's 200) answered 404, and a token
 * that expires in simulated time and is renewed once.
 */

import { type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, Tracking } from './api-types.ts';

const FEDEX_PACKAGE = '@parcelgate/carrier-fedex';
const ONE_HOUR_MS = 60 * 60 * 1000;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ carriers: [FEDEX_PACKAGE] });
});

afterAll(async () => {
  await stack?.stop();
});

function fedexParcel(status: string, extra: Record<string, unknown> = {}): Promise<string> {
  return stack.sim.createParcel({ carrier: 'fedex', status, ...extra });
}

type TrackingWithProof = Tracking & {
  readonly subStatus?: string;
  readonly proofOfDelivery?: { readonly signedBy?: string; readonly deliveredAt?: string };
};

describe('FedEx tracking', () => {
  it.each([
    'label_created',
    'picked_up',
    'in_transit',
    'at_destination_facility',
    'out_for_delivery',
    'delivery_attempted',
    'available_for_pickup',
    'delivered',
    'exception',
    'return_in_transit',
    'returned',
    'cancelled',
  ])('a parcel %s reads as such', async (status) => {
    const trackingNumber = await fedexParcel(status);
    const answer = await stack.api.get<Tracking>(`/v1/tracking/fedex/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.status).toBe(status);
  });

  it.each(['held', 'damaged', 'lost', 'address_issue', 'refused', 'other'])(
    'an exception %s keeps its sub-status',
    async (subStatus) => {
      const trackingNumber = await fedexParcel('exception', { subStatus });
      const answer = await stack.api.get<TrackingWithProof>(`/v1/tracking/fedex/${trackingNumber}`);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body).toMatchObject({ status: 'exception', subStatus });
    },
  );

  it('shows who signed for a delivered parcel', async () => {
    const trackingNumber = await fedexParcel('delivered');
    const answer = await stack.api.get<TrackingWithProof>(`/v1/tracking/fedex/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.proofOfDelivery?.signedBy).toEqual(expect.any(String));
    expect(answer.body.proofOfDelivery?.deliveredAt).toEqual(expect.any(String));
  });

  it('a number FedEx does not know (an error inside its 200) is not found', async () => {
    const answer = await stack.api.get<Problem>('/v1/tracking/fedex/986578788855');
    expect(answer.status, answer.text).toBe(404);
  });

  it('renews its token after an hour of simulated time', async () => {
    const trackingNumber = await fedexParcel('in_transit');
    const first = await stack.api.get<Tracking>(`/v1/tracking/fedex/${trackingNumber}`);
    expect(first.status, first.text).toBe(200);
    await stack.sim.advanceClock(ONE_HOUR_MS);
    const later = await fedexParcel('out_for_delivery');
    const second = await stack.api.get<Tracking>(`/v1/tracking/fedex/${later}`);
    expect(second.status, second.text).toBe(200);
    expect(second.body.status).toBe('out_for_delivery');
  });

  it('a FedEx parcel cannot be intercepted by API', async () => {
    const trackingNumber = await fedexParcel('in_transit');
    const answer = await stack.api.get<Tracking>(`/v1/tracking/fedex/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.interception.possible).toBe(false);
  });
});
