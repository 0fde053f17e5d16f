import { admitToParcel } from '../../model/accounts.ts';
import { projectedDeliveryAt } from '../../model/journey.ts';
import { countOperation, type Parcel, type ParcelEvent } from '../../model/parcel.ts';
import type { CarrierRequest, CarrierWorld, RouteIdentity } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { authenticateUsps } from './usps-auth.ts';
import { uspsStatusOf } from './usps-codes.ts';
import { uspsError } from './usps-errors.ts';

/** The most numbers one call takes, as the adapter declares. */
export const USPS_SIM_MAX_PER_CALL = 35;

const NOT_AN_ARRAY = uspsError(400, 'The request body must be an array of tracking requests.');
const TOO_MANY = uspsError(
  400,
  `A request may carry at most ${USPS_SIM_MAX_PER_CALL} tracking numbers.`,
);
const NOT_FOUND_MESSAGE =
  'The Postal Service could not locate the tracking information for your request. Please verify your tracking number and try again later.';

// Rendered items per parcel version: tracking is the hot path.
const cache = new WeakMap<Parcel, { readonly version: number; readonly item: unknown }>();

/** The numbers of a request body, or undefined when it is not an array of `{ trackingNumber }`. */
function readNumbers(body: Buffer): readonly string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) {
    return undefined;
  }
  return parsed.map((entry: unknown) => {
    const number =
      typeof entry === 'object' && entry !== null
        ? (entry as { readonly trackingNumber?: unknown }).trackingNumber
        : undefined;
    return typeof number === 'string' ? number : '';
  });
}

/** The first parcel a tracking call names, so faults and counts reach it. */
export function identifyUspsTrack(body: Buffer): RouteIdentity | undefined {
  const first = readNumbers(body)?.[0];
  return first === undefined || first === ''
    ? undefined
    : { operation: 'track', trackingNumber: first };
}

/**
 * `POST /tracking/v3r2/tracking`: the bearer token checked, then one answer item per
 * number in the array body, in order: the parcel, or the number's own error inside the
 * 200 ("could not locate"). Each number counts as one `track` call of its parcel (the
 * server counted the first; the others are counted here).
 */
export function handleUspsTrack(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const account = authenticateUsps(request.headers, world);
  if (typeof account !== 'string') {
    return account;
  }
  const numbers = readNumbers(request.body);
  if (numbers === undefined || numbers.length === 0) {
    return NOT_AN_ARRAY;
  }
  if (numbers.length > USPS_SIM_MAX_PER_CALL) {
    return TOO_MANY;
  }
  // One call, whatever the numbers it names, in the account's per-second log.
  world.accountCalls.record('usps', account);
  const items = numbers.map((trackingNumber, index) => {
    const parcel = world.parcels.get('usps', trackingNumber);
    if (parcel === undefined) {
      return { trackingNumber, error: { code: '404', message: NOT_FOUND_MESSAGE } };
    }
    if (index > 0) {
      countOperation(parcel.calls, 'track');
    }
    admitToParcel(parcel, account, 'track');
    return renderCached(parcel);
  });
  return jsonResponse(200, items);
}

function renderCached(parcel: Parcel): unknown {
  const cached = cache.get(parcel);
  if (cached !== undefined && cached.version === parcel.version) {
    return cached.item;
  }
  const item = renderItem(parcel);
  cache.set(parcel, { version: parcel.version, item });
  return item;
}

function renderItem(parcel: Parcel): unknown {
  const trackingEvents: unknown[] = [];
  for (let index = parcel.events.length - 1; index >= 0; index--) {
    const event = parcel.events[index];
    if (event !== undefined) {
      trackingEvents.push(renderEvent(event));
    }
  }
  const newest = parcel.events.at(-1);
  const projected = parcel.status === 'delivered' ? null : projectedDeliveryAt(parcel);
  const newestWire = newest === undefined ? undefined : uspsStatusOf(newest);
  return {
    trackingNumber: parcel.trackingNumber,
    ...(newestWire === undefined ? {} : { status: newestWire.eventType }),
    mailClass: 'USPS Ground Advantage',
    originCity: parcel.origin.city,
    originState: parcel.origin.region,
    originZIP: parcel.origin.postalCode,
    destinationCity: parcel.destination.city,
    destinationState: parcel.destination.region,
    destinationZIP: parcel.destination.postalCode,
    ...(projected === null ? {} : { expectedDeliveryTimeStamp: isoTime(projected) }),
    trackingEvents,
  };
}

function renderEvent(event: ParcelEvent): unknown {
  const { eventCode, eventType } = uspsStatusOf(event);
  return {
    eventType,
    eventTimestamp: isoTime(event.at),
    eventCountry: event.location.country,
    eventCity: event.location.city,
    eventState: event.location.region,
    eventZIPCode: event.location.postalCode,
    eventCode,
  };
}

/** ISO 8601 in UTC without milliseconds. */
function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
