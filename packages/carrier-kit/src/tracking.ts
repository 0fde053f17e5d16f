import type { CarrierError } from './errors/carrier-error.ts';
import type { Location } from './location.ts';
import type { ExceptionSubStatus, IncidentReason, NormalizedStatus } from './status.ts';

/** What the gateway asks an adapter to track. */
export interface TrackingRequest {
  readonly trackingNumber: string;
  /**
   * Last four digits of the recipient's or sender's phone, for carriers that require them
   * to show the full route (SF Express). Absent otherwise.
   */
  readonly phoneLastDigits?: string;
  /**
   * Carrier-specific extras (e.g. Kuaidi100's `com`): only keys the adapter declares in
   * `requestOptions`, checked by the gateway, for `track` or for the intercept or redirect
   * this read is part of (which carries its options to the read).
   */
  readonly carrierOptions?: Readonly<Record<string, string>>;
}

/** The carrier's own words for an event, kept beside the normalized reading. */
export interface RawCarrierStatus {
  /** The carrier's status or scan code, exactly as sent (e.g. UPS `I`, SF opCode `50`). */
  readonly code: string;
  readonly description?: string;
}

/** One scan or status change in a parcel's history. */
export interface TrackingEvent {
  /** ISO 8601 date-time with an explicit offset, e.g. `2026-11-26T09:10:00+08:00`. */
  readonly occurredAt: string;
  readonly status: NormalizedStatus;
  /** Present only when `status` is `exception`. */
  readonly subStatus?: ExceptionSubStatus;
  /** Present on exception events when the carrier said why. */
  readonly incident?: IncidentReason;
  /** Human-readable text, the carrier's when it gives one. */
  readonly description: string;
  readonly location?: Location;
  readonly raw: RawCarrierStatus;
}

/** Evidence that a parcel was delivered, where the carrier provides it. */
export interface ProofOfDelivery {
  readonly deliveredAt?: string;
  readonly signedBy?: string;
  /** Where the carrier keeps a photo or signature image. */
  readonly photoUrl?: string;
  readonly location?: Location;
}

/** The carrier behind a parcel when the adapter is an aggregator (Kuaidi100's `com`). */
export interface UnderlyingCarrier {
  /** The aggregator's code for the carrier, e.g. `zhongtong`. */
  readonly code: string;
  readonly name?: string;
}

/** How the carrier answers whether one of its delivery options is open to a parcel now. */
export type DeliveryOptionEligibility = 'eligible' | 'not_eligible' | 'possibly_eligible';

/**
 * One way the carrier itself offers to change this parcel's delivery (FedEx's
 * `RETURN_TO_SHIPPER`, `REROUTE`, ...), as it reported for this parcel when tracked. It
 * tells a merchant what the carrier would accept and where, also when the adapter cannot
 * ask for it: an option offered only on the carrier's website is still worth naming.
 */
export interface DeliveryOption {
  /** The carrier's own name for the option, exactly as sent (e.g. `RETURN_TO_SHIPPER`). */
  readonly option: string;
  /** The operation it amounts to, when one does: a return to the shipper is an intercept. */
  readonly operation?: 'intercept' | 'redirect';
  /**
   * What the carrier said for this parcel; `possibly_eligible` when it decides only once
   * someone asks.
   */
  readonly eligibility: DeliveryOptionEligibility;
  /** Where it can be asked for: through this adapter (`api`) or only on the carrier's website. */
  readonly where: 'api' | 'carrier_website';
  /** The carrier's page where a person asks for it, when `where` is `carrier_website`. */
  readonly url?: string;
}

/** Everything a carrier knows about a parcel right now, normalized. */
export interface TrackingSnapshot {
  readonly carrierId: string;
  readonly trackingNumber: string;
  /** Current status, derived from all events (see `deriveCurrentStatus`). */
  readonly status: NormalizedStatus;
  readonly subStatus?: ExceptionSubStatus;
  /** Oldest first. */
  readonly events: readonly TrackingEvent[];
  /** ISO 8601 date-time with offset, or a plain ISO date when the carrier gives only a day. */
  readonly estimatedDelivery?: string;
  readonly proofOfDelivery?: ProofOfDelivery;
  readonly origin?: Location;
  readonly destination?: Location;
  readonly underlyingCarrier?: UnderlyingCarrier;
  /**
   * The carrier's delivery options for this parcel, in the carrier's order, where its
   * tracking reports them (FedEx); absent where it does not.
   */
  readonly deliveryOptions?: readonly DeliveryOption[];
}

/**
 * One parcel's answer within a bulk tracking call: its snapshot, or the classified error
 * the carrier gave for that number alone (FedEx and USPS report per-number errors inside a
 * successful answer).
 */
export type BulkTrackingResult =
  | { readonly trackingNumber: string; readonly snapshot: TrackingSnapshot }
  | { readonly trackingNumber: string; readonly error: CarrierError };
