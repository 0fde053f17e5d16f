/**
 * Every operation of the SDK against the real gateway and simulator: what a user would
 * call, with the answers checked field by field against what the simulator did.
 */
import { describe, expect, it } from 'vitest';
import type { Intercept } from '../../src/index.ts';
import { client, interceptBody, redirectBody, sim } from './support.ts';

describe('carriers and tracking', () => {
  it('lists the loaded carriers with their capabilities', async () => {
    const { data } = await client().carriers.list();
    expect(data.map((carrier) => carrier.id).sort()).toEqual(['sandbox', 'trackonly']);
    const sandbox = data.find((carrier) => carrier.id === 'sandbox');
    expect(sandbox?.operations).toEqual(expect.arrayContaining(['track', 'intercept', 'redirect']));
    expect(sandbox?.capabilities.redirect?.freePerOrder).toBe(1);
  });

  it('tracks a parcel by carrier and with carrier=auto', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    const byCarrier = await client().tracking.get('sandbox', trackingNumber);
    expect(byCarrier).toMatchObject({ carrier: 'sandbox', trackingNumber, status: 'in_transit' });
    expect(byCarrier.events.length).toBeGreaterThan(0);
    expect(byCarrier.interception.possible).toBe(true);
    const detected = await client().tracking.get('auto', trackingNumber, { preferWaitSeconds: 2 });
    expect(detected.carrier).toBe('sandbox');
  });
});

describe('intercepts', () => {
  it('checks eligibility without intercepting', async () => {
    const trackingNumber = await sim().createParcel({ status: 'out_for_delivery' });
    const eligibility = await client().intercepts.checkEligibility(interceptBody(trackingNumber));
    expect(eligibility).toMatchObject({
      eligible: false,
      likelihood: 'none',
      parcelStatus: 'out_for_delivery',
    });
    expect(eligibility.reasons.map((reason) => reason.code)).toContain('out_for_delivery');
    expect(eligibility.nextActions).toContain('ask_buyer_to_refuse_delivery');
    expect((await sim().parcel(trackingNumber)).calls.intercept).toBe(0);
  });

  it('creates, reads back and lists an intercept', async () => {
    const trackingNumber = await sim().createParcel({
      status: 'in_transit',
      declaredValue: { amount: '129.00', currency: 'CNY' },
      category: 'apparel',
    });
    const body = interceptBody(trackingNumber, {
      parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
    });
    const intercept = await client().intercepts.create(body);
    expect(intercept).toMatchObject({
      status: 'accepted',
      carrier: 'sandbox',
      trackingNumber,
      orderRef: body.orderRef,
      nextActions: ['refund_buyer'],
      needsAttention: false,
    });
    expect(intercept.id).toMatch(/^icp_[0-9A-Z]{26}$/);
    expect((await sim().parcel(trackingNumber)).intercept).toMatchObject({
      reference: intercept.id,
    });

    expect(await client().intercepts.get(intercept.id)).toEqual(intercept);
    const page = await client().intercepts.listPage({ orderRef: body.orderRef ?? '' });
    expect(page).toEqual({ data: [intercept], nextCursor: null });
    const listed: Intercept[] = [];
    for await (const item of client().intercepts.list({ trackingNumber, status: 'accepted' })) {
      listed.push(item);
    }
    expect(listed.map((item) => item.id)).toEqual([intercept.id]);
  });

  it('resolves with a rejected intercept when the carrier refuses it', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit', category: 'tea' });
    const intercept = await client().intercepts.create(interceptBody(trackingNumber));
    expect(intercept).toMatchObject({ status: 'rejected', carrierReason: 'CATEGORY_EXCLUDED' });
    expect(intercept.nextActions).toContain('ask_buyer_to_refuse_delivery');
  });
});

describe('redirects', () => {
  it('creates, reads back and lists a redirect', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    const body = redirectBody(trackingNumber);
    const redirect = await client().redirects.create(body, { preferWaitSeconds: 3 });
    expect(redirect).toMatchObject({
      status: 'accepted',
      free: true,
      orderRef: body.orderRef,
      newAddress: body.newAddress,
    });
    expect(await client().redirects.get(redirect.id)).toEqual(redirect);
    expect(await client().redirects.listPage({ orderRef: body.orderRef })).toEqual({
      data: [redirect],
      nextCursor: null,
    });
    const ids: string[] = [];
    for await (const page of client().redirects.list({ trackingNumber }).pages()) {
      ids.push(...page.data.map((item) => item.id));
    }
    expect(ids).toEqual([redirect.id]);
  });
});

describe('policy (tenant `policy`)', () => {
  it('reads and replaces the overrides', async () => {
    const policy = client({ tenant: 'policy' }).policy;
    const before = await policy.get();
    expect(before.overrides).toEqual({});
    expect(before.effective.redirect.whenFreeUsed).toBe('charge');

    const after = await policy.replace({ redirect: { whenFreeUsed: 'refuse' } });
    expect(after.overrides).toEqual({ redirect: { whenFreeUsed: 'refuse' } });
    expect(after.effective.redirect.whenFreeUsed).toBe('refuse');
    expect(await policy.get()).toEqual(after);
    // The default tenant is untouched.
    expect((await client().policy.get()).overrides).toEqual({});
  });
});

describe('pagination (tenant `pages`)', () => {
  it('walks every intercept across pages, newest first, and stops when asked', async () => {
    const pages = client({ tenant: 'pages' });
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const trackingNumber = await sim().createParcel({ status: 'in_transit' });
      // Not the deployment's bootstrap tenant: it acts through the shared account only on
      // parcels it registered.
      await pages.parcels.register({ carrier: 'sandbox', trackingNumber });
      created.push((await pages.intercepts.create(interceptBody(trackingNumber))).id);
    }

    const walked: string[] = [];
    for await (const intercept of pages.intercepts.list({ limit: 2 })) {
      walked.push(intercept.id);
    }
    expect(walked).toEqual([...created].reverse());

    const sizes: number[] = [];
    for await (const page of pages.intercepts.list({ limit: 2 }).pages()) {
      sizes.push(page.data.length);
    }
    expect(sizes).toEqual([2, 2, 1]);

    const first = await pages.intercepts.listPage({ limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const rest = await pages.intercepts.listPage({ limit: 3, cursor: first.nextCursor ?? '' });
    expect([...first.data, ...rest.data].map((item) => item.id)).toEqual(walked);
    expect(rest.nextCursor).toBeNull();

    // Breaking out of the loop stops the requests: two items of one per page, two requests.
    let requests = 0;
    const counted = client({
      tenant: 'pages',
      fetch: (request) => {
        requests += 1;
        return fetch(request);
      },
    });
    let seen = 0;
    for await (const _intercept of counted.intercepts.list({ limit: 1 })) {
      seen += 1;
      if (seen === 2) {
        break;
      }
    }
    expect([seen, requests]).toEqual([2, 2]);
  });
});
