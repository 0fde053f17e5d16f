import { describe, expect, it } from 'vitest';
import { validateTrackingSnapshot } from './validate-tracking-snapshot.ts';

const expected = { carrierId: 'acme', trackingNumber: 'ACM1' };
const event = {
  occurredAt: '2026-11-25T08:00:00+08:00',
  status: 'picked_up',
  description: 'Picked up',
  raw: { code: 'PU' },
};

describe('validateTrackingSnapshot', () => {
  it('accepts a complete snapshot', () => {
    const snapshot = {
      ...expected,
      status: 'exception',
      subStatus: 'held',
      events: [
        event,
        {
          ...event,
          status: 'exception',
          subStatus: 'held',
          incident: 'customs',
          raw: { code: 'EX', description: 'held' },
        },
      ],
      estimatedDelivery: '2026-11-28',
      proofOfDelivery: { deliveredAt: '2026-11-28T10:00:00Z' },
      destination: { city: 'Shanghai' },
    };
    expect(validateTrackingSnapshot(snapshot, expected)).toEqual([]);
  });

  it('names every broken field', () => {
    const snapshot = {
      carrierId: 'acme',
      trackingNumber: 'ACM2',
      status: 'in_transit',
      subStatus: 'held',
      events: [
        { ...event, occurredAt: '2026-11-25 08:00', raw: { code: '' } },
        { ...event, status: 'lost', incident: 'customs', description: 3 },
        'not an event',
      ],
      estimatedDelivery: 'Friday',
      proofOfDelivery: { deliveredAt: 'yesterday' },
      origin: 'Shanghai',
    };
    expect(validateTrackingSnapshot(snapshot, expected)).toEqual([
      'trackingNumber is "ACM2", expected "ACM1"',
      'status is "in_transit" but a subStatus is set: only exceptions have one',
      'events[0].occurredAt is "2026-11-25 08:00": expected ISO 8601 with an explicit offset, e.g. 2026-11-26T09:10:00+08:00',
      'events[0].raw.code is "", expected the carrier\'s code',
      'events[1].status is "lost", not a normalized status',
      'events[1].incident is set on a "lost" event, not an exception',
      'events[1].description is 3, expected a string',
      'events[2] is "not an event", expected an event object',
      'estimatedDelivery is "Friday": expected an ISO 8601 date-time with offset or a YYYY-MM-DD date',
      'proofOfDelivery.deliveredAt is "yesterday": expected ISO 8601 with an offset',
      'origin is "Shanghai", expected an object',
    ]);
  });

  it('refuses a value that is not a snapshot at all', () => {
    expect(validateTrackingSnapshot(undefined, expected)).toEqual([
      'track() resolved missing, not a TrackingSnapshot object',
    ]);
    expect(
      validateTrackingSnapshot({ ...expected, status: 'unknown', events: {} }, expected),
    ).toEqual(['events is an object, expected an array']);
  });
});
