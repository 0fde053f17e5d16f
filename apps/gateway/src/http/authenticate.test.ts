import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { createApiKey, ensureTenant, revokeApiKey } from '../store/tenants.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([carrier], {
    PARCELGATE_BOOTSTRAP_API_KEY: 'bootstrap_key_0123456789abcdef',
  });
  script.parcels.set('FK000001', 'in_transit');
});
afterAll(() => gateway.close());

describe('API keys and tenants', () => {
  it('answers 401 with a problem for a missing, malformed or unknown key', async () => {
    for (const authorization of [
      undefined,
      'Basic abc',
      'Bearer short',
      'Bearer pgk_unknown_but_long_enough_key',
    ]) {
      const response = await gateway.app.inject({
        method: 'GET',
        url: '/v1/carriers',
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.headers['www-authenticate']).toBe('Bearer realm="parcelgate"');
      expect(response.json()).toMatchObject({
        type: 'https://parcelgate.dev/problems/unauthorized',
        status: 401,
      });
    }
  });

  it('accepts the bootstrap key for the tenant "default"', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/v1/carriers',
      headers: { authorization: 'Bearer bootstrap_key_0123456789abcdef' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('stops accepting a revoked key', async () => {
    const tenant = await ensureTenant(gateway.app.database, 'short-lived');
    const created = await createApiKey(gateway.app.database, { tenantId: tenant.id });
    const headers = { authorization: `Bearer ${created.key}` };
    expect(
      (await gateway.app.inject({ method: 'GET', url: '/v1/carriers', headers })).statusCode,
    ).toBe(200);
    expect(await revokeApiKey(gateway.app.database, created.id)).toBe(true);
    expect(
      (await gateway.app.inject({ method: 'GET', url: '/v1/carriers', headers })).statusCode,
    ).toBe(401);
  });

  it("hides another tenant's intercept as a 404, in reads and lists", async () => {
    const created = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'isolation' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK000001',
        reason: 'other',
        pickupMode: 'self_dropoff',
      },
    });
    const id = created.json().id;
    const own = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts/${id}`,
      headers: gateway.auth.acme,
    });
    expect(own.statusCode).toBe(200);
    const other = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts/${id}`,
      headers: gateway.auth.globex,
    });
    expect(other.statusCode).toBe(404);
    const list = await gateway.app.inject({
      method: 'GET',
      url: '/v1/intercepts',
      headers: gateway.auth.globex,
    });
    expect(list.json().data.map((item: { id: string }) => item.id)).not.toContain(id);
  });

  it('leaves /healthz and /readyz open', async () => {
    expect((await gateway.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await gateway.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: true, carriers: ['fake'] } });
  });
});
