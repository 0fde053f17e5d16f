import { isParcelgateError, ParcelgateError } from '../errors/parcelgate-error.ts';

/**
 * Why a webhook was refused. `invalid-payload`: the signature verified but the body is not
 * an event (only `constructWebhookEvent` says it).
 */
export type WebhookVerificationFailure =
  | 'missing-headers'
  | 'invalid-timestamp'
  | 'timestamp-out-of-tolerance'
  | 'invalid-secret'
  | 'no-matching-signature'
  | 'invalid-payload';

/** A webhook whose signature does not verify: answer it 4xx and do not act on it. */
export class WebhookVerificationError extends ParcelgateError {
  readonly kind = 'webhook-verification';
  readonly reason: WebhookVerificationFailure;

  constructor(reason: WebhookVerificationFailure, message: string) {
    super(message, {});
    this.reason = reason;
  }
}

/**
 * Whether a value is a {@link WebhookVerificationError}. Use instead of `instanceof`: it
 * also recognises one thrown by another copy of the SDK in the same tree.
 */
export function isWebhookVerificationError(value: unknown): value is WebhookVerificationError {
  return isParcelgateError(value) && (value as { kind?: unknown }).kind === 'webhook-verification';
}
