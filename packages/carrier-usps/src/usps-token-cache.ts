import { TokenCache, tokenCacheKey } from '@parcelgate/carrier-kit/wire';

export type { CachedToken } from '@parcelgate/carrier-kit/wire';

/** Who a token belongs to; the secret is only ever hashed. */
export interface TokenOwner {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * The cache every USPS call in this process shares (carrier-kit's `TokenCache`: one
 * refresh at a time per USPS app: USPS counts token calls against the app's hourly quota).
 */
export const uspsTokenCache = new TokenCache();

/** The cache key of an owner: its public ids and a hash of its secret. */
export function uspsTokenKey(owner: TokenOwner): string {
  return tokenCacheKey([owner.clientId], owner.clientSecret);
}
