import type { CarrierError } from '../errors/carrier-error.ts';
import { CarrierOutcomeUnknownError, CarrierRetryableError } from '../errors/kinds.ts';

/**
 * Error codes that prove the request never reached the carrier: the connection was never
 * established (refused, no route, DNS) or TLS failed before any byte of the request.
 */
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Where in the exchange the connection failed. */
export interface NetworkFailureContext {
  readonly carrierId: string;
  /** Whether repeating the request is harmless (reads, and writes the carrier dedupes). */
  readonly idempotent: boolean;
  /** True when the failure came while reading the answer, so the request surely arrived. */
  readonly whileReadingBody?: boolean;
}

/**
 * Classifies a failed connection: `retryable` with `requestSent: false` when the error
 * proves nothing was sent; otherwise `retryable` for idempotent requests and
 * `outcome-unknown` for mutations, because the carrier may have acted on them.
 */
export function classifyNetworkFailure(
  error: unknown,
  context: NetworkFailureContext,
): CarrierError {
  const code = findErrorCode(error);
  const label = code === undefined ? 'connection failed' : `connection failed (${code})`;
  if (!context.whileReadingBody && code !== undefined && NEVER_SENT_CODES.has(code)) {
    return new CarrierRetryableError({
      carrierId: context.carrierId,
      message: `${context.carrierId}: ${label} before the request was sent`,
      requestSent: false,
      cause: error,
    });
  }
  const stage = context.whileReadingBody
    ? 'while reading the answer'
    : 'after the request may have been sent';
  const init = {
    carrierId: context.carrierId,
    message: `${context.carrierId}: ${label} ${stage}`,
    cause: error,
    ...(context.whileReadingBody ? { requestSent: true } : {}),
  };
  return context.idempotent
    ? new CarrierRetryableError(init)
    : new CarrierOutcomeUnknownError(init);
}

/** Finds a Node or undici error code anywhere in an error's cause chain. */
export function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause, errors } = current as {
      code?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      return code;
    }
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return undefined;
}
