import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';

const sim = useSimulator({ seed: 'ups-accounts' });

const OWNER = 'ups-sim-tenant-a';
const OTHER = 'ups-sim-tenant-b';
const INTERCEPT_HEADERS = {
  'content-type': 'application/json',
  transId: 'simacct01',
  transactionSrc: 'test',
  platformType: 'XOLT',
  inquiryType: 'U',
};
const REQUESTER = { name: 'Test', telephone: '+14045550100' };

async function tokenFor(clientId: string): Promise<string> {
  const response = await fetch(`${sim.url}/ups/security/v1/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:ups-sim-secret`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  const body = (await response.json()) as { access_token: string; client_id: string };
  expect(body.client_id).toBe(clientId);
  return body.access_token;
}

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${sim.url}/ups${path}`, {
    method,
    headers: { ...INTERCEPT_HEADERS, authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    apiErrorCode: response.headers.get('apierrorcode'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const RETURN = {
  requestType: 'RS',
  reasonForReturn: 'AM',
  requesterContactInfo: REQUESTER,
  specialInstructions: null,
};
const REDIRECT = {
  requestType: 'AA',
  requesterContactInfo: REQUESTER,
  specialInstructions: null,
  newDeliveryAddress: {
    addressInfo: {
      addressLine1: '1 Main St',
      city: 'Atlanta',
      state: 'GA',
      postalCode: '30301',
      countryCode: 'US',
    },
  },
};

describe('ups accounts (the OAuth client id a token was issued to)', () => {
  it("tracks another account's package (tracking is open), refusing Delivery Intercept with 401 605", async () => {
    const trackingNumber = await sim.createParcel({
      carrier: 'ups',
      status: 'in_transit',
      account: OWNER,
    });
    const other = await tokenFor(OTHER);

    const tracked = await call('GET', `/api/track/v1/details/${trackingNumber}`, other);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({
      trackResponse: { shipment: [{ package: [{ trackingNumber }] }] },
    });

    const prefix = '/api/deliveryintercept/v2';
    for (const [method, path, body] of [
      ['POST', `${prefix}/return/${trackingNumber}`, RETURN],
      ['POST', `${prefix}/redirect/address/${trackingNumber}`, REDIRECT],
      ['POST', `${prefix}/cancel/${trackingNumber}`, { requestType: 'RS' }],
      ['GET', `${prefix}/eligibility/intercept/${trackingNumber}`, undefined],
    ] as const) {
      const refused = await call(method, path, other, body);
      expect(refused.status, path).toBe(401);
      expect(refused.apiErrorCode).toBe('605');
      expect(refused.body).toEqual({
        response: {
          transactionId: 'simacct01',
          statusCode: '401',
          errors: [
            {
              code: '605',
              message: "Package address token does not match any tokens in the user's profile.",
            },
          ],
        },
      });
    }

    const parcel = await sim.parcel(trackingNumber, 'ups');
    expect(parcel.intercept).toBeNull();
    expect(parcel.redirects).toEqual([]);
    // The cancel counts as what it withdraws (cancelIntercept: requestType RS).
    const counts = { track: 1, intercept: 1, redirect: 1, cancelIntercept: 1 };
    expect(parcel.calls).toEqual(counts);
    expect(parcel.callsByAccount).toEqual({ [OTHER]: counts });
  });

  it('lets the account that shipped the package intercept it', async () => {
    const trackingNumber = await sim.createParcel({
      carrier: 'ups',
      status: 'in_transit',
      account: OWNER,
    });
    const owner = await tokenFor(OWNER);
    const accepted = await call(
      'POST',
      `/api/deliveryintercept/v2/return/${trackingNumber}`,
      owner,
      RETURN,
    );
    expect(accepted).toMatchObject({ status: 200, body: { success: true } });
    expect((await sim.parcel(trackingNumber, 'ups')).callsByAccount).toEqual({
      [OWNER]: { track: 0, intercept: 1, redirect: 0 },
    });
  });
});
