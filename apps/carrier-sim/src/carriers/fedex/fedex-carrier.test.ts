import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';
import { fedexExpressCheckDigit, fedexTrackingNumber } from './fedex-tracking-number.ts';

const sim = useSimulator({ seed: 'fedex-module' });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function token(secret = 'fedex-sim-secret') {
  const response = await fetch(`${sim.url}/fedex/oauth/token`, {
    method: 'POST',
    headers: FORM,
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'fedex-sim-client',
      client_secret: secret,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function track(numbers: readonly string[], accessToken: string) {
  const response = await fetch(`${sim.url}/fedex/track/v1/trackingnumbers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      includeDetailedScans: true,
      trackingInfo: numbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface CompleteResult {
  readonly trackingNumber: string;
  readonly trackResults: readonly Record<string, unknown>[];
}

function resultsOf(body: Record<string, unknown>): readonly CompleteResult[] {
  return (body.output as { completeTrackResults: CompleteResult[] }).completeTrackResults;
}

describe('fedex tracking numbers', () => {
  it('issues 12-digit Express numbers with FedEx check digits', () => {
    expect(fedexExpressCheckDigit('98657878885')).toBe(5);
    expect(fedexExpressCheckDigit('79053531231')).toBe(7);
    for (const sequence of [1, 2, 9_999_999]) {
      const number = fedexTrackingNumber(sequence);
      expect(number).toMatch(/^7700\d{8}$/);
      expect(fedexExpressCheckDigit(number.slice(0, 11))).toBe(Number(number[11]));
    }
  });
});

describe('fedex simulated OAuth and Track API', () => {
  it('issues an hour-long token, refuses wrong secrets and expired tokens', async () => {
    expect((await token('wrong')).status).toBe(401);
    const issued = await token();
    expect(issued).toMatchObject({ status: 200, body: { expires_in: 3599, token_type: 'bearer' } });
    const number = await sim.createParcel({ carrier: 'fedex', status: 'in_transit' });
    const accessToken = String(issued.body.access_token);
    expect((await track([number], accessToken)).status).toBe(200);
    await sim.request('POST', '/__sim/clock/advance', { ms: 3_599_000 });
    expect(await track([number], accessToken)).toMatchObject({
      status: 401,
      body: { errors: [{ code: 'NOT.AUTHORIZED.ERROR' }] },
    });
  });

  it('answers a batch in order, an unknown number as its own error, and counts every parcel', async () => {
    const delivered = await sim.createParcel({ carrier: 'fedex', status: 'delivered' });
    const moving = await sim.createParcel({ carrier: 'fedex', status: 'in_transit' });
    const accessToken = String((await token()).body.access_token);
    const answer = await track([delivered, '999999999999', moving], accessToken);
    expect(answer.status).toBe(200);
    const results = resultsOf(answer.body);
    expect(results.map((result) => result.trackingNumber)).toEqual([
      delivered,
      '999999999999',
      moving,
    ]);
    expect(results[1]?.trackResults[0]).toMatchObject({
      error: { code: 'TRACKING.TRACKINGNUMBER.NOTFOUND' },
    });
    expect(results[0]?.trackResults[0]).toMatchObject({
      latestStatusDetail: { code: 'DL' },
      deliveryDetails: { signedByName: expect.any(String) },
    });
    for (const number of [delivered, moving]) {
      const parcel = await sim.parcel(number, 'fedex');
      expect(parcel.calls.track).toBe(1);
    }
  });

  it('refuses an empty batch and one of more than 30 numbers', async () => {
    const accessToken = String((await token()).body.access_token);
    expect(await track([], accessToken)).toMatchObject({
      status: 400,
      body: { errors: [{ code: 'TRACKING.TRACKINGNUMBER.EMPTY' }] },
    });
    const many = Array.from({ length: 31 }, (_, index) => fedexTrackingNumber(index + 1));
    expect((await track(many, accessToken)).status).toBe(400);
  });
});
