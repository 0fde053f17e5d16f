/**
 * Cancelling intercepts and redirects through the gateway, against the simulated sandbox
 * (which cancels both) and Kuaidi100 (which has no cancel): the carrier is asked, the
 * action ends `cancelled` with the merchant as its cause, a redirect gives its order's
 * free redirect back, and what cannot be cancelled is a 409 saying why.
 */
import { newKey, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Address,
  Intercept,
  InterceptRequestBody,
  Problem,
  Redirect,
  RedirectRequestBody,
} from './api-types.ts';
import { companyOf } from './kuaidi100-company.ts';

const PROBLEM = 'https://parcelgate.dev/problems/';
const ADDRESS: Address = {
  name: 'Li Lei',
  phone: '+8613800000000',
  line1: '1 Renmin Rd',
  city: 'Suzhou',
  region: 'JS',
  postalCode: '215000',
  country: 'CN',
};

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    seed: 'cancel',
    carriers: ['@parcelgate/carrier-sandbox', '@parcelgate/carrier-kuaidi100'],
  });
});

afterAll(async () => {
  await stack?.stop();
});

function intercept(body: InterceptRequestBody) {
  return stack.api.post<Intercept>('/v1/intercepts', body, { idempotencyKey: newKey() });
}

function cancel<Action>(path: string, idempotencyKey = newKey()) {
  return stack.api.post<Action & Problem>(`${path}/cancel`, undefined, { idempotencyKey });
}

const steps = (action: { transitions: { status: string; cause: string }[] }) =>
  action.transitions.map(({ status, cause }) => `${status}/${cause}`);

describe('cancelling an intercept', () => {
  it('asks the carrier, ends cancelled by the merchant, and a repeat is refused as final', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const created = await intercept({
      carrier: 'sandbox',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    });
    expect(created.status, created.text).toBe(201);
    const path = `/v1/intercepts/${created.body.id}`;

    const key = newKey();
    const cancelled = await cancel<Intercept>(path, key);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.headers.get('location')).toBe(path);
    expect(cancelled.body.status).toBe('cancelled');
    expect(steps(cancelled.body)).toEqual([
      'pending/request',
      'accepted/carrier_answer',
      'cancelled/merchant',
    ]);
    expect(cancelled.body.attempts.map((attempt) => attempt.operation)).toContain(
      'cancelIntercept',
    );
    expect((await stack.sim.parcel(trackingNumber)).calls.cancelIntercept).toBe(1);
    // The same key replays the answer; the carrier is not asked again.
    const replayed = await cancel<Intercept>(path, key);
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect((await stack.sim.parcel(trackingNumber)).calls.cancelIntercept).toBe(1);

    const again = await cancel<Intercept>(path);
    expect(again.status, again.text).toBe(409);
    expect(again.body.type).toBe(`${PROBLEM}not-cancellable`);
    expect(again.body.reasons?.map((reason) => reason.code)).toEqual(['final_status']);
    // Cancelled, the parcel may be intercepted again.
    const renewed = await intercept({
      carrier: 'sandbox',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    });
    expect([201, 202], renewed.text).toContain(renewed.status);
  });

  it('is 409 carrier_cannot_cancel at a carrier without a cancel', async () => {
    // The simulated Kuaidi100 refuses some intercepts by chance: take the first it kept.
    let open: Intercept | undefined;
    for (let tries = 0; tries < 10 && open === undefined; tries++) {
      const trackingNumber = await stack.sim.createParcel({
        carrier: 'kuaidi100',
        status: 'in_transit',
      });
      const created = await intercept({
        carrier: 'kuaidi100',
        trackingNumber,
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
        carrierOptions: { com: companyOf(trackingNumber) },
      });
      expect([201, 202], created.text).toContain(created.status);
      if (['pending', 'accepted'].includes(created.body.status)) {
        open = created.body;
      }
    }
    if (open === undefined) {
      throw new Error('the simulated Kuaidi100 refused ten intercepts in a row');
    }
    const refused = await cancel<Intercept>(`/v1/intercepts/${open.id}`);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.reasons?.map((reason) => reason.code)).toEqual(['carrier_cannot_cancel']);
    expect(refused.body.interceptId).toBe(open.id);
  });

  it('is 404 for an id the tenant does not have', async () => {
    const missing = await cancel<Intercept>('/v1/intercepts/icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z');
    expect(missing.status).toBe(404);
  });
});

describe('cancelling a redirect', () => {
  it("ends cancelled and gives the order's free redirect back", async () => {
    const orderRef = `ORD-${newKey()}`;
    const body = (trackingNumber: string): RedirectRequestBody => ({
      carrier: 'sandbox',
      trackingNumber,
      orderRef,
      reason: 'address_error',
      newAddress: ADDRESS,
    });
    const first = await stack.sim.createParcel({ status: 'in_transit' });
    const free = await stack.api.post<Redirect>('/v1/redirects', body(first), {
      idempotencyKey: newKey(),
    });
    expect(free.status, free.text).toBe(201);
    expect(free.body.free).toBe(true);

    const cancelled = await cancel<Redirect>(`/v1/redirects/${free.body.id}`);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    // The order's free redirect is unused again.
    const second = await stack.sim.createParcel({ status: 'in_transit' });
    const next = await stack.api.post<Redirect>('/v1/redirects', body(second), {
      idempotencyKey: newKey(),
    });
    expect(next.status, next.text).toBe(201);
    expect(next.body.free).toBe(true);
  });
});
