import type { CarrierErrorInit, CarrierErrorKind } from './carrier-error.ts';
import { CarrierError } from './carrier-error.ts';

/**
 * A transient failure worth trying again: network trouble, a 5xx, a garbled answer to a
 * read. Mutations are retried only when `requestSent` is false or the carrier dedupes.
 */
export class CarrierRetryableError extends CarrierError {
  readonly kind = 'retryable';
}

/** The carrier asked us to slow down (HTTP 429 or a quota error in the body). */
export class CarrierRateLimitedError extends CarrierError {
  readonly kind = 'rate-limited';
  /** From Retry-After (seconds or HTTP date); undefined when the carrier sent none. */
  readonly retryAfterMs: number | undefined;

  constructor(init: CarrierErrorInit & { readonly retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The credentials were refused (HTTP 401/403, an expired token the adapter could not renew). */
export class CarrierAuthenticationError extends CarrierError {
  readonly kind = 'authentication';
}

/** The carrier does not know the parcel (or the intercept asked about). */
export class CarrierNotFoundError extends CarrierError {
  readonly kind = 'not-found';
}

/**
 * The carrier refused to intercept or redirect this parcel. `carrierCode` holds its reason;
 * `reason` maps it onto Parcelgate's vocabulary where one fits.
 */
export class CarrierNotEligibleError extends CarrierError {
  readonly kind = 'not-eligible';
  /**
   * One of `CARRIER_REFUSAL_REASONS` (`not_picked_up`, `out_for_delivery`, ...), or
   * `carrier_refused`. Typed as a string so an adapter built against an older list
   * still compiles; the gateway reads an unknown value as `carrier_refused`.
   */
  readonly reason: string;

  constructor(init: CarrierErrorInit & { readonly reason: string }) {
    super(init);
    this.reason = init.reason;
  }
}

/** The carrier rejected the request's content; repeating it cannot help. */
export class CarrierInvalidRequestError extends CarrierError {
  readonly kind = 'invalid-request';
  /** The carrier's name for the field at fault, when it says. */
  readonly field: string | undefined;

  constructor(init: CarrierErrorInit & { readonly field?: string | undefined }) {
    super(init);
    this.field = init.field;
  }
}

/**
 * A mutation may have reached the carrier but its answer was lost (connection reset after
 * sending, unreadable body). The gateway stores it as pending and reconciles it; it never
 * reports it as failed and never blindly sends it again.
 */
export class CarrierOutcomeUnknownError extends CarrierError {
  readonly kind = 'outcome-unknown';
}

/** The class of each carrier error kind, e.g. `'retryable'` → {@link CarrierRetryableError}. */
export interface CarrierErrorClassByKind {
  readonly retryable: CarrierRetryableError;
  readonly 'rate-limited': CarrierRateLimitedError;
  readonly authentication: CarrierAuthenticationError;
  readonly 'not-found': CarrierNotFoundError;
  readonly 'not-eligible': CarrierNotEligibleError;
  readonly 'invalid-request': CarrierInvalidRequestError;
  readonly 'outcome-unknown': CarrierOutcomeUnknownError;
}

/** The carrier error class of one kind (or of any of a union of kinds). */
export type CarrierErrorOfKind<Kind extends CarrierErrorKind> = CarrierErrorClassByKind[Kind];
