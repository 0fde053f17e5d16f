import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACME_BASE_URL, acmeFixtures } from '../__fixtures__/acme-fixtures.ts';
import type { Fault } from '../environment.ts';
import { createMswEnvironment } from './msw-environment.ts';

const environment = createMswEnvironment({
  baseUrl: `${ACME_BASE_URL}/`,
  fixtures: {
    ...acmeFixtures,
    // A carrier that reads over POST with the number in the body (SF Express style).
    redirect: {
      request: async (request) => {
        if (request.method !== 'POST' || !request.url.endsWith('/v2/route')) {
          return undefined;
        }
        const body = (await request.json()) as { waybill?: string };
        return body.waybill;
      },
      success: (trackingNumber) => ({ ok: true, waybill: trackingNumber }),
      notFound: () => HttpResponse.json({ ok: false, code: 'NO_WAYBILL' }, { status: 200 }),
    },
    handlers: [http.post('https://auth.acme.test/token', () => HttpResponse.json({ token: 't' }))],
  },
});

beforeAll(() => environment.start());
afterEach(() => environment.reset());
afterAll(() => environment.stop());

const trackUrl = (trackingNumber: string) => `${ACME_BASE_URL}/v1/shipments/${trackingNumber}`;

async function trackWith(fault: Fault | undefined, init: RequestInit = {}) {
  const { trackingNumber } = await environment.prepareParcel({ operation: 'track' });
  if (fault !== undefined) {
    await environment.injectFault({ operation: 'track', trackingNumber, fault });
  }
  return { trackingNumber, response: fetch(trackUrl(trackingNumber), init) };
}

describe('createMswEnvironment', () => {
  it('answers prepared parcels from the fixture, with the requested status code', async () => {
    const { trackingNumber } = await environment.prepareParcel({
      operation: 'track',
      statusCode: 'DL',
    });
    expect(trackingNumber).toBe('ACM000000001');
    const body = (await (await fetch(trackUrl(trackingNumber))).json()) as {
      shipment: { events: { code: string }[] };
    };
    expect(body.shipment.events[0]?.code).toBe('DL');
    expect(await environment.countCalls({ operation: 'track', trackingNumber })).toBe(1);
    expect(await environment.countCalls({ operation: 'intercept', trackingNumber })).toBe(0);
  });

  it('answers an unknown parcel with a JSON 404, or the fixture’s own not-found answer', async () => {
    const unknown = await fetch(trackUrl('ACM999999999'));
    expect(unknown.status).toBe(404);
    const viaPredicate = await fetch(`${ACME_BASE_URL}/v2/route`, {
      method: 'POST',
      body: JSON.stringify({ waybill: 'NOPE' }),
    });
    expect(await viaPredicate.json()).toEqual({ ok: false, code: 'NO_WAYBILL' });
  });

  it('matches requests by predicate, reading the body without consuming it', async () => {
    const { trackingNumber } = await environment.prepareParcel({ operation: 'redirect' });
    const response = await fetch(`${ACME_BASE_URL}/v2/route`, {
      method: 'POST',
      body: JSON.stringify({ waybill: trackingNumber }),
    });
    expect(await response.json()).toEqual({ ok: true, waybill: trackingNumber });
    expect(await environment.countCalls({ operation: 'redirect', trackingNumber })).toBe(1);
  });

  it('stages status faults as JSON, HTML and the fixture’s not-found answer', async () => {
    const json = await (await trackWith({ type: 'status', code: 503 })).response;
    expect([json.status, json.headers.get('content-type')]).toEqual([
      503,
      'application/json; charset=utf-8',
    ]);
    const html = await (await trackWith({ type: 'status', code: 502, html: true })).response;
    expect(await html.text()).toContain('<center><h1>502 Error</h1></center>');
    const notFound = await (await trackWith({ type: 'status', code: 404 })).response;
    expect(notFound.status).toBe(404);
  });

  it('stages a 429 with Retry-After verbatim', async () => {
    const date = 'Thu, 26 Nov 2026 01:00:30 GMT';
    const response = await (await trackWith({ type: 'rate_limit', retryAfter: date })).response;
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, date]);
  });

  it('stages a reset as a failed fetch after the request arrived', async () => {
    const { trackingNumber, response } = await trackWith({ type: 'reset' });
    await expect(response).rejects.toThrow('fetch failed');
    expect(await environment.countCalls({ operation: 'track', trackingNumber })).toBe(1);
  });

  it('stages a hang that ends when the client aborts', async () => {
    const controller = new AbortController();
    const { response } = await trackWith({ type: 'hang' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('gave up')), 20);
    await expect(response).rejects.toThrow('gave up');
  });

  it('stages a truncated 200', async () => {
    const response = await (await trackWith({ type: 'malformed' })).response;
    expect([response.status, await response.text()]).toEqual([200, '{"trunc']);
  });

  it('stages latency and a slow body, still answering the fixture', async () => {
    const started = performance.now();
    const late = await (await trackWith({ type: 'latency', ms: 60 })).response;
    expect(late.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    const slow = await (await trackWith({ type: 'slow_body', bytesPerSecond: 4000 })).response;
    expect(await slow.json()).toHaveProperty('shipment');
  });

  it('serves the fixture’s extra handlers', async () => {
    const response = await fetch('https://auth.acme.test/token', { method: 'POST' });
    expect(await response.json()).toEqual({ token: 't' });
  });

  it('answers 501 to requests no fixture matches and reports them', async () => {
    const response = await fetch(`${ACME_BASE_URL}/v9/unknown`);
    expect(response.status).toBe(501);
    expect(environment.diagnose()).toEqual([`no fixture matched: GET ${ACME_BASE_URL}/v9/unknown`]);
  });

  it('forgets faults on reset', async () => {
    const { trackingNumber } = await environment.prepareParcel({ operation: 'track' });
    await environment.injectFault({
      operation: 'track',
      trackingNumber,
      fault: { type: 'status', code: 500 },
    });
    await environment.reset();
    expect((await fetch(trackUrl(trackingNumber))).status).toBe(404);
    expect(environment.supports('statusCodes')).toBe(true);
  });
});
