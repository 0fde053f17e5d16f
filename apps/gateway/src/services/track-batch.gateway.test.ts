import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

// A carrier that tracks 30 parcels per call (like FedEx), one that tracks one per call, and
// one that never answers (its track budget is short).
const bulk = createFakeCarrier('bulk', {
  bulkTracking: { maxPerCall: 30 },
  detect: (number) => (number.startsWith('BK') ? 'verified' : undefined),
});
const single = createFakeCarrier('single');
// Recognises the bulk carrier's `BKX` numbers by their format only: a lesser candidate.
const lesser = createFakeCarrier('lesser', {
  detect: (number) => (number.startsWith('BKX') ? 'format' : undefined),
});
const slow = createFakeCarrier('slow', {
  detect: (number) => (number.startsWith('SL') ? 'format' : undefined),
});
slow.script.beforeTrack = (ctx) =>
  new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([bulk.carrier, single.carrier, slow.carrier, lesser.carrier], {
    CARRIER_SLOW_BUDGET_TRACK_MS: '300',
  });
});
afterAll(() => gateway.close());

const number = (prefix: string, n: number) => `${prefix}${String(n).padStart(4, '0')}`;

interface BatchAnswer {
  data: {
    index: number;
    trackingNumber: string;
    carrier: string;
    tracking?: { carrier: string; status: string; detection?: { confidence: string } };
    problem?: { type: string; carrier?: string };
  }[];
}

const batch = (items: readonly Record<string, unknown>[]) =>
  gateway.app.inject({
    method: 'POST',
    url: '/v1/tracking/batch',
    headers: gateway.auth.acme,
    payload: { items },
  });

describe('POST /v1/tracking/batch', () => {
  it('reads 100 mixed parcels in the fewest carrier calls, answering each in request order', async () => {
    const items: Record<string, unknown>[] = [];
    for (let n = 1; n <= 100; n++) {
      if (n <= 60) {
        bulk.script.parcels.set(number('BK', n), 'in_transit');
        items.push({ carrier: 'bulk', trackingNumber: number('BK', n) });
      } else if (n <= 70) {
        bulk.script.parcels.set(number('BK', n), 'delivered');
        items.push({ carrier: 'auto', trackingNumber: number('BK', n) });
      } else if (n <= 95) {
        single.script.parcels.set(number('FK', n), 'picked_up');
        items.push({ carrier: 'single', trackingNumber: number('FK', n) });
      } else {
        // Unknown to the carrier: each answers its own problem.
        items.push({ carrier: 'bulk', trackingNumber: number('BK9', n) });
      }
    }
    // Interleaved, so request order is not carrier order.
    items.sort((a, b) => String(a.trackingNumber).localeCompare(String(b.trackingNumber)) * -1);
    const response = await batch(items);
    expect(response.statusCode).toBe(200);
    const { data } = response.json<BatchAnswer>();
    expect(data.map((item) => item.trackingNumber)).toEqual(
      items.map((item) => item.trackingNumber),
    );
    expect(data.map((item) => item.index)).toEqual(items.map((_, index) => index));
    // 75 numbers at the bulk carrier, 30 per call: 3 calls; 25 single reads; nothing else.
    expect(bulk.script.calls.trackMany).toBe(3);
    expect(bulk.script.calls.track).toBe(0);
    expect(single.script.calls.track).toBe(25);
    expect(Math.max(...bulk.script.requests.trackMany.map((call) => call.length))).toBe(30);
    for (const [index, item] of data.entries()) {
      const asked = items[index];
      if (String(asked?.trackingNumber).startsWith('BK9')) {
        expect(item.problem?.type).toMatch(/parcel-not-found$/);
      } else {
        expect(item.tracking?.carrier).toBe(asked?.carrier === 'single' ? 'single' : 'bulk');
      }
      if (asked?.carrier === 'auto') {
        expect(item.tracking?.detection).toEqual({ confidence: 'verified' });
      }
    }
  });

  it('answers again from the tracking cache without asking the carrier', async () => {
    const before = bulk.script.calls.trackMany;
    const response = await batch([
      { carrier: 'bulk', trackingNumber: number('BK', 1) },
      { carrier: 'bulk', trackingNumber: number('BK', 2) },
    ]);
    expect(response.json<BatchAnswer>().data.every((item) => item.tracking !== undefined)).toBe(
      true,
    );
    expect(bulk.script.calls.trackMany).toBe(before);
  });

  it('gives an item past its budget its own timeout problem while the others answer', async () => {
    bulk.script.parcels.set('BK5001', 'in_transit');
    single.script.parcels.set('FK5002', 'in_transit');
    const response = await batch([
      { carrier: 'slow', trackingNumber: 'SL5000' },
      { carrier: 'bulk', trackingNumber: 'BK5001' },
      { carrier: 'single', trackingNumber: 'FK5002' },
      { carrier: 'auto', trackingNumber: 'SL5003' },
    ]);
    expect(response.statusCode).toBe(200);
    const { data } = response.json<BatchAnswer>();
    expect(data[0]?.problem).toMatchObject({ type: expect.stringMatching(/carrier-timeout$/) });
    expect(data[1]?.tracking?.carrier).toBe('bulk');
    expect(data[2]?.tracking?.carrier).toBe('single');
    expect(data[3]?.problem).toMatchObject({ type: expect.stringMatching(/carrier-timeout$/) });
  });

  it('asks the lesser candidates of an auto item its one best carrier does not know, as a single read does', async () => {
    lesser.script.parcels.set('BKX0001', 'in_transit');
    bulk.script.parcels.set('BKX0002', 'picked_up');
    const response = await batch([
      { carrier: 'auto', trackingNumber: 'BKX0001' },
      { carrier: 'auto', trackingNumber: 'BKX0002' },
      { carrier: 'auto', trackingNumber: 'BKX0003' },
    ]);
    expect(response.statusCode).toBe(200);
    const { data } = response.json<BatchAnswer>();
    expect(data[0]?.tracking).toMatchObject({
      carrier: 'lesser',
      detection: { confidence: 'format' },
    });
    expect(data[1]?.tracking).toMatchObject({
      carrier: 'bulk',
      detection: { confidence: 'verified' },
    });
    expect(data[2]?.problem?.type).toMatch(/parcel-not-found$/);
    const single = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/auto/BKX0001',
      headers: gateway.auth.acme,
    });
    expect(single.statusCode).toBe(200);
    expect(single.json()).toMatchObject({ carrier: 'lesser', detection: { confidence: 'format' } });
  });

  it("refuses an item's own mistakes as its problem, and a batch over 100 as a 400", async () => {
    const response = await batch([
      { carrier: 'nope', trackingNumber: 'FK0001' },
      { carrier: 'auto', trackingNumber: 'ZZ0001' },
      { carrier: 'single', trackingNumber: 'FK0002', carrierOptions: { other: 'x' } },
    ]);
    expect(response.statusCode).toBe(200);
    const { data } = response.json<BatchAnswer>();
    expect(data.map((item) => item.problem?.type.split('/').at(-1))).toEqual([
      'unknown-carrier',
      'unknown-carrier',
      'validation-failed',
    ]);
    const tooMany = await batch(
      Array.from({ length: 101 }, (_, n) => ({ carrier: 'bulk', trackingNumber: number('BK', n) })),
    );
    expect(tooMany.statusCode).toBe(400);
  });
});
