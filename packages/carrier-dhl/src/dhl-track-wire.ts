import type { Location } from '@parcelgate/carrier-kit';
import type { DhlEvent, DhlProofOfDelivery, DhlShipment } from './dhl-wire-types.ts';
import {
  type JsonObject,
  readArray,
  readObject,
  readOptionalObject,
  readOptionalString,
} from './read-json.ts';

/** One event as the adapter uses it. */
export interface DhlEventView {
  readonly timestamp: string | undefined;
  readonly statusCode: string;
  readonly status: string | undefined;
  readonly description: string | undefined;
  readonly remark: string | undefined;
  readonly location: Location | undefined;
}

/** One shipment as the adapter uses it. */
export interface DhlShipmentView {
  readonly id: string | undefined;
  readonly service: string | undefined;
  readonly events: readonly DhlEventView[];
  readonly latest: DhlEventView | undefined;
  readonly estimatedTimeOfDelivery: string | undefined;
  readonly proofOfDelivery: DhlProofOfDelivery | undefined;
  readonly origin: Location | undefined;
  readonly destination: Location | undefined;
}

/**
 * Reads the 200 answer (`supermodelIoLogisticsTrackingShipments`) for one number: the
 * shipment whose `id` is the number asked, else the first one (DHL answers a piece id with
 * its shipment); undefined when `shipments` is empty.
 */
export function parseDhlShipments(
  body: unknown,
  trackingNumber: string,
): DhlShipmentView | undefined {
  const root = readObject(body, 'body');
  const shipments = readArray(root.shipments, 'shipments').map((value, index) =>
    readObject(value, `shipments[${index}]`),
  );
  const shipment = shipments.find((candidate) => candidate.id === trackingNumber) ?? shipments[0];
  return shipment === undefined ? undefined : readShipment(shipment);
}

function readShipment(shipment: JsonObject): DhlShipmentView {
  const events = readArray(shipment.events, 'shipments[].events').map((value, index) =>
    readEvent(readObject(value, `events[${index}]`), `events[${index}]`),
  );
  const status = readOptionalObject(shipment.status, 'status');
  const details = readOptionalObject(shipment.details, 'details');
  const pod = readOptionalObject(details?.proofOfDelivery, 'details.proofOfDelivery');
  return {
    id: readOptionalString(shipment.id, 'id'),
    service: readOptionalString(shipment.service, 'service'),
    events,
    latest: status === undefined ? undefined : readEvent(status, 'status'),
    estimatedTimeOfDelivery: readOptionalString(
      shipment.estimatedTimeOfDelivery,
      'estimatedTimeOfDelivery',
    ),
    proofOfDelivery: pod === undefined ? undefined : readProof(pod),
    origin: readPlace(shipment.origin, 'origin'),
    destination: readPlace(shipment.destination, 'destination'),
  };
}

function readEvent(event: JsonObject, path: string): DhlEventView {
  return {
    timestamp: readOptionalString(event.timestamp, `${path}.timestamp`),
    statusCode: readOptionalString(event.statusCode, `${path}.statusCode`) ?? 'unknown',
    status: readOptionalString(event.status, `${path}.status`),
    description: readOptionalString(event.description, `${path}.description`),
    remark: readOptionalString(event.remark, `${path}.remark`),
    location: readPlace(event.location, `${path}.location`),
  };
}

function readProof(pod: JsonObject): DhlProofOfDelivery {
  const signed = readOptionalObject(pod.signed, 'proofOfDelivery.signed');
  const name = readOptionalString(signed?.name, 'signed.name');
  const familyName = readOptionalString(signed?.familyName, 'signed.familyName');
  const givenName = readOptionalString(signed?.givenName, 'signed.givenName');
  const timestamp = readOptionalString(pod.timestamp, 'proofOfDelivery.timestamp');
  const signatureUrl = readOptionalString(pod.signatureUrl, 'proofOfDelivery.signatureUrl');
  const documentUrl = readOptionalString(pod.documentUrl, 'proofOfDelivery.documentUrl');
  return {
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(signatureUrl === undefined ? {} : { signatureUrl }),
    ...(documentUrl === undefined ? {} : { documentUrl }),
    ...(signed === undefined
      ? {}
      : {
          signed: {
            ...(name === undefined ? {} : { name }),
            ...(familyName === undefined ? {} : { familyName }),
            ...(givenName === undefined ? {} : { givenName }),
          },
        }),
  };
}

function readPlace(value: unknown, path: string): Location | undefined {
  const place = readOptionalObject(value, path);
  const address = readOptionalObject(place?.address, `${path}.address`);
  if (address === undefined) {
    return undefined;
  }
  const city = readOptionalString(address.addressLocality, `${path}.address.addressLocality`);
  const postalCode = readOptionalString(address.postalCode, `${path}.address.postalCode`);
  const country = readOptionalString(address.countryCode, `${path}.address.countryCode`);
  const location: Location = {
    ...(city === undefined ? {} : { city }),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...(country === undefined ? {} : { country }),
  };
  return Object.keys(location).length === 0 ? undefined : location;
}

/** Re-exported for tests: the spec's wire types. */
export type { DhlEvent, DhlShipment };
