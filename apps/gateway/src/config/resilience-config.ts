import type { Operation } from '../deadline/budgets.ts';
import type { ConfigValues } from './config-schema.ts';

/** How the gateway retries, breaks circuits and queues calls; one set for every carrier. */
export interface ResilienceConfig {
  /** Longest single attempt per operation; each attempt gets the smaller of this and what is left. */
  readonly attemptTimeoutsMs: Readonly<Record<Operation, number>>;
  readonly retry: {
    readonly maxAttempts: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    readonly minAttemptMs: number;
    /** Retries at most this share of a carrier's calls over the window (0.1: 10 %). */
    readonly budgetRatio: number;
    /** Retries always allowed per window, so a quiet carrier can still be retried. */
    readonly budgetMinRetries: number;
    readonly budgetWindowMs: number;
  };
  readonly breaker: {
    readonly windowMs: number;
    readonly minCalls: number;
    readonly failureRatio: number;
    readonly openMs: number;
    readonly halfOpenProbes: number;
  };
  /** Calls that may wait for a carrier slot before new ones are refused with 503. */
  readonly queueLimit: number;
  /**
   * The share of an account's queue one tenant may fill (0.5: half), so a tenant's burst
   * on a shared account leaves room for the others' calls; within the queue, tenants take
   * turns.
   */
  readonly tenantQueueShare: number;
  /**
   * Kept back from every budget for what follows the carrier's answer (storing the attempt
   * and the outcome, queueing its reconciliation, answering), so the response, not just
   * the carrier call, arrives within the budget.
   */
  readonly answerReserveMs: number;
  /**
   * Between two heartbeats of a replica on PostgreSQL, by which the replicas split every
   * carrier account's limits (ADR 0009); 0 turns the split off (each replica applies the
   * whole limits, as on the embedded database).
   */
  readonly replicaHeartbeatMs: number;
}

/**
 * The resilience settings from the checked variables (schema/resilience-variables.ts).
 * Per-carrier budgets and limits are read with the carrier's other variables
 * (`CARRIER_<ID>_*`, schema/carrier-account-variables.ts).
 */
export function readResilienceConfig(values: ConfigValues): ResilienceConfig {
  return {
    attemptTimeoutsMs: {
      track: values.PARCELGATE_ATTEMPT_TIMEOUT_TRACK_MS,
      intercept: values.PARCELGATE_ATTEMPT_TIMEOUT_INTERCEPT_MS,
      redirect: values.PARCELGATE_ATTEMPT_TIMEOUT_REDIRECT_MS,
    },
    retry: {
      maxAttempts: values.PARCELGATE_RETRY_MAX_ATTEMPTS,
      baseDelayMs: values.PARCELGATE_RETRY_BASE_DELAY_MS,
      maxDelayMs: values.PARCELGATE_RETRY_MAX_DELAY_MS,
      minAttemptMs: values.PARCELGATE_RETRY_MIN_ATTEMPT_MS,
      budgetRatio: values.PARCELGATE_RETRY_BUDGET_PERCENT / 100,
      budgetMinRetries: values.PARCELGATE_RETRY_BUDGET_MIN_RETRIES,
      budgetWindowMs: values.PARCELGATE_RETRY_BUDGET_WINDOW_MS,
    },
    breaker: {
      windowMs: values.PARCELGATE_BREAKER_WINDOW_MS,
      minCalls: values.PARCELGATE_BREAKER_MIN_CALLS,
      failureRatio: values.PARCELGATE_BREAKER_FAILURE_PERCENT / 100,
      openMs: values.PARCELGATE_BREAKER_OPEN_MS,
      halfOpenProbes: values.PARCELGATE_BREAKER_HALF_OPEN_PROBES,
    },
    queueLimit: values.PARCELGATE_CARRIER_QUEUE_LIMIT,
    tenantQueueShare: values.PARCELGATE_CARRIER_QUEUE_TENANT_PERCENT / 100,
    answerReserveMs: values.PARCELGATE_ANSWER_RESERVE_MS,
    replicaHeartbeatMs: values.PARCELGATE_REPLICA_HEARTBEAT_MS,
  };
}
