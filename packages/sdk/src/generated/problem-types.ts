// Generated from openapi/parcelgate.yaml (`x-problem-types`) by scripts/generate.ts.
// Do not edit: regenerate with `pnpm sdk:generate`.

/**
 * The API's problem types (RFC 9457): stable slugs after {@link PROBLEM_TYPE_BASE}. Match on
 * these, never on `title` or `detail`.
 */
export const PROBLEM_TYPE_BASE = 'https://parcelgate.dev/problems/';

/**
 * Every problem type the API answers its clients, with its HTTP status. The problems of the
 * carrier-callback endpoints are answered to carriers only, so are not here.
 */
export const PROBLEM_TYPES = {
  /** The request is not valid */
  'validation-failed': 400,
  /** An Idempotency-Key header is required */
  'idempotency-key-missing': 400,
  /** A valid API key is required */
  unauthorized: 401,
  /** No such resource */
  'not-found': 404,
  /** No such carrier is loaded */
  'unknown-carrier': 404,
  /** The carrier does not know this parcel */
  'parcel-not-found': 404,
  /** Register this parcel, or connect your own carrier account, before acting on it */
  'parcel-not-registered': 404,
  /** This method is not allowed here */
  'method-not-allowed': 405,
  /** No acceptable representation */
  'not-acceptable': 406,
  /** The request was not received in time */
  'request-timeout': 408,
  /** A request with this Idempotency-Key is still being processed */
  'idempotency-request-in-progress': 409,
  /** Another tenant registered this parcel */
  'parcel-already-registered': 409,
  /** Open intercepts or redirects still go through this connection */
  'connection-in-use': 409,
  /** Live carrier connections need PARCELGATE_SECRET_KEY */
  'secret-key-required': 409,
  /** This tenant has as many webhook endpoints as it may */
  'webhook-endpoint-limit': 409,
  /** The request body is too large */
  'payload-too-large': 413,
  /** The request URI is too long */
  'uri-too-long': 414,
  /** Send application/json */
  'unsupported-media-type': 415,
  /** The parcel cannot be intercepted or redirected now */
  'not-eligible': 422,
  /** The carrier does not support this operation */
  'operation-not-supported': 422,
  /** This Idempotency-Key was used with a different request */
  'idempotency-key-reused': 422,
  /** This order event id was used with a different event */
  'order-event-id-reused': 422,
  /** The carrier rejected the request */
  'carrier-rejected-request': 422,
  /** Webhooks cannot be sent to this URL */
  'webhook-target-refused': 422,
  /** Too many requests: slow down */
  'rate-limited': 429,
  /** The request headers are too large */
  'request-header-fields-too-large': 431,
  /** The carrier answered with an error */
  'carrier-error': 502,
  /** The carrier refused Parcelgate's credentials */
  'carrier-authentication-failed': 502,
  /** The carrier is unavailable */
  'carrier-unavailable': 503,
  /** The carrier asked us to slow down */
  'carrier-rate-limited': 503,
  /** Calls to this carrier are paused while it keeps failing */
  'circuit-open': 503,
  /** The action cannot be cancelled */
  'not-cancellable': 409,
  /** Too many calls to this carrier are waiting */
  'carrier-busy': 503,
  /** The database is unavailable */
  'database-unavailable': 503,
  /** The carrier did not answer within the budget */
  'carrier-timeout': 504,
  /** Something went wrong on our side */
  internal: 500,
} as const satisfies Record<string, number>;

/** One of the API's problem slugs, e.g. `not-eligible`. */
export type ProblemType = keyof typeof PROBLEM_TYPES;
