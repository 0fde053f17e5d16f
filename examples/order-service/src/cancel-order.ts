import { type InterceptRequest, isNotEligible, type ParcelgateClient } from '@parcelgate/sdk';
import type { Order } from './orders.ts';
import { applyIntercept, settle } from './settle.ts';

/** How a cancellation talks to Parcelgate. */
export interface CancelSettings {
  readonly parcelgate: ParcelgateClient;
  /** `Prefer: wait`: past it, the intercept comes back pending and is polled. */
  readonly preferWaitSeconds: number;
}

/**
 * Cancels an order by stopping its parcel: the dry run first (nothing is sent to the
 * carrier when it cannot work), then the intercept, then whatever Parcelgate says to do next.
 * The Idempotency-Key is derived from the order, so cancelling twice (a retried HTTP call,
 * a crash after sending) never intercepts twice: the gateway replays the first answer.
 */
export async function cancelOrder(settings: CancelSettings, order: Order): Promise<Order> {
  if (order.state !== 'shipped') {
    return order;
  }
  const { parcelgate } = settings;
  const { carrier, trackingNumber, pickupMode } = order.shipment;
  const request: InterceptRequest = {
    carrier,
    trackingNumber,
    pickupMode,
    reason: 'buyer_cancelled',
    orderRef: order.orderRef,
    ...(order.shipment.declaredValue === undefined && order.shipment.category === undefined
      ? {}
      : { parcel: parcelOf(order.shipment) }),
  };

  const eligibility = await parcelgate.intercepts.checkEligibility(request);
  if (!eligibility.eligible) {
    const codes = eligibility.reasons.map((reason) => reason.code).join(', ');
    return settle(order, eligibility.nextActions, `not eligible: ${codes}`);
  }

  try {
    const intercept = await parcelgate.intercepts.create(request, {
      idempotencyKey: `cancel-${order.orderRef}`,
      preferWaitSeconds: settings.preferWaitSeconds,
    });
    return applyIntercept(order, intercept);
  } catch (error) {
    if (!isNotEligible(error)) {
      throw error;
    }
    // The parcel moved on since the dry run (say it went out for delivery). A refusal by
    // policy stores nothing: the buyer is asked to refuse the delivery instead.
    const codes = error.reasons.map((reason) => reason.code).join(', ');
    return settle(order, ['ask_buyer_to_refuse_delivery'], `not eligible: ${codes}`);
  }
}

/** Reads the outcome of every pending cancellation once; the service runs it on a timer. */
export async function pollPendingCancellations(
  parcelgate: ParcelgateClient,
  orders: readonly Order[],
): Promise<void> {
  for (const order of orders) {
    if (order.interceptId !== null) {
      applyIntercept(order, await parcelgate.intercepts.get(order.interceptId));
    }
  }
}

function parcelOf(shipment: Order['shipment']): NonNullable<InterceptRequest['parcel']> {
  return {
    ...(shipment.declaredValue === undefined ? {} : { declaredValue: shipment.declaredValue }),
    ...(shipment.category === undefined ? {} : { category: shipment.category }),
  };
}
