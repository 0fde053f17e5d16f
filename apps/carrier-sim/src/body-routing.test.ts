import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierModule, CarrierRoute, RouteIdentity } from './carriers/carrier-module.ts';
import { jsonResponse } from './carriers/carrier-response.ts';
import { sandboxCarrier } from './carriers/sandbox/sandbox-carrier.ts';
import type { Fault } from './faults/fault.ts';
import { createSimulatorServer, type SimulatorServer } from './server.ts';
import { Simulator } from './simulator.ts';

/*
 * The core's body routing, on a minimal module: `POST /bodyish/ops` with a JSON body
 * `{op, number}` naming the operation and the parcel, the way SF and Kuaidi100 name them
 * in their forms. The module's handler records what it processed, so the tests can tell
 * "processed" from "counted" from "dropped".
 */

interface Handled {
  readonly handled: string[];
}

function identifyOps(body: Buffer): RouteIdentity | undefined {
  try {
    const { op, number } = JSON.parse(body.toString('utf8')) as { op?: unknown; number?: unknown };
    return typeof op === 'string'
      ? { operation: op, trackingNumber: typeof number === 'string' ? number : undefined }
      : undefined;
  } catch {
    return undefined;
  }
}

const OPS_ROUTE: CarrierRoute = {
  operation: 'ops',
  target: 'ops',
  trackingNumber: undefined,
  hasBody: true,
  identify: identifyOps,
  handle: (request, world) => {
    const { route } = request;
    world
      .moduleState<Handled>('bodyish', () => ({ handled: [] }))
      .handled.push(`${route.operation} ${route.trackingNumber ?? '-'}`);
    return jsonResponse(200, {
      operation: route.operation,
      trackingNumber: route.trackingNumber ?? null,
    });
  },
};

const bodyishCarrier: CarrierModule = {
  ...sandboxCarrier,
  id: 'bodyish',
  route: (method, path) => (method === 'POST' && path === '/ops' ? OPS_ROUTE : undefined),
};

const simulator = new Simulator({ seed: 'body-routing', carriers: [bodyishCarrier] });
let running: SimulatorServer | undefined;
let url = '';

beforeAll(async () => {
  running = createSimulatorServer(simulator);
  await new Promise<void>((resolve) => running?.server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
});
afterAll(() => running?.close());

function createParcel(): string {
  return simulator.createParcel({
    carrier: 'bodyish',
    status: 'in_transit',
    subStatus: null,
    category: null,
    declaredValue: null,
  }).trackingNumber;
}

function callsOf(trackingNumber: string) {
  return { ...simulator.parcels.get('bodyish', trackingNumber)?.calls };
}

function handled(): readonly string[] {
  return simulator.moduleState<Handled>('bodyish', () => ({ handled: [] })).handled;
}

function addFault(
  operation: 'track' | 'intercept' | 'redirect' | '*',
  trackingNumber: string | null,
  fault: Fault,
  count: number | null = null,
): string {
  return simulator.faults.add({ carrier: 'bodyish', operation, trackingNumber, count, fault }).id;
}

const STATUS_503: Fault = { type: 'status', code: 503, rate: 1, html: false };

async function post(
  body: unknown,
  signal?: AbortSignal,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/bodyish/ops`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(signal === undefined ? {} : { signal }),
  });
  return { status: response.status, body: await response.json() };
}

describe('body-routed requests (CarrierRoute.identify)', () => {
  it('reach faults scoped to the parcel and the operation their body names', async () => {
    const target = createParcel();
    const bystander = createParcel();
    const id = addFault('intercept', target, STATUS_503);
    expect((await post({ op: 'intercept', number: target })).status).toBe(503);
    expect((await post({ op: 'track', number: target })).status).toBe(200);
    // The handler sees the identified route, not the generic one.
    expect(await post({ op: 'intercept', number: bystander })).toEqual({
      status: 200,
      body: { operation: 'intercept', trackingNumber: bystander },
    });
    simulator.faults.remove(id);
  });

  it('count the call on the named parcel before handling, faulted or not', async () => {
    const trackingNumber = createParcel();
    addFault('track', trackingNumber, STATUS_503, 1);
    addFault('redirect', trackingNumber, { type: 'hang' }, 1);
    expect((await post({ op: 'track', number: trackingNumber })).status).toBe(503);
    expect((await post({ op: 'track', number: trackingNumber })).status).toBe(200);
    await expect(
      post({ op: 'redirect', number: trackingNumber }, AbortSignal.timeout(300)),
    ).rejects.toThrow(/timeout|aborted/i);
    expect((await post({ op: 'intercept', number: trackingNumber })).status).toBe(200);
    expect(callsOf(trackingNumber)).toEqual({ track: 2, intercept: 1, redirect: 1 });
    // Neither the 503 nor the hung redirect reached the handler.
    expect(handled().filter((entry) => entry.endsWith(trackingNumber))).toEqual([
      `track ${trackingNumber}`,
      `intercept ${trackingNumber}`,
    ]);
  });

  it('keep the route operation and no parcel when the body cannot be identified', async () => {
    const trackingNumber = createParcel();
    const scoped = addFault('*', trackingNumber, STATUS_503);
    addFault('*', null, { type: 'status', code: 502, rate: 1, html: false }, 1);
    // Only a carrier-wide fault can reach it; the parcel-scoped one stays unused.
    expect((await post('not json')).status).toBe(502);
    expect(await post({ number: trackingNumber })).toEqual({
      status: 200,
      body: { operation: 'ops', trackingNumber: null },
    });
    expect(simulator.faults.list().find((rule) => rule.id === scoped)?.hits).toBe(0);
    expect(callsOf(trackingNumber)).toEqual({ track: 0, intercept: 0, redirect: 0 });
    simulator.faults.remove(scoped);
  });

  it('reset before_read: the body is read to pick the fault, then the connection drops unprocessed and uncounted', async () => {
    const trackingNumber = createParcel();
    addFault('intercept', trackingNumber, { type: 'reset', when: 'before_read' }, 1);
    await expect(post({ op: 'intercept', number: trackingNumber })).rejects.toThrow(
      /fetch failed|socket|reset/i,
    );
    expect(callsOf(trackingNumber).intercept).toBe(0);
    expect(handled()).not.toContain(`intercept ${trackingNumber}`);
    expect(simulator.faults.list().some((rule) => rule.trackingNumber === trackingNumber)).toBe(
      false,
    );
    // The fault is used up: the next request is processed and counted.
    expect((await post({ op: 'intercept', number: trackingNumber })).status).toBe(200);
    expect(callsOf(trackingNumber).intercept).toBe(1);
  });

  it('reset after_read: processed and counted, then the connection drops', async () => {
    const trackingNumber = createParcel();
    addFault('intercept', trackingNumber, { type: 'reset', when: 'after_read' }, 1);
    await expect(post({ op: 'intercept', number: trackingNumber })).rejects.toThrow(
      /fetch failed|socket|reset/i,
    );
    expect(callsOf(trackingNumber).intercept).toBe(1);
    expect(handled()).toContain(`intercept ${trackingNumber}`);
  });
});
