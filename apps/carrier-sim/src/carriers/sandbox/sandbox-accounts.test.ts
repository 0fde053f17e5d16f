import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';
import type { ErrorBody } from '../../test-support/wire-types.ts';

const sim = useSimulator({ seed: 'sandbox-accounts' });

const OWNER = 'sbx_tenant_a';
const OTHER = 'sbx_tenant_b';
const ADDRESS = { line1: '1 Renmin Rd', city: 'Suzhou', region: 'JS', country: 'CN' };

function as(apiKey: string) {
  return { authorization: `Bearer ${apiKey}` };
}

function track(trackingNumber: string, apiKey: string) {
  return sim.request<ErrorBody>(
    'GET',
    `/sandbox/v1/parcels/${trackingNumber}`,
    undefined,
    as(apiKey),
  );
}

function intercept(trackingNumber: string, apiKey: string) {
  return sim.request<ErrorBody & { interceptId?: string }>(
    'POST',
    `/sandbox/v1/parcels/${trackingNumber}/intercepts`,
    { reference: `icp_${apiKey}`, reason: 'BUYER_CANCELLED' },
    as(apiKey),
  );
}

function redirect(trackingNumber: string, apiKey: string) {
  return sim.request<ErrorBody>(
    'POST',
    `/sandbox/v1/parcels/${trackingNumber}/redirects`,
    { reference: `rdr_${apiKey}`, address: ADDRESS },
    as(apiKey),
  );
}

describe('sandbox accounts (the API key is the account)', () => {
  it("answers another account's parcel exactly like an unknown one, 404 PARCEL_NOT_FOUND, on every route", async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit', account: OWNER });
    const unknown = await track('SBX999999990', OTHER);

    const answers = [
      await track(trackingNumber, OTHER),
      await intercept(trackingNumber, OTHER),
      await redirect(trackingNumber, OTHER),
      await sim.request<ErrorBody>(
        'GET',
        `/sandbox/v1/parcels/${trackingNumber}/intercepts?reference=x`,
        undefined,
        as(OTHER),
      ),
      await sim.request<ErrorBody>(
        'GET',
        `/sandbox/v1/parcels/${trackingNumber}/redirects`,
        undefined,
        as(OTHER),
      ),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe(unknown.body.error.code);
      expect(answer.body.error.code).toBe('PARCEL_NOT_FOUND');
    }

    // Nothing happened to the parcel; every refused call reached the carrier and counts,
    // in all and under the account that made it.
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.intercept).toBeNull();
    expect(parcel.interceptAttempts).toBe(0);
    expect(parcel.redirects).toEqual([]);
    expect(parcel.calls).toEqual({ track: 1, intercept: 1, redirect: 1 });
    expect(parcel.callsByAccount).toEqual({ [OTHER]: { track: 1, intercept: 1, redirect: 1 } });
  });

  it('lets the owning account track, intercept and look up its parcel', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit', account: OWNER });
    expect((await track(trackingNumber, OWNER)).status).toBe(200);
    const accepted = await intercept(trackingNumber, OWNER);
    expect(accepted.status).toBe(201);
    const interceptId = accepted.body.interceptId ?? '';

    const own = await sim.request(
      'GET',
      `/sandbox/v1/intercepts/${interceptId}`,
      undefined,
      as(OWNER),
    );
    expect(own.status).toBe(200);
    // Another account cannot read the intercept either.
    const foreign = await sim.request<ErrorBody>(
      'GET',
      `/sandbox/v1/intercepts/${interceptId}`,
      undefined,
      as(OTHER),
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('INTERCEPT_NOT_FOUND');

    expect((await sim.parcel(trackingNumber)).callsByAccount).toEqual({
      [OWNER]: { track: 1, intercept: 1, redirect: 0 },
    });
  });

  it('keeps a parcel without an account open to every account', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    expect((await track(trackingNumber, OWNER)).status).toBe(200);
    expect((await track(trackingNumber, OTHER)).status).toBe(200);
    expect((await redirect(trackingNumber, OTHER)).status).toBe(201);
    expect((await sim.parcel(trackingNumber)).callsByAccount).toEqual({
      [OWNER]: { track: 1, intercept: 0, redirect: 0 },
      [OTHER]: { track: 1, intercept: 0, redirect: 1 },
    });
  });
});
