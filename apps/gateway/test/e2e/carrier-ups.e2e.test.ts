/**
 * UPS through the gateway, end to end against the simulated UPS (OAuth, Track API,
 * Delivery Intercept, Track Alert): tracking in every status, a return to sender UPS
 * accepts now and completes later (Track Alert pushes), one UPS refuses, a redirect, a
 * token that expires in simulated time and is renewed once, and a push with a bad
 * credential refused with 401.
 */

import { newKey, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intercept, Problem, Redirect, Tracking } from './api-types.ts';

const UPS_PACKAGE = '@parcelgate/carrier-ups';
/** The adapter's sandbox default webhook credential; the simulator sends the target's secret. */
const UPS_WEBHOOK_CREDENTIAL = 'ups-sim-webhook-credential';
const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ carriers: [UPS_PACKAGE] });
});

afterAll(async () => {
  await stack?.stop();
});

function upsParcel(status: string, extra: Record<string, unknown> = {}): Promise<string> {
  return stack.sim.createParcel({ carrier: 'ups', status, ...extra });
}

function intercept(trackingNumber: string) {
  return stack.api.post<Intercept>(
    '/v1/intercepts',
    { carrier: 'ups', trackingNumber, reason: 'buyer_cancelled', pickupMode: 'platform_pickup' },
    { idempotencyKey: newKey() },
  );
}

/** A Track Alert push as UPS sends it (UPSTrackAlert.yaml, webhook example 2). */
function trackAlertPush(trackingNumber: string): string {
  return JSON.stringify({
    trackingNumber,
    localActivityDate: '20261126',
    localActivityTime: '095004',
    activityLocation: {
      city: 'CHARLOTTE',
      stateProvince: 'NC',
      postalCode: '28209',
      country: 'US',
    },
    activityStatus: {
      type: 'I',
      code: 'DP',
      description: 'Departed from Facility',
      descriptionCode: '005',
    },
    gmtActivityDate: '20261126',
    gmtActivityTime: '145004',
  });
}

describe('UPS tracking', () => {
  it.each([
    ['label_created', 'label_created'],
    ['picked_up', 'picked_up'],
    ['in_transit', 'in_transit'],
    ['at_destination_facility', 'at_destination_facility'],
    ['out_for_delivery', 'out_for_delivery'],
    ['delivery_attempted', 'delivery_attempted'],
    ['available_for_pickup', 'available_for_pickup'],
    ['delivered', 'delivered'],
    ['exception', 'exception'],
    ['return_in_transit', 'return_in_transit'],
    ['returned', 'returned'],
    ['cancelled', 'cancelled'],
  ])('a parcel %s reads as %s', async (status, expected) => {
    const trackingNumber = await upsParcel(status);
    const answer = await stack.api.get<Tracking>(`/v1/tracking/ups/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.status).toBe(expected);
  });

  it('detects a 1Z number with carrier=auto', async () => {
    const trackingNumber = await upsParcel('in_transit');
    const answer = await stack.api.get<Tracking>(`/v1/tracking/auto/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ carrier: 'ups', status: 'in_transit' });
  });

  it('a number UPS does not know (HTTP 200 with TW0001) is not found', async () => {
    const answer = await stack.api.get<Problem>('/v1/tracking/ups/1Z999AA10123456784');
    expect(answer.status, answer.text).toBe(404);
  });
});

describe('UPS intercepts and redirects', () => {
  it('accepts a return to sender, with UPS quoting the fee', async () => {
    const trackingNumber = await upsParcel('in_transit');
    const created = await intercept(trackingNumber);
    expect([201, 202], created.text).toContain(created.status);
    expect(created.body.status).toBe('accepted');
    expect(JSON.stringify(created.body)).toContain('21.00');
    const parcel = await stack.sim.parcel(trackingNumber, 'ups');
    expect(parcel.calls.intercept).toBe(1);
  });

  it('records UPS refusing the return (200 with success:false) as rejected, with its code', async () => {
    // A lost parcel: inside the window, eligible, but UPS cannot catch it and answers
    // HTTP 200 with success:false (the simulator's code 9108).
    const trackingNumber = await upsParcel('exception', { subStatus: 'lost' });
    const refused = await intercept(trackingNumber);
    // UPS answered: a carrier's refusal is stored, answered 201 rejected.
    expect(refused.status, refused.text).toBe(201);
    const id = refused.body.id;
    const stored = await stack.api.get<
      Intercept & { attempts: unknown[]; carrierReason: string | null; reasons: { code: string }[] }
    >(`/v1/intercepts/${id}`);
    expect(stored.body.status, stored.text).toBe('rejected');
    expect(stored.body.attempts.length).toBeGreaterThan(0);
    expect(stored.body.carrierReason).toBe('9108');
    expect(stored.body.reasons.map((reason) => reason.code)).toEqual(['carrier_refused']);
    const parcel = await stack.sim.parcel(trackingNumber, 'ups');
    expect(parcel.calls.intercept).toBe(1);
  });

  it('completes the intercept when Track Alert pushes the return', async () => {
    await stack.sim.pushTo('ups', stack.gatewayUrl, UPS_WEBHOOK_CREDENTIAL);
    const trackingNumber = await upsParcel('picked_up');
    const created = await intercept(trackingNumber);
    expect(created.body.status).toBe('accepted');
    await stack.sim.advanceClock(FOUR_HOURS_MS);
    await stack.sim.advanceClock(FOUR_HOURS_MS);
    const final = await pollUntil(
      () => stack.api.get<Intercept>(`/v1/intercepts/${created.body.id}`),
      (answer) => answer.body.status === 'returned',
    );
    expect(final.body.status, final.text).toBe('returned');
    const ours = await stack.sim.pushesFor(trackingNumber);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((push) => push.acknowledged)).toBe(true);
  });

  it('redirects a parcel to a US address', async () => {
    const trackingNumber = await upsParcel('in_transit');
    const created = await stack.api.post<Redirect>(
      '/v1/redirects',
      {
        carrier: 'ups',
        trackingNumber,
        orderRef: `ORD-${trackingNumber}`,
        reason: 'address_error',
        newAddress: {
          name: 'Jane Doe',
          phone: '+14045550111',
          line1: '12911 Fork Rd',
          city: 'Baldwin',
          region: 'MD',
          postalCode: '21013',
          country: 'US',
        },
      },
      { idempotencyKey: newKey() },
    );
    expect([201, 202], created.text).toContain(created.status);
    expect(created.body.status).toBe('accepted');
    const parcel = await stack.sim.parcel(trackingNumber, 'ups');
    expect(parcel.calls.redirect).toBe(1);
  });
});

describe('UPS credentials', () => {
  it('renews a token the simulator expired (simulated time) and answers', async () => {
    const first = await stack.api.get<Tracking>(
      `/v1/tracking/ups/${await upsParcel('in_transit')}`,
    );
    expect(first.status, first.text).toBe(200);
    // Past the token's 14399 s in simulated time: the gateway's clock still trusts it, UPS
    // answers 401 251004, the adapter renews once and sends again. A parcel not read yet,
    // so the gateway's tracking cache cannot answer for UPS.
    await stack.sim.advanceClock(FOUR_HOURS_MS + 60_000);
    const trackingNumber = await upsParcel('out_for_delivery');
    const again = await stack.api.get<Tracking>(`/v1/tracking/ups/${trackingNumber}`);
    expect(again.status, again.text).toBe(200);
    expect(again.body.status).toBe('out_for_delivery');
  });

  it('refuses a Track Alert push with a bad credential (401), nothing stored', async () => {
    const trackingNumber = await upsParcel('in_transit');
    const forged = await stack
      .client(undefined)
      .request<Problem>('POST', '/v1/carrier-callbacks/ups', {
        body: trackAlertPush(trackingNumber),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'UPSPubSubTrackingService',
          authorization: 'Bearer not-our-webhook-credential',
        },
      });
    expect(forged.status, forged.text).toBe(401);
  });

  it('accepts the same push with our credential, answering UPS a 200', async () => {
    const trackingNumber = await upsParcel('in_transit');
    const answer = await stack.client(undefined).request('POST', '/v1/carrier-callbacks/ups', {
      body: trackAlertPush(trackingNumber),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'UPSPubSubTrackingService',
        authorization: `Bearer ${UPS_WEBHOOK_CREDENTIAL}`,
      },
    });
    expect(answer.status, answer.text).toBe(200);
  });
});
