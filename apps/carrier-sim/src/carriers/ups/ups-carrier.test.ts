import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';
import {
  isValidUpsTrackingNumber,
  upsCheckDigit,
  upsTrackingNumber,
} from './ups-tracking-number.ts';

const sim = useSimulator({ seed: 'ups-module' });
const BASIC = `Basic ${Buffer.from('ups-sim-client:ups-sim-secret').toString('base64')}`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function token(
  authorization = BASIC,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sim.url}/ups/security/v1/oauth/token`, {
    method: 'POST',
    headers: { ...FORM, authorization },
    body: 'grant_type=client_credentials',
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function track(trackingNumber: string, accessToken: string) {
  const response = await fetch(`${sim.url}/ups/api/track/v1/details/${trackingNumber}`, {
    headers: {
      authorization: `Bearer ${accessToken}`,
      transId: 'simtest01',
      transactionSrc: 'test',
    },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('ups tracking numbers', () => {
  it('issues 1Z numbers whose check digit verifies', () => {
    for (const sequence of [1, 2, 37, 9_999_999]) {
      expect(isValidUpsTrackingNumber(upsTrackingNumber(sequence))).toBe(true);
    }
    // UPS's own example numbers verify with the same rule.
    expect(isValidUpsTrackingNumber('1Z4096YY0316914058')).toBe(true);
    expect(upsCheckDigit('999AA1012345678')).toBe(4);
    expect(isValidUpsTrackingNumber('1Z999AA10123456785')).toBe(false);
  });
});

describe('ups simulated OAuth and Track API', () => {
  it('issues a token that expires in simulated time, then answers 401 251004', async () => {
    const trackingNumber = await sim.createParcel({ carrier: 'ups', status: 'in_transit' });
    const issued = await token();
    expect(issued.status).toBe(200);
    expect(issued.body.expires_in).toBe('14399');
    const accessToken = String(issued.body.access_token);
    expect((await track(trackingNumber, accessToken)).status).toBe(200);
    await sim.request('POST', '/__sim/clock/advance', { ms: 14_399_000 });
    const expired = await track(trackingNumber, accessToken);
    expect(expired).toMatchObject({
      status: 401,
      body: { response: { errors: [{ code: '251004' }] } },
    });
  });

  it('refuses unknown tokens (UJ0001) and bad client credentials (250002)', async () => {
    const trackingNumber = await sim.createParcel({ carrier: 'ups', status: 'in_transit' });
    expect(await track(trackingNumber, 'made-up')).toMatchObject({
      status: 401,
      body: { response: { errors: [{ code: 'UJ0001' }] } },
    });
    const bad = `Basic ${Buffer.from('ups-sim-client:wrong').toString('base64')}`;
    expect(await token(bad)).toMatchObject({
      status: 401,
      body: { response: { errors: [{ code: '250002' }] } },
    });
  });

  it('answers an unknown number with HTTP 200 and warning TW0001', async () => {
    const accessToken = String((await token()).body.access_token);
    const answer = await track('1Z999AA10123456784', accessToken);
    expect(answer).toMatchObject({
      status: 200,
      body: { trackResponse: { shipment: [{ warnings: [{ code: 'TW0001' }] }] } },
    });
  });

  it('requires Delivery Intercept headers and answers refusals with 200 success:false', async () => {
    const trackingNumber = await sim.createParcel({ carrier: 'ups', status: 'out_for_delivery' });
    const accessToken = String((await token()).body.access_token);
    const body = JSON.stringify({
      requestType: 'RS',
      reasonForReturn: 'AM',
      requesterContactInfo: { name: 'Test', telephone: '+14045550100' },
      specialInstructions: null,
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${sim.url}/ups/api/deliveryintercept/v2/return/${trackingNumber}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json',
          ...headers,
        },
        body,
      });
    const missing = await post({
      transId: 'waytoolongtransid15',
      platformType: 'XOLT',
      inquiryType: 'U',
    });
    expect(missing.status).toBe(400);
    const untyped = await post({
      transId: 'simtest01',
      platformType: 'XOLT',
      inquiryType: 'U',
      'content-type': '',
    });
    expect(untyped.status).toBe(400);
    expect(await untyped.json()).toMatchObject({ response: { errors: [{ code: '710' }] } });
    const refused = await post({ transId: 'simtest02', platformType: 'XOLT', inquiryType: 'U' });
    expect(refused.status).toBe(200);
    expect(await refused.json()).toMatchObject({
      success: false,
      errors: [{ errorCode: '9103' }],
    });
  });

  it('cancels a return to sender (RS) until the package turns back, then answers 9110', async () => {
    let accessToken = String((await token()).body.access_token);
    const requester = { name: 'Test', telephone: '+14045550100' };
    const call = (operation: string, trackingNumber: string, body: unknown) =>
      fetch(`${sim.url}/ups/api/deliveryintercept/v2/${operation}/${trackingNumber}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json',
          transId: 'simcancel1',
          platformType: 'XOLT',
          inquiryType: 'U',
        },
        body: JSON.stringify(body),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
      }));
    const cancelRs = {
      requestType: 'RS',
      requesterContactInfo: requester,
      specialInstructions: null,
    };
    const first = await sim.createParcel({ carrier: 'ups', status: 'in_transit' });
    const placed = await call('return', first, { ...cancelRs, reasonForReturn: 'AM' });
    expect(placed.body.success).toBe(true);
    expect(await call('cancel', first, cancelRs)).toMatchObject({
      status: 200,
      body: { success: true },
    });
    const parcel = await sim.parcel(first, 'ups');
    expect(parcel.intercept?.state).toBe('CANCELLED');
    expect(parcel.calls.cancelIntercept).toBe(1);
    // The spec requires requesterContactInfo and specialInstructions on a cancel too.
    expect((await call('cancel', first, { requestType: 'RS' })).status).toBe(400);

    const second = await sim.createParcel({ carrier: 'ups', status: 'in_transit' });
    await call('return', second, { ...cancelRs, reasonForReturn: 'AM' });
    await sim.request('POST', '/__sim/clock/advance', { ms: 4 * 60 * 60 * 1000 });
    // Four simulated hours outlive the token.
    accessToken = String((await token()).body.access_token);
    expect(await call('cancel', second, cancelRs)).toMatchObject({
      status: 200,
      body: { success: false, errors: [{ errorCode: '9110' }] },
    });
  });
});
