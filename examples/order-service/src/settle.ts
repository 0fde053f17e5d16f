import type { Intercept, NextAction } from '@parcelgate/sdk';
import type { Order, OrderState } from './orders.ts';

/**
 * What this merchant does for each of Parcelgate's next actions, and the state it leaves
 * the order in. A real service would call its payment provider and message the buyer here.
 */
const ON_ACTION: Partial<Record<NextAction, OrderState>> = {
  refund_buyer: 'refunded',
  cancel_shipment: 'shipment_cancelled',
  ask_buyer_to_refuse_delivery: 'awaiting_buyer_refusal',
  file_return: 'return_requested',
  await_carrier_outcome: 'cancellation_pending',
};

/**
 * Carries out the next actions Parcelgate suggested, in its order: the first one sets the
 * order's state (the others follow up, e.g. file a return if the buyer does not refuse).
 */
export function settle(order: Order, nextActions: readonly NextAction[], note: string): Order {
  const at = new Date().toISOString();
  const known = nextActions.filter((action) => ON_ACTION[action] !== undefined);
  const first = known[0];
  if (first === undefined) {
    order.state = 'needs_review';
    order.actions.push({ action: 'needs_review', at, note });
    return order;
  }
  order.state = ON_ACTION[first] ?? 'needs_review';
  for (const action of known) {
    order.actions.push({ action, at, note });
  }
  return order;
}

/** Applies an intercept's outcome: pending waits for the poller, anything else is settled. */
export function applyIntercept(order: Order, intercept: Intercept): Order {
  order.interceptId = intercept.id;
  if (intercept.status === 'pending') {
    order.state = 'cancellation_pending';
    return order;
  }
  const why =
    intercept.status === 'rejected' || intercept.status === 'failed'
      ? `intercept ${intercept.status}: ${intercept.carrierReason ?? intercept.reasons.map((reason) => reason.code).join(', ')}`
      : `intercept ${intercept.status}`;
  return settle(order, intercept.nextActions, why);
}
