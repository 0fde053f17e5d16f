import rateLimitPlugin from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ClientConfig, RateLimit } from '../config/client-config.ts';
import { ProblemError } from '../problems.ts';
import { type LimitPolicy, type PolicyState, rateLimitHeaders } from './rate-limit-headers.ts';
import { tokenBucketStore } from './token-bucket-store.ts';

/**
 * Counts API clients' requests (`src/http/authenticate.ts` calls it once it knows who is
 * asking). Each method sets `RateLimit-Policy` and `RateLimit` on the reply and throws a
 * `429 rate-limited` problem with Retry-After when a policy has nothing left.
 */
export interface ClientLimits {
  /** Counts a request without a valid key against its client address. */
  countAnonymous(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /**
   * Refuses, without counting, a key from an address that has used up its allowance of
   * failed requests: the key is not even looked up, so keys cannot be guessed faster.
   */
  guardAddress(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Counts an authenticated request against its API key, then its tenant. */
  countAuthenticated(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

type Limiter = (request: FastifyRequest, increment: boolean) => Promise<PolicyState>;

/**
 * Registers @fastify/rate-limit with token buckets (`token-bucket-store.ts`) and makes one
 * limiter per policy: per tenant and per key (`PARCELGATE_RATE_LIMIT_*`), per client address
 * (`req.ip`, IPv6 by /64) for requests without a valid key. Counts live in this process.
 */
export async function installClientLimits(
  app: FastifyInstance,
  config: ClientConfig,
  clock?: () => number,
): Promise<ClientLimits> {
  await app.register(rateLimitPlugin, { global: false, store: tokenBucketStore(clock) });
  const limiter = (
    policy: LimitPolicy,
    limit: RateLimit,
    keyOf?: (request: FastifyRequest) => string,
  ): Limiter => {
    const check = app.createRateLimit({
      max: limit.burst,
      timeWindow: Math.max(1, Math.round((limit.burst / limit.perSecond) * 1000)),
      ...(keyOf === undefined ? {} : { keyGenerator: keyOf }),
    });
    return async (request, increment) => {
      const result = await check(request, { increment });
      if (result.isAllowed) {
        return { policy, limit, remaining: limit.burst, resetSeconds: 0, exceeded: false };
      }
      return {
        policy,
        limit,
        remaining: result.remaining,
        resetSeconds: result.ttlInSeconds,
        exceeded: result.isExceeded,
      };
    };
  };
  const { rateLimits } = config;
  const address = limiter('address', rateLimits.address);
  const key = limiter('key', rateLimits.key, (request) => request.tenant.keyId);
  const tenant = limiter('tenant', rateLimits.tenant, (request) => request.tenant.id);

  return {
    async countAnonymous(request, reply) {
      settle(reply, [await address(request, true)]);
    },
    async guardAddress(request, reply) {
      const state = await address(request, false);
      if (state.remaining === 0) {
        settle(reply, [{ ...state, exceeded: true }]);
      }
    },
    async countAuthenticated(request, reply) {
      const byKey = await key(request, true);
      // A key over its own limit does not spend its tenant's.
      settle(reply, byKey.exceeded ? [byKey] : [byKey, await tenant(request, true)]);
    },
  };
}

function settle(reply: FastifyReply, states: readonly PolicyState[]): void {
  reply.headers(rateLimitHeaders(states));
  const exceeded = states.filter((state) => state.exceeded);
  if (exceeded.length === 0) {
    return;
  }
  const retryAfterSeconds = Math.max(1, ...exceeded.map((state) => state.resetSeconds));
  const policies = exceeded.map((state) => state.policy);
  throw new ProblemError(
    'rate-limited',
    `Too many requests for the ${policies.join(' and ')} limit; retry in ${retryAfterSeconds} s.`,
    { violatedPolicies: policies, retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
}
