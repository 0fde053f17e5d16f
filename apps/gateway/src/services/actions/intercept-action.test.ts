import {
  CarrierNotEligibleError,
  CarrierOutcomeUnknownError,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../../test/support/test-app.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
let parcelSeq = 0;

beforeAll(async () => {
  // The default budget (5 s): a busy machine must not turn a quick carrier into a timeout.
  gateway = await createTestGateway([carrier]);
});
afterAll(() => gateway.close());
beforeEach(() => {
  script.intercept = async () => ({ outcome: 'accepted', carrierReference: 'F-1' });
});

function parcel(status: Parameters<typeof script.parcels.set>[1] = 'in_transit'): string {
  parcelSeq += 1;
  const trackingNumber = `FK${String(parcelSeq).padStart(6, '0')}`;
  script.parcels.set(trackingNumber, status);
  return trackingNumber;
}

async function intercept(
  trackingNumber: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts',
    headers: {
      ...gateway.auth.acme,
      'idempotency-key': `key-${trackingNumber}-${Math.random()}`,
      ...headers,
    },
    payload: {
      carrier: 'fake',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
      ...extra,
    },
  });
}

describe('POST /v1/intercepts', () => {
  it('answers 201 accepted with its transitions and the attempt', async () => {
    const response = await intercept(parcel());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      status: 'accepted',
      carrierReference: 'F-1',
      likelihood: 'high',
      fee: { payer: 'carrier' },
      nextActions: ['refund_buyer'],
    });
    expect(
      body.transitions.map((step: { status: string; cause: string }) => [step.status, step.cause]),
    ).toEqual([
      ['pending', 'request'],
      ['accepted', 'carrier_answer'],
    ]);
    expect(body.attempts).toMatchObject([{ operation: 'intercept', outcome: 'ok' }]);
  });

  it('stores a carrier refusal as rejected, with the carrier reason and what to do next', async () => {
    script.intercept = async () => {
      throw new CarrierNotEligibleError({
        carrierId: 'fake',
        message: 'station could not catch the parcel',
        carrierCode: 'INTERCEPT_FAILED',
        reason: 'carrier_refused',
        httpStatus: 422,
        requestSent: true,
      });
    };
    const response = await intercept(parcel());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'rejected',
      carrierReason: 'INTERCEPT_FAILED',
      reasons: [{ code: 'carrier_refused' }],
      nextActions: ['ask_buyer_to_refuse_delivery', 'file_return'],
    });
  });

  it('answers 202 pending with a Location when the answer was lost after sending', async () => {
    script.intercept = async () => {
      throw new CarrierOutcomeUnknownError({
        carrierId: 'fake',
        message: 'connection reset after sending',
      });
    };
    const response = await intercept(parcel());
    expect(response.statusCode).toBe(202);
    const body = response.json();
    expect(response.headers.location).toBe(`/v1/intercepts/${body.id}`);
    expect(body).toMatchObject({ status: 'pending', nextActions: ['await_carrier_outcome'] });
    expect(body.transitions.at(-1)).toMatchObject({ status: 'pending', cause: 'outcome_unknown' });
  });

  it('answers within the budget when the carrier hangs and ignores the signal, as pending', async () => {
    // A carrier that never answers: only the deadline can answer this request at all (how
    // close to the budget is measured by bench/gateway-resilience.ts, not on a busy CI).
    script.intercept = () => new Promise(() => {});
    const response = await intercept(parcel(), {}, { prefer: 'wait=2' });
    expect(response.statusCode).toBe(202);
    expect(response.json().attempts).toMatchObject([{ outcome: 'timeout' }]);
  });

  it('answers 503 and stores failed when the request provably never left', async () => {
    script.intercept = async () => {
      throw new CarrierRetryableError({
        carrierId: 'fake',
        message: 'connection refused',
        requestSent: false,
      });
    };
    const response = await intercept(parcel());
    expect(response.statusCode).toBe(503);
    const problem = response.json();
    expect(problem.type).toBe('https://parcelgate.dev/problems/carrier-unavailable');
    const stored = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts/${problem.interceptId}`,
      headers: gateway.auth.acme,
    });
    expect(stored.json()).toMatchObject({ status: 'failed' });
    expect(stored.json().transitions.at(-1)).toMatchObject({ cause: 'carrier_unreachable' });
  });

  it('keeps an adapter defect pending instead of reporting a failure', async () => {
    script.intercept = async () => {
      throw new TypeError('undefined is not a function');
    };
    const response = await intercept(parcel());
    expect(response.statusCode).toBe(202);
    expect(response.json().attempts).toMatchObject([{ outcome: 'error' }]);
  });

  it('refuses by policy without calling the carrier, listing every reason, storing nothing', async () => {
    const before = script.calls.intercept;
    const trackingNumber = parcel('out_for_delivery');
    const response = await intercept(trackingNumber, {
      parcel: { category: 'jewelry', declaredValue: { amount: '1000.01', currency: 'CNY' } },
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    // The fake carrier refuses over its 1,000 CNY limit itself; jewelry only lowers the odds
    // under the default severity, so it is no reason.
    expect(problem.reasons.map((reason: { code: string }) => reason.code).sort()).toEqual([
      'declared_value_over_limit',
      'out_for_delivery',
    ]);
    expect(script.calls.intercept).toBe(before);
    // A refusal by the tenant's own policy is an answer, not an intercept: nothing to list.
    expect(problem.interceptId).toBeUndefined();
    const listed = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts?trackingNumber=${trackingNumber}`,
      headers: gateway.auth.acme,
    });
    expect(listed.json().data).toEqual([]);
  });

  it('refuses a second intercept of the same parcel while the first is active', async () => {
    const trackingNumber = parcel();
    expect((await intercept(trackingNumber)).statusCode).toBe(201);
    const second = await intercept(trackingNumber);
    expect(second.statusCode).toBe(422);
    expect(second.json().reasons).toMatchObject([{ code: 'already_intercepted' }]);
  });

  it('answers 404 for an unknown carrier or parcel', async () => {
    const unknownCarrier = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'unknown-carrier' },
      payload: {
        carrier: 'nope',
        trackingNumber: 'FK1234',
        reason: 'other',
        pickupMode: 'self_dropoff',
      },
    });
    expect(unknownCarrier.statusCode).toBe(404);
    expect(unknownCarrier.json().type).toBe('https://parcelgate.dev/problems/unknown-carrier');
    const unknownParcel = await intercept('FK999999');
    expect(unknownParcel.statusCode).toBe(404);
    expect(unknownParcel.json().type).toBe('https://parcelgate.dev/problems/parcel-not-found');
  });

  it('lists intercepts newest first with filters and a cursor', async () => {
    const orderRef = `ORDER-${Date.now()}`;
    for (let index = 0; index < 3; index += 1) {
      await intercept(parcel(), { orderRef });
    }
    const first = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts?orderRef=${orderRef}&limit=2`,
      headers: gateway.auth.acme,
    });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.data).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts?orderRef=${orderRef}&limit=2&cursor=${page.nextCursor}`,
      headers: gateway.auth.acme,
    });
    expect(second.json().data).toHaveLength(1);
    expect(second.json().nextCursor).toBeNull();
    const ids = [...page.data, ...second.json().data].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(3);
    expect([...ids].sort().reverse()).toEqual(ids);
  });
});

describe('a second intercept of a parcel', () => {
  it('is refused as already_intercepted, naming the intercept under way', async () => {
    const trackingNumber = parcel();
    const first = await intercept(trackingNumber);
    expect(first.statusCode).toBe(201);
    const second = await intercept(trackingNumber);
    expect(second.statusCode).toBe(422);
    const reason = second
      .json<{ reasons: { code: string; message: string }[] }>()
      .reasons.find((item) => item.code === 'already_intercepted');
    expect(reason?.message).toContain(first.json<{ id: string }>().id);
  });
});

describe('a tracking number the carrier could never have issued', () => {
  it('is a 400 naming the field, for a read and for an intercept, before any carrier call', async () => {
    const calls = { ...script.calls };
    const read = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/fake/XX000001',
      headers: gateway.auth.acme,
    });
    expect(read.statusCode).toBe(400);
    expect(read.json().errors).toEqual([
      { pointer: '/params/trackingNumber', detail: 'is not a Fake Express tracking number' },
    ]);
    const created = await intercept('XX000001');
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0]).toMatchObject({ pointer: '/trackingNumber' });
    expect(script.calls).toEqual(calls);
  });
});

describe('POST /v1/intercepts/{id}/cancel, refused before asking the carrier', () => {
  const cancel = (id: string) =>
    gateway.app.inject({
      method: 'POST',
      url: `/v1/intercepts/${id}/cancel`,
      headers: { ...gateway.auth.acme, 'idempotency-key': `cancel-${id}-${Math.random()}` },
    });
  const refusal = (response: Awaited<ReturnType<typeof cancel>>) => [
    response.statusCode,
    response.json<{ type: string }>().type,
    response.json<{ reasons: { code: string }[] }>().reasons.map((reason) => reason.code),
  ];

  it('says the parcel is already on its way back, or that the carrier has no cancel', async () => {
    const created = await intercept(parcel());
    const { id } = created.json<{ id: string }>();
    // The fake carrier declares no cancel.
    expect(refusal(await cancel(id))).toEqual([
      409,
      'https://parcelgate.dev/problems/not-cancellable',
      ['carrier_cannot_cancel'],
    ]);
    await gateway.app.database.query(`UPDATE intercepts SET status = 'returning' WHERE id = $1`, [
      id,
    ]);
    expect(refusal(await cancel(id))).toEqual([
      409,
      'https://parcelgate.dev/problems/not-cancellable',
      ['already_returning'],
    ]);
  });

  it("is 404 for another tenant's intercept, which stays as it was", async () => {
    const created = await intercept(parcel());
    const { id } = created.json<{ id: string }>();
    const theirs = await gateway.app.inject({
      method: 'POST',
      url: `/v1/intercepts/${id}/cancel`,
      headers: { ...gateway.auth.globex, 'idempotency-key': `cancel-other-${id}` },
    });
    expect(theirs.statusCode).toBe(404);
    const mine = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts/${id}`,
      headers: gateway.auth.acme,
    });
    expect(mine.json<{ status: string }>().status).toBe('accepted');
  });
});
