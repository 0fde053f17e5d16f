import {
  CarrierAuthenticationError,
  type CarrierContext,
  type CarrierHttpResponse,
} from '@parcelgate/carrier-kit';
import { sendWithBearerToken } from '@parcelgate/carrier-kit/wire';
import type { FedexCredentials } from './fedex-credentials.ts';
import { FEDEX_CARRIER_ID, fedexTransactionId } from './fedex-ids.ts';
import { requestFedexToken } from './fedex-oauth.ts';
import { fedexTokenCache, fedexTokenKey, type TokenOwner } from './fedex-token-cache.ts';

/** One JSON POST to a FedEx API, relative to the base URL (`https://apis.fedex.com`). */
export interface FedexCall {
  readonly path: string;
  /** Serialized as JSON. */
  readonly body: unknown;
}

/**
 * Sends one FedEx API call with a bearer token from the process-wide cache,
 * `x-customer-transaction-id` (from `ctx.requestId`) and `x-locale: en_US` (exception
 * texts are read in English). A 401 means FedEx refused the token (`NOT.AUTHORIZED.ERROR`,
 * "Access token expired"): the token is dropped, one new one fetched, and the call sent
 * once more; a second 401 is the caller's to classify. Every call this adapter makes is a
 * read, so sending it again is always safe.
 */
export async function sendFedexRequest(
  ctx: CarrierContext,
  call: FedexCall,
): Promise<CarrierHttpResponse> {
  const owner = readTokenOwner(ctx);
  return sendWithBearerToken(
    ctx,
    {
      cache: fedexTokenCache,
      key: fedexTokenKey(owner),
      fetchToken: () => requestFedexToken(ctx, owner),
    },
    (accessToken) => send(ctx, call, accessToken),
  );
}

function send(ctx: CarrierContext, call: FedexCall, accessToken: string) {
  return ctx.http.request({
    method: 'POST',
    path: call.path,
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${accessToken}`,
      'x-locale': 'en_US',
      'x-customer-transaction-id': fedexTransactionId(ctx.requestId),
    },
    body: JSON.stringify(call.body),
    // Tracking changes nothing at FedEx: a lost answer may be asked for again.
    idempotent: true,
    signal: ctx.signal,
  });
}

/** The client credentials from `ctx.credentials`; `requestSent: false` when missing. */
export function readTokenOwner(ctx: CarrierContext): TokenOwner {
  const { clientId, clientSecret } = ctx.credentials as Partial<FedexCredentials>;
  if (
    clientId === undefined ||
    clientId === '' ||
    clientSecret === undefined ||
    clientSecret === ''
  ) {
    throw new CarrierAuthenticationError({
      carrierId: FEDEX_CARRIER_ID,
      message:
        'fedex: no API key configured (set CARRIER_FEDEX_CLIENT_ID and CARRIER_FEDEX_CLIENT_SECRET)',
      requestSent: false,
    });
  }
  return { clientId, clientSecret };
}
