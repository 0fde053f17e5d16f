import type { Money } from './money.ts';

/** A delivery address. `phone` and street lines are personal data: never log them. */
export interface Address {
  readonly name: string;
  readonly phone: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly region?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
}

/** Asks the carrier to deliver a parcel in transit to another address. */
export interface RedirectRequest {
  readonly trackingNumber: string;
  /** Parcelgate's id for this redirect (`rdr_...`). */
  readonly reference: string;
  readonly orderRef?: string;
  readonly newAddress: Address;
  readonly note?: string;
  /**
   * Carrier-specific extras: only the keys the adapter declares in `requestOptions` for
   * `redirect`, whose values the gateway has checked.
   */
  readonly carrierOptions?: Readonly<Record<string, string>>;
}

/** Where a redirect stands from the carrier's point of view. */
export const REDIRECT_OUTCOMES = [
  'pending',
  'accepted',
  'redirected',
  'rejected',
  'failed',
] as const;

/** One of {@link REDIRECT_OUTCOMES}. */
export type RedirectOutcome = (typeof REDIRECT_OUTCOMES)[number];

/** The carrier's answer to a redirect. */
export interface RedirectResult {
  readonly outcome: RedirectOutcome;
  readonly carrierReference?: string;
  readonly fee?: Money;
  readonly carrierReason?: string;
  readonly message?: string;
}
