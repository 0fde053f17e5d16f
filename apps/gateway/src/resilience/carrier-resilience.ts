import {
  type RateLimits,
  supportedOperations,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import type { GatewayConfig } from '../config/gateway-config.ts';
import type { Operation } from '../deadline/budgets.ts';
import type { AttemptSink, AttemptTracer } from './call-carrier.ts';
import { CarrierLimiter } from './carrier-limiter.ts';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.ts';
import { type ClusterSeat, type LimitShare, SOLE_SEAT } from './limit-shares.ts';
import type { ResilientCallResult } from './resilient-call.ts';
import { RetryBudget } from './retry-budget.ts';
import type { RetryTuning } from './retry-policy.ts';
import { type MonotonicClock, monotonicNow } from './sliding-window.ts';
import { TrackingCache } from './tracking-cache.ts';

/** Everything that protects one carrier account: shared by every request to it. */
export interface CarrierResilience {
  readonly carrierId: string;
  /** The account's connection id; null for the deployment's shared account. */
  readonly connectionId: string | null;
  /** The operations the carrier supports: only these have a circuit worth showing. */
  readonly operations: readonly Operation[];
  /** The gateway's default budgets with this carrier's overrides. */
  readonly budgetsMs: Readonly<Record<Operation, number>>;
  readonly attemptTimeoutsMs: Readonly<Record<Operation, number>>;
  /** Told about every attempt once it is classified (metrics, the attempts table). */
  readonly onAttempt: AttemptSink;
  /** Traces every attempt; undefined when tracing is off. */
  readonly tracer: AttemptTracer | undefined;
  readonly tuning: RetryTuning;
  readonly limiter: CarrierLimiter;
  readonly retryBudget: RetryBudget;
  readonly breakers: Readonly<Record<Operation, CircuitBreaker>>;
  readonly tracking: TrackingCache<ResilientCallResult<TrackingSnapshot>>;
  /** Uniform in [0, 1); injectable so jitter is testable. */
  readonly random: () => number;
}

/** The resilience state of every carrier account in use. */
export interface ResilienceRegistry {
  /**
   * The state of one carrier account (the shared one or a tenant's connection), made on
   * first use: each account has its own limiter, breakers, retry budget and tracking
   * cache, so one merchant's bad credentials or burst never trips another's calls.
   */
  of(carrier: RegisteredCarrier): CarrierResilience;
  /**
   * A carrier's budgets (the gateway's defaults with its `CARRIER_<ID>_BUDGET_*_MS`); the
   * defaults for an id that is not loaded, whose request fails later with a 404 anyway.
   */
  budgetsMs(carrierId: string): Readonly<Record<Operation, number>>;
  /**
   * Every account's circuit states per supported operation, for `/metrics` (`connection`
   * is `shared` or the connection's id).
   */
  circuits(): { carrier: string; connection: string; operation: Operation; state: CircuitState }[];
  /**
   * Moves every account's limiter to this replica's seat among the replicas sharing the
   * database (null: no share), and limiters made later too. `growAtOnce`: a larger share
   * needs no wait (see CarrierLimiter.setSeat).
   */
  setSeat(seat: ClusterSeat | null, growAtOnce?: boolean): void;
  /** The longest wait before a larger share applies (0: none is waiting). */
  growthMs(): number;
  /** Whether every account's running calls fit its current share. */
  settled(): boolean;
  /** Every account's current share, for `/metrics`. */
  shares(): { carrier: string; connection: string; share: LimitShare }[];
  /** Drops calls still waiting for a slot (at shutdown). */
  close(): void;
}

/** Where attempts are reported, and test hooks: a fake clock and a fixed random source. */
export interface ResilienceHooks {
  /** Told about every carrier attempt (wired by the app to metrics and the store). */
  readonly onAttempt?: AttemptSink;
  /** Traces every carrier attempt (wired by the app when tracing is on). */
  readonly tracer?: AttemptTracer | undefined;
  readonly now?: MonotonicClock;
  readonly random?: () => number;
}

/**
 * Builds each carrier account's limiter, retry budget, breakers and tracking cache from
 * config: the shared accounts at once, tenants' connections on first use.
 */
export function createResilienceRegistry(
  config: GatewayConfig,
  carriers: readonly RegisteredCarrier[],
  hooks: ResilienceHooks = {},
): ResilienceRegistry {
  const now = hooks.now ?? monotonicNow;
  const random = hooks.random ?? Math.random;
  const { resilience } = config;
  const states = new Map<string, CarrierResilience>();
  let seat: ClusterSeat | null = SOLE_SEAT;
  const onAttempt = hooks.onAttempt ?? (async () => {});
  const budgetsOf = new Map(
    carriers.map((carrier) => [
      carrier.definition.id,
      { ...config.budgetsMs, ...carrier.settings.overrides.budgetsMs },
    ]),
  );
  const create = (carrier: RegisteredCarrier): CarrierResilience => {
    const { id } = carrier.definition;
    const overrides = carrier.settings.overrides;
    const rateLimits: RateLimits = {
      ...carrier.definition.capabilities.rateLimits,
      ...overrides.rateLimits,
    };
    const breaker = () => new CircuitBreaker({ ...resilience.breaker, now });
    return {
      carrierId: id,
      connectionId: carrier.account.connectionId,
      operations: supportedOperations(carrier.definition.capabilities),
      budgetsMs: { ...config.budgetsMs, ...overrides.budgetsMs },
      attemptTimeoutsMs: resilience.attemptTimeoutsMs,
      onAttempt,
      tracer: hooks.tracer,
      tuning: resilience.retry,
      limiter: new CarrierLimiter({
        rateLimits,
        queueLimit: resilience.queueLimit,
        tenantShare: resilience.tenantQueueShare,
        seat,
      }),
      retryBudget: new RetryBudget({
        ratio: resilience.retry.budgetRatio,
        minRetries: resilience.retry.budgetMinRetries,
        windowMs: resilience.retry.budgetWindowMs,
        now,
      }),
      breakers: { track: breaker(), intercept: breaker(), redirect: breaker() },
      tracking: new TrackingCache({
        ttlMs: config.trackingCacheTtlMs,
        cacheable: (result) => result.ok,
        now,
      }),
      random,
    };
  };
  for (const carrier of carriers) {
    states.set(carrier.account.key, create(carrier));
  }
  return {
    of(carrier) {
      let state = states.get(carrier.account.key);
      if (state === undefined) {
        state = create(carrier);
        states.set(carrier.account.key, state);
      }
      return state;
    },
    budgetsMs(carrierId) {
      return budgetsOf.get(carrierId) ?? config.budgetsMs;
    },
    circuits() {
      return [...states.values()].flatMap((state) =>
        state.operations.map((operation) => ({
          carrier: state.carrierId,
          connection: state.connectionId ?? 'shared',
          operation,
          state: state.breakers[operation].state(),
        })),
      );
    },
    setSeat(next, growAtOnce = false) {
      seat = next;
      for (const state of states.values()) {
        state.limiter.setSeat(next, growAtOnce);
      }
    },
    growthMs() {
      let longest = 0;
      for (const state of states.values()) {
        if (state.limiter.growing) {
          longest = Math.max(longest, state.limiter.share.window?.intervalMs ?? 0);
        }
      }
      return longest;
    },
    settled() {
      return [...states.values()].every((state) => state.limiter.settled);
    },
    shares() {
      return [...states.values()].map((state) => ({
        carrier: state.carrierId,
        connection: state.connectionId ?? 'shared',
        share: state.limiter.share,
      }));
    },
    close() {
      for (const state of states.values()) {
        state.limiter.clear();
      }
    },
  };
}
