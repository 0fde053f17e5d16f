/**
 * The vocabulary of policy answers (docs/domain.md, "Codes"). These strings are returned by
 * the API and matched by merchants' code: extend with care, never rename.
 */

/**
 * Why an intercept or redirect is not possible. Every code that applies is reported.
 *
 * Two codes extend the domain's list (docs/domain.md), because data-driven windows create cases it does not
 * name:
 * - `outside_intercept_window` / `outside_redirect_window`: the status has no specific code
 *   (e.g. `picked_up`) but is not in the effective window, because the tenant narrowed it
 *   or the carrier does not accept it there;
 * - `status_unknown`: the parcel's status is `unknown`, so eligibility cannot be judged.
 *
 * A rule whose severity the tenant chooses (`refuse` or `warn`) answers with the same code
 * as a reason or as a warning: the category, value, last-mile and window rules, and
 * `free_redirect_used` (see {@link POLICY_WARNING_CODES}).
 */
export const POLICY_REASON_CODES = [
  'not_picked_up',
  'out_for_delivery',
  'delivered',
  'returning_or_returned',
  'cancelled',
  'category_excluded',
  'declared_value_over_limit',
  'operation_not_supported',
  'already_intercepted',
  'already_redirecting',
  'outside_intercept_window',
  'outside_redirect_window',
  'status_unknown',
  'free_redirect_used',
  'last_mile_low_success',
] as const;

/** One of {@link POLICY_REASON_CODES}. */
export type PolicyReasonCode = (typeof POLICY_REASON_CODES)[number];

/**
 * Facts that do not block the operation but that the merchant should know. The codes of
 * rules with a severity (all but `declared_value_unchecked` and `free_redirect_used`)
 * lower the likelihood to `low`, and are reasons instead where the tenant's policy gives
 * their rule the severity `refuse`.
 */
export const POLICY_WARNING_CODES = [
  'last_mile_low_success',
  'declared_value_unchecked',
  'free_redirect_used',
  'category_excluded',
  'declared_value_over_limit',
  'out_for_delivery',
  'outside_intercept_window',
  'outside_redirect_window',
] as const;

/** One of {@link POLICY_WARNING_CODES}. */
export type PolicyWarningCode = (typeof POLICY_WARNING_CODES)[number];

/** A reason or warning: a stable code and a human message that never carries personal data. */
export interface PolicyReason<Code extends string = PolicyReasonCode | PolicyWarningCode> {
  readonly code: Code;
  readonly message: string;
}

/** What the merchant should do next, in order of preference. */
export const NEXT_ACTIONS = [
  'refund_buyer',
  'reship',
  'ask_buyer_to_refuse_delivery',
  'file_return',
  'cancel_shipment',
  'await_carrier_outcome',
  'redirect_parcel',
] as const;

/** One of {@link NEXT_ACTIONS}. */
export type NextAction = (typeof NEXT_ACTIONS)[number];

/** The lifecycle states of an intercept (docs/lifecycle.md). */
export const INTERCEPT_LIFECYCLE_STATUSES = [
  'pending',
  'accepted',
  'returning',
  'returned',
  'rejected',
  'failed',
  'cancelled',
] as const;

/** One of {@link INTERCEPT_LIFECYCLE_STATUSES}. */
export type InterceptLifecycleStatus = (typeof INTERCEPT_LIFECYCLE_STATUSES)[number];

/** The lifecycle of a redirect: like an intercept's, ending `redirected` (docs/lifecycle.md). */
export const REDIRECT_LIFECYCLE_STATUSES = [
  'pending',
  'accepted',
  'redirected',
  'rejected',
  'failed',
  'cancelled',
] as const;

/** One of {@link REDIRECT_LIFECYCLE_STATUSES}. */
export type RedirectLifecycleStatus = (typeof REDIRECT_LIFECYCLE_STATUSES)[number];

/** Why an intercept or redirect cannot be cancelled (`not-cancellable`, 409). */
export const CANCEL_REFUSAL_CODES = [
  /** The parcel is already on its way back: there is nothing left to cancel. */
  'already_returning',
  /** The action is final (returned, redirected, rejected, failed or cancelled). */
  'final_status',
  /** The carrier has no cancel for this kind of action. */
  'carrier_cannot_cancel',
  /** The carrier was asked and refused (too late, nothing to cancel). */
  'carrier_refused',
] as const;

/** One of {@link CANCEL_REFUSAL_CODES}. */
export type CancelRefusalCode = (typeof CANCEL_REFUSAL_CODES)[number];
