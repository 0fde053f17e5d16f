/**
 * Per-request carrier options cannot redirect money or parcels: each adapter declares the
 * `carrierOptions` a request may set, `GET /v1/carriers` lists them, and the gateway
 * refuses any other key with a 400 naming it before anything is stored or the carrier is
 * asked (SF's return address, Kuaidi100's payer), while a declared one (Kuaidi100's
 * `com`) still reaches the carrier.
 */

import { newKey, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierEntry, Intercept, Problem } from './api-types.ts';

const PROBLEM = 'https://parcelgate.dev/problems/';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    carriers: ['@parcelgate/carrier-sf', '@parcelgate/carrier-kuaidi100'],
  });
});

afterAll(async () => {
  await stack?.stop();
});

function intercept(carrier: string, trackingNumber: string, carrierOptions: object) {
  return stack.api.post<Intercept & Problem>(
    '/v1/intercepts',
    {
      carrier,
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
      carrierOptions,
    },
    { idempotencyKey: newKey() },
  );
}

/** The company the simulated Kuaidi100 issues a number for (see its README subsection). */
function companyOf(trackingNumber: string): string {
  const prefixes: Readonly<Record<string, string>> = {
    YT: 'yuantong',
    JT: 'jtexpress',
    43: 'yunda',
  };
  return prefixes[trackingNumber.slice(0, 2)] ?? 'zhongtong';
}

async function expectNoCarrierCall(trackingNumber: string, carrier: string): Promise<void> {
  const parcel = await stack.sim.parcel(trackingNumber, carrier);
  expect(parcel.calls).toEqual({ track: 0, intercept: 0, redirect: 0 });
}

describe('per-request carrier options', () => {
  it('lists what each carrier accepts', async () => {
    const carriers = await stack.api.get<{ data: CarrierEntry[] }>('/v1/carriers');
    expect(carriers.status, carriers.text).toBe(200);
    const byId = new Map(carriers.body.data.map((carrier) => [carrier.id, carrier]));
    expect(byId.get('sf')?.requestOptions).toEqual([
      expect.objectContaining({ key: 'county', operations: ['redirect'], example: '浦东新区' }),
    ]);
    expect(byId.get('kuaidi100')?.requestOptions).toEqual([
      expect.objectContaining({
        key: 'com',
        operations: ['track', 'intercept', 'redirect'],
        pattern: '^[A-Za-z0-9_]{2,40}$',
      }),
    ]);
  });

  it('refuses an SF return address in carrierOptions, naming it, with no carrier call', async () => {
    const trackingNumber = await stack.sim.createParcel({ carrier: 'sf', status: 'in_transit' });
    const answer = await intercept('sf', trackingNumber, { returnAddress: '别处' });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.type).toBe(`${PROBLEM}validation-failed`);
    expect(answer.body.errors).toEqual([
      {
        pointer: '/carrierOptions/returnAddress',
        detail: 'is not an option SF Express accepts on intercept requests (it accepts none)',
      },
    ]);
    await expectNoCarrierCall(trackingNumber, 'sf');
    const list = await stack.api.get<{ data: Intercept[] }>('/v1/intercepts');
    expect(list.body.data.some((item) => item.trackingNumber === trackingNumber)).toBe(false);
  });

  it("refuses Kuaidi100's payer in carrierOptions and an undeclared tracking option", async () => {
    const trackingNumber = await stack.sim.createParcel({
      carrier: 'kuaidi100',
      status: 'picked_up',
    });
    const payer = await intercept('kuaidi100', trackingNumber, {
      com: companyOf(trackingNumber),
      interceptPayType: 'CONSIGNEE',
    });
    expect(payer.status, payer.text).toBe(400);
    expect(payer.body.errors?.map((error) => error.pointer)).toEqual([
      '/carrierOptions/interceptPayType',
    ]);
    const tracking = await stack.api.get<Problem>(
      `/v1/tracking/kuaidi100/${trackingNumber}?carrierOptions[interceptType]=RETURN_SEND_STATION`,
    );
    expect(tracking.status, tracking.text).toBe(400);
    expect(tracking.body.errors?.map((error) => error.pointer)).toEqual([
      '/query/carrierOptions/interceptType',
    ]);
    await expectNoCarrierCall(trackingNumber, 'kuaidi100');
  });

  it('still sends a declared option: Kuaidi100 `com` reaches the carrier', async () => {
    const trackingNumber = await stack.sim.createParcel({
      carrier: 'kuaidi100',
      status: 'picked_up',
    });
    const answer = await intercept('kuaidi100', trackingNumber, { com: companyOf(trackingNumber) });
    expect(answer.status, answer.text).toBe(202);
    expect(answer.body.status).toBe('pending');
    const parcel = await stack.sim.parcel(trackingNumber, 'kuaidi100');
    expect(parcel.calls.intercept).toBe(1);
  });
});
