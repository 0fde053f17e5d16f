import type { ExceptionSubStatus, NormalizedStatus } from './status.ts';
import { TERMINAL_STATUSES } from './status.ts';
import type { TrackingEvent } from './tracking.ts';

/** The current status of a parcel, as computed from its events. */
export interface CurrentStatus {
  readonly status: NormalizedStatus;
  readonly subStatus?: ExceptionSubStatus;
}

/**
 * Orders events oldest first by their instant (not their text), keeping the carrier's order
 * for events at the same instant. Carriers list newest first, oldest first or shuffled.
 */
export function sortEventsChronologically(events: readonly TrackingEvent[]): TrackingEvent[] {
  return events
    .map((event, index) => ({ event, index, at: Date.parse(event.occurredAt) }))
    .sort((left, right) => left.at - right.at || left.index - right.index)
    .map(({ event }) => event);
}

/**
 * Computes the current status from all events, robust to carriers that send them out of
 * order: a terminal scan (delivered, returned, cancelled) beats any non-terminal scan,
 * even one with a later time, because a parcel that was delivered cannot be "out for
 * delivery" again. Otherwise the latest event wins. No events means `unknown`.
 */
export function deriveCurrentStatus(events: readonly TrackingEvent[]): CurrentStatus {
  const ordered = sortEventsChronologically(events);
  const terminal = ordered.filter((event) => TERMINAL_STATUSES.includes(event.status));
  const deciding = terminal.at(-1) ?? ordered.at(-1);
  if (deciding === undefined) {
    return { status: 'unknown' };
  }
  return deciding.subStatus === undefined
    ? { status: deciding.status }
    : { status: deciding.status, subStatus: deciding.subStatus };
}
