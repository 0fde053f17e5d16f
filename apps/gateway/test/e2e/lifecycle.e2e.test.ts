/**
 * Intercepts and redirects through their lifecycle as the gateway sets it at request time,
 * with every transition stored: accepted by the carrier, refused by the carrier, refused
 * by policy, pending when the carrier's answer never came, failed when it was down; and
 * the one free redirect per order, then a charged one (or a refused one, per tenant policy).
 * The simulator is the witness of what really reached the carrier.
 */

import { newKey, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Address,
  Intercept,
  InterceptRequestBody,
  Problem,
  Redirect,
  RedirectRequestBody,
  Tracking,
} from './api-types.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

const PROBLEM = 'https://parcelgate.dev/problems/';
const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;

function interceptBody(
  trackingNumber: string,
  extra: Partial<InterceptRequestBody> = {},
): InterceptRequestBody {
  return {
    carrier: 'sandbox',
    trackingNumber,
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
    ...extra,
  };
}

function intercept(request: InterceptRequestBody, headers: Record<string, string> = {}) {
  return stack.api.post<Intercept>('/v1/intercepts', request, {
    idempotencyKey: newKey(),
    headers,
  });
}

const codes = (reasons: readonly { code: string }[]) => reasons.map((reason) => reason.code);
const steps = (action: { transitions: { status: string; cause: string }[] }) =>
  action.transitions.map(({ status, cause }) => `${status}/${cause}`);

/** Reads an intercept back and checks it is what the POST answered. */
async function readBack(created: Intercept): Promise<Intercept> {
  const read = await stack.api.get<Intercept>(`/v1/intercepts/${created.id}`);
  expect(read.status).toBe(200);
  expect(read.body).toEqual(created);
  return read.body;
}

describe('an intercept the carrier accepts', () => {
  it('is accepted, with pending -> accepted stored and the carrier reference kept', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const started = Date.now();
    const created = await intercept(
      interceptBody(trackingNumber, {
        orderRef: 'TTS-5801',
        parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
        note: 'buyer asked for a refund',
      }),
    );
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/intercepts/${created.body.id}`);
    const body = created.body;
    expect(body).toMatchObject({
      status: 'accepted',
      carrier: 'sandbox',
      trackingNumber,
      reason: 'buyer_cancelled',
      orderRef: 'TTS-5801',
      pickupMode: 'platform_pickup',
      parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
      likelihood: 'high',
      parcelStatus: 'in_transit',
      fee: { payer: 'carrier' },
      reasons: [],
      warnings: [],
      carrierReason: null,
      nextActions: ['refund_buyer'],
    });
    expect(body.id).toMatch(/^icp_[0-9A-Z]{26}$/);
    expect(steps(body)).toEqual(['pending/request', 'accepted/carrier_answer']);
    expect(Date.parse(body.transitions[0]?.at ?? '')).toBeGreaterThanOrEqual(started - 1_000);
    expect(Date.parse(body.transitions[1]?.at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(body.transitions[0]?.at ?? ''),
    );
    expect(body.attempts).toHaveLength(1);
    expect(body.attempts[0]).toMatchObject({ operation: 'intercept', outcome: 'ok' });
    await readBack(body);

    // The carrier holds exactly this intercept, under our id as its reference.
    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(1);
    expect(parcel.intercept).toMatchObject({ reference: body.id, state: 'ACCEPTED' });
    expect(body.carrierReference).toBe(parcel.intercept?.id);
  });

  it('shows the parcel heading back in tracking once the carrier executes it', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'picked_up' });
    const created = await intercept(interceptBody(trackingNumber, { reason: 'merchant_error' }));
    expect(created.body.status).toBe('accepted');
    expect(created.body.nextActions).toEqual(['reship']);

    await stack.sim.advanceClock(FOUR_HOURS_MS);
    expect((await stack.sim.parcel(trackingNumber)).intercept?.state).toBe('RETURNING');
    const tracking = await stack.api.get<Tracking>(`/v1/tracking/sandbox/${trackingNumber}`);
    expect(tracking.body.status).toBe('return_in_transit');
    expect(codes(tracking.body.interception.reasons)).toEqual([
      'returning_or_returned',
      'already_intercepted',
    ]);
  });
});

describe('an intercept the carrier refuses', () => {
  // The carrier judges the parcel as it knows it: these rules hold there but were not
  // visible to the gateway's policy, which was told nothing about the parcel.
  it.each([
    {
      parcel: { category: 'tea' },
      carrierReason: 'CATEGORY_EXCLUDED',
      reason: 'category_excluded',
      nextActions: ['ask_buyer_to_refuse_delivery', 'file_return'],
    },
    {
      parcel: { declaredValue: { amount: '2500.00', currency: 'CNY' } },
      carrierReason: 'VALUE_OVER_LIMIT',
      reason: 'declared_value_over_limit',
      nextActions: ['ask_buyer_to_refuse_delivery', 'file_return'],
    },
  ])('is rejected with the carrier reason $carrierReason', async (expected) => {
    const trackingNumber = await stack.sim.createParcel({
      status: 'in_transit',
      ...expected.parcel,
    });
    const created = await intercept(interceptBody(trackingNumber));
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      status: 'rejected',
      carrierReason: expected.carrierReason,
      carrierReference: null,
      nextActions: expected.nextActions,
    });
    expect(codes(created.body.reasons)).toEqual([expected.reason]);
    expect(steps(created.body)).toEqual(['pending/request', 'rejected/carrier_answer']);
    expect(created.body.attempts).toEqual([
      expect.objectContaining({
        operation: 'intercept',
        outcome: 'not-eligible',
        httpStatus: 422,
        carrierCode: expected.carrierReason,
      }),
    ]);
    await readBack(created.body);
    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(1);
    expect(parcel.intercept).toBeNull();
  });

  it('is rejected when the last-mile station cannot catch the parcel (chance, seeded)', async () => {
    // The sandbox succeeds 30 % of the time at the last-mile station: some parcel of a few fails.
    let refused: Intercept | undefined;
    for (let attempt = 0; attempt < 12 && refused === undefined; attempt += 1) {
      const trackingNumber = await stack.sim.createParcel({ status: 'at_destination_facility' });
      const created = await intercept(interceptBody(trackingNumber));
      expect(created.status, created.text).toBe(201);
      expect(created.body.likelihood).toBe('low');
      expect(codes(created.body.warnings)).toEqual(['last_mile_low_success']);
      if (created.body.status === 'rejected') {
        refused = created.body;
      } else {
        expect(created.body.status).toBe('accepted');
      }
    }
    expect(refused).toBeDefined();
    expect(refused?.carrierReason).toBe('INTERCEPT_FAILED');
    expect(codes(refused?.reasons ?? [])).toEqual(['carrier_refused']);
    expect(refused?.nextActions).toEqual(['ask_buyer_to_refuse_delivery', 'file_return']);
  });

  it('leaves the parcel free for a new intercept', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit', category: 'tea' });
    expect((await intercept(interceptBody(trackingNumber))).body.status).toBe('rejected');
    const again = await intercept(interceptBody(trackingNumber));
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('rejected');
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(2);
  });
});

describe('an intercept policy refuses', () => {
  it('answers 422 with every reason, storing nothing and calling no carrier', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'delivered' });
    const refused = await stack.api.post<Problem>(
      '/v1/intercepts',
      interceptBody(trackingNumber, { orderRef: 'TTS-POLICY' }),
      { idempotencyKey: newKey() },
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: `${PROBLEM}not-eligible`,
      status: 422,
      carrier: 'sandbox',
    });
    expect(refused.body.requestId).toBe(refused.headers.get('x-request-id'));
    expect(codes(refused.body.reasons ?? [])).toEqual(['delivered']);
    // A refusal by the tenant's own policy is an answer, not an intercept.
    expect(refused.body.interceptId).toBeUndefined();
    const listed = await stack.api.get<{ data: Intercept[] }>(
      `/v1/intercepts?trackingNumber=${trackingNumber}`,
    );
    expect(listed.body.data).toEqual([]);
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(0);
  });
});

describe('an intercept whose answer never comes', () => {
  it('is pending (202 with a Location) within the Prefer: wait budget', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    await stack.sim.addFault({
      carrier: 'sandbox',
      operation: 'intercept',
      trackingNumber,
      fault: { type: 'hang' },
    });
    const started = Date.now();
    const created = await intercept(interceptBody(trackingNumber), { prefer: 'wait=1' });
    const elapsed = Date.now() - started;
    expect(created.status, created.text).toBe(202);
    // Before the default intercept budget (5 s) would have answered: the Prefer budget cut
    // the wait. How close to 1 s it came is a timing, measured by bench/gateway-resilience.ts.
    expect(elapsed).toBeLessThan(5_000);
    expect(created.headers.get('preference-applied')).toBe('wait=1');
    expect(created.headers.get('location')).toBe(`/v1/intercepts/${created.body.id}`);
    expect(created.body).toMatchObject({
      status: 'pending',
      nextActions: ['await_carrier_outcome'],
    });
    // Answered by the handler, the history is complete; answered by the deadline guard (a
    // busy machine), it holds what was sure then and the rest follows at the Location.
    const stored = await pollUntil(
      () => stack.api.get<Intercept>(`/v1/intercepts/${created.body.id}`),
      (read) => steps(read.body).length === 2 && read.body.attempts.length === 1,
    );
    expect(stored.body.status).toBe('pending');
    expect(steps(stored.body)).toEqual(['pending/request', 'pending/outcome_unknown']);
    expect(stored.body.attempts).toEqual([
      expect.objectContaining({ operation: 'intercept', outcome: 'timeout' }),
    ]);
    expect(steps(created.body)).toEqual(steps(stored.body).slice(0, steps(created.body).length));
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);

    // A pending intercept is under way: a second one would act twice.
    const second = await stack.api.post<Problem>('/v1/intercepts', interceptBody(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(second.status).toBe(422);
    expect(codes(second.body.reasons ?? [])).toEqual(['already_intercepted']);
  });
});

describe('an intercept while the carrier is down', () => {
  it('answers 503 and stores the intercept failed; the same key retries once it is back', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const fault = await stack.sim.addFault({
      carrier: 'sandbox',
      operation: 'intercept',
      trackingNumber,
      fault: { type: 'status', code: 503 },
    });
    const key = newKey();
    const request = interceptBody(trackingNumber);
    const down = await stack.api.post<Problem>('/v1/intercepts', request, {
      idempotencyKey: key,
      headers: { prefer: 'wait=2' },
    });
    expect(down.status, down.text).toBe(503);
    expect(down.body.type).toBe(`${PROBLEM}carrier-unavailable`);
    expect(down.headers.get('retry-after')).not.toBeNull();
    const failedId = down.body.interceptId;
    expect(failedId).toMatch(/^icp_/);
    const failed = await stack.api.get<Intercept>(`/v1/intercepts/${failedId}`);
    expect(failed.body.status).toBe('failed');
    expect(steps(failed.body)).toEqual(['pending/request', 'failed/carrier_unreachable']);

    await stack.sim.deleteFault(fault);
    const retried = await stack.api.post<Intercept>('/v1/intercepts', request, {
      idempotencyKey: key,
    });
    expect(retried.status, retried.text).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body.status).toBe('accepted');
    expect(retried.body.id).not.toBe(failedId);
    expect((await stack.sim.parcel(trackingNumber)).intercept?.reference).toBe(retried.body.id);
  });
});

const ADDRESS: Address = {
  name: 'Li Lei',
  phone: '+8613800000000',
  line1: '1 Renmin Rd',
  city: 'Suzhou',
  region: 'JS',
  postalCode: '215000',
  country: 'CN',
};

function redirectBody(trackingNumber: string, orderRef: string): RedirectRequestBody {
  return {
    carrier: 'sandbox',
    trackingNumber,
    orderRef,
    reason: 'address_error',
    newAddress: ADDRESS,
  };
}

function redirect(request: RedirectRequestBody) {
  return stack.api.post<Redirect>('/v1/redirects', request, { idempotencyKey: newKey() });
}

describe('redirects', () => {
  it('the first of an order is free, the second is charged to the merchant', async () => {
    const orderRef = `ORD-${newKey()}`;
    const first = await stack.sim.createParcel({ status: 'in_transit' });
    const second = await stack.sim.createParcel({ status: 'picked_up' });

    const free = await redirect(redirectBody(first, orderRef));
    expect(free.status, free.text).toBe(201);
    expect(free.body).toMatchObject({
      status: 'accepted',
      orderRef,
      free: true,
      fee: { payer: 'platform' },
      warnings: [],
      reasons: [],
      likelihood: 'high',
      newAddress: ADDRESS,
    });
    expect(free.body.id).toMatch(/^rdr_[0-9A-Z]{26}$/);
    expect(steps(free.body)).toEqual(['pending/request', 'accepted/carrier_answer']);
    const read = await stack.api.get<Redirect>(`/v1/redirects/${free.body.id}`);
    expect(read.body).toEqual(free.body);
    const atCarrier = await stack.sim.parcel(first);
    expect(atCarrier.calls.redirect).toBe(1);
    expect(atCarrier.redirects).toEqual([
      expect.objectContaining({ reference: free.body.id, id: free.body.carrierReference }),
    ]);

    const charged = await redirect(redirectBody(second, orderRef));
    expect(charged.status, charged.text).toBe(201);
    expect(charged.body).toMatchObject({
      status: 'accepted',
      free: false,
      fee: { payer: 'merchant' },
    });
    expect(codes(charged.body.warnings)).toEqual(['free_redirect_used']);
    expect((await stack.sim.parcel(second)).calls.redirect).toBe(1);
  });

  it('a redirect refused by policy is not stored and leaves the free one unused', async () => {
    const orderRef = `ORD-${newKey()}`;
    const delivered = await stack.sim.createParcel({ status: 'delivered' });
    const refused = await stack.api.post<Problem>(
      '/v1/redirects',
      redirectBody(delivered, orderRef),
      {
        idempotencyKey: newKey(),
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe(`${PROBLEM}not-eligible`);
    expect(codes(refused.body.reasons ?? [])).toEqual(['delivered']);
    expect(refused.body.redirectId).toBeUndefined();
    expect((await stack.sim.parcel(delivered)).calls.redirect).toBe(0);

    const inTransit = await stack.sim.createParcel({ status: 'in_transit' });
    const next = await redirect(redirectBody(inTransit, orderRef));
    expect(next.body).toMatchObject({ status: 'accepted', free: true });
  });

  it('a redirect the carrier refuses gives the free one back', async () => {
    const orderRef = `ORD-${newKey()}`;
    const returning = await stack.sim.createParcel({ status: 'in_transit' });
    // Intercepted parcels are coming back: the carrier refuses to redirect them.
    expect((await intercept(interceptBody(returning))).body.status).toBe('accepted');
    const refused = await redirect(redirectBody(returning, orderRef));
    expect(refused.status, refused.text).toBe(201);
    expect(refused.body).toMatchObject({ status: 'rejected', carrierReason: 'ALREADY_RETURNING' });
    expect(steps(refused.body)).toEqual(['pending/request', 'rejected/carrier_answer']);

    const other = await stack.sim.createParcel({ status: 'in_transit' });
    expect((await redirect(redirectBody(other, orderRef))).body).toMatchObject({ free: true });
  });

  it('two redirects of one order racing each other: exactly one is free', async () => {
    const orderRef = `ORD-${newKey()}`;
    const parcels = await Promise.all([
      stack.sim.createParcel({ status: 'in_transit' }),
      stack.sim.createParcel({ status: 'in_transit' }),
    ]);
    const answers = await Promise.all(
      parcels.map((parcel) => redirect(redirectBody(parcel, orderRef))),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(answers.map((answer) => answer.body.free).sort()).toEqual([false, true]);
  });

  it('once the free one is used, a tenant that refuses paid redirects gets free_redirect_used', async () => {
    const policy = await stack.api.request('PUT', '/v1/policy', {
      json: { redirect: { whenFreeUsed: 'refuse' } },
    });
    expect(policy.status, policy.text).toBe(200);
    try {
      const orderRef = `ORD-${newKey()}`;
      const first = await stack.sim.createParcel({ status: 'in_transit' });
      const second = await stack.sim.createParcel({ status: 'in_transit' });
      expect((await redirect(redirectBody(first, orderRef))).body).toMatchObject({
        status: 'accepted',
        free: true,
      });
      const refused = await stack.api.post<Problem>(
        '/v1/redirects',
        redirectBody(second, orderRef),
        {
          idempotencyKey: newKey(),
        },
      );
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.type).toBe(`${PROBLEM}not-eligible`);
      expect(codes(refused.body.reasons ?? [])).toEqual(['free_redirect_used']);
      expect(refused.body.redirectId).toBeUndefined();
      expect((await stack.sim.parcel(second)).calls.redirect).toBe(0);
    } finally {
      await stack.api.request('PUT', '/v1/policy', { json: {} });
    }
  });
});
