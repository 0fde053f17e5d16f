import { CarrierNotEligibleError } from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../../test/support/fake-carrier.ts';
import { openCircuit } from '../../../test/support/open-circuit.ts';
import { createTestGateway, type TestGateway } from '../../../test/support/test-app.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([carrier]);
  for (const trackingNumber of [
    'FK100001',
    'FK100002',
    'FK100003',
    'FK100004',
    'FK100005',
    'FK100006',
  ]) {
    script.parcels.set(trackingNumber, 'in_transit');
  }
  script.parcels.set('FK100009', 'out_for_delivery');
});
afterAll(() => gateway.close());

const newAddress = {
  name: 'Li Lei',
  phone: '+8613800000000',
  line1: '1 Renmin Rd',
  city: 'Suzhou',
  country: 'CN',
};

function redirect(trackingNumber: string, orderRef: string, auth = gateway.auth.acme) {
  return gateway.app.inject({
    method: 'POST',
    url: '/v1/redirects',
    headers: { ...auth, 'idempotency-key': `rdr-${trackingNumber}-${orderRef}` },
    payload: { carrier: 'fake', trackingNumber, orderRef, reason: 'address_error', newAddress },
  });
}

describe('POST /v1/redirects', () => {
  it('gives each order one free redirect, then charges the merchant', async () => {
    const first = await redirect('FK100001', 'ORDER-1');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'accepted',
      free: true,
      fee: { payer: 'platform' },
      warnings: [],
    });
    const second = await redirect('FK100002', 'ORDER-1');
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ free: false, fee: { payer: 'merchant' } });
    expect(second.json().warnings).toMatchObject([{ code: 'free_redirect_used' }]);
  });

  it('refuses the paid redirect when the tenant says so, without calling the carrier', async () => {
    const policy = await gateway.app.inject({
      method: 'PUT',
      url: '/v1/policy',
      headers: gateway.auth.globex,
      payload: { redirect: { whenFreeUsed: 'refuse' } },
    });
    expect(policy.statusCode).toBe(200);
    expect((await redirect('FK100003', 'ORDER-2', gateway.auth.globex)).statusCode).toBe(201);
    const calls = script.calls.redirect;
    const refused = await redirect('FK100004', 'ORDER-2', gateway.auth.globex);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().reasons).toMatchObject([{ code: 'free_redirect_used' }]);
    expect(script.calls.redirect).toBe(calls);
  });

  it('gives the free redirect back when the carrier refuses', async () => {
    script.redirect = async () => {
      throw new CarrierNotEligibleError({
        carrierId: 'fake',
        message: 'too late',
        reason: 'out_for_delivery',
      });
    };
    const refused = await redirect('FK100005', 'ORDER-3');
    expect(refused.json()).toMatchObject({ status: 'rejected', free: true });
    script.redirect = async () => ({ outcome: 'accepted' });
    const next = await redirect('FK100006', 'ORDER-3');
    expect(next.json()).toMatchObject({
      status: 'accepted',
      free: true,
      fee: { payer: 'platform' },
    });
  });

  it('refuses a parcel out for delivery by policy, storing nothing', async () => {
    const response = await redirect('FK100009', 'ORDER-4');
    expect(response.statusCode).toBe(422);
    expect(response.json().reasons).toMatchObject([{ code: 'out_for_delivery' }]);
    expect(response.json().redirectId).toBeUndefined();
    const list = await gateway.app.inject({
      method: 'GET',
      url: '/v1/redirects?orderRef=ORDER-4',
      headers: gateway.auth.acme,
    });
    expect(list.json().data).toEqual([]);
  });
});

describe('PUT /v1/policy', () => {
  it('validates overrides with pointers and reports the effective rules', async () => {
    const bad = await gateway.app.inject({
      method: 'PUT',
      url: '/v1/policy',
      headers: gateway.auth.acme,
      payload: { intercept: { window: { highLikelihood: ['delivered'] } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toMatch(/^\/intercept\/window\/highLikelihood/);
    const read = await gateway.app.inject({
      method: 'GET',
      url: '/v1/policy',
      headers: gateway.auth.acme,
    });
    expect(read.json()).toMatchObject({
      overrides: {},
      effective: { redirect: { freePerOrder: 1, whenFreeUsed: 'charge' } },
    });
  });
});

describe('POST /v1/redirects with its circuit open', () => {
  it('fails fast with 503 circuit-open before reading tracking or storing anything', async () => {
    const isolated = await createTestGateway([carrier]);
    try {
      openCircuit(
        isolated.app.resilience.of(isolated.app.carriers.resolve('fake')).breakers.redirect,
      );
      const before = { ...script.calls };
      const response = await isolated.app.inject({
        method: 'POST',
        url: '/v1/redirects',
        headers: { ...isolated.auth.acme, 'idempotency-key': 'rdr-circuit-open' },
        payload: {
          carrier: 'fake',
          trackingNumber: 'FK100006',
          orderRef: 'ORDER-OPEN',
          reason: 'address_error',
          newAddress,
        },
      });
      expect(response.statusCode).toBe(503);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.json()).toMatchObject({
        type: 'https://parcelgate.dev/problems/circuit-open',
        carrier: 'fake',
      });
      expect(script.calls).toEqual(before);
      const listed = await isolated.app.inject({
        method: 'GET',
        url: '/v1/redirects',
        headers: isolated.auth.acme,
      });
      expect(listed.json().data).toEqual([]);
    } finally {
      await isolated.close();
    }
  });
});

describe('GET /v1/intercepts and /v1/redirects filters', () => {
  it('answer an unknown status or reason with 400 listing the allowed values', async () => {
    const list = (url: string) =>
      gateway.app.inject({ method: 'GET', url, headers: gateway.auth.acme });
    const intercepts = await list('/v1/intercepts?status=done');
    expect(intercepts.statusCode).toBe(400);
    expect(intercepts.json().errors).toEqual([
      {
        pointer: '/query/status',
        detail:
          'must be one of: pending, accepted, returning, returned, rejected, failed, cancelled',
      },
    ]);
    // A status of intercepts only is not one of a redirect's.
    const redirects = await list('/v1/redirects?status=returning');
    expect(redirects.statusCode).toBe(400);
    expect(redirects.json().errors[0].detail).toContain('redirected');
    const reason = await list('/v1/redirects?reason=bored');
    expect(reason.statusCode).toBe(400);
    expect(reason.json().errors[0]).toMatchObject({ pointer: '/query/reason' });
  });
});
