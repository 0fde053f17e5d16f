import type { ConfigValues } from './config-schema.ts';

/** How the background job follows intercepts and redirects whose outcome is not final. */
export interface ReconcileConfig {
  /** Delay before the first check; later checks back off from it (doubling, capped). */
  readonly intervalMs: number;
  /** How long an action may go without a status change before a person is asked to look. */
  readonly deadlineMs: number;
  /**
   * How long after its request an action whose outcome is unknown (sent, no answer; or
   * stored and never sent) may stay pending: then it is failed (never sent) or flagged.
   */
  readonly unknownOutcomeMs: number;
}

/** The reconciliation settings from the checked variables (schema/job-variables.ts). */
export function readReconcileConfig(values: ConfigValues): ReconcileConfig {
  return {
    intervalMs: values.PARCELGATE_RECONCILE_INTERVAL_MS,
    deadlineMs: values.PARCELGATE_RECONCILE_DEADLINE_MS,
    unknownOutcomeMs: values.PARCELGATE_RECONCILE_UNKNOWN_OUTCOME_MS,
  };
}
