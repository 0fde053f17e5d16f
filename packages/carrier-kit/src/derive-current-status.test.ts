import { describe, expect, it } from 'vitest';
import { deriveCurrentStatus, sortEventsChronologically } from './derive-current-status.ts';
import type { NormalizedStatus } from './status.ts';
import type { TrackingEvent } from './tracking.ts';

function event(status: NormalizedStatus, occurredAt: string, code: string = status): TrackingEvent {
  return { status, occurredAt, description: code, raw: { code } };
}

describe('deriveCurrentStatus', () => {
  it('is unknown without events', () => {
    expect(deriveCurrentStatus([])).toEqual({ status: 'unknown' });
  });

  it('takes the latest event by instant, not by list position or text', () => {
    const events = [
      event('out_for_delivery', '2026-11-26T10:00:00+08:00'),
      // 03:00Z is 11:00 in China: later, though its text sorts first.
      event('delivery_attempted', '2026-11-26T03:00:00Z'),
      event('in_transit', '2026-11-25T10:00:00+08:00'),
    ];
    expect(deriveCurrentStatus(events)).toEqual({ status: 'delivery_attempted' });
  });

  it('lets a delivered scan beat a later-stamped out-for-delivery scan', () => {
    const events = [
      event('delivered', '2026-11-26T10:00:00+08:00'),
      event('out_for_delivery', '2026-11-26T10:05:00+08:00'),
    ];
    expect(deriveCurrentStatus(events)).toEqual({ status: 'delivered' });
  });

  it('keeps the exception sub-status', () => {
    const damaged: TrackingEvent = {
      ...event('exception', '2026-11-26T10:00:00+08:00'),
      subStatus: 'damaged',
    };
    expect(
      deriveCurrentStatus([event('in_transit', '2026-11-26T09:00:00+08:00'), damaged]),
    ).toEqual({
      status: 'exception',
      subStatus: 'damaged',
    });
  });

  it('sorts stably, keeping the carrier order for equal instants', () => {
    const first = event('picked_up', '2026-11-26T09:00:00+08:00', 'A');
    const second = event('in_transit', '2026-11-26T01:00:00Z', 'B');
    const earlier = event('label_created', '2026-11-25T09:00:00+08:00');
    expect(sortEventsChronologically([first, second, earlier])).toEqual([earlier, first, second]);
  });
});
