import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isStagingUnsupported } from '../environment.ts';
import { refusedBaseUrl } from '../refused-base-url.ts';
import { createSimulatorEnvironment } from './simulator-environment.ts';

const SIM = 'http://sim.test:4010';

/** The newest-first codes a fake sandbox journey shows for each status. */
const JOURNEYS: Record<string, string[]> = {
  label_created: ['CR'],
  picked_up: ['PU', 'CR'],
  in_transit: ['DP', 'PU', 'CR'],
  delivered: ['DL', 'OD', 'DP', 'PU', 'CR'],
  'exception/held': ['XH', 'DP', 'PU', 'CR'],
  'exception/damaged': ['XD', 'DP', 'PU', 'CR'],
};

interface FakeParcel {
  readonly status: string;
  readonly codes: string[];
  readonly calls: { track: number; intercept: number; redirect: number };
}

/** A fake of carrier-sim's control API: only what the environment calls. */
function createFakeSimulator() {
  const parcels = new Map<string, FakeParcel>();
  const faults = new Map<string, unknown>();
  const requests: { method: string; path: string; body: unknown }[] = [];
  let next = 0;
  const record = async (request: Request) => {
    const text = await request.text();
    requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      body: text === '' ? undefined : JSON.parse(text),
    });
  };
  const handlers = [
    http.get(`${SIM}/__sim/health`, () =>
      HttpResponse.json({ status: 'ok', carriers: ['sandbox'] }),
    ),
    http.post(`${SIM}/__sim/parcels`, async ({ request }) => {
      await record(request.clone());
      const body = (await request.json()) as { status: string; subStatus?: string };
      const key = body.subStatus === undefined ? body.status : `${body.status}/${body.subStatus}`;
      const codes = JOURNEYS[key];
      if (codes === undefined) {
        return HttpResponse.json({ error: { code: 'INVALID_INPUT' } }, { status: 400 });
      }
      next += 1;
      const trackingNumber = `SBX${String(next).padStart(9, '0')}`;
      parcels.set(trackingNumber, {
        status: body.status,
        codes,
        calls: { track: 2, intercept: 0, redirect: 0 },
      });
      return HttpResponse.json(
        { carrier: 'sandbox', trackingNumber, status: body.status },
        { status: 201 },
      );
    }),
    http.get(`${SIM}/__sim/parcels/sandbox/:trackingNumber`, ({ params }) => {
      const parcel = parcels.get(String(params.trackingNumber));
      return parcel === undefined
        ? HttpResponse.json({ error: { code: 'PARCEL_NOT_FOUND' } }, { status: 404 })
        : HttpResponse.json({
            events: parcel.codes.map((code) => ({ code })),
            calls: parcel.calls,
          });
    }),
    http.post(`${SIM}/__sim/faults`, async ({ request }) => {
      await record(request.clone());
      const id = `flt_${faults.size + 1}`;
      faults.set(id, await request.json());
      return HttpResponse.json({ id }, { status: 201 });
    }),
    http.delete(`${SIM}/__sim/faults/:id`, async ({ request, params }) => {
      await record(request);
      return faults.delete(String(params.id))
        ? HttpResponse.json({ deleted: 1 })
        : HttpResponse.json({ error: { code: 'FAULT_NOT_FOUND' } }, { status: 404 });
    }),
  ];
  return { handlers, parcels, faults, requests };
}

const fake = createFakeSimulator();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
afterEach(() => {
  fake.requests.length = 0;
});
afterAll(() => server.close());

const environment = createSimulatorEnvironment({ simulatorUrl: `${SIM}/`, carrier: 'sandbox' });

describe('createSimulatorEnvironment', () => {
  it('points the adapter at the carrier’s path on the simulator', () => {
    expect(environment.baseUrl).toBe(`${SIM}/sandbox`);
    expect(
      createSimulatorEnvironment({
        simulatorUrl: SIM,
        carrier: 'sandbox',
        baseUrl: 'http://x.test/',
      }).baseUrl,
    ).toBe('http://x.test');
  });

  it('starts only when the simulator serves the carrier', async () => {
    await expect(environment.start()).resolves.toBeUndefined();
    const other = createSimulatorEnvironment({ simulatorUrl: SIM, carrier: 'ups' });
    await expect(other.start()).rejects.toThrow(
      `carrier-sim at ${SIM} does not simulate "ups" (it has: sandbox)`,
    );
  });

  it('says the simulator is not running when its control API does not answer', async () => {
    const down = createSimulatorEnvironment({
      simulatorUrl: await refusedBaseUrl('http://x/'),
      carrier: 'sandbox',
    });
    await expect(down.start()).rejects.toThrow(
      /did not answer GET \/health: is the simulator running\?/,
    );
  });

  it('prepares parcels in transit by default', async () => {
    const { trackingNumber } = await environment.prepareParcel({ operation: 'intercept' });
    expect(fake.parcels.get(trackingNumber)?.status).toBe('in_transit');
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: '/__sim/parcels',
        body: { carrier: 'sandbox', status: 'in_transit' },
      },
    ]);
  });

  it('stages a status code through the journey whose latest event shows it', async () => {
    const delivered = await environment.prepareParcel({ operation: 'track', statusCode: 'DL' });
    expect(fake.parcels.get(delivered.trackingNumber)?.codes[0]).toBe('DL');
    const held = await environment.prepareParcel({ operation: 'track', statusCode: 'XD' });
    expect(fake.parcels.get(held.trackingNumber)?.codes[0]).toBe('XD');
    // Codes seen only in the history are staged too.
    const outForDelivery = await environment.prepareParcel({
      operation: 'track',
      statusCode: 'OD',
    });
    expect(fake.parcels.get(outForDelivery.trackingNumber)?.codes).toContain('OD');
  });

  it('learns the codes once, then creates one parcel per request', async () => {
    await environment.prepareParcel({ operation: 'track', statusCode: 'PU' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a code no journey shows as unsupported, not as a failure', async () => {
    const staged = environment.prepareParcel({ operation: 'track', statusCode: 'RD' });
    await expect(staged).rejects.toSatisfy(isStagingUnsupported);
    await expect(staged).rejects.toThrow(
      'no carrier-sim journey for sandbox shows status code "RD"',
    );
  });

  it('scopes faults to the parcel and removes its own on reset', async () => {
    const { trackingNumber } = await environment.prepareParcel({ operation: 'track' });
    await environment.injectFault({
      operation: 'track',
      trackingNumber,
      fault: { type: 'status', code: 502, html: true },
    });
    await environment.injectFault({ operation: 'track', trackingNumber, fault: { type: 'hang' } });
    expect(fake.requests[1]?.body).toEqual({
      carrier: 'sandbox',
      operation: 'track',
      trackingNumber,
      fault: { type: 'status', code: 502, html: true },
    });
    fake.faults.delete('flt_2'); // already gone: reset must not mind
    await environment.reset();
    expect(fake.faults.size).toBe(0);
    expect(
      fake.requests
        .filter((request) => request.method === 'DELETE')
        .map((request) => request.path)
        .sort(),
    ).toEqual(['/__sim/faults/flt_1', '/__sim/faults/flt_2']);
  });

  it('counts the calls the simulator saw for the parcel', async () => {
    const { trackingNumber } = await environment.prepareParcel({ operation: 'track' });
    expect(await environment.countCalls({ operation: 'track', trackingNumber })).toBe(2);
    expect(await environment.countCalls({ operation: 'redirect', trackingNumber })).toBe(0);
  });
});
