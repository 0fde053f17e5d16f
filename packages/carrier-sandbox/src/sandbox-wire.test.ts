import { describe, expect, it } from 'vitest';
import trackDelivered from './__fixtures__/track-delivered.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import {
  parseSandboxErrorBody,
  parseSandboxInterceptCreated,
  parseSandboxInterceptList,
  parseSandboxInterceptRecord,
  parseSandboxParcel,
  parseSandboxRedirectCreated,
} from './sandbox-wire.ts';

describe('parseSandboxParcel', () => {
  it("reads the spec's example, keeping the wire order", () => {
    const parcel = parseSandboxParcel(trackInTransit);
    expect(parcel.events.map((event) => event.code)).toEqual(['DP', 'PU']);
    expect(parcel.destination).toEqual({
      city: 'Hangzhou',
      region: 'ZJ',
      country: 'CN',
      postalCode: '310000',
    });
    expect(parcel.proofOfDelivery).toBeUndefined();
  });

  it('reads a proof of delivery', () => {
    expect(parseSandboxParcel(trackDelivered).proofOfDelivery).toEqual({
      signedBy: 'Li Lei',
      photoUrl: 'https://sandbox.example/pod/SBX100000016.jpg',
      deliveredAt: '2026-11-28T14:32:00+08:00',
    });
  });

  it('ignores fields it does not read, and tolerates absent optional ones', () => {
    const parcel = parseSandboxParcel({
      newField: { anything: true },
      events: [{ code: 'PU', time: '2026-11-26T08:00:00+08:00', weight: 1.2 }],
    });
    expect(parcel).toEqual({
      events: [
        {
          code: 'PU',
          description: undefined,
          time: '2026-11-26T08:00:00+08:00',
          location: undefined,
        },
      ],
      estimatedDelivery: undefined,
      destination: undefined,
      proofOfDelivery: undefined,
    });
  });

  it('accepts a plain date as the estimated delivery', () => {
    expect(
      parseSandboxParcel({ events: [], estimatedDelivery: '2026-11-28' }).estimatedDelivery,
    ).toBe('2026-11-28');
  });

  it.each([
    ['not an object', [], /parcel must be an object/],
    ['events missing', {}, /events must be an array/],
    [
      'event code missing',
      { events: [{ time: '2026-11-26T08:00:00+08:00' }] },
      /events\[0\]\.code/,
    ],
    [
      'time without offset',
      { events: [{ code: 'PU', time: '2026-11-26T08:00:00' }] },
      /events\[0\]\.time/,
    ],
    [
      'location not an object',
      { events: [{ code: 'PU', time: '2026-11-26T08:00:00Z', location: 'x' }] },
      /events\[0\]\.location/,
    ],
    ['estimated delivery garbled', { events: [], estimatedDelivery: 'soon' }, /estimatedDelivery/],
    ['delivered at garbled', { events: [], proofOfDelivery: { deliveredAt: 5 } }, /deliveredAt/],
  ])('throws a TypeError naming the field when %s', (_case, body, message) => {
    expect(() => parseSandboxParcel(body)).toThrow(TypeError);
    expect(() => parseSandboxParcel(body)).toThrow(message);
  });
});

describe('mutation answers', () => {
  it('reads the ids of accepted intercepts and redirects', () => {
    expect(parseSandboxInterceptCreated({ interceptId: 'SIC-1', state: 'ACCEPTED' })).toEqual({
      interceptId: 'SIC-1',
    });
    expect(parseSandboxRedirectCreated({ redirectId: 'SRD-1', extra: 1 })).toEqual({
      redirectId: 'SRD-1',
    });
  });

  it('throws when the id is missing', () => {
    expect(() => parseSandboxInterceptCreated({ state: 'ACCEPTED' })).toThrow(/interceptId/);
    expect(() => parseSandboxRedirectCreated({ redirectId: '' })).toThrow(/redirectId/);
  });

  it('reads intercept records and refuses undocumented states', () => {
    expect(parseSandboxInterceptRecord({ interceptId: 'SIC-1', state: 'RETURNED' })).toEqual({
      interceptId: 'SIC-1',
      state: 'RETURNED',
    });
    expect(() => parseSandboxInterceptRecord({ interceptId: 'SIC-1', state: 'LOST' })).toThrow(
      /state/,
    );
  });

  it('reads the list a lookup by reference answers', () => {
    const item = { interceptId: 'SIC-1', state: 'ACCEPTED', reference: 'icp_1' };
    expect(parseSandboxInterceptList({ intercepts: [item] })).toEqual([item]);
    expect(parseSandboxInterceptList({ intercepts: [] })).toEqual([]);
    expect(() => parseSandboxInterceptList({ intercepts: null })).toThrow(/intercepts/);
    expect(() => parseSandboxInterceptList({ intercepts: [{ state: 'ACCEPTED' }] })).toThrow(
      /interceptId/,
    );
  });
});

describe('parseSandboxErrorBody', () => {
  it('reads the envelope', () => {
    expect(
      parseSandboxErrorBody({
        error: { code: 'INVALID_REQUEST', message: 'bad', field: 'reason' },
      }),
    ).toEqual({ code: 'INVALID_REQUEST', message: 'bad', field: 'reason' });
  });

  it.each([undefined, null, 'text', [], {}, { error: 'x' }, { error: { code: 7 } }])(
    'never throws, even for %j',
    (json) => {
      expect(parseSandboxErrorBody(json)).toEqual({
        code: undefined,
        message: undefined,
        field: undefined,
      });
    },
  );
});
