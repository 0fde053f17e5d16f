import {
  CarrierAuthenticationError,
  type CarrierContext,
  type CarrierError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import {
  parseJsonResponse,
  parseRetryAfter,
  readErrorBody,
  redactSecrets,
} from '@parcelgate/carrier-kit/wire';
import { firstError, isJsonObject, readObject, readOptionalString } from './read-json.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import type { CachedToken, TokenOwner } from './ups-token-cache.ts';
import type { UpsTokenSuccess } from './ups-wire-types.ts';

/** `POST /security/v1/oauth/token` on onlinetools.ups.com / wwwcie.ups.com. */
export const UPS_TOKEN_PATH = '/security/v1/oauth/token';

/** Tokens are renewed this long before UPS says they expire, so none expires in flight. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** Used when UPS sends no readable `expires_in`: short, so a bad guess costs little. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

/** How a token request's failures are classified. */
export interface UpsTokenRequestOptions {
  /**
   * True when the token request is the operation itself (`verifyCredentials`): an answered
   * request was then sent. False (the default) when it only prepares another call, which
   * therefore never left (`requestSent: false`, so the gateway may retry even a mutation).
   */
  readonly standalone?: boolean;
}

/**
 * Fetches an access token with the client credentials grant (OAuthClientCredentials.yaml,
 * CreateToken): HTTP Basic `client_id:client_secret`, form `grant_type=client_credentials`,
 * `x-merchant-id` when configured. `expires_in` is a string of seconds (`"14399"`); the
 * token is kept until {@link TOKEN_REFRESH_MARGIN_MS} before that, measured on `ctx.clock`.
 *
 * Failures are classified for the operation that needed the token, which was therefore
 * never sent (`requestSent: false`), unless `options.standalone`: 401/403 (bad
 * credentials, "Blocked Merchant") and 400 are `authentication` (only new settings help),
 * 429 "Quota Limit Exceeded" `rate-limited`, anything else `retryable`.
 */
export async function requestUpsToken(
  ctx: CarrierContext,
  owner: TokenOwner,
  options: UpsTokenRequestOptions = {},
): Promise<CachedToken> {
  const issuedAt = ctx.clock.now().getTime();
  const basic = Buffer.from(`${owner.clientId}:${owner.clientSecret}`).toString('base64');
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Basic ${basic}`,
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (owner.merchantId !== undefined) {
    headers['x-merchant-id'] = owner.merchantId;
  }
  const response = await ctx.http.request({
    method: 'POST',
    path: UPS_TOKEN_PATH,
    headers,
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
    // Asking for a token twice is harmless: a connection lost after sending is retryable.
    idempotent: true,
    signal: ctx.signal,
  });
  if (response.status < 200 || response.status >= 300) {
    const body = await readErrorBody(response);
    const requestSent = options.standalone === true;
    throw classifyTokenFailure(
      ctx,
      response.status,
      response.headers,
      body.json,
      owner,
      requestSent,
    );
  }
  const token = await parseJsonResponse(
    response,
    { carrierId: UPS_CARRIER_ID, mutation: false },
    parseTokenSuccess,
  );
  const lifetimeMs = readLifetimeMs(token.expires_in);
  return {
    accessToken: token.access_token,
    expiresAt: issuedAt + Math.max(0, lifetimeMs - TOKEN_REFRESH_MARGIN_MS),
  };
}

/** Reads the 200 body: only `access_token` is required, `expires_in` is read when present. */
export function parseTokenSuccess(
  body: unknown,
): Required<Pick<UpsTokenSuccess, 'access_token'>> & Pick<UpsTokenSuccess, 'expires_in'> {
  const token = readObject(body, 'token');
  const accessToken = readOptionalString(token.access_token, 'access_token');
  if (accessToken === undefined) {
    throw new TypeError('ups: token answer has no access_token');
  }
  const expiresIn = readOptionalString(token.expires_in, 'expires_in');
  return expiresIn === undefined
    ? { access_token: accessToken }
    : { access_token: accessToken, expires_in: expiresIn };
}

function readLifetimeMs(expiresIn: string | undefined): number {
  const seconds = expiresIn === undefined ? Number.NaN : Number(expiresIn);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : FALLBACK_LIFETIME_MS;
}

function classifyTokenFailure(
  ctx: CarrierContext,
  status: number,
  headers: Headers,
  json: unknown,
  owner: TokenOwner,
  requestSent: boolean,
): CarrierError {
  const error = firstError(
    isJsonObject(json) && isJsonObject(json.response) ? json.response.errors : undefined,
  );
  const secrets = [owner.clientSecret, owner.clientId];
  const detail = error?.message === undefined ? '' : `: ${redactSecrets(error.message, secrets)}`;
  const code = error?.code === undefined ? '' : ` (${error.code})`;
  const init = {
    carrierId: UPS_CARRIER_ID,
    httpStatus: status,
    requestSent,
    message: `ups token endpoint answered HTTP ${status}${code}${detail}`,
    ...(error?.code === undefined ? {} : { carrierCode: error.code }),
  };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), ctx.clock.now());
    return new CarrierRateLimitedError({ ...init, retryAfterMs });
  }
  if (status === 400 || status === 401 || status === 403) {
    return new CarrierAuthenticationError(init);
  }
  return new CarrierRetryableError(init);
}
