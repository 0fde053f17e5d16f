import { TokenCache, tokenCacheKey } from '@parcelgate/carrier-kit/wire';

export type { CachedToken } from '@parcelgate/carrier-kit/wire';

/** Who a token belongs to; the secret is only ever hashed. */
export interface TokenOwner {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * The cache every FedEx call in this process shares (carrier-kit's `TokenCache`: one
 * refresh at a time per FedEx project: FedEx throttles its token endpoint per client address on top of the project's 1,400 calls per 10 s).
 */
export const fedexTokenCache = new TokenCache();

/** The cache key of an owner: its public ids and a hash of its secret. */
export function fedexTokenKey(owner: TokenOwner): string {
  return tokenCacheKey([owner.clientId], owner.clientSecret);
}
