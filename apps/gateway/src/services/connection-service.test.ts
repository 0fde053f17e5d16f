import { CarrierAuthenticationError, CarrierNotFoundError } from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

const SECRET = 'sk_live_0123456789abcdef-tail';
const { carrier, script } = createFakeCarrier('acct');
// The fake carrier with a credential spec: an id, a secret, and an optional setting.
const withCredentials = {
  ...carrier,
  credentials: [
    { key: 'apiKey', env: 'API_KEY', description: 'API key', secret: true, required: true },
    {
      key: 'account',
      env: 'ACCOUNT',
      description: 'Account number',
      secret: false,
      required: true,
    },
    { key: 'region', env: 'REGION', description: 'Region', secret: false, required: false },
  ],
  // Accepts one secret only: what "test this connection" reports on.
  async track(
    ctx: Parameters<typeof carrier.track>[0],
    request: Parameters<typeof carrier.track>[1],
  ) {
    if (ctx.credentials.apiKey !== SECRET && ctx.credentials.apiKey !== 'sandbox-default') {
      throw new CarrierAuthenticationError({
        carrierId: 'acct',
        message: 'bad key',
        httpStatus: 401,
      });
    }
    if (request.trackingNumber.startsWith('PARCELGATE')) {
      throw new CarrierNotFoundError({
        carrierId: 'acct',
        message: 'none',
        httpStatus: 404,
        requestSent: true,
      });
    }
    return carrier.track(ctx, request);
  },
} as typeof carrier;

let gateway: TestGateway;
const logs: string[] = [];

beforeAll(async () => {
  gateway = await createTestGateway(
    [withCredentials],
    {
      CARRIER_ACCT_API_KEY: 'sandbox-default',
      CARRIER_ACCT_ACCOUNT: 'shared-1',
      // Not the carrier's production: a deployment without a secret key must not be live.
      CARRIER_ACCT_BASE_URL: 'http://127.0.0.1:9/acct',
      PARCELGATE_SHARED_ACCOUNT_TENANTS: 'default',
    },
    {
      database: 'from-env',
      logger: {
        level: 'debug',
        stream: { write: (line: string) => logs.push(line) },
      } as never,
    },
  );
});
afterAll(() => gateway.close());

const create = (body: Record<string, unknown>, auth = gateway.auth.acme) =>
  gateway.app.inject({
    method: 'POST',
    url: '/v1/carrier-connections',
    headers: auth,
    payload: body,
  });

const newConnection = (extra: Record<string, unknown> = {}) =>
  create({
    carrier: 'acct',
    label: 'Main',
    mode: 'test',
    credentials: { apiKey: SECRET, account: 'A-1' },
    ...extra,
  });

describe('/v1/carrier-connections', () => {
  it('stores credentials sealed and shows only hints, never the secret', async () => {
    const response = await newConnection();
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      carrier: 'acct',
      label: 'Main',
      mode: 'test',
      isDefault: true,
      credentials: {
        apiKey: { secret: true, hint: '••••tail' },
        account: { secret: false, value: 'A-1' },
      },
    });
    expect(response.headers.location).toBe(`/v1/carrier-connections/${body.id}`);
    expect(response.body).not.toContain(SECRET);
    const [row] = await gateway.app.database.query<{ sealed: string }>(
      'SELECT sealed_credentials AS sealed FROM carrier_connections WHERE id = $1',
      [body.id],
    );
    expect(row?.sealed).toMatch(/^v1\./);
    expect(row?.sealed).not.toContain(SECRET);
    const read = await gateway.app.inject({
      method: 'GET',
      url: `/v1/carrier-connections/${body.id}`,
      headers: gateway.auth.acme,
    });
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(SECRET);
    const listed = await gateway.app.inject({
      method: 'GET',
      url: '/v1/carrier-connections?carrier=acct',
      headers: gateway.auth.acme,
    });
    expect(listed.json().data.map((item: { id: string }) => item.id)).toContain(body.id);
    expect(listed.body).not.toContain(SECRET);
  });

  it('checks credentials against the carrier spec: 400 naming each field', async () => {
    const response = await create({
      carrier: 'acct',
      label: 'Bad',
      mode: 'test',
      credentials: { apiKey: 'x', returnAddress: '1 Attacker Lane' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { pointer: string }) => error.pointer)).toEqual([
      '/credentials/returnAddress',
      '/credentials/account',
    ]);
    expect(
      (await create({ carrier: 'nope', label: 'x', mode: 'test', credentials: {} })).statusCode,
    ).toBe(404);
  });

  it('refuses live connections while the deployment has no PARCELGATE_SECRET_KEY', async () => {
    const response = await newConnection({ mode: 'live' });
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toMatch(/secret-key-required$/);
  });

  it("hides one tenant's connections from another", async () => {
    const mine = (await newConnection()).json();
    for (const [method, url] of [
      ['GET', `/v1/carrier-connections/${mine.id}`],
      ['DELETE', `/v1/carrier-connections/${mine.id}`],
      ['POST', `/v1/carrier-connections/${mine.id}/test`],
    ] as const) {
      expect(
        (await gateway.app.inject({ method, url, headers: gateway.auth.globex })).statusCode,
      ).toBe(404);
    }
    const patched = await gateway.app.inject({
      method: 'PATCH',
      url: `/v1/carrier-connections/${mine.id}`,
      headers: gateway.auth.globex,
      payload: { label: 'mine now' },
    });
    expect(patched.statusCode).toBe(404);
    const theirs = await gateway.app.inject({
      method: 'GET',
      url: '/v1/carrier-connections',
      headers: gateway.auth.globex,
    });
    expect(theirs.json().data.map((item: { id: string }) => item.id)).not.toContain(mine.id);
  });

  it('rotates one secret alone, moves the default flag, and deletes', async () => {
    const first = (await newConnection({ label: 'first' })).json();
    const second = (await newConnection({ label: 'second', isDefault: true })).json();
    expect(second.isDefault).toBe(true);
    const rotated = await gateway.app.inject({
      method: 'PATCH',
      url: `/v1/carrier-connections/${first.id}`,
      headers: gateway.auth.acme,
      payload: { credentials: { apiKey: 'rotated-secret-0000-abcd' }, isDefault: true },
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json()).toMatchObject({
      isDefault: true,
      credentials: { apiKey: { hint: '••••abcd' }, account: { value: 'A-1' } },
    });
    const after = await gateway.app.inject({
      method: 'GET',
      url: `/v1/carrier-connections/${second.id}`,
      headers: gateway.auth.acme,
    });
    expect(after.json().isDefault).toBe(false);
    const deleted = await gateway.app.inject({
      method: 'DELETE',
      url: `/v1/carrier-connections/${second.id}`,
      headers: gateway.auth.acme,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (
        await gateway.app.inject({
          method: 'GET',
          url: `/v1/carrier-connections/${second.id}`,
          headers: gateway.auth.acme,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('tests a connection at the carrier: accepted, or refused credentials', async () => {
    const good = (await newConnection({ label: 'good' })).json();
    const bad = (
      await newConnection({
        label: 'bad',
        credentials: { apiKey: 'wrong-key-000000', account: 'A-2' },
      })
    ).json();
    const ok = await gateway.app.inject({
      method: 'POST',
      url: `/v1/carrier-connections/${good.id}/test`,
      headers: gateway.auth.acme,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, outcome: 'ok' });
    const refused = await gateway.app.inject({
      method: 'POST',
      url: `/v1/carrier-connections/${bad.id}/test`,
      headers: gateway.auth.acme,
    });
    expect(refused.json()).toMatchObject({ ok: false, outcome: 'authentication_failed' });
  });

  it('never writes a secret to the log', () => {
    expect(logs.join('\n')).not.toContain(SECRET);
  });
});

describe('acting through accounts', () => {
  const intercept = (trackingNumber: string, auth: Record<string, string>) =>
    gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts',
      headers: { ...auth, 'idempotency-key': `k-${trackingNumber}-${Math.random()}` },
      payload: {
        carrier: 'acct',
        trackingNumber,
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
      },
    });

  it('refuses a tenant without a connection on a parcel it did not register, before any carrier call', async () => {
    script.parcels.set('FK900001', 'in_transit');
    const before = { ...script.calls };
    const refused = await intercept('FK900001', gateway.auth.globex);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().type).toMatch(/parcel-not-registered$/);
    expect(script.calls).toEqual(before);
    const dryRun = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts/eligibility',
      headers: gateway.auth.globex,
      payload: {
        carrier: 'acct',
        trackingNumber: 'FK900001',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
      },
    });
    expect(dryRun.statusCode).toBe(404);
    expect(script.calls).toEqual(before);
  });

  it('lets it act on a parcel it registered, through the shared account', async () => {
    script.parcels.set('FK900002', 'in_transit');
    const registered = await gateway.app.inject({
      method: 'POST',
      url: '/v1/parcels',
      headers: gateway.auth.globex,
      payload: { carrier: 'acct', trackingNumber: 'FK900002', orderRef: 'ORD-9' },
    });
    expect(registered.statusCode).toBe(201);
    const again = await gateway.app.inject({
      method: 'POST',
      url: '/v1/parcels',
      headers: gateway.auth.globex,
      payload: { carrier: 'acct', trackingNumber: 'FK900002' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(registered.json().id);
    const taken = await gateway.app.inject({
      method: 'POST',
      url: '/v1/parcels',
      headers: gateway.auth.acme,
      payload: { carrier: 'acct', trackingNumber: 'FK900002' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().type).toMatch(/parcel-already-registered$/);
    const answer = await intercept('FK900002', gateway.auth.globex);
    expect(answer.statusCode, answer.body).toBe(201);
    const [row] = await gateway.app.database.query<{ connectionId: string | null }>(
      'SELECT connection_id AS "connectionId" FROM intercepts WHERE id = $1',
      [answer.json().id],
    );
    expect(row?.connectionId).toBeNull();
  });

  it("goes through the tenant's own connection when it has one, and records it", async () => {
    script.parcels.set('FK900003', 'in_transit');
    const own = (await newConnection({ label: 'own', isDefault: true })).json();
    const answer = await intercept('FK900003', gateway.auth.acme);
    expect(answer.statusCode, answer.body).toBe(201);
    const [row] = await gateway.app.database.query<{ connectionId: string | null }>(
      'SELECT connection_id AS "connectionId" FROM intercepts WHERE id = $1',
      [answer.json().id],
    );
    expect(row?.connectionId).toBe(own.id);
    const inUse = await gateway.app.inject({
      method: 'DELETE',
      url: `/v1/carrier-connections/${own.id}`,
      headers: gateway.auth.acme,
    });
    // The fake carrier accepts synchronously: nothing is open, so it could go; an accepted
    // intercept is still open (it returns later), so the delete is refused.
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ connectionId: own.id, openActions: 1 });
  });
});
