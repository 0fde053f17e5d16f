import { describe, expect, it } from 'vitest';
import { CARRIER_MODULES } from '../carriers/index.ts';
import { AUTH, useSimulator } from '../test-support/sim-harness.ts';
import type { ErrorBody } from '../test-support/wire-types.ts';

const sim = useSimulator();

async function expectInvalid(path: string, body: unknown, field: string): Promise<void> {
  const answer = await sim.request<ErrorBody>('POST', path, body);
  expect(answer.status, `${JSON.stringify(body)} should be refused`).toBe(400);
  expect(answer.body.error.code).toBe('INVALID_INPUT');
  expect(answer.body.error.field).toBe(field);
  expect(answer.body.error.message).toContain(field);
}

describe('control API: parcels', () => {
  it('creates a parcel in a status and answers 201 {carrier, trackingNumber, status}', async () => {
    const answer = await sim.request('POST', '/__sim/parcels', {
      carrier: 'sandbox',
      status: 'out_for_delivery',
      declaredValue: { amount: '999.00', currency: 'CNY' },
      category: 'apparel',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      carrier: 'sandbox',
      trackingNumber: expect.stringMatching(/^SBX\d{9}$/),
      status: 'out_for_delivery',
    });
  });

  it('refuses invalid input with 400 naming the field', async () => {
    const path = '/__sim/parcels';
    await expectInvalid(path, '{"carrier":', 'body');
    await expectInvalid(path, [], 'body');
    await expectInvalid(path, { status: 'in_transit' }, 'carrier');
    // A carrier the simulator does not simulate.
    await expectInvalid(path, { carrier: 'no-such-carrier', status: 'in_transit' }, 'carrier');
    await expectInvalid(path, { carrier: 'sandbox' }, 'status');
    await expectInvalid(path, { carrier: 'sandbox', status: 'unknown' }, 'status');
    await expectInvalid(
      path,
      { carrier: 'sandbox', status: 'in_transit', subStatus: 'lost' },
      'subStatus',
    );
    await expectInvalid(
      path,
      { carrier: 'sandbox', status: 'exception', subStatus: 'melted' },
      'subStatus',
    );
    await expectInvalid(
      path,
      { carrier: 'sandbox', status: 'exception', subStatus: 'other' },
      'subStatus',
    );
    await expectInvalid(
      path,
      { carrier: 'sandbox', status: 'in_transit', declaredValue: 5 },
      'declaredValue',
    );
    await expectInvalid(
      path,
      { carrier: 'sandbox', status: 'in_transit', declaredValue: { amount: 999, currency: 'CNY' } },
      'declaredValue.amount',
    );
    await expectInvalid(
      path,
      {
        carrier: 'sandbox',
        status: 'in_transit',
        declaredValue: { amount: '1,000', currency: 'CNY' },
      },
      'declaredValue.amount',
    );
    await expectInvalid(
      path,
      {
        carrier: 'sandbox',
        status: 'in_transit',
        declaredValue: { amount: '10.00', currency: 'cny' },
      },
      'declaredValue.currency',
    );
    await expectInvalid(
      path,
      { carrier: 'sandbox', status: 'in_transit', category: '' },
      'category',
    );
    await expectInvalid(
      path,
      { carrier: 'sandbox', status: 'in_transit', trackingNumber: 'X' },
      'trackingNumber',
    );
  });

  it('creates a parcel owned by an account, shown in its view; without one it is null', async () => {
    const owned = await sim.createParcel({ status: 'in_transit', account: 'sbx_tenant_a' });
    expect(await sim.parcel(owned)).toMatchObject({
      account: 'sbx_tenant_a',
      calls: { track: 0, intercept: 0, redirect: 0 },
      callsByAccount: {},
    });
    const open = await sim.createParcel({ status: 'in_transit' });
    expect((await sim.parcel(open)).account).toBeNull();
    const explicitNull = await sim.createParcel({ status: 'in_transit', account: null });
    expect((await sim.parcel(explicitNull)).account).toBeNull();
    const path = '/__sim/parcels';
    await expectInvalid(path, { carrier: 'sandbox', status: 'in_transit', account: '' }, 'account');
    await expectInvalid(path, { carrier: 'sandbox', status: 'in_transit', account: 7 }, 'account');
    await expectInvalid(
      path,
      { carrier: 'sandbox', status: 'in_transit', account: 'x'.repeat(129) },
      'account',
    );
  });

  it('defaults the exception sub-status to the carrier first one (held for sandbox)', async () => {
    const trackingNumber = await sim.createParcel({ status: 'exception' });
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.status).toBe('exception');
    expect(parcel.subStatus).toBe('held');
  });

  it('shows a parcel: status, destination, events with wire codes, intercept state and calls', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit', category: 'apparel' });
    const answer = await sim.request('GET', `/__sim/parcels/sandbox/${trackingNumber}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      carrier: 'sandbox',
      trackingNumber,
      status: 'in_transit',
      subStatus: null,
      category: 'apparel',
      declaredValue: null,
      destination: { country: 'CN' },
      intercept: null,
      interceptAttempts: 0,
      redirects: [],
      calls: { track: 0, intercept: 0, redirect: 0 },
    });
    const parcel = await sim.parcel(trackingNumber);
    expect(parcel.events.map((event) => `${event.kind}:${event.code}`)).toEqual([
      'arrived_at_hub:AR',
      'departed_facility:DP',
      'picked_up:PU',
      'label_created:CR',
    ]);
  });

  it('answers 404 for an unknown parcel or carrier, and for unknown control routes', async () => {
    for (const path of [
      '/__sim/parcels/sandbox/SBX999999990',
      '/__sim/parcels/nope/SBX100000016',
    ]) {
      const answer = await sim.request<ErrorBody>('GET', path);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('PARCEL_NOT_FOUND');
    }
    const answer = await sim.request<ErrorBody>('GET', '/__sim/nothing');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });
});

describe('control API: clock, health, faults', () => {
  it('reads and advances the clock, refusing a negative or fractional step', async () => {
    const before = await sim.request<{ now: string; epochMs: number }>('GET', '/__sim/clock');
    expect(before.status).toBe(200);
    expect(before.body.now).toMatch(/\+08:00$/);
    const after = await sim.request<{ epochMs: number }>('POST', '/__sim/clock/advance', {
      ms: 60_000,
    });
    expect(after.body.epochMs).toBe(before.body.epochMs + 60_000);
    await expectInvalid('/__sim/clock/advance', { ms: -1 }, 'ms');
    await expectInvalid('/__sim/clock/advance', { ms: 1.5 }, 'ms');
    await expectInvalid('/__sim/clock/advance', {}, 'ms');
  });

  it('reports health', async () => {
    const answer = await sim.request('GET', '/__sim/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      carriers: CARRIER_MODULES.map((carrier) => carrier.id),
    });
  });

  it('validates faults, naming the field', async () => {
    const path = '/__sim/faults';
    const base = { carrier: 'sandbox', operation: 'track' };
    await expectInvalid(path, { operation: 'track', fault: { type: 'hang' } }, 'carrier');
    await expectInvalid(
      path,
      { carrier: 'sandbox', operation: 'cancel', fault: { type: 'hang' } },
      'operation',
    );
    await expectInvalid(path, base, 'fault');
    await expectInvalid(path, { ...base, fault: { type: 'explode' } }, 'fault.type');
    await expectInvalid(path, { ...base, fault: { type: 'latency' } }, 'fault.ms');
    await expectInvalid(
      path,
      { ...base, fault: { type: 'latency', ms: 10, jitterMs: -1 } },
      'fault.jitterMs',
    );
    await expectInvalid(path, { ...base, fault: { type: 'status', code: 200 } }, 'fault.code');
    await expectInvalid(
      path,
      { ...base, fault: { type: 'status', code: 503, rate: 2 } },
      'fault.rate',
    );
    await expectInvalid(
      path,
      { ...base, fault: { type: 'status', code: 404, html: true } },
      'fault.html',
    );
    await expectInvalid(path, { ...base, fault: { type: 'rate_limit' } }, 'fault.retryAfter');
    await expectInvalid(
      path,
      { ...base, fault: { type: 'rate_limit', retryAfter: 'soon' } },
      'fault.retryAfter',
    );
    await expectInvalid(path, { ...base, fault: { type: 'reset', when: 'during' } }, 'fault.when');
    await expectInvalid(
      path,
      { ...base, fault: { type: 'slow_body', bytesPerSecond: 0 } },
      'fault.bytesPerSecond',
    );
    await expectInvalid(path, { ...base, fault: { type: 'hang', ms: 5 } }, 'fault.ms');
    await expectInvalid(path, { ...base, count: 0, fault: { type: 'hang' } }, 'count');
    await expectInvalid(
      path,
      { ...base, trackingNumber: 7, fault: { type: 'hang' } },
      'trackingNumber',
    );
  });

  it('adds, lists and deletes faults', async () => {
    const first = await sim.addFault({
      operation: 'track',
      trackingNumber: 'SBX000000000',
      fault: { type: 'hang' },
    });
    const second = await sim.addFault({
      operation: '*',
      count: 2,
      fault: { type: 'status', code: 503 },
    });
    const list = await sim.request<{ faults: { id: string; remaining: number | null }[] }>(
      'GET',
      '/__sim/faults',
    );
    expect(list.body.faults.map((fault) => fault.id)).toEqual([first, second]);
    expect(list.body.faults[1]?.remaining).toBe(2);
    expect((await sim.request('DELETE', `/__sim/faults/${first}`)).status).toBe(200);
    expect((await sim.request('DELETE', `/__sim/faults/${first}`)).status).toBe(404);
    expect((await sim.request('DELETE', '/__sim/faults')).body).toEqual({ deleted: 1 });
    expect((await sim.request('GET', '/__sim/faults')).body).toEqual({ faults: [] });
  });

  it('resets parcels, faults, counts and the clock, optionally with a new seed', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: 'track', fault: { type: 'malformed' } });
    await sim.advance(3_600_000);
    const reset = await sim.request<{ seed: string; epochMs: number }>('POST', '/__sim/reset', {
      seed: 'other',
    });
    expect(reset.status).toBe(200);
    expect(reset.body.seed).toBe('other');
    expect((await sim.request('GET', `/__sim/parcels/sandbox/${trackingNumber}`)).status).toBe(404);
    expect((await sim.request('GET', '/__sim/faults')).body).toEqual({ faults: [] });
    const health = await sim.request<{ parcels: number; epochMs: number }>('GET', '/__sim/health');
    expect(health.body.parcels).toBe(0);
    expect(health.body.epochMs).toBe(reset.body.epochMs);
    // Sequences restart too, so a replay after reset issues the same numbers.
    expect(await sim.createParcel({ status: 'in_transit' })).toBe('SBX100000016');
    await expectInvalid('/__sim/reset', { seed: '' }, 'seed');
    await expectInvalid('/__sim/reset', { sead: 'x' }, 'sead');
  });
});

describe('control API: traced calls', () => {
  it('lists the carrier requests that carried traceparent, with their operation, and forgets them', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.request('DELETE', '/__sim/traced-calls');
    await sim.track(trackingNumber);
    await sim.request('GET', `/sandbox/v1/parcels/${trackingNumber}`, undefined, {
      ...AUTH,
      traceparent,
      tracestate: 'vendor=1',
    });
    const listed = await sim.request<{ calls: unknown[] }>('GET', '/__sim/traced-calls');
    expect(listed.body.calls).toEqual([
      {
        carrier: 'sandbox',
        operation: 'track',
        trackingNumber,
        traceparent,
        tracestate: 'vendor=1',
      },
    ]);
    expect((await sim.request('DELETE', '/__sim/traced-calls')).body).toEqual({ deleted: 1 });
    expect((await sim.request('GET', '/__sim/traced-calls')).body).toEqual({ calls: [] });
  });
});
