import type { CarrierContext } from '@parcelgate/carrier-kit';
import { requestUpsToken } from './ups-oauth.ts';
import { readTokenOwner } from './ups-request.ts';

/**
 * Proves the OAuth client with UPS's cheapest authenticated call, the token request itself
 * (`POST /security/v1/oauth/token`, client credentials grant, OAuthClientCredentials.yaml):
 * a token issued means UPS accepted the client id, secret and merchant id. 401 (`250002`
 * Invalid Authentication Information), 403 ("Blocked Merchant") and 400 are
 * `CarrierAuthenticationError`; 429 "Quota Limit Exceeded" `rate-limited`; 5xx, an
 * unreadable answer or a lost connection `retryable`. Errors carry `requestSent: true`
 * when UPS answered, since here the token request is the operation.
 *
 * It always asks UPS for a fresh token and leaves the process-wide cache alone:
 * - not read: a cached token proves only that UPS took these credentials when it was
 *   issued, up to four hours ago; a test must show whether it takes them now (a revoked
 *   secret or a blocked merchant must fail the test while the old token still works);
 * - not written: the token is discarded, so a test never replaces the token live
 *   operations share;
 * - not evicted on a refusal: operations holding a good token keep working until UPS
 *   refuses that token, then renew it and fail on their own (`sendUpsRequest`).
 * The cost is one token call per test against UPS's token quota; tests are rare and go
 * through the gateway's rate limiter.
 */
export async function verifyUpsCredentials(ctx: CarrierContext): Promise<void> {
  await requestUpsToken(ctx, readTokenOwner(ctx), { standalone: true });
}
