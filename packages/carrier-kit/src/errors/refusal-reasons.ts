/**
 * Why a carrier refused an intercept or redirect, in the domain's words: what
 * `CarrierNotEligibleError.reason` carries. The same codes the gateway's policy reports
 * before asking the carrier, so a refusal reads alike whoever noticed it first, and a
 * carrier's "快件尚未揽收" leads the merchant to cancel the shipment, as the policy's own
 * `not_picked_up` does. `carrier_refused` is the carrier's refusal for a reason none of
 * the others names (its own code stays in `carrierCode`). Extend with care, never rename:
 * these strings are stored and returned by the API.
 */
export const CARRIER_REFUSAL_REASONS = [
  'not_picked_up',
  'out_for_delivery',
  'delivered',
  'returning_or_returned',
  'cancelled',
  'category_excluded',
  'declared_value_over_limit',
  'already_intercepted',
  'carrier_refused',
] as const;

/** One of {@link CARRIER_REFUSAL_REASONS}. */
export type CarrierRefusalReason = (typeof CARRIER_REFUSAL_REASONS)[number];

const REASONS: ReadonlySet<string> = new Set(CARRIER_REFUSAL_REASONS);

/** Whether a value is one of {@link CARRIER_REFUSAL_REASONS}. */
export function isCarrierRefusalReason(value: unknown): value is CarrierRefusalReason {
  return typeof value === 'string' && REASONS.has(value);
}
