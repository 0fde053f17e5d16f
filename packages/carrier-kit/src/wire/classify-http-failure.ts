import type { CarrierError } from '../errors/carrier-error.ts';
import {
  CarrierAuthenticationError,
  CarrierInvalidRequestError,
  CarrierNotFoundError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from '../errors/kinds.ts';
import { parseRetryAfter } from './parse-retry-after.ts';

/** What is known of a carrier's non-success HTTP answer. */
export interface HttpFailure {
  readonly carrierId: string;
  readonly status: number;
  readonly headers?: Headers;
  /** The carrier's own error code from the body, when it has one. */
  readonly carrierCode?: string | undefined;
  /** The carrier's message from the body; must not echo credentials. */
  readonly carrierMessage?: string | undefined;
  /** The field the carrier blamed, for invalid-request answers. */
  readonly field?: string | undefined;
  /** Used to turn an HTTP-date Retry-After into a delay. */
  readonly now?: Date;
}

/**
 * The default mapping from an HTTP status to a carrier error kind: 401/403
 * authentication, 404 not-found, 408 and 5xx retryable, 429 rate-limited (Retry-After
 * read as seconds or HTTP date), other 4xx invalid-request. Adapters call it after
 * handling their carrier's special cases (a refusal, a 200 that is really an error).
 */
export function classifyHttpFailure(failure: HttpFailure): CarrierError {
  const { carrierId, status, carrierCode, field } = failure;
  const init = {
    carrierId,
    httpStatus: status,
    requestSent: true,
    message: describe(failure),
    ...(carrierCode === undefined ? {} : { carrierCode }),
  };
  if (status === 401 || status === 403) {
    return new CarrierAuthenticationError(init);
  }
  if (status === 404) {
    return new CarrierNotFoundError(init);
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(failure.headers?.get('retry-after'), failure.now);
    return new CarrierRateLimitedError({ ...init, retryAfterMs });
  }
  if (status >= 400 && status < 500 && status !== 408) {
    return new CarrierInvalidRequestError({ ...init, field });
  }
  return new CarrierRetryableError(init);
}

function describe(failure: HttpFailure): string {
  const code = failure.carrierCode === undefined ? '' : ` (${failure.carrierCode})`;
  const message = failure.carrierMessage === undefined ? '' : `: ${failure.carrierMessage}`;
  return `${failure.carrierId} answered HTTP ${failure.status}${code}${message}`;
}
