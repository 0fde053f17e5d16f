import { describe, expect, it } from 'vitest';
import { acmeFixtures } from '../__fixtures__/acme-fixtures.ts';
import { runCheck } from '../__fixtures__/run-check.ts';
import { eventsOrderCheck } from './events-order-check.ts';

describe('eventsOrderCheck', () => {
  it('passes the reference adapter, which sorts Acme newest-first events', async () => {
    const outcome = await runCheck(eventsOrderCheck);
    expect(outcome.problems).toEqual([]);
    expect(outcome.skipped).toBeUndefined();
  });

  it('fails an adapter that returns events newest first', async () => {
    const outcome = await runCheck(eventsOrderCheck, { quirks: { newestFirst: true } });
    expect(outcome.problems).toContain(
      'the default parcel: events are not oldest first: events[0] at 2026-11-25T10:00:00+08:00 is later than events[1] at 2026-11-25T09:00:00+08:00',
    );
  });

  it('fails an adapter that writes times without an offset', async () => {
    const outcome = await runCheck(eventsOrderCheck, { quirks: { timesWithoutOffset: true } });
    expect(outcome.problems[0]).toBe(
      'the default parcel: 3 event time(s) are not ISO 8601 with an offset, e.g. "2026-11-25T08:00:00"',
    );
  });

  it('fails a snapshot status that does not follow from the events', async () => {
    const outcome = await runCheck(eventsOrderCheck, { quirks: { statusFromOldestEvent: true } });
    expect(outcome.problems).toContain(
      'a parcel showing "DL": snapshot status is "label_created" but its events give "delivered" (see deriveCurrentStatus)',
    );
  });

  it('says so when no journey had two events to order', async () => {
    const outcome = await runCheck(eventsOrderCheck, {
      documentedStatusCodes: ['CR'],
      fixtures: {
        ...acmeFixtures,
        track: {
          ...acmeFixtures.track,
          success: (trackingNumber) => ({
            shipment: {
              number: trackingNumber,
              events: [{ code: 'CR', time: '2026-11-25 08:00:00' }],
            },
          }),
        },
      },
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.skipped).toEqual([expect.stringContaining('event order could not be observed')]);
  });
});
