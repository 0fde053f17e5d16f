import type { CarrierContext, CarrierHttpResponse } from '../carrier-context.ts';
import { isCarrierError } from '../errors/carrier-error.ts';
import type { CachedToken, TokenCache } from './token-cache.ts';

/** Where an OAuth adapter's bearer tokens come from. */
export interface BearerTokenSource {
  /** The process-wide cache of the carrier's tokens. */
  readonly cache: TokenCache;
  /** This credential's key in it (`tokenCacheKey`). */
  readonly key: string;
  /** Asks the carrier's token endpoint for a new token. */
  fetchToken(): Promise<CachedToken>;
  /**
   * What a failure to get the token becomes: the call itself never left, so adapters
   * classify it `requestSent: false` (the gateway may then retry even a mutation).
   */
  notSent?(error: unknown): unknown;
}

/**
 * Sends one call with a bearer token from the cache. A 401 means the carrier refused the
 * token (expired early, revoked, issued by its other environment): the token is dropped,
 * one new one fetched, and the call sent once more; a second 401 is the caller's to
 * classify. Resending is safe even for mutations: carriers answer 401 before they process
 * anything.
 */
export async function sendWithBearerToken(
  ctx: CarrierContext,
  source: BearerTokenSource,
  send: (accessToken: string) => Promise<CarrierHttpResponse>,
): Promise<CarrierHttpResponse> {
  const first = await tokenFrom(ctx, source);
  const response = await send(first);
  if (response.status !== 401) {
    return response;
  }
  // Drain the refused answer so its connection goes back to the pool.
  await response.text().catch(() => '');
  source.cache.invalidate(source.key, first);
  return send(await tokenFrom(ctx, source));
}

async function tokenFrom(ctx: CarrierContext, source: BearerTokenSource): Promise<string> {
  try {
    const token = await source.cache.get(
      source.key,
      ctx.clock.now().getTime(),
      () => source.fetchToken(),
      (error) => !isCarrierError(error),
    );
    return token.accessToken;
  } catch (error) {
    if (ctx.signal.aborted) {
      throw ctx.signal.reason;
    }
    throw source.notSent === undefined ? error : source.notSent(error);
  }
}
