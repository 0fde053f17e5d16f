import { describe, expect, it } from 'vitest';
import { startSimulator } from '../start-simulator.ts';
import { AUTH, useSimulator } from '../test-support/sim-harness.ts';
import type { ErrorBody } from '../test-support/wire-types.ts';

const sim = useSimulator({ seed: 'faults' });

/** Expects a fetch to fail at the network level (no HTTP answer at all). */
async function expectNetworkFailure(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toThrow(/fetch failed|aborted|timeout|socket/i);
}

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('faults', () => {
  it('latency delays the answer by ms, for the next count requests only', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const id = await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'latency', ms: 300 },
    });
    const start = process.hrtime.bigint();
    expect((await sim.track(trackingNumber)).status).toBe(200);
    expect(elapsed(start)).toBeGreaterThanOrEqual(295);
    type Listed = { faults: { id: string }[] };
    expect(
      (await sim.request<Listed>('GET', '/__sim/faults')).body.faults.some(
        (fault) => fault.id === id,
      ),
    ).toBe(false);
  });

  it('status answers the code with a sandbox JSON error, or an HTML page for 5xx', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'status', code: 500 },
    });
    const json = await sim.track(trackingNumber);
    expect(json.status).toBe(500);
    expect(json.body).toEqual({ error: { code: 'INTERNAL_ERROR', message: expect.any(String) } });

    await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'status', code: 502, html: true },
    });
    const html = await sim.track(trackingNumber);
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toContain('502 Bad Gateway');
    expect(html.body).toBeUndefined();
  });

  it('status with a rate fails about that share of requests, the same ones under the same seed', async () => {
    async function pattern(): Promise<number[]> {
      await sim.request('POST', '/__sim/reset', { seed: 'rates' });
      const trackingNumber = await sim.createParcel({ status: 'in_transit' });
      await sim.addFault({
        operation: 'track',
        trackingNumber,
        fault: { type: 'status', code: 503, rate: 0.5 },
      });
      const statuses: number[] = [];
      for (let index = 0; index < 100; index++) {
        statuses.push((await sim.track(trackingNumber)).status);
      }
      return statuses;
    }
    const first = await pattern();
    const failed = first.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(70);
    expect(first.filter((status) => status === 200)).toHaveLength(100 - failed);
    expect(await pattern()).toEqual(first);
  });

  it('rate_limit answers 429 with Retry-After in seconds, or an HTTP date, verbatim', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'rate_limit', retryAfter: 7 },
    });
    const seconds = await sim.track(trackingNumber);
    expect(seconds.status).toBe(429);
    expect(seconds.headers.get('retry-after')).toBe('7');
    expect((seconds.body as unknown as ErrorBody).error.code).toBe('RATE_LIMITED');

    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'rate_limit', retryAfter: date },
    });
    const dated = await sim.track(trackingNumber);
    expect(dated.status).toBe(429);
    expect(dated.headers.get('retry-after')).toBe(date);
    expect((await sim.track(trackingNumber)).status).toBe(200);
  });

  it('hang never answers, and the control API still answers meanwhile', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: 'intercept', trackingNumber, fault: { type: 'hang' } });
    let settled = false;
    const client = new AbortController();
    const hung = fetch(`${sim.url}/sandbox/v1/parcels/${trackingNumber}/intercepts`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ reference: 'r', reason: 'OTHER' }),
      signal: client.signal,
    }).finally(() => {
      settled = true;
    });
    hung.catch(() => undefined);
    // Once the simulator holds the request (it counted it), not after a guessed pause.
    while ((await sim.parcel(trackingNumber)).calls.intercept === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await sim.request('GET', '/__sim/health')).status).toBe(200);
    expect((await sim.track(trackingNumber)).status).toBe(200);
    expect(settled).toBe(false);
    // Only the client ends it.
    client.abort();
    await expect(hung).rejects.toThrow(/abort/i);
    // Received (so counted) but never processed.
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(1);
    expect(parcel.intercept).toBeNull();
  });

  it('reset after_read (the default) registers the intercept, then drops the connection', async () => {
    const trackingNumber = await sim.createParcel({ status: 'picked_up' });
    await sim.addFault({
      operation: 'intercept',
      trackingNumber,
      count: 1,
      fault: { type: 'reset' },
    });
    await expectNetworkFailure(sim.intercept(trackingNumber, 'icp_lost'));
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(1);
    expect(parcel.intercept).toMatchObject({ state: 'ACCEPTED', reference: 'icp_lost' });
    expect((await sim.track(trackingNumber)).body.statusCode).toBe('IR');
  });

  it('reset before_read drops the connection before anything is processed or counted', async () => {
    const trackingNumber = await sim.createParcel({ status: 'picked_up' });
    await sim.addFault({
      operation: 'intercept',
      trackingNumber,
      count: 1,
      fault: { type: 'reset', when: 'before_read' },
    });
    await expectNetworkFailure(sim.intercept(trackingNumber));
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(0);
    expect(parcel.intercept).toBeNull();
    expect(parcel.interceptAttempts).toBe(0);
  });

  it('slow_body sends the real headers at once, then trickles the real body', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const expected = (await sim.track(trackingNumber)).text;
    const bytesPerSecond = 1000;
    await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'slow_body', bytesPerSecond },
    });
    const start = process.hrtime.bigint();
    const response = await fetch(`${sim.url}/sandbox/v1/parcels/${trackingNumber}`, {
      headers: AUTH,
    });
    const headersAfter = elapsed(start);
    const text = await response.text();
    const bodyAfter = elapsed(start);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(expected)));
    // ~750 bytes at 1000 B/s: the body takes most of a second after the headers came.
    const trickleMs = (expected.length / bytesPerSecond) * 1000;
    expect(bodyAfter - headersAfter).toBeGreaterThan(trickleMs - 250);
    expect(text).toBe(expected);
  });

  it('malformed answers 200 with a truncated JSON body (and still processes the request)', async () => {
    const trackingNumber = await sim.createParcel({ status: 'picked_up' });
    await sim.addFault({
      operation: 'intercept',
      trackingNumber,
      count: 1,
      fault: { type: 'malformed' },
    });
    const answer = await sim.intercept(trackingNumber);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(answer.text)).toThrow();
    expect((await sim.parcel(trackingNumber)).intercept?.state).toBe('ACCEPTED');
  });

  it('count limits a fault to the next N matching requests', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 2,
      fault: { type: 'status', code: 503 },
    });
    const statuses = [];
    for (let index = 0; index < 4; index++) {
      statuses.push((await sim.track(trackingNumber)).status);
    }
    expect(statuses).toEqual([503, 503, 200, 200]);
    expect((await sim.parcel(trackingNumber)).calls.track).toBe(4);
  });

  it('scopes faults by tracking number and operation, so other parcels and operations are untouched', async () => {
    const target = await sim.createParcel({ status: 'in_transit' });
    const bystander = await sim.createParcel({ status: 'in_transit' });
    const id = await sim.addFault({
      operation: 'track',
      trackingNumber: target,
      fault: { type: 'status', code: 500 },
    });
    expect((await sim.track(target)).status).toBe(500);
    expect((await sim.track(bystander)).status).toBe(200);
    expect((await sim.intercept(target)).status).not.toBe(500);
    await sim.request('DELETE', `/__sim/faults/${id}`);
    expect((await sim.track(target)).status).toBe(200);
  });

  it('applies a fault without tracking number to every parcel of the carrier, and * to every operation', async () => {
    const first = await sim.createParcel({ status: 'in_transit' });
    const second = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: '*', count: 3, fault: { type: 'status', code: 503 } });
    expect((await sim.track(first)).status).toBe(503);
    expect((await sim.track(second)).status).toBe(503);
    expect((await sim.intercept(second)).status).toBe(503);
    expect((await sim.track(first)).status).toBe(200);
    expect((await sim.parcel(second)).calls).toEqual({ track: 1, intercept: 1, redirect: 0 });
    expect((await sim.parcel(second)).intercept).toBeNull();
  });

  it('prefers a fault scoped to the tracking number over a carrier-wide one', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: 'track', count: 1, fault: { type: 'status', code: 500 } });
    await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'status', code: 418 },
    });
    expect((await sim.track(trackingNumber)).status).toBe(418);
    expect((await sim.track(trackingNumber)).status).toBe(500);
    expect((await sim.track(trackingNumber)).status).toBe(200);
  });

  it('applies * faults to intercept status lookups, scoped by the parcel the id leads to', async () => {
    const trackingNumber = await sim.createParcel({ status: 'picked_up' });
    const interceptId = (await sim.intercept(trackingNumber)).body.interceptId ?? '';
    await sim.addFault({
      operation: '*',
      trackingNumber,
      count: 1,
      fault: { type: 'status', code: 503 },
    });
    const path = `/sandbox/v1/intercepts/${interceptId}`;
    expect((await sim.request('GET', path, undefined, AUTH)).status).toBe(503);
    expect((await sim.request('GET', path, undefined, AUTH)).status).toBe(200);
    // Status lookups are not among the counted operations.
    expect((await sim.parcel(trackingNumber)).calls).toEqual({
      track: 0,
      intercept: 1,
      redirect: 0,
    });
  });

  it('lists hits and remaining uses, and drops a fault once its count is used up', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const id = await sim.addFault({
      operation: 'track',
      trackingNumber,
      count: 2,
      fault: { type: 'latency', ms: 1 },
    });
    await sim.track(trackingNumber);
    type Listed = { faults: { id: string; hits: number; remaining: number | null }[] };
    const listed = (await sim.request<Listed>('GET', '/__sim/faults')).body.faults.find(
      (fault) => fault.id === id,
    );
    expect(listed).toMatchObject({ hits: 1, remaining: 1 });
    await sim.track(trackingNumber);
    const after = (await sim.request<Listed>('GET', '/__sim/faults')).body.faults;
    expect(after.some((fault) => fault.id === id)).toBe(false);
  });
});

describe('closing the simulator', () => {
  it('ends hung requests and resolves close() promptly', async () => {
    const running = await startSimulator({ port: 0 });
    const created = await fetch(`${running.url}/__sim/parcels`, {
      method: 'POST',
      body: JSON.stringify({ carrier: 'sandbox', status: 'in_transit' }),
    });
    const { trackingNumber } = (await created.json()) as { trackingNumber: string };
    await fetch(`${running.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ carrier: 'sandbox', operation: 'track', fault: { type: 'hang' } }),
    });
    const hung = fetch(`${running.url}/sandbox/v1/parcels/${trackingNumber}`, { headers: AUTH });
    hung.catch(() => undefined);
    // Once the simulator holds the request (it counted it), not after a guessed pause.
    const calls = async () => {
      const parcel = await fetch(`${running.url}/__sim/parcels/sandbox/${trackingNumber}`);
      return ((await parcel.json()) as { calls: { track: number } }).calls.track;
    };
    while ((await calls()) === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const start = process.hrtime.bigint();
    await running.close();
    // A hung request never ends by itself: a close() waiting for it would never resolve.
    // The bound only turns that into a clear failure; it is no timing (the machine may be busy).
    expect(elapsed(start)).toBeLessThan(30_000);
    await expectNetworkFailure(hung);
  });
});
