import type { Money } from './money.ts';
import type { Address } from './redirect.ts';

/** The actions a carrier may quote a fee for. */
export const FEE_QUOTE_ACTIONS = ['intercept', 'redirect'] as const;

/** One of {@link FEE_QUOTE_ACTIONS}. */
export type FeeQuoteAction = (typeof FEE_QUOTE_ACTIONS)[number];

/**
 * Asks what the carrier would charge for an action on a parcel, before asking for it.
 * A quote changes nothing at the carrier.
 */
export interface FeeQuoteRequest {
  readonly trackingNumber: string;
  readonly action: FeeQuoteAction;
  /** For a redirect: where to. */
  readonly newAddress?: Address;
  /**
   * Carrier-specific extras: only the keys the adapter declares in `requestOptions` for
   * the operation named by `action`.
   */
  readonly carrierOptions?: Readonly<Record<string, string>>;
}

/** One line of a carrier's own breakdown of a fee. */
export interface FeeQuoteLine {
  /** The carrier's name for the charge, e.g. `interceptCharge`. */
  readonly label: string;
  readonly amount: Money;
}

/**
 * What the carrier quoted. Who finally pays (the platform, the merchant) is the gateway's
 * to say from the tenant's rules; the quote is only the carrier's price.
 */
export interface FeeQuote {
  /** What the carrier will charge for the action (decimal string Money, as elsewhere). */
  readonly amount: Money;
  /**
   * The carrier's own breakdown lines, when it gives one; as the carrier words them, so
   * they need not add up to `amount` (a carrier may list a subtotal beside its parts).
   */
  readonly lines?: readonly FeeQuoteLine[];
}
