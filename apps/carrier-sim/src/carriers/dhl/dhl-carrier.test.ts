import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';
import { dhlCheckDigit, dhlTrackingNumber } from './dhl-tracking-number.ts';

const sim = useSimulator({ seed: 'dhl-module' });
const KEY = { 'DHL-API-Key': 'dhl-sim-api-key' };

interface Shipments {
  readonly shipments?: readonly {
    readonly id: string;
    readonly service: string;
    readonly status?: { readonly statusCode: string };
    readonly events: readonly { readonly statusCode: string; readonly timestamp: string }[];
    readonly details: {
      readonly proofOfDelivery?: { readonly signed?: { readonly name?: string } };
    };
  }[];
  readonly title?: string;
  readonly status?: number;
}

function track(query: string, headers: Record<string, string> = KEY) {
  return sim.request<Shipments>('GET', `/dhl/track/shipments?${query}`, undefined, headers);
}

describe('dhl tracking numbers', () => {
  it('issues 10-digit numbers whose last digit is the rest modulo 7', () => {
    for (const sequence of [1, 2, 37, 99_999_999]) {
      const number = dhlTrackingNumber(sequence);
      expect(number).toMatch(/^\d{10}$/);
      expect(Number(number.slice(9))).toBe(dhlCheckDigit(number.slice(0, 9)));
    }
    // The DHL Express test number of the tracking_number_data set verifies the same way.
    expect(dhlCheckDigit('331881002')).toBe(5);
  });
});

describe('dhl simulated Shipment Tracking - Unified', () => {
  it('answers a shipment, events newest first in UTC, with proof of delivery once delivered', async () => {
    const trackingNumber = await sim.createParcel({ carrier: 'dhl', status: 'delivered' });
    const answer = await track(`trackingNumber=${trackingNumber}&service=express`);
    expect(answer.status).toBe(200);
    const [shipment] = answer.body.shipments ?? [];
    expect(shipment).toMatchObject({
      id: trackingNumber,
      service: 'express',
      status: { statusCode: 'delivered' },
    });
    expect(shipment?.events[0]?.statusCode).toBe('delivered');
    expect(shipment?.events.at(-1)?.statusCode).toBe('pre-transit');
    expect(shipment?.events.every((event) => event.timestamp.endsWith('Z'))).toBe(true);
    expect(shipment?.details.proofOfDelivery?.signed?.name).toEqual(expect.any(String));
  });

  it('answers problem documents: no key 401, unknown number or another division 404, no number 400', async () => {
    const trackingNumber = await sim.createParcel({ carrier: 'dhl', status: 'in_transit' });
    const noKey = await track(`trackingNumber=${trackingNumber}`, {});
    expect(noKey).toMatchObject({ status: 401, body: { title: 'Unauthorized', status: 401 } });
    expect(noKey.headers.get('content-type')).toBe('application/problem+json');
    expect(await track('trackingNumber=3318810025')).toMatchObject({
      status: 404,
      body: { title: 'No result found' },
    });
    expect((await track(`trackingNumber=${trackingNumber}&service=parcel-de`)).status).toBe(404);
    expect((await track('service=express')).status).toBe(400);
  });

  it('counts calls per parcel and scopes faults to the number in the query', async () => {
    const trackingNumber = await sim.createParcel({ carrier: 'dhl', status: 'in_transit' });
    await sim.addFault({
      carrier: 'dhl',
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'rate_limit', retryAfter: 60 },
    });
    const limited = await track(`trackingNumber=${trackingNumber}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await track(`trackingNumber=${trackingNumber}`)).status).toBe(200);
    expect((await sim.parcel(trackingNumber, 'dhl')).calls.track).toBe(2);
  });
});
