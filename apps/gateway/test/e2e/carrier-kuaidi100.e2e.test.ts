/**
 * Kuaidi100 through the gateway, end to end against the simulated Kuaidi100: tracking with
 * `carrierOptions[com]` (the carrier behind the parcel in the answer) in every status, a
 * return to sender answered later by Kuaidi100's signed callback and pushes, a refusal,
 * an address change (MODIFY_ADDR), and a push with a bad sign refused with nothing stored.
 */
import { createHash } from 'node:crypto';
import { newKey, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Eligibility, Intercept, Problem, Redirect, Tracking } from './api-types.ts';
import { companyOf } from './kuaidi100-company.ts';

const KUAIDI100_PACKAGE = '@parcelgate/carrier-kuaidi100';
/** The adapter's sandbox salt: the simulator signs pushes with it when told to. */
const KUAIDI100_SALT = 'simkd100salt';
const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;
const PROBLEM = 'https://parcelgate.dev/problems/';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ carriers: [KUAIDI100_PACKAGE] });
  // Kuaidi100's subscription pushes for parcels nobody subscribed go to the gateway, signed
  // with our salt, as a portal-configured subscription would.
  await stack.sim.pushTo('kuaidi100', stack.gatewayUrl, KUAIDI100_SALT);
});

afterAll(async () => {
  await stack?.stop();
});

function kuaidi100Parcel(status: string, extra: Record<string, unknown> = {}): Promise<string> {
  return stack.sim.createParcel({ carrier: 'kuaidi100', status, ...extra });
}

function intercept(trackingNumber: string) {
  return stack.api.post<Intercept>(
    '/v1/intercepts',
    {
      carrier: 'kuaidi100',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
      carrierOptions: { com: companyOf(trackingNumber) },
    },
    { idempotencyKey: newKey() },
  );
}

function push(param: string, salt: string) {
  const sign = createHash('md5')
    .update(param + salt, 'utf8')
    .digest('hex')
    .toUpperCase();
  return stack.client(undefined).request<Problem>('POST', '/v1/carrier-callbacks/kuaidi100', {
    body: new URLSearchParams({ param, sign }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('Kuaidi100 tracking', () => {
  // The adapter asks for advanced states (resultv2=4): every status reads as itself, a
  // parcel waiting for its pickup (101 已下单) included, which main states call 揽收.
  it.each([
    ['label_created', 'label_created'],
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
    ['cancelled', 'cancelled'],
  ])('a parcel %s reads as %s, with the carrier behind it', async (status, expected) => {
    const trackingNumber = await kuaidi100Parcel(status);
    const com = companyOf(trackingNumber);
    const answer = await stack.api.get<Tracking & { underlyingCarrier?: { code: string } }>(
      `/v1/tracking/kuaidi100/${trackingNumber}?carrierOptions[com]=${com}`,
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.status).toBe(expected);
    expect(answer.body.underlyingCarrier?.code).toBe(com);
  });

  it('sees a parcel not picked up yet before asking the carrier: not_picked_up, cancel the shipment', async () => {
    const trackingNumber = await kuaidi100Parcel('label_created');
    const answer = await stack.api.post<Eligibility>('/v1/intercepts/eligibility', {
      carrier: 'kuaidi100',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
      carrierOptions: { com: companyOf(trackingNumber) },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({
      eligible: false,
      parcelStatus: 'label_created',
      nextActions: ['cancel_shipment'],
    });
    expect(answer.body.reasons.map((reason) => reason.code)).toContain('not_picked_up');
    const parcel = await stack.sim.parcel(trackingNumber, 'kuaidi100');
    expect(parcel.calls.intercept).toBe(0);
  });

  it('recognises the carrier from the number when carrierOptions[com] is left out', async () => {
    const trackingNumber = await kuaidi100Parcel('in_transit');
    const answer = await stack.api.get<Tracking & { underlyingCarrier?: { code: string } }>(
      `/v1/tracking/kuaidi100/${trackingNumber}`,
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.underlyingCarrier?.code).toBe(companyOf(trackingNumber));
  });

  it('answers not found when the company does not match the number', async () => {
    const trackingNumber = await kuaidi100Parcel('in_transit');
    const wrong = companyOf(trackingNumber) === 'yunda' ? 'zhongtong' : 'yunda';
    const answer = await stack.api.get<Problem>(
      `/v1/tracking/kuaidi100/${trackingNumber}?carrierOptions[com]=${wrong}`,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.type).toBe(`${PROBLEM}parcel-not-found`);
  });
});

describe('Kuaidi100 intercepts and redirects', () => {
  it('takes a return to sender as pending, then completes it from the signed callback and pushes', async () => {
    const trackingNumber = await kuaidi100Parcel('picked_up');
    const created = await intercept(trackingNumber);
    expect(created.status, created.text).toBe(202);
    expect(created.body.status).toBe('pending');
    const parcel = await stack.sim.parcel(trackingNumber, 'kuaidi100');
    expect(parcel.calls.intercept).toBe(1);

    await stack.sim.advanceClock(FOUR_HOURS_MS);
    await stack.sim.advanceClock(FOUR_HOURS_MS);
    const final = await pollUntil(
      () => stack.api.get<Intercept>(`/v1/intercepts/${created.body.id}`),
      (answer) => answer.body.status === 'returned',
    );
    expect(final.body.status, final.text).toBe('returned');
    const ours = await stack.sim.pushesFor(trackingNumber);
    expect(ours.some((entry) => decodeURIComponent(entry.body).includes('拦截成功'))).toBe(true);
    expect(ours.every((entry) => entry.acknowledged)).toBe(true);
  });

  it('answers Kuaidi100 refusing an intercept of a parcel out for delivery as not eligible', async () => {
    // The gateway's policy lets it through (low likelihood); Kuaidi100 refuses it (500).
    const outForDelivery = await kuaidi100Parcel('out_for_delivery');
    const answer = await stack.api.post<Problem>(
      '/v1/intercepts',
      {
        carrier: 'kuaidi100',
        trackingNumber: outForDelivery,
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
        carrierOptions: { com: companyOf(outForDelivery) },
      },
      { idempotencyKey: newKey() },
    );
    expect(answer.status, answer.text).toBe(422);
    expect(answer.body.type).toBe(`${PROBLEM}not-eligible`);
  });

  it('changes the address of a parcel in transit (MODIFY_ADDR), pending until Kuaidi100 calls back', async () => {
    const trackingNumber = await kuaidi100Parcel('in_transit');
    const created = await stack.api.post<Redirect>(
      '/v1/redirects',
      {
        carrier: 'kuaidi100',
        trackingNumber,
        orderRef: `ORD-${trackingNumber}`,
        reason: 'address_error',
        carrierOptions: { com: companyOf(trackingNumber) },
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
    expect(created.status, created.text).toBe(202);
    expect(created.body.status).toBe('pending');
    const parcel = await stack.sim.parcel(trackingNumber, 'kuaidi100');
    expect(parcel.calls.redirect).toBe(1);
  });
});

describe('Kuaidi100 push signatures', () => {
  it('refuses a push whose sign is not MD5(param + our salt) and stores nothing', async () => {
    const trackingNumber = await kuaidi100Parcel('in_transit');
    const created = await intercept(trackingNumber);
    expect(created.body.status).toBe('pending');
    const forged = JSON.stringify({
      kuaidicom: companyOf(trackingNumber),
      kuaidinum: trackingNumber,
      orderId: created.body.id,
      interceptType: 'RETURN_SEND_ADDR',
      interceptStatus: 'FAIL',
      message: '拦截失败',
    });
    const answer = await push(forged, 'not-our-salt');
    expect(answer.status, answer.text).toBe(401);
    const read = await stack.api.get<Intercept>(`/v1/intercepts/${created.body.id}`);
    expect(read.body.status).toBe('pending');

    const genuine = await push(forged, KUAIDI100_SALT);
    expect(genuine.status, genuine.text).toBe(200);
    expect(genuine.body).toEqual({ result: true, returnCode: '200', message: '成功' });
    const after = await pollUntil(
      () => stack.api.get<Intercept>(`/v1/intercepts/${created.body.id}`),
      (value) => value.body.status !== 'pending',
    );
    expect(after.body.status).toBe('rejected');
  });
});
