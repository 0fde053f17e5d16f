import {
  CarrierAuthenticationError,
  type CarrierContext,
  type CarrierHttpResponse,
  CarrierInvalidRequestError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  CarrierRateLimitedError,
  CarrierRetryableError,
  isCarrierError,
  isCarrierErrorOfKind,
} from '@parcelgate/carrier-kit';
import { sendWithBearerToken } from '@parcelgate/carrier-kit/wire';
import type { UpsCredentials } from './ups-credentials.ts';
import { UPS_CARRIER_ID, UPS_TRANSACTION_SOURCE, upsTransId } from './ups-ids.ts';
import { requestUpsToken } from './ups-oauth.ts';
import { type TokenOwner, upsTokenCache, upsTokenKey } from './ups-token-cache.ts';

/** One call to a UPS API, relative to the configured base URL (`https://onlinetools.ups.com`). */
export interface UpsCall {
  readonly method: 'GET' | 'POST';
  /** Already encoded, e.g. `/api/track/v1/details/1Z...`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Headers beside `Authorization`, `transId` and `transactionSrc`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialized as JSON. */
  readonly body?: unknown;
  /** For a POST that changes nothing (charges): a lost answer is then retryable. */
  readonly idempotent?: boolean;
}

/**
 * Sends one UPS API call with a bearer token from the process-wide cache, `transId` (from
 * `ctx.requestId`) and `transactionSrc`. A 401 means UPS refused the token (expired early,
 * revoked, issued by another environment): the token is dropped, one new one fetched, and
 * the call sent once more; a second 401 is the caller's to classify. Resending is safe
 * even for intercepts: UPS answers 401 before it processes anything.
 *
 * Whatever goes wrong while getting the token is classified with `requestSent: false`:
 * the call itself never left, so the gateway may retry even a mutation.
 */
export async function sendUpsRequest(
  ctx: CarrierContext,
  call: UpsCall,
): Promise<CarrierHttpResponse> {
  const owner = readTokenOwner(ctx);
  return sendWithBearerToken(
    ctx,
    {
      cache: upsTokenCache,
      key: upsTokenKey(owner),
      fetchToken: () => requestUpsToken(ctx, owner),
      notSent: asNotSent,
    },
    (accessToken) => send(ctx, call, accessToken),
  );
}

function send(ctx: CarrierContext, call: UpsCall, accessToken: string) {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...call.headers,
    authorization: `Bearer ${accessToken}`,
    transId: upsTransId(ctx.requestId),
    transactionSrc: UPS_TRANSACTION_SOURCE,
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
  const credentials = ctx.credentials as Partial<UpsCredentials>;
  const { clientId, clientSecret, merchantId } = credentials;
  if (
    clientId === undefined ||
    clientId === '' ||
    clientSecret === undefined ||
    clientSecret === ''
  ) {
    throw new CarrierAuthenticationError({
      carrierId: UPS_CARRIER_ID,
      message:
        'ups: no OAuth client configured (set CARRIER_UPS_CLIENT_ID and CARRIER_UPS_CLIENT_SECRET)',
      requestSent: false,
    });
  }
  return {
    clientId,
    clientSecret,
    ...(merchantId === undefined || merchantId === '' ? {} : { merchantId }),
  };
}

/**
 * The same failure, marked as having happened before the operation's own request was
 * sent (`requestSent: false`): while getting a token, or in a read the adapter makes
 * before an intercept or redirect. The gateway may then retry even a mutation. The kind
 * is kept, except that anything not worth repeating as is (a lost answer to a read, a
 * garbled token) becomes `retryable`. Errors that are not carrier errors (an abort)
 * pass through untouched.
 */
export function asNotSent(error: unknown, stage = 'while getting an access token'): unknown {
  if (!isCarrierError(error) || error.requestSent === false) {
    return error;
  }
  const init = {
    carrierId: UPS_CARRIER_ID,
    message: `${error.message} (${stage}; the request was not sent)`,
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
  if (isCarrierErrorOfKind(error, 'not-eligible')) {
    return new CarrierNotEligibleError({
      ...init,
      reason: stringField(error, 'reason') ?? 'carrier_refused',
    });
  }
  if (isCarrierErrorOfKind(error, 'invalid-request')) {
    return new CarrierInvalidRequestError({ ...init, field: stringField(error, 'field') });
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

/** A string property of an error of another copy of carrier-kit, read without trusting its class. */
function stringField(error: object, name: 'reason' | 'field'): string | undefined {
  const value: unknown = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
