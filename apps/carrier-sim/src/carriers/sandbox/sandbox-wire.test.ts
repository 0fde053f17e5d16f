import { describe, expect, it } from 'vitest';
import { AUTH, useSimulator } from '../../test-support/sim-harness.ts';
import type { ErrorBody, SandboxParcelBody } from '../../test-support/wire-types.ts';
import { isValidSandboxTrackingNumber } from './sandbox-tracking-number.ts';

const sim = useSimulator();
const ISO_CHINA = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('sandbox wire format', () => {
  it('answers 401 UNAUTHORIZED without a key, with another scheme or a key not starting with sbx_', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const path = `/sandbox/v1/parcels/${trackingNumber}`;
    for (const headers of [
      {},
      { authorization: 'Basic sbx_abc' },
      { authorization: 'Bearer abc' },
      { authorization: 'Bearer SBX_abc' },
    ]) {
      const answer = await sim.request<ErrorBody>('GET', path, undefined, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'UNAUTHORIZED', message: 'invalid api key' } });
    }
    const intercept = await sim.request('POST', `${path}/intercepts`, {
      reference: 'r',
      reason: 'OTHER',
    });
    expect(intercept.status).toBe(401);
  });

  it('answers 403 FORBIDDEN to the key sbx_forbidden, and does not act', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const headers = { authorization: 'Bearer sbx_forbidden' };
    const track = await sim.request<ErrorBody>(
      'GET',
      `/sandbox/v1/parcels/${trackingNumber}`,
      undefined,
      headers,
    );
    expect(track.status).toBe(403);
    expect(track.body.error.code).toBe('FORBIDDEN');
    const intercept = await sim.request<ErrorBody>(
      'POST',
      `/sandbox/v1/parcels/${trackingNumber}/intercepts`,
      { reference: 'r', reason: 'OTHER' },
      headers,
    );
    expect(intercept.status).toBe(403);
    expect((await sim.parcel(trackingNumber)).intercept).toBeNull();
  });

  it('accepts any key starting with sbx_, with the Bearer scheme in any case', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const answer = await sim.request('GET', `/sandbox/v1/parcels/${trackingNumber}`, undefined, {
      authorization: 'bearer sbx_my-own-key',
    });
    expect(answer.status).toBe(200);
  });

  it('answers 404 PARCEL_NOT_FOUND for an unknown tracking number', async () => {
    const answer = await sim.track('SBX999999990');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((answer.body as unknown as ErrorBody).error).toMatchObject({ code: 'PARCEL_NOT_FOUND' });
    const intercept = await sim.intercept('SBX999999990');
    expect(intercept.status).toBe(404);
    expect(intercept.body.error?.code).toBe('PARCEL_NOT_FOUND');
  });

  it('answers 404 INTERCEPT_NOT_FOUND for an unknown intercept id, and 404 for unknown routes', async () => {
    const answer = await sim.request<ErrorBody>(
      'GET',
      '/sandbox/v1/intercepts/SIC-nope',
      undefined,
      AUTH,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('INTERCEPT_NOT_FOUND');
    const route = await sim.request<ErrorBody>('GET', '/sandbox/v2/things', undefined, AUTH);
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('NOT_FOUND');
    const carrier = await sim.request<ErrorBody>('GET', '/nope/v1/parcels/X', undefined, AUTH);
    expect(carrier.status).toBe(404);
  });

  it('issues tracking numbers with valid check digits', async () => {
    for (let index = 0; index < 5; index++) {
      expect(isValidSandboxTrackingNumber(await sim.createParcel({ status: 'picked_up' }))).toBe(
        true,
      );
    }
  });

  it('renders a parcel with events newest first, ISO times with +08:00, and the documented fields', async () => {
    const trackingNumber = await sim.createParcel({ status: 'at_destination_facility' });
    const answer = await sim.track(trackingNumber);
    expect(answer.status).toBe(200);
    const body = answer.body;
    expect(Object.keys(body).sort()).toEqual(
      [
        'destination',
        'estimatedDelivery',
        'events',
        'proofOfDelivery',
        'statusCode',
        'trackingNumber',
      ].sort(),
    );
    expect(body.trackingNumber).toBe(trackingNumber);
    expect(body.statusCode).toBe('LM');
    expect(body.events.map((event) => event.code)).toEqual(['LM', 'DP', 'AR', 'DP', 'PU', 'CR']);
    const times = body.events.map((event) => Date.parse(event.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const event of body.events) {
      expect(event.time).toMatch(ISO_CHINA);
      expect(event.location.country).toBe('CN');
      expect(event.description.length).toBeGreaterThan(0);
    }
    expect(body.estimatedDelivery).toMatch(ISO_CHINA);
    expect(body.destination).toEqual({
      city: expect.any(String),
      region: expect.any(String),
      country: 'CN',
      postalCode: expect.stringMatching(/^\d{6}$/),
    });
    expect(body.events[0]?.location.city).toBe(body.destination.city);
    expect(body.proofOfDelivery).toBeNull();
  });

  it('adds a proof of delivery once delivered, and no estimate', async () => {
    const trackingNumber = await sim.createParcel({ status: 'delivered' });
    const body = (await sim.track(trackingNumber)).body as SandboxParcelBody;
    expect(body.statusCode).toBe('DL');
    expect(body.estimatedDelivery).toBeNull();
    expect(body.proofOfDelivery).toEqual({
      signedBy: expect.any(String),
      photoUrl: expect.stringMatching(/^https:\/\//),
      deliveredAt: body.events[0]?.time,
    });
  });

  it('maps every exception sub-status to its code, and cancelled to CX', async () => {
    const expected = { damaged: 'XD', lost: 'XL', address_issue: 'XA', held: 'XH', refused: 'XR' };
    for (const [subStatus, code] of Object.entries(expected)) {
      const trackingNumber = await sim.createParcel({ status: 'exception', subStatus });
      expect((await sim.track(trackingNumber)).body.statusCode).toBe(code);
    }
    const cancelled = await sim.createParcel({ status: 'cancelled' });
    expect((await sim.track(cancelled)).body.events.map((event) => event.code)).toEqual([
      'CX',
      'CR',
    ]);
  });

  it('answers 400 INVALID_REQUEST naming the field of a malformed intercept body', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const path = `/sandbox/v1/parcels/${trackingNumber}/intercepts`;
    const cases: [unknown, string][] = [
      ['{not json', 'body'],
      [{ reason: 'OTHER' }, 'reference'],
      [{ reference: 'r' }, 'reason'],
      [{ reference: 'r', reason: 'buyer_cancelled' }, 'reason'],
      [{ reference: 'r', reason: 'OTHER', note: 5 }, 'note'],
    ];
    for (const [body, field] of cases) {
      const answer = await sim.request<ErrorBody>('POST', path, body, AUTH);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'INVALID_REQUEST', field });
    }
    expect((await sim.parcel(trackingNumber)).interceptAttempts).toBe(0);
  });
});
