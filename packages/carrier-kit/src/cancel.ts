/**
 * Which earlier action a cancel undoes: an intercept for `cancelIntercept`, a redirect for
 * `cancelRedirect`.
 */
export interface CancelRequest {
  readonly trackingNumber: string;
  /** Our id of the action being cancelled (the `reference` sent with it). */
  readonly reference: string;
  /** The carrier's id of that action, when it gave one. */
  readonly carrierReference?: string;
  /**
   * Carrier-specific extras: only the keys the adapter declares in `requestOptions` for
   * the operation of the action being cancelled (`intercept` or `redirect`).
   */
  readonly carrierOptions?: Readonly<Record<string, string>>;
}

/** What a cancel can come to, see {@link CancelResult}. */
export const CANCEL_OUTCOMES = ['cancelled', 'pending', 'rejected'] as const;

/** One of {@link CANCEL_OUTCOMES}. */
export type CancelOutcome = (typeof CANCEL_OUTCOMES)[number];

/**
 * The carrier's answer to a cancel.
 *
 * The rule between a result and an error: when the carrier decided, the adapter answers
 * with a result. `cancelled`: the carrier undid the action (an intercepted parcel goes on
 * to the buyer, a redirected one to its earlier address); `pending`: the carrier took the
 * cancel and decides later; `rejected`: the carrier answered that it cannot cancel (too
 * late: the parcel is already returning, returned or delivered; nothing to cancel; the
 * carrier never cancels this kind of action), with its code or words in `carrierReason`.
 * A rejection is never thrown. Errors are for when the carrier did not decide: transport
 * failures, rate limits, refused credentials, an unknown parcel (`not-found`), a request
 * it could not read (`invalid-request`), a lost answer (`outcome-unknown`), exactly as for
 * the other operations.
 */
export interface CancelResult {
  /** `cancelled`: the carrier undid it; `pending`: it decides later; `rejected`: it cannot (too late...). */
  readonly outcome: CancelOutcome;
  /** The carrier's id of the cancel, or of the action cancelled, when it gives one. */
  readonly carrierReference?: string;
  /** The carrier's code or words when rejected. */
  readonly carrierReason?: string;
  /** The carrier's message, free text. */
  readonly message?: string;
}
