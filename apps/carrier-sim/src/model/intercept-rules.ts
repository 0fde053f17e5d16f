import { activeIntercept } from './cancel-actions.ts';
import type { InterceptPolicy } from './intercept-policy.ts';
import type { Parcel } from './parcel.ts';

/**
 * Why a carrier refuses an intercept, in carrier-neutral words (the domain's reasons
 * plus `intercept_failed`: inside the window, but the station could not catch it).
 */
export type InterceptRefusal =
  | 'already_intercepted'
  | 'not_picked_up'
  | 'out_for_delivery'
  | 'delivered'
  | 'returning_or_returned'
  | 'cancelled'
  | 'category_excluded'
  | 'declared_value_over_limit'
  | 'intercept_failed';

/** Outcome of one intercept attempt. */
export type InterceptDecision =
  | { readonly accepted: true }
  | { readonly accepted: false; readonly refusal: InterceptRefusal };

const ACCEPTED: InterceptDecision = { accepted: true };

function refuse(refusal: InterceptRefusal): InterceptDecision {
  return { accepted: false, refusal };
}

/**
 * Decides an intercept attempt. Checks run in a fixed order (an existing intercept, the
 * window, the category, the value, then chance) and the first that fails is the answer,
 * because a carrier answers one error code. `roll` is a number in [0, 1) derived from
 * the seed, the parcel and the attempt number, so outcomes are reproducible.
 */
export function decideIntercept(
  parcel: Parcel,
  policy: InterceptPolicy,
  roll: number,
): InterceptDecision {
  // A cancelled intercept leaves the parcel free to be intercepted again.
  if (activeIntercept(parcel) !== null) {
    return refuse('already_intercepted');
  }
  const windowRefusal = interceptWindowRefusal(parcel);
  if (windowRefusal !== null) {
    return refuse(windowRefusal);
  }
  if (parcel.category !== null && policy.excludedCategories.has(parcel.category)) {
    return refuse('category_excluded');
  }
  if (isOverValueLimit(parcel, policy)) {
    return refuse('declared_value_over_limit');
  }
  // A lost parcel cannot be caught, whatever the odds elsewhere.
  if (parcel.status === 'exception' && parcel.subStatus === 'lost') {
    return refuse('intercept_failed');
  }
  const rate = policy.successRate[parcel.status];
  if (rate === undefined) {
    return refuse('intercept_failed');
  }
  return roll < rate ? ACCEPTED : refuse('intercept_failed');
}

/** Why an intercept is refused by where the parcel is alone, or null inside the window. */
export function interceptWindowRefusal(parcel: Parcel): RedirectRefusal | null {
  switch (parcel.status) {
    case 'label_created':
      return 'not_picked_up';
    case 'out_for_delivery':
    case 'delivery_attempted':
    case 'available_for_pickup':
      return 'out_for_delivery';
    case 'delivered':
      return 'delivered';
    case 'return_in_transit':
    case 'returned':
      return 'returning_or_returned';
    case 'cancelled':
      return 'cancelled';
    case 'picked_up':
    case 'in_transit':
    case 'at_destination_facility':
    case 'exception':
      return null;
  }
}

function isOverValueLimit(parcel: Parcel, policy: InterceptPolicy): boolean {
  if (parcel.declaredValue === null) {
    return false;
  }
  const limit = policy.valueLimits[parcel.declaredValue.currency];
  return limit !== undefined && Number(parcel.declaredValue.amount) > limit;
}

/** Why a carrier refuses a redirect, in carrier-neutral words. */
export type RedirectRefusal =
  | 'not_picked_up'
  | 'out_for_delivery'
  | 'delivered'
  | 'returning_or_returned'
  | 'cancelled';

/**
 * Decides a redirect: allowed from pickup until the parcel is out for delivery, and not
 * for a parcel that is (or will be) heading back. Redirects never fail by chance: the
 * one-free-redirect rule is the gateway's policy, not the carrier's.
 */
export function decideRedirect(parcel: Parcel): RedirectRefusal | null {
  if (activeIntercept(parcel) !== null) {
    return 'returning_or_returned';
  }
  return interceptWindowRefusal(parcel);
}
