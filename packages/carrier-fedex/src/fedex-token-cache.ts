import { createHash } from 'node:crypto';

/** An access token and the instant (epoch ms, by `ctx.clock`) it stops being used. */
export interface CachedToken {
  readonly accessToken: string;
  readonly expiresAt: number;
}

/** Who a token belongs to; the secret is only ever hashed. */
export interface TokenOwner {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * Access tokens per FedEx project, shared by every request of the process (the gateway
 * builds a context per request, so the cache cannot live in one). One refresh at a time
 * per project: callers arriving while a token is being fetched wait for that fetch
 * instead of starting their own, because FedEx throttles its token endpoint per client
 * address on top of the project's 1,400 calls per 10 s.
 *
 * The key is the client id and a SHA-256 of the secret: a rotated secret gets a new
 * entry, and the raw secret is never held as a key. A token another FedEx environment
 * issued is refused with a 401, which refreshes it (see `sendFedexRequest`).
 */
export class FedexTokenCache {
  readonly #tokens = new Map<string, CachedToken>();
  readonly #refreshing = new Map<string, Promise<CachedToken>>();

  /** The cache key of an owner. */
  static keyOf(owner: TokenOwner): string {
    const secretHash = createHash('sha256').update(owner.clientSecret).digest('hex');
    return `${owner.clientId}\u0000${secretHash}`;
  }

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
   * Forgets `staleToken` after FedEx refused it (`NOT.AUTHORIZED.ERROR`, "Access token
   * expired"). A token that was already replaced stays: many requests failing with the
   * same old token cause one refresh, not one each.
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

/** The cache every FedEx call in this process shares. */
export const fedexTokenCache = new FedexTokenCache();
