import type { Location } from '@parcelgate/carrier-kit';
import type { UpsActivityStatus } from './map-ups-status.ts';
import {
  firstError,
  type JsonObject,
  readArray,
  readObject,
  readOptionalObject,
  readOptionalString,
  type UpsErrorEntry,
} from './read-json.ts';
import type { UpsTimeParts } from './ups-time.ts';
import type { UpsDeliveryDate, UpsDeliveryInformation } from './ups-wire-types.ts';

/** One scan as the adapter reads it from `package.activity[]`. */
export interface UpsActivityView extends UpsTimeParts {
  readonly status: UpsActivityStatus;
  readonly location: Location | undefined;
}

/** A package of a track answer, reduced to what tracking reads. */
export interface UpsPackageView {
  readonly trackingNumber: string | undefined;
  /** Newest first, as on the wire. */
  readonly activities: readonly UpsActivityView[];
  readonly deliveryDates: readonly Required<Pick<UpsDeliveryDate, 'type' | 'date'>>[];
  readonly deliveryInformation: Pick<UpsDeliveryInformation, 'receivedBy' | 'location'> | undefined;
  readonly origin: Location | undefined;
  readonly destination: Location | undefined;
  /** `packageAddress[]` as sent (ORIGIN, DESTINATION), for the fee quote's addresses. */
  readonly packageAddresses: readonly JsonObject[];
}

/** The 200 of the Track API: the shipment's warnings (TW0001) and its package, if any. */
export interface UpsTrackView {
  readonly warnings: readonly UpsErrorEntry[];
  readonly package: UpsPackageView | undefined;
}

/**
 * Reads `trackResponse.shipment[0]` of GET /track/v1/details/{inquiryNumber}
 * (Tracking.yaml `TrackApiResponse`): its warnings and the package whose number was
 * asked for (the first one otherwise).
 */
export function parseUpsTrackResponse(body: unknown, trackingNumber: string): UpsTrackView {
  const trackResponse = readObject(readObject(body, 'body').trackResponse, 'trackResponse');
  const shipment = readArray(trackResponse.shipment, 'trackResponse.shipment')[0];
  if (shipment === undefined) {
    return { warnings: [], package: undefined };
  }
  const view = readObject(shipment, 'shipment[0]');
  const warnings = readArray(view.warnings, 'shipment[0].warnings')
    .map((warning) => firstError([warning]))
    .filter((warning): warning is UpsErrorEntry => warning !== undefined);
  const packages = readArray(view.package, 'shipment[0].package').map((item, index) =>
    readPackage(readObject(item, `package[${index}]`), `package[${index}]`),
  );
  const chosen = packages.find((item) => item.trackingNumber === trackingNumber) ?? packages[0];
  return { warnings, package: chosen };
}

function readPackage(item: JsonObject, path: string): UpsPackageView {
  const activities = readArray(item.activity, `${path}.activity`).map((activity, index) =>
    readActivity(readObject(activity, `${path}.activity[${index}]`), `${path}.activity[${index}]`),
  );
  const deliveryDates = readArray(item.deliveryDate, `${path}.deliveryDate`).flatMap(
    (entry, index) => {
      const date = readObject(entry, `${path}.deliveryDate[${index}]`);
      const type = readOptionalString(date.type, `${path}.deliveryDate[${index}].type`);
      const day = readOptionalString(date.date, `${path}.deliveryDate[${index}].date`);
      return type === undefined || day === undefined ? [] : [{ type, date: day }];
    },
  );
  const information = readOptionalObject(item.deliveryInformation, `${path}.deliveryInformation`);
  const receivedBy = readOptionalString(
    information?.receivedBy,
    `${path}.deliveryInformation.receivedBy`,
  );
  const dropOff = readOptionalString(information?.location, `${path}.deliveryInformation.location`);
  const addresses = readArray(item.packageAddress, `${path}.packageAddress`).map((entry, index) =>
    readObject(entry, `${path}.packageAddress[${index}]`),
  );
  return {
    trackingNumber: readOptionalString(item.trackingNumber, `${path}.trackingNumber`),
    activities,
    deliveryDates,
    deliveryInformation:
      information === undefined
        ? undefined
        : {
            ...(receivedBy === undefined ? {} : { receivedBy }),
            ...(dropOff === undefined ? {} : { location: dropOff }),
          },
    origin: addressOfType(addresses, 'ORIGIN', path),
    destination: addressOfType(addresses, 'DESTINATION', path),
    packageAddresses: addresses,
  };
}

function readActivity(activity: JsonObject, path: string): UpsActivityView {
  const status = readObject(activity.status, `${path}.status`);
  const type = readOptionalString(status.type, `${path}.status.type`);
  if (type === undefined) {
    throw new TypeError(`ups: ${path}.status.type is missing`);
  }
  const location = readOptionalObject(activity.location, `${path}.location`);
  return {
    status: {
      type,
      code: readOptionalString(status.code, `${path}.status.code`),
      statusCode: readOptionalString(status.statusCode, `${path}.status.statusCode`),
      description: readOptionalString(status.description, `${path}.status.description`),
    },
    date: readOptionalString(activity.date, `${path}.date`),
    time: readOptionalString(activity.time, `${path}.time`),
    gmtDate: readOptionalString(activity.gmtDate, `${path}.gmtDate`),
    gmtTime: readOptionalString(activity.gmtTime, `${path}.gmtTime`),
    gmtOffset: readOptionalString(activity.gmtOffset, `${path}.gmtOffset`),
    location: readLocation(
      readOptionalObject(location?.address, `${path}.location.address`),
      `${path}.location.address`,
    ),
  };
}

function addressOfType(
  addresses: readonly JsonObject[],
  type: 'ORIGIN' | 'DESTINATION',
  path: string,
): Location | undefined {
  const entry = addresses.find((address) => address.type === type);
  return entry === undefined
    ? undefined
    : readLocation(readOptionalObject(entry.address, `${path}.packageAddress.address`), path);
}

/** A UPS address as a contract Location (city, state, postal code, ISO country). */
export function readLocation(address: JsonObject | undefined, path: string): Location | undefined {
  if (address === undefined) {
    return undefined;
  }
  const fields = {
    city: readOptionalString(address.city, `${path}.city`),
    region: readOptionalString(address.stateProvince, `${path}.stateProvince`),
    postalCode: readOptionalString(address.postalCode, `${path}.postalCode`),
    country:
      readOptionalString(address.countryCode, `${path}.countryCode`) ??
      readOptionalString(address.country, `${path}.country`),
  };
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as Location);
}
