import type { Parcel, ParcelEvent, ParcelEventKind, Place } from './parcel.ts';
import type { ExceptionSubStatus, SimStatus } from './statuses.ts';

/**
 * Simulated time between two steps of a journey. Fixed rather than random so a test can
 * say "advance 4 h, expect exactly one more event".
 */
export const STAGE_INTERVAL_MS = 4 * 60 * 60 * 1000;

/**
 * How long before "now" the newest generated event of a new parcel happened. Keeps the
 * history in the past while the first step still comes after one full advance of
 * {@link STAGE_INTERVAL_MS}.
 */
export const HISTORY_LEAD_MS = 5 * 60 * 1000;

const STATUS_OF_KIND: Readonly<Record<ParcelEventKind, SimStatus>> = {
  label_created: 'label_created',
  picked_up: 'picked_up',
  departed_facility: 'in_transit',
  arrived_at_hub: 'in_transit',
  arrived_at_last_mile: 'at_destination_facility',
  out_for_delivery: 'out_for_delivery',
  delivery_attempted: 'delivery_attempted',
  available_for_pickup: 'available_for_pickup',
  delivered: 'delivered',
  exception: 'exception',
  intercept_registered: 'in_transit',
  return_in_transit: 'return_in_transit',
  returned: 'returned',
  cancelled: 'cancelled',
  redirected: 'in_transit',
  intercept_cancelled: 'in_transit',
  redirect_cancelled: 'in_transit',
};

/** The normalized status a parcel is in right after an event of this kind. */
export function statusOfKind(kind: ParcelEventKind): SimStatus {
  return STATUS_OF_KIND[kind];
}

const FORWARD_TO_TRANSIT: readonly ParcelEventKind[] = [
  'label_created',
  'picked_up',
  'departed_facility',
  'arrived_at_hub',
];
const FORWARD_TO_LAST_MILE: readonly ParcelEventKind[] = [
  ...FORWARD_TO_TRANSIT,
  'departed_facility',
  'arrived_at_last_mile',
];
const FORWARD_TO_OUT: readonly ParcelEventKind[] = [...FORWARD_TO_LAST_MILE, 'out_for_delivery'];

/**
 * The steps a parcel created in a status has already taken, oldest first. Exceptions
 * happen where they plausibly would: an address problem at the last-mile station, a
 * refusal at the door, anything else at the hub.
 */
export function historyFor(
  status: SimStatus,
  subStatus: ExceptionSubStatus | null,
): readonly ParcelEventKind[] {
  switch (status) {
    case 'label_created':
      return ['label_created'];
    case 'picked_up':
      return ['label_created', 'picked_up'];
    case 'in_transit':
      return FORWARD_TO_TRANSIT;
    case 'at_destination_facility':
      return FORWARD_TO_LAST_MILE;
    case 'out_for_delivery':
      return FORWARD_TO_OUT;
    case 'delivery_attempted':
      return [...FORWARD_TO_OUT, 'delivery_attempted'];
    case 'available_for_pickup':
      return [...FORWARD_TO_OUT, 'delivery_attempted', 'available_for_pickup'];
    case 'delivered':
      return [...FORWARD_TO_OUT, 'delivered'];
    case 'exception':
      if (subStatus === 'address_issue') {
        return [...FORWARD_TO_LAST_MILE, 'exception'];
      }
      if (subStatus === 'refused') {
        return [...FORWARD_TO_OUT, 'exception'];
      }
      return [...FORWARD_TO_TRANSIT, 'exception'];
    case 'return_in_transit':
      return [...FORWARD_TO_TRANSIT, 'return_in_transit'];
    case 'returned':
      return [...FORWARD_TO_TRANSIT, 'return_in_transit', 'returned'];
    case 'cancelled':
      return ['label_created', 'cancelled'];
  }
}

/**
 * The step that follows `last`, or null when the journey stops there. Delivered,
 * returned and cancelled are final; an exception also stops the journey until an
 * intercept or a redirect gives the parcel somewhere to go.
 */
export function nextKind(last: ParcelEventKind, visitedHub: boolean): ParcelEventKind | null {
  switch (last) {
    case 'label_created':
      return 'picked_up';
    case 'picked_up':
    case 'arrived_at_hub':
    case 'redirected':
    case 'intercept_cancelled':
    case 'redirect_cancelled':
      return 'departed_facility';
    case 'departed_facility':
      return visitedHub ? 'arrived_at_last_mile' : 'arrived_at_hub';
    case 'arrived_at_last_mile':
      return 'out_for_delivery';
    case 'out_for_delivery':
    case 'available_for_pickup':
      return 'delivered';
    case 'delivery_attempted':
      return 'available_for_pickup';
    case 'intercept_registered':
      return 'return_in_transit';
    case 'return_in_transit':
      return 'returned';
    case 'delivered':
    case 'returned':
    case 'cancelled':
    case 'exception':
      return null;
  }
}

/** Where an event of this kind happens, given where the parcel was last seen. */
export function placeOf(parcel: Parcel, kind: ParcelEventKind, lastPlace: Place): Place {
  switch (kind) {
    case 'label_created':
    case 'picked_up':
    case 'cancelled':
    case 'returned':
      return parcel.origin;
    case 'arrived_at_hub':
      return parcel.hub;
    case 'arrived_at_last_mile':
    case 'out_for_delivery':
    case 'delivery_attempted':
    case 'available_for_pickup':
    case 'delivered':
      return toPlace(parcel.destination);
    default:
      return lastPlace;
  }
}

function toPlace(place: Place): Place {
  return {
    city: place.city,
    region: place.region,
    postalCode: place.postalCode,
    country: place.country,
  };
}

/** The parcel's newest event; every parcel has at least its label event. */
export function lastEvent(parcel: Parcel): ParcelEvent {
  const event = parcel.events[parcel.events.length - 1];
  if (event === undefined) {
    throw new Error(`parcel ${parcel.trackingNumber} has no events`);
  }
  return event;
}

/** Appends an event, updating status, intercept state and the version renderers cache by. */
export function recordEvent(
  parcel: Parcel,
  kind: ParcelEventKind,
  at: number,
  subStatus: ExceptionSubStatus | null = null,
): void {
  const lastPlace = parcel.events.length > 0 ? lastEvent(parcel).location : parcel.origin;
  const eventSubStatus = kind === 'exception' ? (subStatus ?? 'other') : null;
  parcel.events.push({
    kind,
    at,
    location: placeOf(parcel, kind, lastPlace),
    subStatus: eventSubStatus,
  });
  parcel.status = statusOfKind(kind);
  parcel.subStatus = eventSubStatus;
  if (kind === 'delivered') {
    // Delivered at the current destination, which is the newest redirect's address.
    settleOpenRedirects(parcel, 'REDIRECTED', at);
  } else if (kind === 'return_in_transit') {
    settleOpenRedirects(parcel, 'FAILED', at);
  }
  if (parcel.intercept !== null) {
    if (kind === 'return_in_transit') {
      parcel.intercept.state = 'RETURNING';
      parcel.intercept.updatedAt = at;
    } else if (kind === 'returned') {
      parcel.intercept.state = 'RETURNED';
      parcel.intercept.updatedAt = at;
    }
  }
  parcel.version++;
}

/** Moves every redirect still `ACCEPTED` to its final state. */
export function settleOpenRedirects(
  parcel: Parcel,
  state: 'REDIRECTED' | 'FAILED',
  at: number,
): void {
  for (const redirect of parcel.redirects) {
    if (redirect.state === 'ACCEPTED') {
      redirect.state = state;
      redirect.updatedAt = at;
    }
  }
}

function visitedHub(parcel: Parcel): boolean {
  return parcel.events.some((event) => event.kind === 'arrived_at_hub');
}

/**
 * Plays the journey forward to `now`: every step due by then is recorded at the time it
 * was due, so one large advance gives the same history as many small ones.
 */
export function advanceParcel(parcel: Parcel, now: number): void {
  while (parcel.nextStepAt !== null && parcel.nextStepAt <= now) {
    const kind = nextKind(lastEvent(parcel).kind, visitedHub(parcel));
    if (kind === null) {
      parcel.nextStepAt = null;
      return;
    }
    const at = parcel.nextStepAt;
    recordEvent(parcel, kind, at);
    parcel.nextStepAt = nextKind(kind, visitedHub(parcel)) === null ? null : at + STAGE_INTERVAL_MS;
  }
}

/** Schedules the step after an event recorded now (an intercept or a redirect). */
export function scheduleNextStep(parcel: Parcel, now: number): void {
  parcel.nextStepAt =
    nextKind(lastEvent(parcel).kind, visitedHub(parcel)) === null ? null : now + STAGE_INTERVAL_MS;
}

/**
 * When the parcel should be delivered if nothing changes, or null when no delivery lies
 * ahead (delivered, returning, cancelled, stuck in an exception).
 */
export function projectedDeliveryAt(parcel: Parcel): number | null {
  if (parcel.nextStepAt === null) {
    return null;
  }
  let kind: ParcelEventKind | null = lastEvent(parcel).kind;
  let hub = visitedHub(parcel);
  let at = parcel.nextStepAt;
  for (let step = 0; step < 16; step++) {
    kind = nextKind(kind, hub);
    if (kind === null || kind === 'return_in_transit' || kind === 'returned') {
      return null;
    }
    if (kind === 'delivered') {
      return at;
    }
    hub ||= kind === 'arrived_at_hub';
    at += STAGE_INTERVAL_MS;
  }
  return null;
}
