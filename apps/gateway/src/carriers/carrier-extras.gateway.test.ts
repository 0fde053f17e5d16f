import { CarrierInvalidRequestError } from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { reconcileAction } from '../jobs/reconcile-action.ts';
import { loadAction } from '../lifecycle/action-store.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([carrier]);
  script.parcels.set('FK900001', 'in_transit');
  script.parcels.set('FK900002', 'in_transit');
  script.parcels.set('FK900003', 'in_transit');
});
afterAll(() => gateway.close());

describe('carrier extras through the API', () => {
  it('passes phoneLastDigits and carrierOptions[...] of a tracking read to the adapter', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/fake/FK900001?phoneLastDigits=5678&carrierOptions[com]=zhongtong',
      headers: gateway.auth.acme,
    });
    expect(response.statusCode).toBe(200);
    expect(script.requests.track.at(-1)).toEqual({
      trackingNumber: 'FK900001',
      phoneLastDigits: '5678',
      carrierOptions: { com: 'zhongtong' },
    });
  });

  it('does not answer a read with other extras from the cache', async () => {
    const read = (query: string) =>
      gateway.app.inject({
        method: 'GET',
        url: `/v1/tracking/fake/FK900002${query}`,
        headers: gateway.auth.acme,
      });
    const before = script.calls.track;
    await read('?carrierOptions[com]=yuantong');
    await read('?carrierOptions[com]=yuantong');
    await read('?carrierOptions[com]=yunda');
    expect(script.calls.track - before).toBe(2);
  });

  it('refuses malformed extras with a problem naming the parameter', async () => {
    const badPhone = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/fake/FK900001?phoneLastDigits=12ab',
      headers: gateway.auth.acme,
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.headers['content-type']).toContain('application/problem+json');
    expect(badPhone.body).toContain('phoneLastDigits');
    const badOption = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'extras-bad-option' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK900003',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
        carrierOptions: { 'not a name': 'x' },
      },
    });
    expect(badOption.statusCode).toBe(400);
    expect(badOption.body).toContain('carrierOptions');
  });

  it('refuses an option the carrier does not declare, or a bad value, before any carrier call', async () => {
    const before = { ...script.calls };
    const undeclared = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'extras-undeclared-option' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK900003',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
        carrierOptions: { com: 'jtexpress', returnAddress: 'somewhere else' },
      },
    });
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/validation-failed',
      errors: [
        {
          pointer: '/carrierOptions/returnAddress',
          detail: 'is not an option Fake Express accepts on intercept requests (it accepts com)',
        },
      ],
    });
    const badValue = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/fake/FK900001?carrierOptions[com]=Not_Lower',
      headers: gateway.auth.acme,
    });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json()).toMatchObject({
      errors: [{ pointer: '/query/carrierOptions/com', detail: 'must match ^[a-z]{2,20}$' }],
    });
    const dryRun = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts/eligibility',
      headers: gateway.auth.acme,
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK900003',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
        carrierOptions: { payMode: '2' },
      },
    });
    expect(dryRun.statusCode).toBe(400);
    expect(dryRun.json()).toMatchObject({ errors: [{ pointer: '/carrierOptions/payMode' }] });
    const redirect = await gateway.app.inject({
      method: 'POST',
      url: '/v1/redirects',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'extras-undeclared-redirect' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK900002',
        orderRef: 'ORD-EXTRAS-1',
        reason: 'address_error',
        carrierOptions: { monthlyCardNo: '7559999999' },
        newAddress: { name: 'A', phone: '13800138000', line1: 'x', city: '上海市', country: 'CN' },
      },
    });
    expect(redirect.statusCode).toBe(400);
    expect(redirect.json()).toMatchObject({
      errors: [{ pointer: '/carrierOptions/monthlyCardNo' }],
    });
    expect(script.calls).toEqual(before);
  });

  it('sends an intercept its extras, stores them, and the reconciliation reads with them', async () => {
    script.intercept = async () => ({ outcome: 'pending' });
    script.interceptStatus = async () => {
      throw new CarrierInvalidRequestError({
        carrierId: 'fake',
        message: 'looked up by tracking only',
      });
    };
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'extras-intercept' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK900003',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
        phoneLastDigits: '4321',
        carrierOptions: { com: 'jtexpress' },
      },
    });
    expect(response.statusCode).toBe(202);
    const { id } = response.json<{ id: string }>();
    expect(script.requests.intercept.at(-1)?.carrierOptions).toEqual({ com: 'jtexpress' });
    expect(script.requests.track.at(-1)).toEqual({
      trackingNumber: 'FK900003',
      phoneLastDigits: '4321',
      carrierOptions: { com: 'jtexpress' },
    });
    const stored = await loadAction(gateway.app.database, 'intercepts', id);
    expect(stored).toMatchObject({ phoneLastDigits: '4321', carrierOptions: { com: 'jtexpress' } });

    script.requests.track.length = 0;
    await reconcileAction(gateway.app, { table: 'intercepts', id, run: 0 });
    expect(script.requests.track).toEqual([
      { trackingNumber: 'FK900003', phoneLastDigits: '4321', carrierOptions: { com: 'jtexpress' } },
    ]);
  });
});
