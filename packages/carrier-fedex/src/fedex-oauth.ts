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
import { FEDEX_CARRIER_ID } from './fedex-ids.ts';
import type { CachedToken, TokenOwner } from './fedex-token-cache.ts';
import { firstError, isJsonObject, readObject, readOptionalString } from './read-json.ts';

/** `POST /oauth/token` on apis.fedex.com / apis-sandbox.fedex.com. */
export const FEDEX_TOKEN_PATH = '/oauth/token';

/** Tokens are renewed this long before FedEx says they expire, so none expires in flight. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** Used when FedEx sends no readable `expires_in`: short, so a bad guess costs little. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

/** How a token request's failures are classified. */
export interface FedexTokenRequestOptions {
  /**
   * True when the token request is the operation itself (`verifyCredentials`): an answered
   * request was then sent. False (the default) when it only prepares another call, which
   * therefore never left (`requestSent: false`).
   */
  readonly standalone?: boolean;
}

/**
 * Fetches an access token with the client credentials grant (FedEx API Authorization):
 * a form body `grant_type=client_credentials&client_id=...&client_secret=...`. FedEx's
 * answer is `{ access_token, token_type, expires_in, scope }` with `expires_in` in
 * seconds (3599: tokens live about an hour); the token is kept until
 * {@link TOKEN_REFRESH_MARGIN_MS} before that, measured on `ctx.clock`.
 *
 * Failures are classified for the operation that needed the token, which was therefore
 * never sent (`requestSent: false`), unless `options.standalone`: 400/401/403 are
 * `authentication` (only new credentials help), 429 `rate-limited` with Retry-After,
 * anything else `retryable`.
 */
export async function requestFedexToken(
  ctx: CarrierContext,
  owner: TokenOwner,
  options: FedexTokenRequestOptions = {},
): Promise<CachedToken> {
  const issuedAt = ctx.clock.now().getTime();
  const response = await ctx.http.request({
    method: 'POST',
    path: FEDEX_TOKEN_PATH,
    headers: {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: owner.clientId,
      client_secret: owner.clientSecret,
    }),
    // Asking for a token twice is harmless: a connection lost after sending is retryable.
    idempotent: true,
    signal: ctx.signal,
  });
  if (response.status < 200 || response.status >= 300) {
    const body = await readErrorBody(response);
    throw classifyTokenFailure(ctx, response.status, response.headers, body.json, owner, {
      requestSent: options.standalone === true,
    });
  }
  const token = await parseJsonResponse(
    response,
    { carrierId: FEDEX_CARRIER_ID, mutation: false },
    parseTokenSuccess,
  );
  const lifetimeMs = readLifetimeMs(token.expiresIn);
  return {
    accessToken: token.accessToken,
    expiresAt: issuedAt + Math.max(0, lifetimeMs - TOKEN_REFRESH_MARGIN_MS),
  };
}

/** Reads the 200 body: `access_token` is required, `expires_in` (seconds) read when present. */
export function parseTokenSuccess(body: unknown): {
  readonly accessToken: string;
  readonly expiresIn: string | undefined;
} {
  const token = readObject(body, 'token');
  const accessToken = readOptionalString(token.access_token, 'access_token');
  if (accessToken === undefined) {
    throw new TypeError('fedex: token answer has no access_token');
  }
  return { accessToken, expiresIn: readOptionalString(token.expires_in, 'expires_in') };
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
  { requestSent }: { readonly requestSent: boolean },
): CarrierError {
  const error = firstError(isJsonObject(json) ? json.errors : undefined);
  const secrets = [owner.clientSecret, owner.clientId];
  const detail = error?.message === undefined ? '' : `: ${redactSecrets(error.message, secrets)}`;
  const code = error?.code === undefined ? '' : ` (${error.code})`;
  const init = {
    carrierId: FEDEX_CARRIER_ID,
    httpStatus: status,
    requestSent,
    message: `fedex token endpoint answered HTTP ${status}${code}${detail}`,
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
