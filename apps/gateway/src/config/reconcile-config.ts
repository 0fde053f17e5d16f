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

/** Reads one whole number from the environment, recording a problem when it is invalid. */
type ReadInteger = (name: string, fallback: number, min: number, max: number) => number;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads `PARCELGATE_RECONCILE_INTERVAL_MS` (default 30 s),
 * `PARCELGATE_RECONCILE_DEADLINE_MS` (default 48 h) and
 * `PARCELGATE_RECONCILE_UNKNOWN_OUTCOME_MS` (default 2 min). A deadline shorter than the
 * interval would flag actions before they were ever checked, so it is a problem.
 */
export function readReconcileConfig(integer: ReadInteger, problems: string[]): ReconcileConfig {
  const intervalMs = integer('PARCELGATE_RECONCILE_INTERVAL_MS', 30_000, 100, DAY_MS);
  const deadlineMs = integer('PARCELGATE_RECONCILE_DEADLINE_MS', 2 * DAY_MS, 1_000, 90 * DAY_MS);
  if (deadlineMs < intervalMs) {
    problems.push(
      `PARCELGATE_RECONCILE_DEADLINE_MS (${deadlineMs}) must not be shorter than PARCELGATE_RECONCILE_INTERVAL_MS (${intervalMs})`,
    );
  }
  const unknownOutcomeMs = integer(
    'PARCELGATE_RECONCILE_UNKNOWN_OUTCOME_MS',
    2 * 60_000,
    1_000,
    DAY_MS,
  );
  return { intervalMs, deadlineMs, unknownOutcomeMs };
}
