/**
 * The parts of USPS's APIs v3 the adapter reads, written from USPS's own material
 * (USPS/api-examples README: OAuth 2.0 v3 token request and answer; tracking v3 and
 * v3r2) and, for v3r2's item fields, from the field names every published client agrees
 * on. Every field is optional: USPS fills them per mail class and event.
 */

/** `POST /oauth2/v3/token` body (JSON, not a form). */
export interface UspsTokenRequest {
  readonly client_id: string;
  readonly client_secret: string;
  readonly grant_type: 'client_credentials';
}

/** The token answer; `expires_in` is a string of seconds in USPS's examples, a number in some answers. */
export interface UspsTokenResponse {
  readonly access_token?: string;
  readonly token_type?: string;
  readonly issued_at?: string | number;
  readonly expires_in?: string | number;
  readonly status?: string;
  readonly scope?: string;
  readonly client_id?: string;
}

/** One entry of the v3r2 request array. */
export interface UspsTrackingRequestItem {
  readonly trackingNumber: string;
  readonly destinationZIPCode?: string;
  /** `YYYY-MM-DD`. */
  readonly mailingDate?: string;
}

/** One scan of an item (`trackingEvents[]`), newest first. */
export interface UspsTrackingEvent {
  readonly eventType?: string;
  /** ISO 8601; local to the scan, with or without an offset. */
  readonly eventTimestamp?: string;
  readonly GMTTimestamp?: string;
  readonly GMTOffset?: string;
  readonly eventCountry?: string;
  readonly eventCity?: string;
  readonly eventState?: string;
  readonly eventZIPCode?: string;
  readonly firm?: string;
  readonly name?: string;
  readonly authorizedAgent?: boolean;
  /** The USPS scan event code: `GX`, `MA`, `OA`, `01`, `OF`, ... */
  readonly eventCode?: string;
}

/** An error USPS reports, for one item or the whole call. */
export interface UspsError {
  readonly code?: string;
  readonly message?: string;
  readonly title?: string;
  readonly detail?: string;
}

/** One entry of the v3r2 answer array: a tracked item, or that number's error. */
export interface UspsTrackingResult {
  readonly trackingNumber?: string;
  readonly status?: string;
  readonly statusCategory?: string;
  readonly statusSummary?: string;
  readonly mailClass?: string;
  readonly destinationCity?: string;
  readonly destinationState?: string;
  readonly destinationZIP?: string;
  readonly originCity?: string;
  readonly originState?: string;
  readonly originZIP?: string;
  readonly expectedDeliveryTimeStamp?: string;
  readonly deliveryDateExpectation?: {
    readonly expectedDeliveryDate?: string;
    readonly predictedDeliveryDate?: string;
    readonly guaranteedDeliveryDate?: string;
  };
  readonly trackingEvents?: readonly UspsTrackingEvent[];
  /** A per-number failure inside the 200 (both spellings are seen). */
  readonly error?: UspsError;
  readonly errors?: readonly UspsError[];
}

/** The body of an error answer: `{ apiVersion, error: { code, message, errors[] } }`. */
export interface UspsErrorResponse {
  readonly apiVersion?: string;
  readonly error?: UspsError & { readonly errors?: readonly UspsError[] };
}
