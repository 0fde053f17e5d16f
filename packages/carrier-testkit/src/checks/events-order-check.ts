import { deriveCurrentStatus, type TrackingEvent } from '@parcelgate/carrier-kit';
import { isIsoDateTimeWithOffset } from '@parcelgate/carrier-kit/wire';
import type { Settlement } from '../harness.ts';
import { describeValue, isRecord } from '../validate/describe-value.ts';
import type { CheckReport, ConformanceCheck } from './conformance-check.ts';
import { createCheckReport, stageOrSkip } from './conformance-check.ts';
import { describeSettlement } from './expect-carrier-error.ts';

const TITLE =
  'lists events oldest first with ISO 8601 offset times, and derives the status from them';

/**
 * Events are oldest first whatever order the carrier sent, every time is ISO 8601 with an
 * explicit offset, and the snapshot's status is the one `deriveCurrentStatus` computes from
 * the events (a delivered scan beats a later-arriving out-for-delivery one). Runs on the
 * default parcel and, where the environment can show them, on every documented code.
 */
export const eventsOrderCheck: ConformanceCheck = {
  id: 'events-order',
  title: TITLE,
  appliesTo: () => true,
  async run(harness) {
    const report = createCheckReport(TITLE, harness);
    const parcels: { readonly label: string; readonly statusCode?: string }[] = [
      { label: 'the default parcel' },
    ];
    if (harness.environment.supports('statusCodes')) {
      parcels.push(
        ...harness.documentedStatusCodes.map((statusCode) => ({
          label: `a parcel showing "${statusCode}"`,
          statusCode,
        })),
      );
    }
    let orderObserved = false;
    for (const parcel of parcels) {
      const staged = await stageOrSkip(report, () =>
        harness.attempt(
          'track',
          parcel.statusCode === undefined ? {} : { statusCode: parcel.statusCode },
        ),
      );
      if (staged === undefined) {
        continue;
      }
      const { settlement } = staged;
      const events = eventsOf(settlement);
      if (events === undefined) {
        report.problem(`track of ${parcel.label} ${describeEventsFailure(settlement)}`);
        continue;
      }
      orderObserved ||= events.length >= 2;
      checkEvents(report, parcel.label, events, settlement);
    }
    if (!orderObserved) {
      report.skipped(
        'event order could not be observed: no snapshot had two or more events (make the track fixture return a journey)',
      );
    }
    return report.finish();
  },
};

function eventsOf(settlement: Settlement): TrackingEvent[] | undefined {
  if (settlement.status !== 'fulfilled' || !isRecord(settlement.value)) {
    return undefined;
  }
  const events = settlement.value.events;
  return Array.isArray(events) && events.every(isRecord)
    ? (events as unknown as TrackingEvent[])
    : undefined;
}

function describeEventsFailure(settlement: Settlement): string {
  return settlement.status === 'fulfilled'
    ? 'resolved without an events array'
    : describeSettlement(settlement);
}

function checkEvents(
  report: CheckReport,
  label: string,
  events: readonly TrackingEvent[],
  settlement: Settlement,
): void {
  const badTimes = events.filter((event) => !isIsoDateTimeWithOffset(event.occurredAt));
  if (badTimes.length > 0) {
    report.problem(
      `${label}: ${badTimes.length} event time(s) are not ISO 8601 with an offset, e.g. ${describeValue(badTimes[0]?.occurredAt)}`,
    );
    return;
  }
  const outOfOrder = events.findIndex(
    (event, index) =>
      index > 0 && Date.parse(event.occurredAt) < Date.parse(events[index - 1]?.occurredAt ?? ''),
  );
  if (outOfOrder > 0) {
    report.problem(
      `${label}: events are not oldest first: events[${outOfOrder - 1}] at ${events[outOfOrder - 1]?.occurredAt} is later than events[${outOfOrder}] at ${events[outOfOrder]?.occurredAt}`,
    );
  }
  if (events.length === 0 || settlement.status !== 'fulfilled' || !isRecord(settlement.value)) {
    return;
  }
  const derived = deriveCurrentStatus(events);
  const { status, subStatus } = settlement.value;
  if (status !== derived.status || subStatus !== derived.subStatus) {
    report.problem(
      `${label}: snapshot status is ${describeStatus(status, subStatus)} but its events give ${describeStatus(derived.status, derived.subStatus)} (see deriveCurrentStatus)`,
    );
  }
}

function describeStatus(status: unknown, subStatus: unknown): string {
  return subStatus === undefined
    ? describeValue(status)
    : `${describeValue(status)}/${describeValue(subStatus)}`;
}
