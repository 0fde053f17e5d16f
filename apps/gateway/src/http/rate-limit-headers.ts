import type { RateLimit } from '../config/client-config.ts';

/** The quota policies a request is counted against (`src/http/client-limits.ts`). */
export type LimitPolicy = 'tenant' | 'key' | 'address';

/** Where one policy stands after a request was counted. */
export interface PolicyState {
  readonly policy: LimitPolicy;
  readonly limit: RateLimit;
  /** Requests left right now. */
  readonly remaining: number;
  /** Whole seconds until one more request is allowed (at least 1 while any token is in use). */
  readonly resetSeconds: number;
  readonly exceeded: boolean;
}

/**
 * A token bucket as a quota policy of draft-ietf-httpapi-ratelimit-headers: the bucket
 * (`q`, the burst) over the seconds it takes to refill (`w`, rounded up so the advertised
 * rate is never above the real one).
 */
export function policyItem(policy: LimitPolicy, limit: RateLimit): string {
  const window = Math.max(1, Math.ceil(limit.burst / limit.perSecond));
  return `"${policy}";q=${limit.burst};w=${window}`;
}

/**
 * `RateLimit-Policy` and `RateLimit` (structured-field lists, one item per policy) for the
 * policies a request was counted against, e.g. `"tenant";q=100;w=2` and
 * `"tenant";r=42;t=1`.
 */
export function rateLimitHeaders(states: readonly PolicyState[]): Record<string, string> {
  return {
    'ratelimit-policy': states.map((state) => policyItem(state.policy, state.limit)).join(', '),
    ratelimit: states
      .map((state) => `"${state.policy}";r=${state.remaining};t=${state.resetSeconds}`)
      .join(', '),
  };
}
