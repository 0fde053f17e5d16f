import type { Money, NextAction, PickupMode } from '@parcelgate/sdk';

/** Where an order's cancellation stands, from the merchant's side. */
export type OrderState =
  | 'shipped'
  /** The carrier took the intercept: the parcel comes back, the buyer is refunded. */
  | 'refunded'
  /** Too late to stop it: the buyer was asked to refuse the delivery. */
  | 'awaiting_buyer_refusal'
  /** Not picked up yet: the shipment was cancelled and the buyer refunded. */
  | 'shipment_cancelled'
  /** Delivered: a return was filed with the buyer. */
  | 'return_requested'
  /** The carrier decides later: polled until it does. */
  | 'cancellation_pending'
  /** Nothing automatic applies: a person looks at it. */
  | 'needs_review';

/** What the merchant did, in order, with why. */
export interface OrderAction {
  readonly action: NextAction | 'needs_review';
  readonly at: string;
  readonly note: string;
}

/** An order and its parcel, as this service keeps it. */
export interface Order {
  readonly orderRef: string;
  readonly shipment: {
    readonly carrier: string;
    readonly trackingNumber: string;
    readonly pickupMode: PickupMode;
    readonly declaredValue?: Money;
    readonly category?: string;
  };
  state: OrderState;
  /** The intercept that cancels it, once one was created. */
  interceptId: string | null;
  readonly actions: OrderAction[];
}

/** Orders in memory: enough for an example (a real service has its own database). */
export class OrderStore {
  readonly #orders = new Map<string, Order>();

  /** Adds a shipped order. */
  add(orderRef: string, shipment: Order['shipment']): Order {
    const order: Order = { orderRef, shipment, state: 'shipped', interceptId: null, actions: [] };
    this.#orders.set(orderRef, order);
    return order;
  }

  get(orderRef: string): Order | undefined {
    return this.#orders.get(orderRef);
  }

  /** The order an intercept was created for, if this service created it. */
  byInterceptId(interceptId: string): Order | undefined {
    return [...this.#orders.values()].find((order) => order.interceptId === interceptId);
  }

  /** Orders whose intercept outcome is not known yet. */
  pending(): Order[] {
    return [...this.#orders.values()].filter((order) => order.state === 'cancellation_pending');
  }
}
