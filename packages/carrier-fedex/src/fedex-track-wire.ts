import type { Location } from '@parcelgate/carrier-kit';
import type { FedexScanStatus } from './map-fedex-status.ts';
import {
  type FedexErrorEntry,
  type JsonObject,
  readArray,
  readErrorEntry,
  readObject,
  readOptionalObject,
  readOptionalString,
} from './read-json.ts';

/** One scan as the adapter reads it from `scanEvents[]`. */
export interface FedexScanView extends FedexScanStatus {
  readonly date: string | undefined;
  readonly description: string | undefined;
  readonly location: Location | undefined;
}

/** One delivery option FedEx reports for the package (`deliveryOptionEligibilityDetails[]`). */
export interface FedexDeliveryOptionView {
  readonly option: string;
  readonly eligibility: string | undefined;
}

/** One number's result of a track answer, reduced to what tracking reads. */
export interface FedexResultView {
  readonly trackingNumber: string;
  /** The number's own failure inside the 200 (`trackResults[].error`). */
  readonly error: FedexErrorEntry | undefined;
  /** As on the wire (FedEx lists newest first). */
  readonly scans: readonly FedexScanView[];
  readonly latest: (FedexScanStatus & { readonly description: string | undefined }) | undefined;
  readonly dates: readonly { readonly type: string; readonly dateTime: string }[];
  readonly signedBy: string | undefined;
  readonly receivedBy: string | undefined;
  readonly deliveredTo: Location | undefined;
  readonly deliveryOptions: readonly FedexDeliveryOptionView[];
  readonly origin: Location | undefined;
  readonly destination: Location | undefined;
}

/**
 * Reads `output.completeTrackResults[]` of POST /track/v1/trackingnumbers
 * (`TrkcResponseVO_TrackingNumber`): one view per asked number, keyed by the number
 * FedEx echoes. For duplicates (several `trackResults` for one number) the first result
 * is FedEx's current shipment and is the one read.
 */
export function parseFedexTrackResponse(body: unknown): ReadonlyMap<string, FedexResultView> {
  const output = readObject(readObject(body, 'body').output, 'output');
  const results = new Map<string, FedexResultView>();
  readArray(output.completeTrackResults, 'output.completeTrackResults').forEach((entry, index) => {
    const path = `completeTrackResults[${index}]`;
    const complete = readObject(entry, path);
    const first = readArray(complete.trackResults, `${path}.trackResults`)[0];
    const result = first === undefined ? {} : readObject(first, `${path}.trackResults[0]`);
    const info = readOptionalObject(result.trackingNumberInfo, `${path}.trackingNumberInfo`);
    const trackingNumber =
      readOptionalString(complete.trackingNumber, `${path}.trackingNumber`) ??
      readOptionalString(info?.trackingNumber, `${path}.trackingNumberInfo.trackingNumber`);
    if (trackingNumber !== undefined && !results.has(trackingNumber)) {
      results.set(trackingNumber, readResult(trackingNumber, result, `${path}.trackResults[0]`));
    }
  });
  return results;
}

function readResult(trackingNumber: string, result: JsonObject, path: string): FedexResultView {
  const scans = readArray(result.scanEvents, `${path}.scanEvents`).map((scan, index) =>
    readScan(readObject(scan, `${path}.scanEvents[${index}]`), `${path}.scanEvents[${index}]`),
  );
  const dates = readArray(result.dateAndTimes, `${path}.dateAndTimes`).flatMap((entry, index) => {
    const date = readObject(entry, `${path}.dateAndTimes[${index}]`);
    const type = readOptionalString(date.type, `${path}.dateAndTimes[${index}].type`);
    const dateTime = readOptionalString(date.dateTime, `${path}.dateAndTimes[${index}].dateTime`);
    return type === undefined || dateTime === undefined ? [] : [{ type, dateTime }];
  });
  const delivery = readOptionalObject(result.deliveryDetails, `${path}.deliveryDetails`);
  const deliveryOptions = readArray(
    delivery?.deliveryOptionEligibilityDetails,
    `${path}.deliveryDetails.deliveryOptionEligibilityDetails`,
  ).flatMap((entry, index) => {
    const detail = readObject(entry, `${path}.deliveryOptionEligibilityDetails[${index}]`);
    const option = readOptionalString(detail.option, `${path}.deliveryOption[${index}].option`);
    const eligibility = readOptionalString(
      detail.eligibility,
      `${path}.deliveryOption[${index}].eligibility`,
    );
    return option === undefined ? [] : [{ option, eligibility }];
  });
  return {
    trackingNumber,
    error: readErrorEntry(result.error),
    scans,
    latest: readLatest(result.latestStatusDetail, `${path}.latestStatusDetail`),
    dates,
    signedBy: readOptionalString(delivery?.signedByName, `${path}.deliveryDetails.signedByName`),
    receivedBy: readOptionalString(
      delivery?.receivedByName,
      `${path}.deliveryDetails.receivedByName`,
    ),
    deliveredTo: readLocation(
      delivery?.actualDeliveryAddress,
      `${path}.deliveryDetails.actualDeliveryAddress`,
      readOptionalString(delivery?.locationDescription, `${path}.deliveryDetails.location`),
    ),
    deliveryOptions,
    origin: readContactAddress(result.shipperInformation, `${path}.shipperInformation`),
    destination: readContactAddress(result.recipientInformation, `${path}.recipientInformation`),
  };
}

function readScan(scan: JsonObject, path: string): FedexScanView {
  const description = readOptionalString(scan.eventDescription, `${path}.eventDescription`);
  const exceptionDescription = readOptionalString(
    scan.exceptionDescription,
    `${path}.exceptionDescription`,
  );
  return {
    date: readOptionalString(scan.date, `${path}.date`),
    code: readOptionalString(scan.eventType, `${path}.eventType`),
    derivedCode: readOptionalString(scan.derivedStatusCode, `${path}.derivedStatusCode`),
    exceptionCode: readOptionalString(scan.exceptionCode, `${path}.exceptionCode`),
    texts: [exceptionDescription, description],
    locationType: readOptionalString(scan.locationType, `${path}.locationType`),
    description: description ?? exceptionDescription,
    location: readLocation(scan.scanLocation, `${path}.scanLocation`, undefined),
  };
}

function readLatest(
  value: unknown,
  path: string,
): (FedexScanStatus & { readonly description: string | undefined }) | undefined {
  const latest = readOptionalObject(value, path);
  if (latest === undefined) {
    return undefined;
  }
  const ancillary = readArray(latest.ancillaryDetails, `${path}.ancillaryDetails`).map(
    (entry, index) => readObject(entry, `${path}.ancillaryDetails[${index}]`),
  );
  const reasons = ancillary.map((entry, index) =>
    readOptionalString(entry.reason, `${path}.ancillaryDetails[${index}].reason`),
  );
  const reasonTexts = ancillary.map((entry, index) =>
    readOptionalString(
      entry.reasonDescription,
      `${path}.ancillaryDetails[${index}].reasonDescription`,
    ),
  );
  const description =
    readOptionalString(latest.description, `${path}.description`) ??
    readOptionalString(latest.statusByLocale, `${path}.statusByLocale`);
  return {
    code: readOptionalString(latest.code, `${path}.code`),
    derivedCode: readOptionalString(latest.derivedCode, `${path}.derivedCode`),
    // FedEx puts the exception's reason code in the ancillary details (`08`, `015A`).
    exceptionCode: reasons.find((reason) => reason !== undefined),
    texts: [...reasonTexts, description],
    description,
  };
}

function readContactAddress(value: unknown, path: string): Location | undefined {
  const contact = readOptionalObject(value, path);
  return readLocation(contact?.address, `${path}.address`, undefined);
}

function readLocation(
  value: unknown,
  path: string,
  description: string | undefined,
): Location | undefined {
  const address = readOptionalObject(value, path);
  const city = readOptionalString(address?.city, `${path}.city`);
  const region = readOptionalString(address?.stateOrProvinceCode, `${path}.stateOrProvinceCode`);
  const postalCode = readOptionalString(address?.postalCode, `${path}.postalCode`);
  const country = readOptionalString(address?.countryCode, `${path}.countryCode`);
  const location: Location = {
    ...(city === undefined ? {} : { city }),
    ...(region === undefined ? {} : { region }),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...(country === undefined ? {} : { country }),
    ...(description === undefined ? {} : { description }),
  };
  return Object.keys(location).length === 0 ? undefined : location;
}
