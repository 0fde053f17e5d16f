import type { CarrierErrorOfKind } from './kinds.ts';

/** Marks carrier errors across copies of this package (an adapter from npm may bring its own). */
const CARRIER_ERROR_MARKER = Symbol.for('parcelgate.carrier-error');

/** The seven ways a carrier call can fail; the gateway's retry and problem mapping switch on it. */
export const CARRIER_ERROR_KINDS = [
  'retryable',
  'rate-limited',
  'authentication',
  'not-found',
  'not-eligible',
  'invalid-request',
  'outcome-unknown',
] as const;

/** One of {@link CARRIER_ERROR_KINDS}. */
export type CarrierErrorKind = (typeof CARRIER_ERROR_KINDS)[number];

/** What every carrier error is built from. */
export interface CarrierErrorInit {
  readonly carrierId: string;
  /** Must never contain credentials, phone numbers or street addresses. */
  readonly message: string;
  /** The carrier's own error code, kept for support tickets. */
  readonly carrierCode?: string;
  /** HTTP status of the carrier's answer, when there was one. */
  readonly httpStatus?: number;
  /**
   * Whether the request reached the carrier: `false` only when it provably never left
   * (connection refused, DNS, TLS before sending), `true` when the carrier answered,
   * absent when nobody can tell.
   */
  readonly requestSent?: boolean;
  readonly cause?: unknown;
}

/** Base of every error an adapter may throw. Messages never contain credentials. */
export abstract class CarrierError extends Error {
  abstract readonly kind: CarrierErrorKind;
  readonly carrierId: string;
  readonly carrierCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly requestSent: boolean | undefined;
  readonly [CARRIER_ERROR_MARKER] = true;

  constructor(init: CarrierErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.carrierId = init.carrierId;
    this.carrierCode = init.carrierCode;
    this.httpStatus = init.httpStatus;
    this.requestSent = init.requestSent;
  }
}

/** Use instead of `instanceof`: it recognises errors from any copy of carrier-kit. */
export function isCarrierError(value: unknown): value is CarrierError {
  return typeof value === 'object' && value !== null && CARRIER_ERROR_MARKER in value;
}

/**
 * Whether `value` is a carrier error of the given kind, narrowed to that kind's class with
 * its own fields: `'rate-limited'` gives a {@link CarrierRateLimitedError} with
 * `retryAfterMs`, `'not-eligible'` a {@link CarrierNotEligibleError} with `reason`. Like
 * {@link isCarrierError} it recognises errors from any copy of carrier-kit.
 */
export function isCarrierErrorOfKind<Kind extends CarrierErrorKind>(
  value: unknown,
  kind: Kind,
): value is CarrierErrorOfKind<Kind> {
  return isCarrierError(value) && value.kind === kind;
}
