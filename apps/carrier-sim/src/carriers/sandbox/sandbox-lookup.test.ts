import { describe, expect, it } from 'vitest';
import { STAGE_INTERVAL_MS } from '../../model/journey.ts';
import { AUTH, useSimulator } from '../../test-support/sim-harness.ts';
import type { ErrorBody } from '../../test-support/wire-types.ts';

const sim = useSimulator({ seed: 'lookups' });

interface InterceptList {
  readonly intercepts: readonly {
    readonly interceptId: string;
    readonly trackingNumber: string;
    readonly reference: string;
    readonly state: string;
    readonly updatedAt: string;
  }[];
}

interface RedirectList {
  readonly redirects: readonly {
    readonly redirectId: string;
    readonly reference: string;
    readonly state: string;
  }[];
}

const ADDRESS = { line1: '1 Renmin Rd', city: 'Lhasa', region: 'XZ', country: 'CN' };

function interceptsOf(trackingNumber: string, query = '') {
  return sim.request<InterceptList & ErrorBody>(
    'GET',
    `/sandbox/v1/parcels/${trackingNumber}/intercepts${query}`,
    undefined,
    AUTH,
  );
}

function redirectsOf(trackingNumber: string, query = '') {
  return sim.request<RedirectList & ErrorBody>(
    'GET',
    `/sandbox/v1/parcels/${trackingNumber}/redirects${query}`,
    undefined,
    AUTH,
  );
}

function redirect(trackingNumber: string, reference: string) {
  return sim.request(
    'POST',
    `/sandbox/v1/parcels/${trackingNumber}/redirects`,
    {
      reference,
      address: ADDRESS,
    },
    AUTH,
  );
}

describe('sandbox lookups by reference', () => {
  it('lists no intercept before one arrives, then the one sent with the reference as it moves on', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    expect((await interceptsOf(trackingNumber, '?reference=icp_a')).body).toEqual({
      intercepts: [],
    });
    expect((await sim.intercept(trackingNumber, 'icp_a')).status).toBe(201);

    const found = await interceptsOf(trackingNumber, '?reference=icp_a');
    expect(found.status).toBe(200);
    expect(found.body.intercepts).toEqual([
      {
        interceptId: expect.stringMatching(/^SIC-/),
        trackingNumber,
        reference: 'icp_a',
        state: 'ACCEPTED',
        updatedAt: expect.stringMatching(/\+08:00$/),
      },
    ]);
    expect((await interceptsOf(trackingNumber, '?reference=icp_other')).body.intercepts).toEqual(
      [],
    );
    expect((await interceptsOf(trackingNumber)).body.intercepts).toHaveLength(1);

    await sim.advance(STAGE_INTERVAL_MS);
    expect((await interceptsOf(trackingNumber, '?reference=icp_a')).body.intercepts[0]?.state).toBe(
      'RETURNING',
    );
    await sim.advance(STAGE_INTERVAL_MS);
    expect((await interceptsOf(trackingNumber, '?reference=icp_a')).body.intercepts[0]?.state).toBe(
      'RETURNED',
    );
  });

  it('finds an intercept whose answer was lost, without counting the lookup as an intercept', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'intercept',
      trackingNumber,
      count: 1,
      fault: { type: 'reset', when: 'after_read' },
    });
    await expect(sim.intercept(trackingNumber, 'icp_lost')).rejects.toThrow();
    const found = await interceptsOf(trackingNumber, '?reference=icp_lost');
    expect(found.body.intercepts.map((intercept) => intercept.state)).toEqual(['ACCEPTED']);
    expect((await sim.parcel(trackingNumber)).calls).toEqual({
      track: 0,
      intercept: 1,
      redirect: 0,
    });
  });

  it('answers 400 for an empty reference, 404 for an unknown parcel and 401 without a key', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const empty = await interceptsOf(trackingNumber, '?reference=');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'INVALID_REQUEST', field: 'reference' });
    expect((await redirectsOf('SBX999999990')).body.error.code).toBe('PARCEL_NOT_FOUND');
    const anonymous = await sim.request(
      'GET',
      `/sandbox/v1/parcels/${trackingNumber}/intercepts?reference=x`,
    );
    expect(anonymous.status).toBe(401);
  });

  it('is reached by faults on every operation (*), not by intercept faults', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'intercept',
      trackingNumber,
      count: 1,
      fault: { type: 'status', code: 503 },
    });
    expect((await interceptsOf(trackingNumber)).status).toBe(200);
    await sim.addFault({
      operation: '*',
      trackingNumber,
      count: 1,
      fault: { type: 'status', code: 503 },
    });
    expect((await redirectsOf(trackingNumber)).status).toBe(503);
  });

  it('reports a redirect ACCEPTED, then REDIRECTED once delivered at the new address', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    expect((await redirectsOf(trackingNumber, '?reference=rdr_a')).body).toEqual({ redirects: [] });
    expect((await redirect(trackingNumber, 'rdr_a')).status).toBe(201);
    const accepted = await redirectsOf(trackingNumber, '?reference=rdr_a');
    expect(accepted.body.redirects).toEqual([
      expect.objectContaining({
        redirectId: expect.stringMatching(/^SRD-/),
        reference: 'rdr_a',
        state: 'ACCEPTED',
      }),
    ]);
    // RD -> DP -> LM -> OD -> DL: four steps to the new address.
    await sim.advance(4 * STAGE_INTERVAL_MS);
    expect((await sim.parcel(trackingNumber)).status).toBe('delivered');
    expect((await redirectsOf(trackingNumber, '?reference=rdr_a')).body.redirects[0]?.state).toBe(
      'REDIRECTED',
    );
  });

  it('fails a redirect replaced by a later one, or overtaken by an intercept', async () => {
    const replaced = await sim.createParcel({ status: 'in_transit' });
    expect((await redirect(replaced, 'rdr_first')).status).toBe(201);
    expect((await redirect(replaced, 'rdr_second')).status).toBe(201);
    expect(
      (await redirectsOf(replaced)).body.redirects.map((item) => [item.reference, item.state]),
    ).toEqual([
      ['rdr_first', 'FAILED'],
      ['rdr_second', 'ACCEPTED'],
    ]);

    const turnedBack = await sim.createParcel({ status: 'in_transit' });
    expect((await redirect(turnedBack, 'rdr_x')).status).toBe(201);
    expect((await sim.intercept(turnedBack, 'icp_x')).status).toBe(201);
    await sim.advance(STAGE_INTERVAL_MS);
    expect((await redirectsOf(turnedBack, '?reference=rdr_x')).body.redirects[0]?.state).toBe(
      'FAILED',
    );
  });
});
