import type { CarrierContext } from '@parcelgate/carrier-kit';
import { requestUspsToken } from './usps-oauth.ts';
import { readTokenOwner } from './usps-request.ts';

/**
 * Proves the OAuth client with USPS's cheapest authenticated call, the token request
 * itself: a token issued means USPS accepted the client id and secret; 400/401/403 are
 * `CarrierAuthenticationError`, 429 the hourly quota. It always asks for a fresh token and
 * leaves the process-wide cache alone, so a test shows whether USPS takes the credentials
 * now and never replaces the token live calls share. It costs one call of the quota.
 */
export async function verifyUspsCredentials(ctx: CarrierContext): Promise<void> {
  await requestUspsToken(ctx, readTokenOwner(ctx), { standalone: true });
}
