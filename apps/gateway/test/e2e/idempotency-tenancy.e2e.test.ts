/**
 * Idempotency (replay, a reused key with another body, concurrent duplicates: the carrier
 * must see one intercept), tenant isolation with a second API key made by the admin CLI,
 * and listing with filters and cursor pagination.
 */

import { type ApiClient, newKey, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Intercept,
  InterceptRequestBody,
  Page,
  Problem,
  Redirect,
  RedirectRequestBody,
} from './api-types.ts';

let stack: Stack;
let acme: ApiClient;

beforeAll(async () => {
  stack = await startStack({ tenants: ['acme'] });
  const key = stack.keys.acme;
  if (key === undefined) {
    throw new Error('the admin CLI made no key for tenant acme');
  }
  acme = stack.client(key);
});

afterAll(async () => {
  await stack?.stop();
});

const PROBLEM = 'https://parcelgate.dev/problems/';

/** Registers a sandbox parcel for a tenant, so it may act on it through the shared account. */
async function register(client: ApiClient, trackingNumber: string): Promise<void> {
  const answer = await client.post('/v1/parcels', { carrier: 'sandbox', trackingNumber });
  expect(answer.status, answer.text).toBe(201);
}

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

const codes = (reasons: readonly { code: string }[]) => reasons.map((reason) => reason.code);

describe('idempotency', () => {
  it('the same key and body replay the first answer without calling the carrier again', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const key = newKey();
    const request = interceptBody(trackingNumber, {
      orderRef: 'TTS-REPLAY',
      parcel: { category: 'apparel', declaredValue: { amount: '10.00', currency: 'CNY' } },
    });
    const first = await stack.api.post<Intercept>('/v1/intercepts', request, {
      idempotencyKey: key,
    });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const replay = await stack.api.post<Intercept>('/v1/intercepts', request, {
      idempotencyKey: key,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('content-type')).toContain('application/json');
    expect(replay.body).toEqual(first.body);

    // Key order and whitespace do not make it another request.
    const reordered = `{ "parcel": {"declaredValue": {"currency":"CNY","amount":"10.00"}, "category":"apparel"},
      "pickupMode":"platform_pickup", "orderRef":"TTS-REPLAY", "reason":"buyer_cancelled",
      "trackingNumber":"${trackingNumber}", "carrier":"sandbox" }`;
    const same = await stack.api.request<Intercept>('POST', '/v1/intercepts', {
      body: reordered,
      headers: { 'content-type': 'application/json' },
      idempotencyKey: key,
    });
    expect(same.status).toBe(201);
    expect(same.headers.get('idempotent-replayed')).toBe('true');
    expect(same.body.id).toBe(first.body.id);

    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  });

  it('replays a refusal too, storing nothing', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'delivered' });
    const key = newKey();
    const first = await stack.api.post<Problem>('/v1/intercepts', interceptBody(trackingNumber), {
      idempotencyKey: key,
    });
    expect(first.status).toBe(422);
    const replay = await stack.api.post<Problem>('/v1/intercepts', interceptBody(trackingNumber), {
      idempotencyKey: key,
    });
    expect(replay.status).toBe(422);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    expect(replay.body).toEqual(first.body);
    const listed = await stack.api.get<Page<Intercept>>(
      `/v1/intercepts?trackingNumber=${trackingNumber}`,
    );
    expect(listed.body.data).toEqual([]);
  });

  it('the same key with another body, or on another route, is refused as reused', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const key = newKey();
    const first = await stack.api.post<Intercept>('/v1/intercepts', interceptBody(trackingNumber), {
      idempotencyKey: key,
    });
    expect(first.status, first.text).toBe(201);

    const otherBody = await stack.api.post<Problem>(
      '/v1/intercepts',
      interceptBody(trackingNumber, { reason: 'merchant_error' }),
      { idempotencyKey: key },
    );
    expect(otherBody.status).toBe(422);
    expect(otherBody.headers.get('content-type')).toContain('application/problem+json');
    expect(otherBody.body).toMatchObject({
      type: `${PROBLEM}idempotency-key-reused`,
      status: 422,
    });
    expect(otherBody.body.requestId).toEqual(expect.any(String));

    const otherRoute = await stack.api.post<Problem>(
      '/v1/redirects',
      {
        carrier: 'sandbox',
        trackingNumber,
        orderRef: 'ORD-REUSED',
        reason: 'address_error',
        newAddress: { name: 'A', phone: '+8613800000000', line1: 'x', city: 'y', country: 'CN' },
      },
      { idempotencyKey: key },
    );
    expect(otherRoute.status).toBe(422);
    expect(otherRoute.body.type).toBe(`${PROBLEM}idempotency-key-reused`);

    expect((await stack.sim.parcel(trackingNumber)).calls).toMatchObject({
      intercept: 1,
      redirect: 0,
    });
  });

  it('50 concurrent duplicates: one intercept at the carrier, the rest replays or in-progress', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const key = newKey();
    const request = interceptBody(trackingNumber);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        stack.api.post<Intercept & Problem>('/v1/intercepts', request, { idempotencyKey: key }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(
      statuses.every((status) => status === 201 || status === 409),
      statuses.join(),
    ).toBe(true);
    const created = answers.filter(
      (answer) => answer.status === 201 && answer.headers.get('idempotent-replayed') === null,
    );
    expect(created).toHaveLength(1);
    const id = created[0]?.body.id;
    for (const answer of answers) {
      if (answer.status === 201) {
        expect(answer.body.id).toBe(id);
      } else {
        expect(answer.body.type).toBe(`${PROBLEM}idempotency-request-in-progress`);
        expect(answer.headers.get('retry-after')).toBe('1');
      }
    }

    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(1);
    // The carrier decided once (it refuses a few percent in transit, by its seeded chance).
    expect(parcel.interceptAttempts).toBe(1);
    const accepted = created[0]?.body.status === 'accepted';
    expect(parcel.intercept?.reference ?? null).toBe(accepted ? id : null);
    const later = await stack.api.post<Intercept>('/v1/intercepts', request, {
      idempotencyKey: key,
    });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(later.body.id).toBe(id);
  });

  it('20 concurrent intercepts of one parcel with different keys: one reaches the carrier', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        stack.api.post<Intercept & Problem>('/v1/intercepts', interceptBody(trackingNumber), {
          idempotencyKey: newKey(),
        }),
      ),
    );
    const accepted = answers.filter((answer) => answer.status === 201);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.body.status).toBe('accepted');
    for (const answer of answers.filter((item) => item.status !== 201)) {
      expect(answer.status).toBe(422);
      expect(codes(answer.body.reasons ?? [])).toEqual(['already_intercepted']);
    }
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  });
});

describe('tenant isolation', () => {
  it("another tenant's intercept and redirect are a 404, and never listed", async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const orderRef = `ORD-${newKey()}`;
    const mine = await stack.api.post<Intercept>(
      '/v1/intercepts',
      interceptBody(trackingNumber, { orderRef }),
      { idempotencyKey: newKey() },
    );
    expect(mine.status, mine.text).toBe(201);

    const theirs = await acme.get<Problem>(`/v1/intercepts/${mine.body.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.type).toBe(`${PROBLEM}not-found`);
    expect(theirs.text).not.toContain(trackingNumber);

    const listed = await acme.get<Page<Intercept>>(`/v1/intercepts?orderRef=${orderRef}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([]);
    const all = await acme.get<Page<Intercept>>('/v1/intercepts?limit=100');
    expect(all.body.data.map((item) => item.id)).not.toContain(mine.body.id);

    const other = await stack.sim.createParcel({ status: 'in_transit' });
    const redirected = await stack.api.post<Redirect>(
      '/v1/redirects',
      {
        carrier: 'sandbox',
        trackingNumber: other,
        orderRef,
        reason: 'address_error',
        newAddress: { name: 'A', phone: '+8613800000000', line1: 'x', city: 'y', country: 'CN' },
      } satisfies RedirectRequestBody,
      { idempotencyKey: newKey() },
    );
    expect(redirected.status, redirected.text).toBe(201);
    expect((await acme.get<Problem>(`/v1/redirects/${redirected.body.id}`)).status).toBe(404);
    expect(
      (await acme.get<Page<Redirect>>(`/v1/redirects?orderRef=${orderRef}`)).body.data,
    ).toEqual([]);
  });

  it("one tenant's Idempotency-Key never replays another tenant's answer", async () => {
    const parcelA = await stack.sim.createParcel({ status: 'in_transit' });
    const parcelB = await stack.sim.createParcel({ status: 'in_transit' });
    // acme acts through the deployment's shared sandbox account: on parcels it registered.
    await register(acme, parcelB);
    const key = newKey();
    const mine = await stack.api.post<Intercept>('/v1/intercepts', interceptBody(parcelA), {
      idempotencyKey: key,
    });
    const theirs = await acme.post<Intercept>('/v1/intercepts', interceptBody(parcelB), {
      idempotencyKey: key,
    });
    expect(mine.status).toBe(201);
    expect(theirs.status, theirs.text).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.trackingNumber).toBe(parcelB);
  });

  it("a parcel another tenant intercepted is judged by the carrier, not by that tenant's data", async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    expect(
      (
        await stack.api.post<Intercept>('/v1/intercepts', interceptBody(trackingNumber), {
          idempotencyKey: newKey(),
        })
      ).body.status,
    ).toBe('accepted');
    await register(acme, trackingNumber);
    const theirs = await acme.post<Intercept>('/v1/intercepts', interceptBody(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(theirs.status, theirs.text).toBe(201);
    expect(theirs.body).toMatchObject({
      status: 'rejected',
      carrierReason: 'ALREADY_INTERCEPTED',
    });
    expect(codes(theirs.body.reasons)).toEqual(['already_intercepted']);
  });
});

describe('listing', () => {
  const orderRef = `ORD-${newKey()}`;
  const created: Intercept[] = [];

  beforeAll(async () => {
    // Five intercepts of one order, made one after the other so their order is known:
    // three accepted, two left pending (the carrier never answers them).
    const statuses = ['in_transit', 'in_transit', 'picked_up', 'in_transit', 'in_transit'];
    for (const [index, status] of statuses.entries()) {
      const trackingNumber = await stack.sim.createParcel({ status });
      const hangs = index === 1 || index === 3;
      if (hangs) {
        await stack.sim.addFault({
          carrier: 'sandbox',
          operation: 'intercept',
          trackingNumber,
          count: 1,
          fault: { type: 'hang' },
        });
      }
      const answer = await stack.api.post<Intercept>(
        '/v1/intercepts',
        interceptBody(trackingNumber, { orderRef, reason: 'merchant_error' }),
        { idempotencyKey: newKey(), headers: hangs ? { prefer: 'wait=1' } : {} },
      );
      expect(answer.status, answer.text).toBe(hangs ? 202 : 201);
      const read = await stack.api.get<Intercept>(`/v1/intercepts/${answer.body.id}`);
      created.push(read.body);
    }
  });

  it('pages newest first with an opaque cursor, each item once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `orderRef=${orderRef}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = await stack.api.get<Page<Intercept>>(`/v1/intercepts?${query}`);
      expect(page.status, page.text).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((item) => item.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(created.map((item) => item.id).reverse());
  });

  it('lists the same resource as GET by id, with its history', async () => {
    const page = await stack.api.get<Page<Intercept>>(`/v1/intercepts?orderRef=${orderRef}`);
    expect(page.body.nextCursor).toBeNull();
    expect(page.body.data).toEqual([...created].reverse());
  });

  it('filters by status, tracking number, carrier, reason and creation time', async () => {
    const ids = async (query: string) => {
      const page = await stack.api.get<Page<Intercept>>(
        `/v1/intercepts?orderRef=${orderRef}&${query}`,
      );
      expect(page.status, page.text).toBe(200);
      return page.body.data.map((item) => item.id).sort();
    };
    const byStatus = (status: string) =>
      created
        .filter((item) => item.status === status)
        .map((item) => item.id)
        .sort();
    expect(byStatus('pending')).toHaveLength(2);
    expect(await ids('status=pending')).toEqual(byStatus('pending'));
    expect(await ids('status=accepted')).toEqual(byStatus('accepted'));
    expect(await ids('status=rejected')).toEqual([]);
    const third = created[2] as Intercept;
    expect(await ids(`trackingNumber=${third.trackingNumber}`)).toEqual([third.id]);
    expect(await ids('carrier=sandbox')).toHaveLength(5);
    expect(await ids('carrier=nope')).toEqual([]);
    expect(await ids('reason=merchant_error')).toHaveLength(5);
    expect(await ids('reason=buyer_cancelled')).toEqual([]);
    const from = encodeURIComponent(third.createdAt);
    expect(await ids(`createdFrom=${from}`)).toEqual(
      created
        .slice(2)
        .map((item) => item.id)
        .sort(),
    );
    expect(await ids(`createdTo=${from}`)).toEqual(
      created
        .slice(0, 2)
        .map((item) => item.id)
        .sort(),
    );
  });

  it('lists redirects with the same filters', async () => {
    const redirectOrder = `ORD-${newKey()}`;
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
      const answer = await stack.api.post<Redirect>(
        '/v1/redirects',
        {
          carrier: 'sandbox',
          trackingNumber,
          orderRef: redirectOrder,
          reason: 'address_error',
          newAddress: { name: 'A', phone: '+8613800000000', line1: 'x', city: 'y', country: 'CN' },
        },
        { idempotencyKey: newKey() },
      );
      expect(answer.status, answer.text).toBe(201);
      ids.push(answer.body.id);
    }
    const first = await stack.api.get<Page<Redirect>>(
      `/v1/redirects?orderRef=${redirectOrder}&limit=2`,
    );
    expect(first.body.data.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.data.map((item) => item.free)).toEqual([false, false]);
    const second = await stack.api.get<Page<Redirect>>(
      `/v1/redirects?orderRef=${redirectOrder}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.data.map((item) => item.id)).toEqual([ids[0]]);
    expect(second.body.data[0]?.free).toBe(true);
    expect(second.body.nextCursor).toBeNull();
  });
});
