import type { InterceptReason } from '@parcelgate/carrier-kit';
import type { InterceptLifecycleStatus, NextAction, PolicyReasonCode } from './codes.ts';

/** Actions, or "what follows a successful stop, by the intercept's reason". */
type ActionRule = readonly NextAction[] | 'after_success';

/** What follows once the parcel is stopped and coming back (docs/domain.md, "Why merchants act"). */
const AFTER_SUCCESS: Record<InterceptReason, readonly NextAction[]> = {
  buyer_cancelled: ['refund_buyer'],
  merchant_error: ['reship'],
  logistics_exception: ['reship', 'refund_buyer'],
  // The parcel comes back: ship it again, to the corrected address.
  address_error: ['reship'],
  other: ['refund_buyer'],
};

/**
 * What an eligible intercept leads to. Same as {@link AFTER_SUCCESS}, except that an
 * address error is usually solved by a redirect rather than an intercept (docs/domain.md), so
 * the redirect is suggested first while it is still possible.
 */
const WHEN_ELIGIBLE: Record<InterceptReason, readonly NextAction[]> = {
  ...AFTER_SUCCESS,
  address_error: ['redirect_parcel', 'reship'],
};

const SETTLE_WITH_BUYER: readonly NextAction[] = ['ask_buyer_to_refuse_delivery', 'file_return'];

/**
 * What to do instead when a reason blocks the operation. Reasons of the lowest tier decide:
 * the parcel's status is the physical truth (asking a buyer to refuse a parcel that was
 * never picked up is wrong), then an intercept already under way, then the rest.
 */
const WHEN_BLOCKED: Record<PolicyReasonCode, { readonly tier: number; readonly rule: ActionRule }> =
  {
    not_picked_up: { tier: 0, rule: ['cancel_shipment'] },
    out_for_delivery: { tier: 0, rule: ['ask_buyer_to_refuse_delivery'] },
    delivered: { tier: 0, rule: ['file_return'] },
    // Already on its way back: what an intercept would have achieved is happening.
    returning_or_returned: { tier: 0, rule: 'after_success' },
    // The shipment never left or was withdrawn: settle as after a successful stop.
    cancelled: { tier: 0, rule: 'after_success' },
    outside_intercept_window: { tier: 0, rule: SETTLE_WITH_BUYER },
    outside_redirect_window: { tier: 0, rule: SETTLE_WITH_BUYER },
    // The tenant refuses to try at the last-mile station: the parcel goes on to the buyer.
    last_mile_low_success: { tier: 0, rule: SETTLE_WITH_BUYER },
    already_intercepted: { tier: 1, rule: ['await_carrier_outcome'] },
    already_redirecting: { tier: 1, rule: ['await_carrier_outcome'] },
    category_excluded: { tier: 2, rule: SETTLE_WITH_BUYER },
    declared_value_over_limit: { tier: 2, rule: SETTLE_WITH_BUYER },
    operation_not_supported: { tier: 2, rule: SETTLE_WITH_BUYER },
    // Nothing in the vocabulary can be suggested: tracking must first tell where it is.
    status_unknown: { tier: 2, rule: [] },
    // The vocabulary has no alternative to a refused paid redirect.
    free_redirect_used: { tier: 2, rule: [] },
  };

/** What follows each intercept lifecycle state (docs/lifecycle.md). */
const IN_LIFECYCLE: Record<InterceptLifecycleStatus, ActionRule> = {
  pending: ['await_carrier_outcome'],
  accepted: 'after_success',
  returning: 'after_success',
  returned: 'after_success',
  rejected: SETTLE_WITH_BUYER,
  failed: SETTLE_WITH_BUYER,
  cancelled: [],
};

/** The situation the next actions are computed for. */
export type NextActionState =
  | { readonly kind: 'eligible'; readonly reason: InterceptReason }
  | {
      readonly kind: 'not_eligible';
      readonly reason: InterceptReason;
      readonly codes: readonly PolicyReasonCode[];
    }
  | {
      readonly kind: 'lifecycle';
      readonly reason: InterceptReason;
      readonly status: InterceptLifecycleStatus;
    };

/**
 * What the merchant should do next, most preferred first, for an eligibility answer or an
 * intercept's lifecycle state. Driven by the tables above, so a rule change is a data change.
 */
export function nextActionsFor(state: NextActionState): NextAction[] {
  switch (state.kind) {
    case 'eligible':
      return [...WHEN_ELIGIBLE[state.reason]];
    case 'lifecycle':
      return apply(IN_LIFECYCLE[state.status], state.reason);
    case 'not_eligible': {
      const tier = Math.min(...state.codes.map((code) => WHEN_BLOCKED[code].tier));
      const deciding = state.codes.filter((code) => WHEN_BLOCKED[code].tier === tier);
      return [...new Set(deciding.flatMap((code) => apply(WHEN_BLOCKED[code].rule, state.reason)))];
    }
  }
}

/** What follows an intercept in `status`, recorded with `reason`. */
export function nextActionsForIntercept(
  status: InterceptLifecycleStatus,
  reason: InterceptReason,
): NextAction[] {
  return nextActionsFor({ kind: 'lifecycle', status, reason });
}

function apply(rule: ActionRule, reason: InterceptReason): NextAction[] {
  return [...(rule === 'after_success' ? AFTER_SUCCESS[reason] : rule)];
}
