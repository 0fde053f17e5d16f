import type { Location } from '@parcelgate/carrier-kit';
import { readUspsError } from './classify-usps-failure.ts';
import {
  type JsonObject,
  readArray,
  readObject,
  readOptionalObject,
  readOptionalString,
} from './read-json.ts';
import type { UspsError } from './usps-wire-types.ts';

/** One scan as the adapter uses it. */
export interface UspsEventView {
  readonly code: string;
  readonly eventType: string | undefined;
  readonly eventTimestamp: string | undefined;
  readonly gmtOffset: string | undefined;
  readonly location: Location | undefined;
}

/** One answer item: the tracked parcel, or the error USPS gave for that number. */
export type UspsItemView =
  | {
      readonly kind: 'tracked';
      readonly trackingNumber: string | undefined;
      readonly events: readonly UspsEventView[];
      readonly expectedDelivery: string | undefined;
      readonly origin: Location | undefined;
      readonly destination: Location | undefined;
    }
  | {
      readonly kind: 'error';
      readonly trackingNumber: string | undefined;
      readonly error: UspsError;
    };

/**
 * Reads the v3r2 200 answer: an array with one item per number asked. An item with
 * `error` (or a non-empty `errors`) is that number's failure; the rest are read as parcels.
 * A single object (some gateways unwrap a one-item answer) is read as a one-item array.
 */
export function parseUspsTrackingResponse(body: unknown): readonly UspsItemView[] {
  const items = Array.isArray(body) ? body : [readObject(body, 'body')];
  return items.map((value, index) => readItem(readObject(value, `[${index}]`), `[${index}]`));
}

function readItem(item: JsonObject, path: string): UspsItemView {
  const trackingNumber = readOptionalString(item.trackingNumber, `${path}.trackingNumber`);
  const error =
    readUspsError(item.error) ??
    readArray(item.errors, `${path}.errors`)
      .map(readUspsError)
      .find((entry) => entry !== undefined);
  if (error !== undefined) {
    return { kind: 'error', trackingNumber, error };
  }
  const expectation = readOptionalObject(
    item.deliveryDateExpectation,
    `${path}.deliveryDateExpectation`,
  );
  return {
    kind: 'tracked',
    trackingNumber,
    events: readArray(item.trackingEvents, `${path}.trackingEvents`).map((value, index) =>
      readEvent(readObject(value, `${path}.trackingEvents[${index}]`)),
    ),
    expectedDelivery:
      readOptionalString(item.expectedDeliveryTimeStamp, 'expectedDeliveryTimeStamp') ??
      readOptionalString(expectation?.predictedDeliveryDate, 'predictedDeliveryDate') ??
      readOptionalString(expectation?.expectedDeliveryDate, 'expectedDeliveryDate'),
    origin: place(item.originCity, item.originState, item.originZIP, undefined),
    destination: place(item.destinationCity, item.destinationState, item.destinationZIP, undefined),
  };
}

function readEvent(event: JsonObject): UspsEventView {
  return {
    code: readOptionalString(event.eventCode, 'eventCode') ?? '',
    eventType: readOptionalString(event.eventType, 'eventType'),
    eventTimestamp: readOptionalString(event.eventTimestamp, 'eventTimestamp'),
    gmtOffset: readOptionalString(event.GMTOffset, 'GMTOffset'),
    location: place(event.eventCity, event.eventState, event.eventZIPCode, event.eventCountry),
  };
}

function place(city: unknown, region: unknown, postalCode: unknown, country: unknown) {
  const location: Location = {
    ...optional('city', readOptionalString(city, 'city')),
    ...optional('region', readOptionalString(region, 'state')),
    ...optional('postalCode', readOptionalString(postalCode, 'ZIP')),
    ...optional('country', readOptionalString(country, 'country')),
  };
  return Object.keys(location).length === 0 ? undefined : location;
}

function optional<Key extends string>(key: Key, value: string | undefined) {
  return value === undefined ? {} : ({ [key]: value } as Record<Key, string>);
}
