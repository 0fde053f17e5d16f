/**
 * SF Express through the gateway, end to end against the simulated SF gateway: routes
 * read in every status SF shows (and the phone check SF asks for), a return to sender
 * accepted now and completed later by SF's signed route push, a refusal, a redirect, and
 * SF refusing our signature (A1006) as well as a forged push.
 */
import { createHash } from 'node:crypto';
import { newKey, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intercept, Problem, Redirect, Tracking } from './api-types.ts';

const SF_PACKAGE = '@parcelgate/carrier-sf';
/** The adapter's sandbox default, which the simulator signs its pushes with when told to. */
const SF_CHECKWORD = 'sfsim-checkword-0001';
const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;
const PROBLEM = 'https://parcelgate.dev/problems/';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ carriers: [SF_PACKAGE] });
});

afterAll(async () => {
  await stack?.stop();
});

function sfParcel(status: string, extra: Record<string, unknown> = {}): Promise<string> {
  return stack.sim.createParcel({ carrier: 'sf', status, ...extra });
}

function intercept(trackingNumber: string) {
  return stack.api.post<Intercept>(
    '/v1/intercepts',
    { carrier: 'sf', trackingNumber, reason: 'buyer_cancelled', pickupMode: 'platform_pickup' },
    { idempotencyKey: newKey() },
  );
}

/** SF's msgDigest, from the published formula (Java URLEncoder, MD5, Base64). */
function sfDigest(msgData: string, timestamp: string, checkword: string): string {
  const encoded = encodeURIComponent(msgData + timestamp + checkword)
    .replace(/[!'()~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
  return createHash('md5').update(encoded, 'utf8').digest('base64');
}

describe('SF Express tracking', () => {
  it.each([
    ['picked_up', 'picked_up'],
    ['in_transit', 'in_transit'],
    ['at_destination_facility', 'at_destination_facility'],
    ['out_for_delivery', 'out_for_delivery'],
    ['delivery_attempted', 'delivery_attempted'],
    ['available_for_pickup', 'available_for_pickup'],
    ['delivered', 'delivered'],
    ['exception', 'exception'],
    ['return_in_transit', 'return_in_transit'],
    ['returned', 'returned'],
  ])('a parcel %s reads as %s', async (status, expected) => {
    const trackingNumber = await sfParcel(status);
    const answer = await stack.api.get<Tracking>(`/v1/tracking/sf/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.status).toBe(expected);
  });

  it('a waybill SF shows no routes for yet (label only) is not found', async () => {
    const trackingNumber = await sfParcel('label_created');
    const answer = await stack.api.get<Problem>(`/v1/tracking/sf/${trackingNumber}`);
    expect(answer.status).toBe(404);
    expect(answer.body.type).toBe(`${PROBLEM}parcel-not-found`);
  });

  it('a parcel that is not our own order needs the last four digits of a phone', async () => {
    const trackingNumber = await sfParcel('in_transit', { category: 'sf_phone_check' });
    const without = await stack.api.get<Problem>(`/v1/tracking/sf/${trackingNumber}`);
    expect(without.status).toBe(404);
    const digits = trackingNumber.slice(-4);
    const withDigits = await stack.api.get<Tracking>(
      `/v1/tracking/sf/${trackingNumber}?phoneLastDigits=${digits}`,
    );
    expect(withDigits.status, withDigits.text).toBe(200);
    expect(withDigits.body.status).toBe('in_transit');
  });
});

describe('SF Express intercepts and redirects', () => {
  it('accepts a return to sender', async () => {
    const trackingNumber = await sfParcel('in_transit');
    const created = await intercept(trackingNumber);
    expect([201, 202], created.text).toContain(created.status);
    expect(created.body.status).toBe('accepted');
    const parcel = await stack.sim.parcel(trackingNumber, 'sf');
    expect(parcel.calls.intercept).toBe(1);
  });

  it('records SF refusing the intercept as rejected, with its code', async () => {
    // Over the simulated SF's 1000 CNY limit: Parcelgate's policy does not know the value,
    // SF refuses it (8024 声明价值超出可拦截上限).
    const trackingNumber = await sfParcel('in_transit', {
      declaredValue: { amount: '5000.00', currency: 'CNY' },
    });
    const refused = await intercept(trackingNumber);
    // The carrier answered: the intercept exists, rejected, with SF's code and reason.
    expect(refused.status, refused.text).toBe(201);
    expect(refused.body.status).toBe('rejected');
    const body = refused.body as Intercept & {
      reasons: { code: string }[];
      carrierReason: string | null;
    };
    expect(body.reasons.map((reason) => reason.code)).toEqual(['carrier_refused']);
    expect(body.carrierReason).toBe('8024');
  });

  it('completes the intercept when SF pushes the signed return routes', async () => {
    await stack.sim.pushTo('sf', stack.gatewayUrl, SF_CHECKWORD);
    const trackingNumber = await sfParcel('picked_up');
    const created = await intercept(trackingNumber);
    expect(created.body.status).toBe('accepted');
    await stack.sim.advanceClock(FOUR_HOURS_MS);
    await stack.sim.advanceClock(FOUR_HOURS_MS);
    const final = await pollUntil(
      () => stack.api.get<Intercept>(`/v1/intercepts/${created.body.id}`),
      (answer) => answer.body.status === 'returned',
    );
    expect(final.body.status, final.text).toBe('returned');
    const ours = await stack.sim.pushesFor(trackingNumber);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((push) => push.acknowledged)).toBe(true);
  });

  it('redirects a parcel to a new address', async () => {
    const trackingNumber = await sfParcel('in_transit');
    const created = await stack.api.post<Redirect>(
      '/v1/redirects',
      {
        carrier: 'sf',
        trackingNumber,
        orderRef: `ORD-${trackingNumber}`,
        reason: 'address_error',
        newAddress: {
          name: '李雷',
          phone: '13800138000',
          line1: '浦东新区世纪大道100号',
          city: '上海市',
          region: '上海市',
          country: 'CN',
        },
      },
      { idempotencyKey: newKey() },
    );
    expect([201, 202], created.text).toContain(created.status);
    expect(created.body.status).toBe('accepted');
    const parcel = await stack.sim.parcel(trackingNumber, 'sf');
    expect(parcel.calls.redirect).toBe(1);
  });
});

describe('SF Express signatures', () => {
  it('refuses a route push whose msgDigest is not signed with our checkword', async () => {
    const msgData = JSON.stringify({
      Body: {
        WaybillRoute: [
          {
            mailno: 'SF1000000000999',
            acceptTime: '2026-11-26 10:00:00',
            opCode: '80',
            remark: '已签收',
          },
        ],
      },
    });
    const body = new URLSearchParams({
      partnerID: 'PARCELGATE_SIM',
      requestID: 'forged-1',
      serviceCode: 'RoutePushService',
      timestamp: '1795660800',
      msgDigest: sfDigest(msgData, '1795660800', 'not-our-checkword'),
      msgData,
    }).toString();
    const answer = await stack
      .client(undefined)
      .request<Problem>('POST', '/v1/carrier-callbacks/sf', {
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect(answer.status, answer.text).toBe(401);
  });

  it('accepts the same push signed with our checkword, answering SF its acknowledgement', async () => {
    const msgData = JSON.stringify({
      Body: {
        WaybillRoute: [
          {
            mailno: 'SF1000000000998',
            acceptTime: '2026-11-26 10:00:00',
            opCode: '50',
            remark: '已收取',
          },
        ],
      },
    });
    const body = new URLSearchParams({
      timestamp: '1795660800',
      msgDigest: sfDigest(msgData, '1795660800', SF_CHECKWORD),
      msgData,
    }).toString();
    const answer = await stack.client(undefined).request('POST', '/v1/carrier-callbacks/sf', {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ return_code: '0000', return_msg: '成功' });
  });
});

describe('SF Express with a wrong checkword', () => {
  let wrong: Stack;

  beforeAll(async () => {
    wrong = await startStack({
      carriers: [SF_PACKAGE],
      gatewayEnv: (simUrl) => ({
        CARRIER_SF_PARTNER_ID: 'PARCELGATE_SIM',
        CARRIER_SF_CHECKWORD: 'not-the-simulator-checkword',
        CARRIER_SF_BASE_URL: `${simUrl}/sf`,
      }),
    });
  });

  afterAll(async () => {
    await wrong?.stop();
  });

  it('SF refuses the signature (A1006): the carrier refused our credentials', async () => {
    const trackingNumber = await wrong.sim.createParcel({ carrier: 'sf', status: 'in_transit' });
    const answer = await wrong.api.get<Problem>(`/v1/tracking/sf/${trackingNumber}`);
    expect(answer.status, answer.text).toBe(502);
    expect(answer.body.type).toBe(`${PROBLEM}carrier-authentication-failed`);
  });
});
