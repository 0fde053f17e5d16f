import {
  CarrierAuthenticationError,
  type CarrierContext,
  type CarrierHttpResponse,
  CarrierInvalidRequestError,
  CarrierNotFoundError,
  CarrierRateLimitedError,
  CarrierRetryableError,
  isCarrierError,
  isCarrierErrorOfKind,
} from '@parcelgate/carrier-kit';
import { sendWithBearerToken } from '@parcelgate/carrier-kit/wire';
import type { UspsCredentials } from './usps-credentials.ts';
import { USPS_CARRIER_ID } from './usps-ids.ts';
import { requestUspsToken } from './usps-oauth.ts';
import { type TokenOwner, uspsTokenCache, uspsTokenKey } from './usps-token-cache.ts';

/** One call to a USPS API v3, relative to the configured base URL (`https://apis.usps.com`). */
export interface UspsCall {
  readonly method: 'GET' | 'POST';
  /** Already encoded, e.g. `/tracking/v3r2/tracking`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Serialized as JSON. */
  readonly body?: unknown;
  /** For a POST that only reads (tracking): a lost answer is then retryable. */
  readonly idempotent?: boolean;
}

/**
 * Sends one USPS API call with a bearer token from the process-wide cache. A 401 means
 * USPS refused the token (expired early, revoked, issued by the other environment): the
 * token is dropped, one new one fetched, and the call sent once more; a second 401 is the
 * caller's to classify. Whatever goes wrong while getting the token is classified with
 * `requestSent: false`: the call itself never left.
 */
export async function sendUspsRequest(
  ctx: CarrierContext,
  call: UspsCall,
): Promise<CarrierHttpResponse> {
  const owner = readTokenOwner(ctx);
  return sendWithBearerToken(
    ctx,
    {
      cache: uspsTokenCache,
      key: uspsTokenKey(owner),
      fetchToken: () => requestUspsToken(ctx, owner),
      notSent: asNotSent,
    },
    (accessToken) => send(ctx, call, accessToken),
  );
}

function send(ctx: CarrierContext, call: UspsCall, accessToken: string) {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${accessToken}`,
  };
  if (call.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  return ctx.http.request({
    method: call.method,
    path: call.path,
    headers,
    ...(call.query === undefined ? {} : { query: call.query }),
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    ...(call.idempotent === undefined ? {} : { idempotent: call.idempotent }),
    signal: ctx.signal,
  });
}

/** The client credentials from `ctx.credentials`; `requestSent: false` when missing. */
export function readTokenOwner(ctx: CarrierContext): TokenOwner {
  const { clientId, clientSecret } = ctx.credentials as Partial<UspsCredentials>;
  if (
    clientId === undefined ||
    clientId === '' ||
    clientSecret === undefined ||
    clientSecret === ''
  ) {
    throw new CarrierAuthenticationError({
      carrierId: USPS_CARRIER_ID,
      message:
        'usps: no OAuth client configured (set CARRIER_USPS_CLIENT_ID and CARRIER_USPS_CLIENT_SECRET)',
      requestSent: false,
    });
  }
  return { clientId, clientSecret };
}

/**
 * The same failure, marked as having happened before the operation's own request was
 * sent (`requestSent: false`), keeping its kind; errors that are not carrier errors (an
 * abort) pass through untouched.
 */
function asNotSent(error: unknown): unknown {
  if (!isCarrierError(error) || error.requestSent === false) {
    return error;
  }
  const init = {
    carrierId: USPS_CARRIER_ID,
    message: `${error.message} (while getting an access token; the request was not sent)`,
    requestSent: false,
    cause: error,
    ...(error.carrierCode === undefined ? {} : { carrierCode: error.carrierCode }),
    ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
  };
  if (isCarrierErrorOfKind(error, 'authentication')) {
    return new CarrierAuthenticationError(init);
  }
  if (isCarrierErrorOfKind(error, 'not-found')) {
    return new CarrierNotFoundError(init);
  }
  if (isCarrierErrorOfKind(error, 'invalid-request')) {
    return new CarrierInvalidRequestError(init);
  }
  if (isCarrierErrorOfKind(error, 'rate-limited')) {
    return new CarrierRateLimitedError({
      ...init,
      retryAfterMs:
        'retryAfterMs' in error && typeof error.retryAfterMs === 'number'
          ? error.retryAfterMs
          : undefined,
    });
  }
  return new CarrierRetryableError(init);
}
