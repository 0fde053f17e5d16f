import { readFileSync } from 'node:fs';
import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  sandboxJson,
  sandboxText,
  useSandboxMockServer,
} from '../test/support/sandbox-mock-server.ts';
import { createSandboxTestContext } from '../test/support/sandbox-test-context.ts';
import trackDelivered from './__fixtures__/track-delivered.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import trackIntercepted from './__fixtures__/track-intercepted.json' with { type: 'json' };
import trackNotFound from './__fixtures__/track-not-found.json' with { type: 'json' };
import { mapSandboxStatus, SANDBOX_STATUS_CODES } from './map-sandbox-status.ts';
import { trackSandboxParcel } from './sandbox-track.ts';

const server = useSandboxMockServer();
const PARCEL_PATH = '/v1/parcels/SBX100000016';
const request = { trackingNumber: 'SBX100000016' };
const badGateway = readFileSync(new URL('./__fixtures__/error-502.html', import.meta.url), 'utf8');

describe('trackSandboxParcel', () => {
  it('sends GET /v1/parcels/{trackingNumber} with the bearer key', async () => {
    server.answer('GET', PARCEL_PATH, () => sandboxJson(trackInTransit));
    await trackSandboxParcel(createSandboxTestContext(), request);
    expect(server.calls).toMatchInlineSnapshot(`
      [
        {
          "body": undefined,
          "headers": {
            "accept": "application/json",
            "authorization": "Bearer <api key>",
          },
          "method": "GET",
          "path": "/v1/parcels/SBX100000016",
        },
      ]
    `);
  });

  it("maps the spec's example, events oldest first", async () => {
    server.answer('GET', PARCEL_PATH, () => sandboxJson(trackInTransit));
    const snapshot = await trackSandboxParcel(createSandboxTestContext(), request);
    expect(snapshot).toMatchInlineSnapshot(`
      {
        "carrierId": "sandbox",
        "destination": {
          "city": "Hangzhou",
          "country": "CN",
          "postalCode": "310000",
          "region": "ZJ",
        },
        "estimatedDelivery": "2026-11-28T18:00:00+08:00",
        "events": [
          {
            "description": "Picked up",
            "location": {
              "city": "Shanghai",
              "country": "CN",
            },
            "occurredAt": "2026-11-26T08:00:00+08:00",
            "raw": {
              "code": "PU",
              "description": "Picked up",
            },
            "status": "picked_up",
          },
          {
            "description": "Departed facility",
            "location": {
              "city": "Shanghai",
              "country": "CN",
            },
            "occurredAt": "2026-11-26T09:10:00+08:00",
            "raw": {
              "code": "DP",
              "description": "Departed facility",
            },
            "status": "in_transit",
          },
        ],
        "status": "in_transit",
        "trackingNumber": "SBX100000016",
      }
    `);
  });

  it('maps a delivered parcel with its proof of delivery', async () => {
    server.answer('GET', PARCEL_PATH, () => sandboxJson(trackDelivered));
    const snapshot = await trackSandboxParcel(createSandboxTestContext(), request);
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.events.map((event) => event.raw.code)).toEqual([
      'CR',
      'PU',
      'DP',
      'AR',
      'LM',
      'OD',
      'DL',
    ]);
    expect(snapshot.proofOfDelivery).toEqual({
      deliveredAt: '2026-11-28T14:32:00+08:00',
      signedBy: 'Li Lei',
      photoUrl: 'https://sandbox.example/pod/SBX100000016.jpg',
    });
  });

  it('shows an intercepted parcel heading back, without an estimated delivery', async () => {
    server.answer('GET', '/v1/parcels/SBX100000025', () => sandboxJson(trackIntercepted));
    const snapshot = await trackSandboxParcel(createSandboxTestContext(), {
      trackingNumber: 'SBX100000025',
    });
    expect(snapshot.status).toBe('return_in_transit');
    expect(snapshot.estimatedDelivery).toBeUndefined();
    expect(snapshot.events.map((event) => [event.raw.code, event.status])).toEqual([
      ['PU', 'picked_up'],
      ['AR', 'in_transit'],
      ['IR', 'in_transit'],
      ['RT', 'return_in_transit'],
    ]);
  });

  it('maps every documented code on the wire, keeping the raw code beside it', async () => {
    // One event per code, newest first as the sandbox sends them.
    const events = SANDBOX_STATUS_CODES.map((code, index) => ({
      code,
      description: `event ${code}`,
      time: new Date(Date.UTC(2026, 10, 26, 0, 0, 0) + index * 60_000).toISOString(),
    })).reverse();
    server.answer('GET', PARCEL_PATH, () => sandboxJson({ ...trackInTransit, events }));
    const snapshot = await trackSandboxParcel(createSandboxTestContext(), request);
    expect(snapshot.events).toHaveLength(SANDBOX_STATUS_CODES.length);
    for (const [index, code] of SANDBOX_STATUS_CODES.entries()) {
      const { status, subStatus, incident } = mapSandboxStatus(code);
      expect(snapshot.events[index]).toMatchObject({
        status,
        raw: { code, description: `event ${code}` },
        ...(subStatus === undefined ? {} : { subStatus }),
        ...(incident === undefined ? {} : { incident }),
      });
    }
  });

  it('lets a terminal scan win over a later one, and exposes exception sub-statuses', async () => {
    const events = [
      { code: 'OD', description: 'late scan', time: '2026-11-28T16:00:00+08:00' },
      { code: 'DL', description: 'Delivered', time: '2026-11-28T14:32:00+08:00' },
    ];
    server.answer('GET', PARCEL_PATH, () => sandboxJson({ ...trackInTransit, events }));
    expect((await trackSandboxParcel(createSandboxTestContext(), request)).status).toBe(
      'delivered',
    );

    const damaged = [{ code: 'XD', description: 'Damaged', time: '2026-11-27T09:00:00+08:00' }];
    server.answer('GET', PARCEL_PATH, () => sandboxJson({ ...trackInTransit, events: damaged }));
    const snapshot = await trackSandboxParcel(createSandboxTestContext(), request);
    expect(snapshot).toMatchObject({ status: 'exception', subStatus: 'damaged' });
    expect(snapshot.events[0]).toMatchObject({ incident: 'damaged' });
  });

  it("keeps an undocumented code as unknown, with the spec's wording missing, and warns", async () => {
    const events = [{ code: 'ZZ', time: '2026-11-27T09:00:00+08:00' }];
    server.answer('GET', PARCEL_PATH, () => sandboxJson({ ...trackInTransit, events }));
    const ctx = createSandboxTestContext();
    const snapshot = await trackSandboxParcel(ctx, request);
    expect(snapshot.status).toBe('unknown');
    expect(snapshot.events[0]).toEqual({
      occurredAt: '2026-11-27T09:00:00+08:00',
      status: 'unknown',
      description: 'Undocumented status',
      raw: { code: 'ZZ' },
    });
    expect(ctx.logs).toEqual([
      {
        level: 'warn',
        message: 'sandbox sent status codes its spec does not document',
        fields: { codes: ['ZZ'] },
      },
    ]);
  });

  it('answers unknown for a parcel without events', async () => {
    server.answer('GET', PARCEL_PATH, () => sandboxJson({ ...trackInTransit, events: [] }));
    const snapshot = await trackSandboxParcel(createSandboxTestContext(), request);
    expect(snapshot).toMatchObject({ status: 'unknown', events: [] });
  });

  it('throws not-found for an unknown parcel', async () => {
    server.answer('GET', PARCEL_PATH, () => sandboxJson(trackNotFound, 404));
    await expect(trackSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject({
      kind: 'not-found',
      carrierCode: 'PARCEL_NOT_FOUND',
    });
  });

  it("classifies a proxy's HTML 502 as retryable", async () => {
    server.answer('GET', PARCEL_PATH, () => sandboxText(badGateway, 502, 'text/html'));
    await expect(trackSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject({
      kind: 'retryable',
      httpStatus: 502,
    });
  });

  it('classifies malformed JSON in a 200 as retryable, never a raw SyntaxError', async () => {
    server.answer('GET', PARCEL_PATH, () =>
      sandboxText('{"trackingNumber":"SBX1', 200, 'application/json'),
    );
    const failure = trackSandboxParcel(createSandboxTestContext(), request);
    await expect(failure).rejects.toMatchObject({ kind: 'retryable', requestSent: true });
    await expect(failure).rejects.toHaveProperty('cause.name', 'SyntaxError');
  });

  it('classifies a 200 of the wrong shape as retryable', async () => {
    server.answer('GET', PARCEL_PATH, () => sandboxJson({ trackingNumber: 'SBX100000016' }));
    const failure = trackSandboxParcel(createSandboxTestContext(), request);
    await expect(failure).rejects.toMatchObject({ kind: 'retryable' });
    await expect(failure).rejects.toHaveProperty('cause.name', 'TypeError');
  });

  it('classifies a dropped connection on a read as retryable', async () => {
    server.answer('GET', PARCEL_PATH, () => HttpResponse.error());
    const error: unknown = await trackSandboxParcel(createSandboxTestContext(), request).catch(
      (caught: unknown) => caught,
    );
    expect(isCarrierErrorOfKind(error, 'retryable')).toBe(true);
  });

  it('rejects with the signal reason when the budget runs out, unwrapped', async () => {
    server.answer('GET', PARCEL_PATH, () => sandboxJson(trackInTransit));
    const budget = new Error('latency budget exhausted');
    const ctx = createSandboxTestContext({ signal: AbortSignal.abort(budget) });
    await expect(trackSandboxParcel(ctx, request)).rejects.toBe(budget);
  });

  it('encodes the tracking number into the path', async () => {
    server.answer('GET', '/v1/parcels/SBX%2F1%3F', () => sandboxJson(trackNotFound, 404));
    await expect(
      trackSandboxParcel(createSandboxTestContext(), { trackingNumber: 'SBX/1?' }),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(server.calls[0]?.path).toBe('/v1/parcels/SBX%2F1%3F');
  });

  it('refuses to send anything without an API key', async () => {
    const ctx = createSandboxTestContext({ apiKey: '' });
    await expect(trackSandboxParcel(ctx, request)).rejects.toMatchObject({
      kind: 'authentication',
      requestSent: false,
    });
    expect(server.calls).toEqual([]);
  });
});
