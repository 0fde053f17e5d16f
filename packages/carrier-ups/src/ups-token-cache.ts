import { TokenCache, tokenCacheKey } from '@parcelgate/carrier-kit/wire';

export type { CachedToken } from '@parcelgate/carrier-kit/wire';

/** Who a token belongs to; the secret is only ever hashed. */
export interface TokenOwner {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly merchantId?: string | undefined;
}

/**
 * The cache every UPS call in this process shares (carrier-kit's `TokenCache`: one
 * refresh at a time per UPS credential: UPS counts token calls against a quota (429 "Quota Limit Exceeded")).
 */
export const upsTokenCache = new TokenCache();

/** The cache key of an owner: its public ids and a hash of its secret. */
export function upsTokenKey(owner: TokenOwner): string {
  return tokenCacheKey([owner.clientId, owner.merchantId ?? ''], owner.clientSecret);
}
