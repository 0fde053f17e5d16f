import type { InterceptReason } from '@parcelgate/carrier-kit';

/** The `reason` values the sandbox accepts on POST /v1/parcels/{trackingNumber}/intercepts. */
export type SandboxInterceptReason =
  | 'BUYER_CANCELLED'
  | 'SENDER_ERROR'
  | 'DELIVERY_EXCEPTION'
  | 'ADDRESS_ERROR'
  | 'OTHER';

/** Our reasons (domain.md, "intercept reasons") in the sandbox's words; total by type. */
const INTERCEPT_REASON_TO_SANDBOX: Readonly<Record<InterceptReason, SandboxInterceptReason>> = {
  buyer_cancelled: 'BUYER_CANCELLED',
  merchant_error: 'SENDER_ERROR',
  logistics_exception: 'DELIVERY_EXCEPTION',
  address_error: 'ADDRESS_ERROR',
  other: 'OTHER',
};

/** Translates an intercept reason to the sandbox's `reason` field. */
export function toSandboxInterceptReason(reason: InterceptReason): SandboxInterceptReason {
  return INTERCEPT_REASON_TO_SANDBOX[reason];
}

/**
 * The sandbox's 422 refusal codes (intercepts and redirects) and the domain reason codes
 * they mean (domain.md, "reasons an intercept is not possible"). `INTERCEPT_FAILED` (the
 * station could not catch the parcel) has no domain code: it is the carrier's own refusal.
 */
const SANDBOX_REFUSAL_TO_REASON = {
  NOT_PICKED_UP: 'not_picked_up',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  ALREADY_DELIVERED: 'delivered',
  ALREADY_RETURNING: 'returning_or_returned',
  CANCELLED: 'cancelled',
  CATEGORY_EXCLUDED: 'category_excluded',
  VALUE_OVER_LIMIT: 'declared_value_over_limit',
  ALREADY_INTERCEPTED: 'already_intercepted',
  INTERCEPT_FAILED: 'carrier_refused',
} as const;

/** A refusal code the spec documents for 422 answers. */
export type SandboxRefusalCode = keyof typeof SANDBOX_REFUSAL_TO_REASON;

/** The documented refusal codes, for tests and the README. */
export const SANDBOX_REFUSAL_CODES = Object.keys(SANDBOX_REFUSAL_TO_REASON) as SandboxRefusalCode[];

const refusalReasons: ReadonlyMap<string, string> = new Map(
  Object.entries(SANDBOX_REFUSAL_TO_REASON),
);

/**
 * Maps a refusal code to the domain reason `CarrierNotEligibleError.reason` carries;
 * an undocumented or missing code is `carrier_refused` (the raw code stays in
 * `carrierCode`), because the carrier did refuse, for a reason we cannot name.
 */
export function mapSandboxRefusal(code: string | undefined): string {
  return (code === undefined ? undefined : refusalReasons.get(code)) ?? 'carrier_refused';
}
