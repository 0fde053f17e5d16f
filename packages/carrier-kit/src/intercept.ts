import type { CancelRequest } from './cancel.ts';
import type { Money } from './money.ts';

/** Why a merchant stops a parcel (domain.md, "Why a merchant intercepts a parcel"). */
export const INTERCEPT_REASONS = [
  'buyer_cancelled',
  'merchant_error',
  'logistics_exception',
  'address_error',
  'other',
] as const;

/** One of {@link INTERCEPT_REASONS}. */
export type InterceptReason = (typeof INTERCEPT_REASONS)[number];

/** What the parcel holds, as far as carriers' intercept rules care. */
export interface ParcelDetails {
  readonly declaredValue?: Money;
  /** Merchant's category, e.g. `apparel`, `fresh_food`. */
  readonly category?: string;
}

/** Asks the carrier to stop a parcel and send it back to the sender. */
export interface InterceptRequest {
  readonly trackingNumber: string;
  readonly reason: InterceptReason;
  /**
   * Parcelgate's id for this intercept (`icp_...`), sent to carriers that accept a client
   * reference so a repeated request can be recognised (see `capabilities.safeToRetry`).
   */
  readonly reference: string;
  readonly orderRef?: string;
  readonly note?: string;
  readonly parcel?: ParcelDetails;
  /**
   * Carrier-specific extras: only the keys the adapter declares in `requestOptions` for
   * `intercept`, whose values the gateway has checked.
   */
  readonly carrierOptions?: Readonly<Record<string, string>>;
}

/**
 * Where an intercept stands from the carrier's point of view. `pending` means the carrier
 * received it and will decide later; `accepted` means it took the instruction; `returning`
 * and `returned` follow; `rejected` is a refusal; `failed` means it could not stop the
 * parcel after accepting (e.g. delivered anyway).
 */
export const INTERCEPT_OUTCOMES = [
  'pending',
  'accepted',
  'returning',
  'returned',
  'rejected',
  'failed',
] as const;

/** One of {@link INTERCEPT_OUTCOMES}. */
export type InterceptOutcome = (typeof INTERCEPT_OUTCOMES)[number];

/** The carrier's answer to an intercept, or to a later question about it. */
export interface InterceptResult {
  readonly outcome: InterceptOutcome;
  /** The carrier's id for the intercept, when it gives one; needed for later queries. */
  readonly carrierReference?: string;
  /** What the carrier charges, when it quotes a fee. */
  readonly fee?: Money;
  /** The carrier's own reason code for a refusal or failure, kept for support. */
  readonly carrierReason?: string;
  /** The carrier's message, free text. */
  readonly message?: string;
}

/** Identifies an earlier intercept or redirect when asking the carrier how it went. */
export interface InterceptStatusRequest {
  readonly trackingNumber: string;
  readonly reference: string;
  readonly carrierReference?: string;
}

/**
 * The request of `cancelIntercept`, under its earlier name.
 *
 * @deprecated Use `CancelRequest`: one request type serves `cancelIntercept` and
 * `cancelRedirect`.
 */
export type CancelInterceptRequest = CancelRequest;
