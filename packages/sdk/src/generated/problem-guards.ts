// Generated from openapi/parcelgate.yaml (`x-problem-types`) by scripts/generate.ts.
// Do not edit: regenerate with `pnpm sdk:generate`.

import { isProblem, type ProblemErrorOf } from '../errors/problem-error.ts';

/**
 * Problem `validation-failed` (400): The request is not valid; `errors` points at each bad field.
 */
export function isValidationFailed(value: unknown): value is ProblemErrorOf<'validation-failed'> {
  return isProblem(value, 'validation-failed');
}

/**
 * Problem `idempotency-key-missing` (400): A mutating call came without an Idempotency-Key. The SDK always sends one.
 */
export function isIdempotencyKeyMissing(
  value: unknown,
): value is ProblemErrorOf<'idempotency-key-missing'> {
  return isProblem(value, 'idempotency-key-missing');
}

/** Problem `unauthorized` (401): No valid API key was sent. */
export function isUnauthorized(value: unknown): value is ProblemErrorOf<'unauthorized'> {
  return isProblem(value, 'unauthorized');
}

/**
 * Problem `not-found` (404): No such intercept, redirect, parcel, connection or route for this tenant.
 */
export function isNotFound(value: unknown): value is ProblemErrorOf<'not-found'> {
  return isProblem(value, 'not-found');
}

/** Problem `unknown-carrier` (404): No carrier with this id is loaded (or `auto` detected none). */
export function isUnknownCarrier(value: unknown): value is ProblemErrorOf<'unknown-carrier'> {
  return isProblem(value, 'unknown-carrier');
}

/** Problem `parcel-not-found` (404): The carrier does not know this tracking number. */
export function isParcelNotFound(value: unknown): value is ProblemErrorOf<'parcel-not-found'> {
  return isProblem(value, 'parcel-not-found');
}

/**
 * Problem `parcel-not-registered` (404): The tenant acts through the shared carrier account on a parcel it did not register: register it (`POST /v1/parcels`) or connect its own account. Register it with `client.parcels.register`.
 */
export function isParcelNotRegistered(
  value: unknown,
): value is ProblemErrorOf<'parcel-not-registered'> {
  return isProblem(value, 'parcel-not-registered');
}

/** Problem `method-not-allowed` (405): The route exists but not with this HTTP method. */
export function isMethodNotAllowed(value: unknown): value is ProblemErrorOf<'method-not-allowed'> {
  return isProblem(value, 'method-not-allowed');
}

/**
 * Problem `not-acceptable` (406): The Accept header asks for a representation the API cannot give.
 */
export function isNotAcceptable(value: unknown): value is ProblemErrorOf<'not-acceptable'> {
  return isProblem(value, 'not-acceptable');
}

/** Problem `request-timeout` (408): The gateway did not receive the whole request in time. */
export function isRequestTimeout(value: unknown): value is ProblemErrorOf<'request-timeout'> {
  return isProblem(value, 'request-timeout');
}

/**
 * Problem `idempotency-request-in-progress` (409): The first request with this Idempotency-Key is still running; retry shortly. The SDK retries it itself.
 */
export function isIdempotencyRequestInProgress(
  value: unknown,
): value is ProblemErrorOf<'idempotency-request-in-progress'> {
  return isProblem(value, 'idempotency-request-in-progress');
}

/** Problem `parcel-already-registered` (409): Another tenant registered this parcel. */
export function isParcelAlreadyRegistered(
  value: unknown,
): value is ProblemErrorOf<'parcel-already-registered'> {
  return isProblem(value, 'parcel-already-registered');
}

/**
 * Problem `connection-in-use` (409): Open intercepts or redirects still go through this carrier connection (`openActions`).
 */
export function isConnectionInUse(value: unknown): value is ProblemErrorOf<'connection-in-use'> {
  return isProblem(value, 'connection-in-use');
}

/**
 * Problem `secret-key-required` (409): The deployment has no PARCELGATE_SECRET_KEY, so it stores only `test` connections.
 */
export function isSecretKeyRequired(
  value: unknown,
): value is ProblemErrorOf<'secret-key-required'> {
  return isProblem(value, 'secret-key-required');
}

/** Problem `webhook-endpoint-limit` (409): The tenant already has 20 webhook endpoints. */
export function isWebhookEndpointLimit(
  value: unknown,
): value is ProblemErrorOf<'webhook-endpoint-limit'> {
  return isProblem(value, 'webhook-endpoint-limit');
}

/** Problem `payload-too-large` (413): The request body is too large. */
export function isPayloadTooLarge(value: unknown): value is ProblemErrorOf<'payload-too-large'> {
  return isProblem(value, 'payload-too-large');
}

/**
 * Problem `uri-too-long` (414): The request target is over the gateway's limit (8192 characters).
 */
export function isUriTooLong(value: unknown): value is ProblemErrorOf<'uri-too-long'> {
  return isProblem(value, 'uri-too-long');
}

/** Problem `unsupported-media-type` (415): The body was not sent as JSON. */
export function isUnsupportedMediaType(
  value: unknown,
): value is ProblemErrorOf<'unsupported-media-type'> {
  return isProblem(value, 'unsupported-media-type');
}

/**
 * Problem `not-eligible` (422): Policy or the carrier's rules refuse it now; `reasons` lists every reason.
 */
export function isNotEligible(value: unknown): value is ProblemErrorOf<'not-eligible'> {
  return isProblem(value, 'not-eligible');
}

/**
 * Problem `operation-not-supported` (422): The carrier offers no API for this operation (`capability`); `availability` says why and, when the carrier offers it elsewhere, where (`url`). The carrier was not called.
 */
export function isOperationNotSupported(
  value: unknown,
): value is ProblemErrorOf<'operation-not-supported'> {
  return isProblem(value, 'operation-not-supported');
}

/**
 * Problem `idempotency-key-reused` (422): This Idempotency-Key was first used with a different request body.
 */
export function isIdempotencyKeyReused(
  value: unknown,
): value is ProblemErrorOf<'idempotency-key-reused'> {
  return isProblem(value, 'idempotency-key-reused');
}

/**
 * Problem `order-event-id-reused` (422): An order event with this `id` was received with a different body (`orderEventId` names it); a new event needs a new id.
 */
export function isOrderEventIdReused(
  value: unknown,
): value is ProblemErrorOf<'order-event-id-reused'> {
  return isProblem(value, 'order-event-id-reused');
}

/**
 * Problem `carrier-rejected-request` (422): The carrier refused the request as invalid (`carrierCode`).
 */
export function isCarrierRejectedRequest(
  value: unknown,
): value is ProblemErrorOf<'carrier-rejected-request'> {
  return isProblem(value, 'carrier-rejected-request');
}

/**
 * Problem `webhook-target-refused` (422): The webhook URL is not https, carries credentials, or resolves to an address that is not public (`errors` points at `url`).
 */
export function isWebhookTargetRefused(
  value: unknown,
): value is ProblemErrorOf<'webhook-target-refused'> {
  return isProblem(value, 'webhook-target-refused');
}

/**
 * Problem `rate-limited` (429): Over a rate limit of the tenant, the API key or the address (`violatedPolicies`); retry after `retryAfterSeconds`. The SDK retries it itself.
 */
export function isRateLimited(value: unknown): value is ProblemErrorOf<'rate-limited'> {
  return isProblem(value, 'rate-limited');
}

/** Problem `request-header-fields-too-large` (431): The request headers are too large. */
export function isRequestHeaderFieldsTooLarge(
  value: unknown,
): value is ProblemErrorOf<'request-header-fields-too-large'> {
  return isProblem(value, 'request-header-fields-too-large');
}

/**
 * Problem `carrier-error` (502): The carrier answered with an error Parcelgate could not classify.
 */
export function isCarrierError(value: unknown): value is ProblemErrorOf<'carrier-error'> {
  return isProblem(value, 'carrier-error');
}

/**
 * Problem `carrier-authentication-failed` (502): The carrier refused the account's credentials: the tenant's connection or the deployment's shared account must be fixed.
 */
export function isCarrierAuthenticationFailed(
  value: unknown,
): value is ProblemErrorOf<'carrier-authentication-failed'> {
  return isProblem(value, 'carrier-authentication-failed');
}

/**
 * Problem `carrier-unavailable` (503): The carrier is failing right now and did not act on the request; safe to retry.
 */
export function isCarrierUnavailable(
  value: unknown,
): value is ProblemErrorOf<'carrier-unavailable'> {
  return isProblem(value, 'carrier-unavailable');
}

/**
 * Problem `carrier-rate-limited` (503): The carrier asked Parcelgate to slow down (`retryAfterSeconds`).
 */
export function isCarrierRateLimited(
  value: unknown,
): value is ProblemErrorOf<'carrier-rate-limited'> {
  return isProblem(value, 'carrier-rate-limited');
}

/**
 * Problem `circuit-open` (503): Calls to the carrier are paused while it keeps failing; nothing was sent.
 */
export function isCircuitOpen(value: unknown): value is ProblemErrorOf<'circuit-open'> {
  return isProblem(value, 'circuit-open');
}

/**
 * Problem `not-cancellable` (409): The intercept or redirect cannot be cancelled: `reasons[0].code` says why (`already_returning`, `final_status`, `carrier_cannot_cancel`, `carrier_refused`).
 */
export function isNotCancellable(value: unknown): value is ProblemErrorOf<'not-cancellable'> {
  return isProblem(value, 'not-cancellable');
}

/** Problem `carrier-busy` (503): Too many calls to the carrier are queued; nothing was sent. */
export function isCarrierBusy(value: unknown): value is ProblemErrorOf<'carrier-busy'> {
  return isProblem(value, 'carrier-busy');
}

/**
 * Problem `database-unavailable` (503): The gateway cannot reach its database; nothing was done; retry later. The SDK retries it itself.
 */
export function isDatabaseUnavailable(
  value: unknown,
): value is ProblemErrorOf<'database-unavailable'> {
  return isProblem(value, 'database-unavailable');
}

/**
 * Problem `carrier-timeout` (504): The carrier did not answer within the latency budget (reads only: an action answers 202 pending instead).
 */
export function isCarrierTimeout(value: unknown): value is ProblemErrorOf<'carrier-timeout'> {
  return isProblem(value, 'carrier-timeout');
}

/**
 * Problem `internal` (500): Something failed inside Parcelgate; `requestId` names it in the logs.
 */
export function isInternal(value: unknown): value is ProblemErrorOf<'internal'> {
  return isProblem(value, 'internal');
}
