import type { Operation } from '../deadline/budgets.ts';

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

/** Reads one whole number from the environment, recording a problem when it is invalid. */
export type IntegerReader = (name: string, fallback: number, min: number, max: number) => number;

/**
 * Reads the resilience settings (`PARCELGATE_ATTEMPT_TIMEOUT_*_MS`, `PARCELGATE_RETRY_*`,
 * `PARCELGATE_BREAKER_*`, `PARCELGATE_CARRIER_QUEUE_LIMIT`,
 * `PARCELGATE_CARRIER_QUEUE_TENANT_PERCENT`, `PARCELGATE_REPLICA_HEARTBEAT_MS`). The defaults suit carriers
 * answering in well under a second; per-carrier budgets and limits are read with the
 * carrier's other settings (`CARRIER_<ID>_*`).
 */
export function readResilienceConfig(integer: IntegerReader): ResilienceConfig {
  return {
    attemptTimeoutsMs: {
      // A read may try twice in its 2 s budget; an action is sent once in its whole budget.
      track: integer('PARCELGATE_ATTEMPT_TIMEOUT_TRACK_MS', 1_000, 50, 60_000),
      intercept: integer('PARCELGATE_ATTEMPT_TIMEOUT_INTERCEPT_MS', 60_000, 50, 60_000),
      redirect: integer('PARCELGATE_ATTEMPT_TIMEOUT_REDIRECT_MS', 60_000, 50, 60_000),
    },
    retry: {
      maxAttempts: integer('PARCELGATE_RETRY_MAX_ATTEMPTS', 3, 1, 10),
      baseDelayMs: integer('PARCELGATE_RETRY_BASE_DELAY_MS', 100, 0, 10_000),
      maxDelayMs: integer('PARCELGATE_RETRY_MAX_DELAY_MS', 1_000, 0, 60_000),
      minAttemptMs: integer('PARCELGATE_RETRY_MIN_ATTEMPT_MS', 100, 1, 10_000),
      budgetRatio: integer('PARCELGATE_RETRY_BUDGET_PERCENT', 10, 0, 100) / 100,
      budgetMinRetries: integer('PARCELGATE_RETRY_BUDGET_MIN_RETRIES', 10, 0, 100_000),
      budgetWindowMs: integer('PARCELGATE_RETRY_BUDGET_WINDOW_MS', 10_000, 1_000, 600_000),
    },
    breaker: {
      windowMs: integer('PARCELGATE_BREAKER_WINDOW_MS', 10_000, 1_000, 600_000),
      minCalls: integer('PARCELGATE_BREAKER_MIN_CALLS', 20, 1, 1_000_000),
      failureRatio: integer('PARCELGATE_BREAKER_FAILURE_PERCENT', 50, 1, 100) / 100,
      openMs: integer('PARCELGATE_BREAKER_OPEN_MS', 5_000, 100, 600_000),
      halfOpenProbes: integer('PARCELGATE_BREAKER_HALF_OPEN_PROBES', 1, 1, 100),
    },
    queueLimit: integer('PARCELGATE_CARRIER_QUEUE_LIMIT', 100, 0, 100_000),
    tenantQueueShare: integer('PARCELGATE_CARRIER_QUEUE_TENANT_PERCENT', 50, 1, 100) / 100,
    answerReserveMs: integer('PARCELGATE_ANSWER_RESERVE_MS', 100, 0, 5_000),
    replicaHeartbeatMs: integer('PARCELGATE_REPLICA_HEARTBEAT_MS', 1_000, 0, 60_000),
  };
}
