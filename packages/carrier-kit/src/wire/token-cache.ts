import { createHash } from 'node:crypto';

/** An access token and the instant (epoch ms, by `ctx.clock`) it stops being used. */
export interface CachedToken {
  readonly accessToken: string;
  readonly expiresAt: number;
}

/**
 * The cache key of one credential: its public parts (client id, merchant id, ...) and a
 * SHA-256 of its secret, so a rotated secret gets a new entry and the raw secret is never
 * held as a key.
 */
export function tokenCacheKey(publicParts: readonly string[], secret: string): string {
  const secretHash = createHash('sha256').update(secret).digest('hex');
  return [...publicParts, secretHash].join('\u0000');
}

/**
 * OAuth access tokens per credential, shared by every request of the process (the gateway
 * builds a context per request, so the cache cannot live in one). One refresh at a time
 * per credential: callers arriving while a token is being fetched wait for that fetch
 * instead of starting their own, because carriers count token calls against quotas (UPS's
 * 429 "Quota Limit Exceeded", USPS's hourly quota) or throttle them (FedEx, per client
 * address). A token another environment issued is refused with a 401, which the adapter
 * answers with {@link TokenCache.invalidate} and one refresh.
 */
export class TokenCache {
  readonly #tokens = new Map<string, CachedToken>();
  readonly #refreshing = new Map<string, Promise<CachedToken>>();

  /**
   * A token valid at `now`: the cached one, the one being fetched, or a new one from
   * `fetchToken`. A waiter whose shared fetch failed because another caller's budget ran
   * out (an abort, not a carrier error) fetches once more under its own budget.
   */
  async get(
    key: string,
    now: number,
    fetchToken: () => Promise<CachedToken>,
    isAbort: (error: unknown) => boolean,
  ): Promise<CachedToken> {
    const cached = this.#tokens.get(key);
    if (cached !== undefined && cached.expiresAt > now) {
      return cached;
    }
    const pending = this.#refreshing.get(key);
    if (pending !== undefined) {
      try {
        return await pending;
      } catch (error) {
        if (!isAbort(error)) {
          throw error;
        }
      }
    }
    return this.#refresh(key, fetchToken);
  }

  /**
   * Forgets `staleToken` after the carrier refused it (expired early, revoked). A token
   * that was already replaced stays: many requests failing with the same old token cause
   * one refresh, not one each.
   */
  invalidate(key: string, staleToken: string): void {
    if (this.#tokens.get(key)?.accessToken === staleToken) {
      this.#tokens.delete(key);
    }
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.#tokens.clear();
    this.#refreshing.clear();
  }

  #refresh(key: string, fetchToken: () => Promise<CachedToken>): Promise<CachedToken> {
    const existing = this.#refreshing.get(key);
    if (existing !== undefined) {
      return existing;
    }
    const refresh = fetchToken()
      .then((token) => {
        this.#tokens.set(key, token);
        return token;
      })
      .finally(() => {
        this.#refreshing.delete(key);
      });
    this.#refreshing.set(key, refresh);
    return refresh;
  }
}
