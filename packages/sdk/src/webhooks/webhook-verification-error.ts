import { ParcelgateError } from '../errors/parcelgate-error.ts';

/** Why a webhook was refused. */
export type WebhookVerificationFailure =
  | 'missing-headers'
  | 'invalid-timestamp'
  | 'timestamp-out-of-tolerance'
  | 'invalid-secret'
  | 'no-matching-signature';

/** A webhook whose signature does not verify: answer it 4xx and do not act on it. */
export class WebhookVerificationError extends ParcelgateError {
  readonly kind = 'webhook-verification';
  readonly reason: WebhookVerificationFailure;

  constructor(reason: WebhookVerificationFailure, message: string) {
    super(message, {});
    this.reason = reason;
  }
}
