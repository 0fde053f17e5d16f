/**
 * The parts of DHL's Shipment Tracking - Unified API (OpenAPI "DHL Shipment Tracking API"
 * 1.3.1, `dpdhl_tracking-unified-api_1.3.1.yaml` on developer.dhl.com) the adapter reads,
 * written from the spec's schemas (`supermodelIoLogisticsTracking*`). Every field is
 * optional because DHL fills them per division (Express, Parcel DE, eCommerce, ...).
 */

/** The divisions a number can belong to: the `service` query parameter and `shipments[].service`. */
export const DHL_SERVICES = [
  'express',
  'parcel-de',
  'ecommerce',
  'dgf',
  'parcel-uk',
  'post-de',
  'sameday',
  'freight',
  'parcel-nl',
  'parcel-pl',
  'dsc',
] as const;

/** One of {@link DHL_SERVICES}. */
export type DhlService = (typeof DHL_SERVICES)[number];

/** `Event.statusCode`, the one status DHL normalizes across divisions. */
export type DhlStatusCode = 'pre-transit' | 'transit' | 'delivered' | 'failure' | 'unknown';

/** `supermodelIoLogisticsTrackingPlace.address`. */
export interface DhlAddress {
  readonly countryCode?: string;
  readonly postalCode?: string;
  readonly addressLocality?: string;
  readonly streetAddress?: string;
}

/** `supermodelIoLogisticsTrackingPlace`. */
export interface DhlPlace {
  readonly address?: DhlAddress;
}

/** `supermodelIoLogisticsTrackingShipmentEvent`. */
export interface DhlEvent {
  /** `date-time`; divisions send it with or without an offset. */
  readonly timestamp?: string;
  readonly location?: DhlPlace;
  readonly statusCode?: DhlStatusCode;
  /** Free text per division, e.g. `DELIVERED`, `Shipment picked up`. */
  readonly status?: string;
  readonly description?: string;
  readonly remark?: string;
  readonly nextSteps?: string;
}

/** `supermodelIoLogisticsTrackingProofOfDelivery`. */
export interface DhlProofOfDelivery {
  readonly timestamp?: string;
  readonly signatureUrl?: string;
  readonly documentUrl?: string;
  /** `supermodelIoLogisticsTrackingPerson`. */
  readonly signed?: {
    readonly name?: string;
    readonly familyName?: string;
    readonly givenName?: string;
  };
}

/** `supermodelIoLogisticsTrackingShipment`. */
export interface DhlShipment {
  readonly id?: string;
  readonly service?: string;
  readonly origin?: DhlPlace;
  readonly destination?: DhlPlace;
  readonly status?: DhlEvent;
  readonly estimatedTimeOfDelivery?: string;
  readonly estimatedDeliveryTimeFrame?: {
    readonly estimatedFrom?: string;
    readonly estimatedThrough?: string;
  };
  readonly serviceUrl?: string;
  /** A link to DHL's web flow where the recipient can redirect the parcel (no API behind it). */
  readonly rerouteUrl?: string;
  readonly details?: {
    readonly proofOfDelivery?: DhlProofOfDelivery;
    readonly proofOfDeliverySignedAvailable?: boolean;
    readonly totalNumberOfPieces?: number;
  };
  /** Newest first, as DHL lists them. */
  readonly events?: readonly DhlEvent[];
}

/** `supermodelIoLogisticsTrackingShipments`, the 200 answer. */
export interface DhlShipmentsResponse {
  readonly url?: string;
  readonly shipments?: readonly DhlShipment[];
  readonly possibleAdditionalShipmentsUrl?: readonly string[];
}

/** The RFC 7807 `application/problem+json` body of every error answer. */
export interface DhlProblem {
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly instance?: string;
}
