import type { CarrierContext } from '@parcelgate/carrier-kit';
import { requestFedexToken } from './fedex-oauth.ts';
import { readTokenOwner } from './fedex-request.ts';

/**
 * Proves the API key with FedEx's cheapest authenticated call, the token request itself
 * (`POST /oauth/token`, client credentials grant): a token issued means FedEx accepted the
 * key and secret. 400/401/403 are `CarrierAuthenticationError`, 429 `rate-limited`, 5xx
 * or a lost connection `retryable`, all with `requestSent: true` when FedEx answered.
 * It asks for a fresh token and leaves the process-wide cache alone: a cached token only
 * proves FedEx took the credentials when it was issued, up to an hour ago.
 */
export async function verifyFedexCredentials(ctx: CarrierContext): Promise<void> {
  await requestFedexToken(ctx, readTokenOwner(ctx), { standalone: true });
}
