/**
 * USPS through the gateway, end to end against the simulated USPS (OAuth with a JSON
 * body, Tracking v3r2): tracking in every status the adapter maps, a number USPS does
 * not know (its per-number error inside a 200), USPS's hourly quota 429, and a token that
 * expires in simulated time and is renewed once.
 */

import { type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierEntry, Problem, Tracking } from './api-types.ts';

const USPS_PACKAGE = '@parcelgate/carrier-usps';
const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    carriers: [USPS_PACKAGE],
    // USPS grants a new app about 60 calls an hour (5 in any 5 minutes as declared); this
    // suite tracks a parcel per status, so the account here has negotiated more.
    gatewayEnv: () => ({ CARRIER_USPS_REQUESTS_PER_SECOND: '100', CARRIER_USPS_BURST: '100' }),
  });
});

afterAll(async () => {
  await stack?.stop();
});

type UspsTracking = Tracking & { readonly subStatus?: string };

function uspsParcel(status: string, extra: Record<string, unknown> = {}): Promise<string> {
  return stack.sim.createParcel({ carrier: 'usps', status, ...extra });
}

describe('USPS tracking', () => {
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
  ])('a parcel %s %s reads as such', async (status, subStatus) => {
    const trackingNumber = await uspsParcel(status, subStatus === undefined ? {} : { subStatus });
    const answer = await stack.api.get<UspsTracking>(`/v1/tracking/usps/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.status).toBe(status);
    expect(answer.body.subStatus).toBe(subStatus);
  });

  it('a number USPS does not know (its error inside a 200) is not found', async () => {
    const answer = await stack.api.get<Problem>('/v1/tracking/usps/9400111201080805483016');
    expect(answer.status, answer.text).toBe(404);
  });

  it("USPS's hourly quota 429 is answered as the carrier asking us to slow down", async () => {
    const trackingNumber = await uspsParcel('in_transit');
    await stack.sim.addFault({
      carrier: 'usps',
      operation: 'track',
      trackingNumber,
      fault: { type: 'rate_limit', retryAfter: 1800 },
    });
    const answer = await stack.api.get<Problem>(`/v1/tracking/usps/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(503);
    expect(answer.text).toContain('carrier-rate-limited');
    const parcel = await stack.sim.parcel(trackingNumber, 'usps');
    expect(parcel.calls.track).toBe(1);
  });

  it('renews the OAuth token once it expired in simulated time', async () => {
    const first = await uspsParcel('in_transit');
    expect((await stack.api.get<Tracking>(`/v1/tracking/usps/${first}`)).status).toBe(200);
    // Past the token's 28 799 s the simulator refuses it; the adapter renews it once.
    await stack.sim.advanceClock(EIGHT_HOURS_MS);
    const second = await uspsParcel('in_transit');
    const answer = await stack.api.get<Tracking>(`/v1/tracking/usps/${second}`);
    expect(answer.status, answer.text).toBe(200);
  });

  it('lists USPS as a tracking carrier', async () => {
    const answer = await stack.api.get<{ data: CarrierEntry[] }>('/v1/carriers');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data.find((carrier) => carrier.id === 'usps')?.operations).toEqual([
      'track',
    ]);
  });
});
