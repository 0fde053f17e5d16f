/** Marks SDK errors across copies of this package (two versions may sit in one tree). */
const PARCELGATE_ERROR = Symbol.for('parcelgate.sdk.error');

/**
 * Base of every error the SDK throws on its own account (the API answered a problem, the
 * network failed, the deadline passed). A caller's own abort is never wrapped: its
 * `signal.reason` is thrown as it is.
 */
export abstract class ParcelgateError extends Error {
  /**
   * The Idempotency-Key the call was sent with (mutations only). After a timeout or a
   * connection error the outcome is unknown: send the same call again with this key and
   * the gateway replays the first answer instead of acting twice.
   */
  readonly idempotencyKey: string | undefined;
  readonly [PARCELGATE_ERROR] = true;

  constructor(message: string, init: { idempotencyKey?: string | undefined; cause?: unknown }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.idempotencyKey = init.idempotencyKey;
  }
}

/**
 * Whether a value is an error thrown by the SDK. Use instead of `instanceof`: two copies of
 * the SDK in one `node_modules` tree have two classes but share this marker.
 */
export function isParcelgateError(value: unknown): value is ParcelgateError {
  return typeof value === 'object' && value !== null && PARCELGATE_ERROR in value;
}
