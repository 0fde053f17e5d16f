/**
 * The tracking-only carriers (FedEx, DHL, USPS) beside UPS, SF Express and Kuaidi100,
 * through the real gateway and the simulator: an intercept or a redirect to a carrier that
 * offers none by API is a 422 naming the carrier's reason and page, with no carrier call
 * and the Idempotency-Key left free; FedEx's own delivery options reach the eligibility
 * answer; a bulk read of 100 mixed parcels makes the fewest carrier calls the simulator can
 * count; and `carrier=auto` finds each carrier's numbers.
 */

import { newKey, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierEntry, Eligibility, Problem, Tracking } from './api-types.ts';
import { companyOf } from './kuaidi100-company.ts';

const CARRIERS = ['fedex', 'dhl', 'usps', 'ups', 'sf', 'kuaidi100'] as const;
const PROBLEM = 'https://parcelgate.dev/problems/';

/** Every account's limits far above what one batch sends: this suite counts calls, not limits. */
function unlimitedAccounts(): Record<string, string> {
  return Object.fromEntries(
    CARRIERS.flatMap((carrier) => [
      [`CARRIER_${carrier.toUpperCase()}_REQUESTS_PER_SECOND`, '10000'],
      [`CARRIER_${carrier.toUpperCase()}_BURST`, '10000'],
    ]),
  );
}

let stack: Stack;
let carriers: CarrierEntry[];

beforeAll(async () => {
  stack = await startStack({
    carriers: CARRIERS.map((carrier) => `@parcelgate/carrier-${carrier}`),
    gatewayEnv: unlimitedAccounts,
  });
  const listed = await stack.api.get<{ data: CarrierEntry[] }>('/v1/carriers');
  expect(listed.status, listed.text).toBe(200);
  carriers = listed.body.data;
});

afterAll(async () => {
  await stack?.stop();
});

function parcel(carrier: string, status = 'in_transit'): Promise<string> {
  return stack.sim.createParcel({ carrier, status });
}

function availabilityOf(carrier: string, operation: 'intercept' | 'redirect') {
  const availability = carriers.find((entry) => entry.id === carrier)?.availability[operation];
  if (availability === undefined || availability.byApi) {
    throw new Error(`${carrier} was expected to offer no ${operation} by API`);
  }
  return availability;
}

const ADDRESS = {
  name: 'Li Lei',
  phone: '+8613800000000',
  line1: '1 Renmin Rd',
  city: 'Suzhou',
  country: 'CN',
};

const bodies = {
  intercept: (carrier: string, trackingNumber: string, reason = 'buyer_cancelled') => ({
    carrier,
    trackingNumber,
    reason,
    pickupMode: 'platform_pickup',
  }),
  redirect: (carrier: string, trackingNumber: string, reason = 'address_error') => ({
    carrier,
    trackingNumber,
    orderRef: 'ORD-OFF-API',
    reason,
    newAddress: ADDRESS,
  }),
};

describe('an operation a carrier offers by no API', () => {
  it.each(
    (['fedex', 'dhl', 'usps'] as const).flatMap((carrier) =>
      (['intercept', 'redirect'] as const).map((operation) => [carrier, operation] as const),
    ),
  )(
    '%s %s: 422 with its reason and page, no carrier call, the key left free',
    async (carrier, operation) => {
      const trackingNumber = await parcel(carrier);
      const expected = availabilityOf(carrier, operation);
      const key = newKey();
      const answer = await stack.api.post<Problem>(
        `/v1/${operation}s`,
        bodies[operation](carrier, trackingNumber),
        { idempotencyKey: key },
      );
      expect(answer.status, answer.text).toBe(422);
      expect(answer.body).toMatchObject({
        type: `${PROBLEM}operation-not-supported`,
        carrier,
        capability: operation,
        availability: expected,
      });
      expect(answer.body.detail).toContain(expected.reason);
      if (expected.url !== undefined) {
        expect(answer.body.detail).toContain(expected.url);
      }
      // The key was not consumed: the same key with another body is not a reused key.
      const again = await stack.api.post<Problem>(
        `/v1/${operation}s`,
        bodies[operation](carrier, trackingNumber, 'other'),
        { idempotencyKey: key },
      );
      expect(again.status, again.text).toBe(422);
      expect(again.body.type).toBe(`${PROBLEM}operation-not-supported`);
      // The simulator saw nothing of this parcel: no intercept, no redirect, not even a read.
      const seen = await stack.sim.parcel(trackingNumber, carrier);
      expect(seen.calls).toMatchObject({ track: 0, intercept: 0, redirect: 0 });
    },
  );

  it("says in FedEx's eligibility answer what FedEx reported for this parcel, and where", async () => {
    const trackingNumber = await parcel('fedex');
    const answer = await stack.api.post<Eligibility>(
      '/v1/intercepts/eligibility',
      bodies.intercept('fedex', trackingNumber),
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.eligible).toBe(false);
    const { availability } = answer.body;
    expect(availability.byApi).toBe(false);
    expect(availability.byApi === false && availability.reason).toMatch(
      /^FedEx reports RETURN_TO_SHIPPER as eligible for this parcel, but offers it only on its website \(https:\/\/www\.fedex\.com\/[^)]*\)\. /,
    );
    const tracking = await stack.api.get<Tracking>(`/v1/tracking/fedex/${trackingNumber}`);
    expect(tracking.body.deliveryOptions).toContainEqual({
      option: 'RETURN_TO_SHIPPER',
      operation: 'intercept',
      eligibility: 'eligible',
      where: 'carrier_website',
      url: expect.stringMatching(/^https:\/\/www\.fedex\.com\//),
    });
    const seen = await stack.sim.parcel(trackingNumber, 'fedex');
    expect(seen.calls).toMatchObject({ intercept: 0, redirect: 0 });
  });

  it('says a delivered FedEx parcel can no longer be returned', async () => {
    const trackingNumber = await parcel('fedex', 'delivered');
    const answer = await stack.api.post<Eligibility>(
      '/v1/intercepts/eligibility',
      bodies.intercept('fedex', trackingNumber),
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.availability.byApi === false && answer.body.availability.reason).toContain(
      'FedEx reports RETURN_TO_SHIPPER as not eligible for this parcel',
    );
  });
});

interface BatchAnswer {
  readonly data: {
    readonly index: number;
    readonly carrier: string;
    readonly trackingNumber: string;
    readonly tracking?: { readonly carrier: string; readonly status: string };
    readonly problem?: Problem;
  }[];
}

describe('POST /v1/tracking/batch with 100 mixed parcels', () => {
  it('makes the fewest carrier calls the simulator can count, and answers every item', async () => {
    const mix = [
      ...Array.from({ length: 40 }, () => 'fedex'),
      ...Array.from({ length: 40 }, () => 'usps'),
      ...Array.from({ length: 10 }, () => 'ups'),
      ...Array.from({ length: 10 }, () => 'dhl'),
    ];
    const items = await Promise.all(
      mix.map(async (carrier) => ({ carrier, trackingNumber: await parcel(carrier) })),
    );
    // Interleaved, so request order is not carrier order.
    items.sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));
    await stack.sim.clearAccountCalls();

    const answer = await stack.api.post<BatchAnswer>('/v1/tracking/batch', { items });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data).toHaveLength(100);
    for (const [index, item] of answer.body.data.entries()) {
      expect(item.index).toBe(index);
      expect(item.trackingNumber).toBe(items[index]?.trackingNumber);
      expect(item.problem, JSON.stringify(item.problem)).toBeUndefined();
      expect(item.tracking).toMatchObject({ carrier: items[index]?.carrier, status: 'in_transit' });
    }

    // The simulator logs the calls that name parcels (track, batch track); token calls are
    // not in it. FedEx: ceil(40/30) calls, USPS: ceil(40/35), one per parcel elsewhere.
    const calls = new Map<string, number>();
    for (const account of await stack.sim.accountCalls()) {
      calls.set(account.carrier, (calls.get(account.carrier) ?? 0) + account.calls);
    }
    expect(Object.fromEntries(calls)).toEqual({ fedex: 2, usps: 2, ups: 10, dhl: 10 });
  });
});

interface Detected {
  readonly trackingNumber: string;
  readonly candidates: { readonly carrier: string; readonly confidence: string }[];
}

/** A Kuaidi100 parcel of ZTO (`zhongtong`): the simulator issues its companies in turn. */
async function ztoParcel(): Promise<string> {
  for (let tries = 0; tries < 8; tries++) {
    const trackingNumber = await parcel('kuaidi100');
    if (companyOf(trackingNumber) === 'zhongtong') {
      return trackingNumber;
    }
  }
  throw new Error('the simulator issued no ZTO number');
}

describe('carrier=auto across carriers', () => {
  it.each(['fedex', 'dhl', 'usps', 'ups', 'sf', 'kuaidi100'])(
    'finds a %s number at its carrier, and lists it among the candidates',
    async (carrier) => {
      const trackingNumber = carrier === 'kuaidi100' ? await ztoParcel() : await parcel(carrier);
      const detected = await stack.api.get<Detected>(
        `/v1/carriers/detect?trackingNumber=${trackingNumber}`,
      );
      expect(detected.status, detected.text).toBe(200);
      expect(detected.body.candidates.map((candidate) => candidate.carrier)).toContain(carrier);

      const answer = await stack.api.get<Tracking>(`/v1/tracking/auto/${trackingNumber}`);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body).toMatchObject({ carrier, trackingNumber, status: 'in_transit' });
      expect(answer.body.detection?.confidence).toEqual(expect.any(String));
      if (carrier === 'kuaidi100') {
        expect(answer.body.detection?.carrierOptions).toEqual({ com: 'zhongtong' });
      }
    },
  );
});
