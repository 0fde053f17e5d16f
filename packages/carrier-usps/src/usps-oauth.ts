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
import { readUspsErrorBody } from './classify-usps-failure.ts';
import { readObject, readOptionalString } from './read-json.ts';
import { USPS_CARRIER_ID, USPS_TOKEN_PATH } from './usps-ids.ts';
import type { CachedToken, TokenOwner } from './usps-token-cache.ts';
import type { UspsTokenRequest } from './usps-wire-types.ts';

/** Tokens are renewed this long before USPS says they expire, so none expires in flight. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** Used when USPS sends no readable `expires_in`: short, so a bad guess costs little. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

/** How a token request's failures are classified. */
export interface UspsTokenRequestOptions {
  /**
   * True when the token request is the operation itself (`verifyCredentials`): an answered
   * request was then sent. False (the default) when it only prepares another call, which
   * therefore never left (`requestSent: false`).
   */
  readonly standalone?: boolean;
}

/**
 * Fetches an access token with the client credentials grant: `POST /oauth2/v3/token` with
 * a **JSON** body `{ client_id, client_secret, grant_type }` (USPS/api-examples README).
 * `expires_in` is a string of seconds in USPS's examples (a number in some answers: both
 * are read); the token is kept until {@link TOKEN_REFRESH_MARGIN_MS} before that, on
 * `ctx.clock`. 400/401/403 are `authentication` (only new credentials help), 429 the
 * hourly quota (`rate-limited`), anything else `retryable`.
 */
export async function requestUspsToken(
  ctx: CarrierContext,
  owner: TokenOwner,
  options: UspsTokenRequestOptions = {},
): Promise<CachedToken> {
  const issuedAt = ctx.clock.now().getTime();
  const body: UspsTokenRequest = {
    client_id: owner.clientId,
    client_secret: owner.clientSecret,
    grant_type: 'client_credentials',
  };
  const response = await ctx.http.request({
    method: 'POST',
    path: USPS_TOKEN_PATH,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
    // Asking for a token twice is harmless: a connection lost after sending is retryable.
    idempotent: true,
    signal: ctx.signal,
  });
  if (response.status < 200 || response.status >= 300) {
    const error = await readErrorBody(response);
    throw classifyTokenFailure(
      ctx,
      response.status,
      response.headers,
      error.json,
      owner,
      options.standalone === true,
    );
  }
  const token = await parseJsonResponse(
    response,
    { carrierId: USPS_CARRIER_ID, mutation: false },
    parseTokenSuccess,
  );
  return {
    accessToken: token.accessToken,
    expiresAt: issuedAt + Math.max(0, token.lifetimeMs - TOKEN_REFRESH_MARGIN_MS),
  };
}

/** Reads the 200 body: `access_token` is required, `expires_in` read as a string or a number. */
export function parseTokenSuccess(body: unknown): {
  readonly accessToken: string;
  readonly lifetimeMs: number;
} {
  const token = readObject(body, 'token');
  const accessToken = readOptionalString(token.access_token, 'access_token');
  if (accessToken === undefined) {
    throw new TypeError('usps: token answer has no access_token');
  }
  const seconds = Number(readOptionalString(token.expires_in, 'expires_in') ?? Number.NaN);
  return {
    accessToken,
    lifetimeMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : FALLBACK_LIFETIME_MS,
  };
}

function classifyTokenFailure(
  ctx: CarrierContext,
  status: number,
  headers: Headers,
  json: unknown,
  owner: TokenOwner,
  requestSent: boolean,
): CarrierError {
  const error = readUspsErrorBody(json);
  const secrets = [owner.clientSecret, owner.clientId];
  const detail = error?.message === undefined ? '' : `: ${redactSecrets(error.message, secrets)}`;
  const code = error?.code === undefined ? '' : ` (${redactSecrets(error.code, secrets)})`;
  const init = {
    carrierId: USPS_CARRIER_ID,
    httpStatus: status,
    requestSent,
    message: `usps token endpoint answered HTTP ${status}${code}${detail}`,
    ...(error?.code === undefined ? {} : { carrierCode: redactSecrets(error.code, secrets) }),
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
