import { isParcelgateError, ParcelgateError } from './parcelgate-error.ts';

/**
 * The gateway could not be reached, or the connection broke, on every attempt. `cause` is
 * the last error `fetch` threw.
 */
export class ParcelgateConnectionError extends ParcelgateError {
  readonly kind = 'connection';

  constructor(init: { cause: unknown; attempts: number; idempotencyKey?: string | undefined }) {
    super(
      `Could not reach the Parcelgate API after ${init.attempts} attempt(s): ${describe(init.cause)}`,
      init,
    );
  }
}

/**
 * The call's deadline (`timeoutMs`, covering every attempt and the pauses between them)
 * passed before an answer came.
 */
export class ParcelgateTimeoutError extends ParcelgateError {
  readonly kind = 'timeout';
  readonly timeoutMs: number;

  constructor(init: { timeoutMs: number; cause?: unknown; idempotencyKey?: string | undefined }) {
    super(`The Parcelgate API did not answer within ${init.timeoutMs} ms.`, init);
    this.timeoutMs = init.timeoutMs;
  }
}

/** Whether a value is a {@link ParcelgateConnectionError}, across SDK copies. */
export function isConnectionError(value: unknown): value is ParcelgateConnectionError {
  return isParcelgateError(value) && (value as { kind?: unknown }).kind === 'connection';
}

/** Whether a value is a {@link ParcelgateTimeoutError}, across SDK copies. */
export function isTimeoutError(value: unknown): value is ParcelgateTimeoutError {
  return isParcelgateError(value) && (value as { kind?: unknown }).kind === 'timeout';
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    // undici puts the socket-level reason (ECONNREFUSED, ...) in `cause`.
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
