import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';
import { impbCheckDigit, uspsTrackingNumber } from './usps-tracking-number.ts';

const sim = useSimulator({ seed: 'usps-module' });

interface Item {
  readonly trackingNumber: string;
  readonly trackingEvents?: readonly { readonly eventCode: string }[];
  readonly error?: { readonly code: string; readonly message: string };
}

async function token(clientId = 'usps-sim-client', secret = 'usps-sim-secret') {
  return sim.request<{ access_token?: string; expires_in?: string; error?: string }>(
    'POST',
    '/usps/oauth2/v3/token',
    { client_id: clientId, client_secret: secret, grant_type: 'client_credentials' },
  );
}

async function track(numbers: readonly string[], accessToken: string) {
  return sim.request<readonly Item[] & { error?: { code: string } }>(
    'POST',
    '/usps/tracking/v3r2/tracking?expand=DETAIL',
    numbers.map((trackingNumber) => ({ trackingNumber })),
    { authorization: `Bearer ${accessToken}` },
  );
}

describe('usps tracking numbers', () => {
  it('issues 22-digit IMpb numbers with their mod-10 check digit', () => {
    for (const sequence of [1, 2, 999_999]) {
      const number = uspsTrackingNumber(sequence);
      expect(number).toMatch(/^9400\d{18}$/);
      expect(Number(number.slice(21))).toBe(impbCheckDigit(number.slice(0, 21)));
    }
    // A USPS number from the tracking_number_data set verifies with the same rule.
    expect(impbCheckDigit('940011120108080548301')).toBe(6);
  });
});

describe('usps simulated OAuth and Tracking v3r2', () => {
  it('issues a token (JSON body, expires_in a string) that expires in simulated time', async () => {
    const issued = await token();
    expect(issued.status).toBe(200);
    expect(issued.body.expires_in).toBe('28799');
    const accessToken = String(issued.body.access_token);
    const trackingNumber = await sim.createParcel({ carrier: 'usps', status: 'in_transit' });
    expect((await track([trackingNumber], accessToken)).status).toBe(200);
    await sim.advance(28_799_000);
    expect(await track([trackingNumber], accessToken)).toMatchObject({
      status: 401,
      body: { error: { code: '401' } },
    });
    expect((await token('usps-sim-client', 'wrong')).body.error).toBe('invalid_client');
  });

  it('answers one item per number, an unknown number as its own error, and counts each parcel', async () => {
    const accessToken = String((await token()).body.access_token);
    const first = await sim.createParcel({ carrier: 'usps', status: 'delivered' });
    const second = await sim.createParcel({ carrier: 'usps', status: 'out_for_delivery' });
    const answer = await track([first, '9400111201080805483016', second], accessToken);
    expect(answer.status).toBe(200);
    expect(answer.body.map((item) => item.trackingNumber)).toEqual([
      first,
      '9400111201080805483016',
      second,
    ]);
    expect(answer.body[0]?.trackingEvents?.[0]?.eventCode).toBe('01');
    expect(answer.body[1]?.error?.code).toBe('404');
    expect(answer.body[2]?.trackingEvents?.[0]?.eventCode).toBe('OF');
    expect((await sim.parcel(first, 'usps')).calls.track).toBe(1);
    expect((await sim.parcel(second, 'usps')).calls.track).toBe(1);
  });

  it('refuses more than 35 numbers and a body that is not an array', async () => {
    const accessToken = String((await token()).body.access_token);
    const many = Array.from({ length: 36 }, (_, index) => uspsTrackingNumber(index + 1));
    expect((await track(many, accessToken)).status).toBe(400);
    const notArray = await sim.request(
      'POST',
      '/usps/tracking/v3r2/tracking',
      { trackingNumber: 'x' },
      {
        authorization: `Bearer ${accessToken}`,
      },
    );
    expect(notArray.status).toBe(400);
  });
});
