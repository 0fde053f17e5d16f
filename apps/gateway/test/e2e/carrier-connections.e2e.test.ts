/**
 * Carrier accounts per tenant (issue 11): the real gateway and simulator, whose sandbox
 * carrier knows accounts (a parcel owned by one API key is a 404 to every other key).
 * A tenant acts through its own connection, or through the deployment's shared account
 * only on parcels it registered; credentials never come back out.
 */

import { type ApiClient, newKey, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intercept, Problem, RedirectRequestBody } from './api-types.ts';

const PROBLEM = 'https://parcelgate.dev/problems/';
/** Long enough to get a hint; what must never appear in an answer or a log line. */
const ACME_KEY = 'sbx_acme_live_9d2c7f1e4b8a';
const BETA_KEY = 'sbx_beta_live_31f0aa6e27c4';

let stack: Stack;
let acme: ApiClient;
let beta: ApiClient;

beforeAll(async () => {
  stack = await startStack({ tenants: ['acme', 'beta'] });
  acme = stack.client(stack.keys.acme);
  beta = stack.client(stack.keys.beta);
});

afterAll(async () => {
  await stack?.stop();
});

interface Connection {
  readonly id: string;
  readonly isDefault: boolean;
  readonly credentials: Record<string, { secret: boolean; hint?: string; value?: string }>;
}

async function connect(client: ApiClient, apiKey: string): Promise<Connection> {
  const answer = await client.post<Connection>('/v1/carrier-connections', {
    carrier: 'sandbox',
    label: 'own sandbox account',
    mode: 'test',
    credentials: { apiKey },
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.body;
}

const attackerRedirect = (trackingNumber: string): RedirectRequestBody => ({
  carrier: 'sandbox',
  trackingNumber,
  orderRef: `ORD-${newKey()}`,
  reason: 'address_error',
  newAddress: {
    name: 'Mallory',
    phone: '+8613800000000',
    line1: '1 Attacker Lane',
    city: 'Nowhere',
    country: 'CN',
  },
});

const interceptBody = (trackingNumber: string) => ({
  carrier: 'sandbox',
  trackingNumber,
  reason: 'buyer_cancelled',
  pickupMode: 'platform_pickup',
});

describe('a tenant without its own account', () => {
  it('cannot redirect or intercept a parcel it did not register: 404, and the carrier is never called', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const redirect = await beta.post<Problem>('/v1/redirects', attackerRedirect(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(redirect.status, redirect.text).toBe(404);
    expect(redirect.body.type).toBe(`${PROBLEM}parcel-not-registered`);
    const intercept = await beta.post<Problem>('/v1/intercepts', interceptBody(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(intercept.status).toBe(404);
    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.calls).toMatchObject({ track: 0, intercept: 0, redirect: 0 });
    expect(parcel.redirects).toEqual([]);
  });

  it('still reads tracking through the shared account', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const tracking = await beta.get(`/v1/tracking/sandbox/${trackingNumber}`);
    expect(tracking.status, tracking.text).toBe(200);
  });

  it('acts on a parcel once it registered it; another tenant cannot claim it then', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const registered = await beta.post('/v1/parcels', {
      carrier: 'sandbox',
      trackingNumber,
      orderRef: 'ORD-B-1',
    });
    expect(registered.status, registered.text).toBe(201);
    expect((await beta.post('/v1/parcels', { carrier: 'sandbox', trackingNumber })).status).toBe(
      200,
    );
    const claimed = await acme.post<Problem>('/v1/parcels', { carrier: 'sandbox', trackingNumber });
    expect(claimed.status).toBe(409);
    expect(claimed.body.type).toBe(`${PROBLEM}parcel-already-registered`);
    const intercept = await beta.post<Intercept>('/v1/intercepts', interceptBody(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(intercept.status, intercept.text).toBe(201);
    expect(intercept.body.status).toBe('accepted');
  });
});

describe("a tenant's own carrier connection", () => {
  let acmeConnection: Connection;

  beforeAll(async () => {
    acmeConnection = await connect(acme, ACME_KEY);
  });

  it('is stored sealed: answers show a hint, never the key', async () => {
    expect(acmeConnection.isDefault).toBe(true);
    expect(acmeConnection.credentials.apiKey).toEqual({ secret: true, hint: '••••4b8a' });
    const read = await acme.get(`/v1/carrier-connections/${acmeConnection.id}`);
    expect(read.status).toBe(200);
    expect(read.text).not.toContain(ACME_KEY);
    expect((await beta.get(`/v1/carrier-connections/${acmeConnection.id}`)).status).toBe(404);
  });

  it('is tested at the carrier: accepted, or refused for a key the carrier does not know', async () => {
    const ok = await acme.post(`/v1/carrier-connections/${acmeConnection.id}/test`, {});
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, outcome: 'ok' });
    const wrong = await connect(beta, 'not-a-sandbox-key-000000');
    const refused = await beta.post(`/v1/carrier-connections/${wrong.id}/test`, {});
    expect(refused.body).toMatchObject({ ok: false, outcome: 'authentication_failed' });
    const deleted = await beta.request('DELETE', `/v1/carrier-connections/${wrong.id}`);
    expect(deleted.status).toBe(204);
  });

  it("intercepts the tenant's own parcel with its own credentials", async () => {
    const trackingNumber = await stack.sim.createParcel({
      status: 'in_transit',
      account: ACME_KEY,
    });
    const answer = await acme.post<Intercept>('/v1/intercepts', interceptBody(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(answer.status, answer.text).toBe(201);
    // The carrier decided (the simulator's station may still fail to catch the parcel).
    expect(answer.body.transitions.at(-1)?.cause, answer.text).toBe('carrier_answer');
    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.callsByAccount[ACME_KEY]?.intercept).toBe(1);
  });

  it("cannot reach another account's parcel: the carrier refuses the other key", async () => {
    await connect(beta, BETA_KEY);
    const trackingNumber = await stack.sim.createParcel({
      status: 'in_transit',
      account: ACME_KEY,
    });
    const answer = await beta.post<Problem>('/v1/redirects', attackerRedirect(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(answer.status, answer.text).toBe(404);
    expect(answer.body.type).toBe(`${PROBLEM}parcel-not-found`);
    const parcel = await stack.sim.parcel(trackingNumber);
    expect(parcel.callsByAccount[BETA_KEY]?.track).toBeGreaterThan(0);
    expect(parcel.calls.redirect).toBe(0);
    expect(parcel.redirects).toEqual([]);
  });

  it('never writes a connection secret to the log', () => {
    const logs = stack.gatewayLogs();
    expect(logs).not.toContain(ACME_KEY);
    expect(logs).not.toContain(BETA_KEY);
  });
});
