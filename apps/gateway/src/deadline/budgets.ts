/** Carrier operations the gateway budgets. */
export type Operation = 'track' | 'intercept' | 'redirect';

/** How long an operation may take, and where that number came from. */
export interface Budget {
  readonly totalMs: number;
  /** Seconds asked for with `Prefer: wait=N`, when it tightened the budget (RFC 7240). */
  readonly preferWaitSeconds: number | undefined;
}

const PREFER_WAIT = /(?:^|[,;\s])wait\s*=\s*"?(\d+)"?/i;

/**
 * The budget for one request: the configured default for the operation, tightened (never
 * widened) by a `Prefer: wait=N` header (RFC 7240 §4.3, N in seconds).
 */
export function resolveBudget(
  operation: Operation,
  defaultsMs: Readonly<Record<Operation, number>>,
  preferHeader: string | undefined,
): Budget {
  const defaultMs = defaultsMs[operation];
  const match = preferHeader === undefined ? null : PREFER_WAIT.exec(preferHeader);
  if (match?.[1] === undefined) {
    return { totalMs: defaultMs, preferWaitSeconds: undefined };
  }
  const seconds = Number(match[1]);
  const preferredMs = seconds * 1000;
  return preferredMs < defaultMs
    ? { totalMs: Math.max(preferredMs, 1), preferWaitSeconds: seconds }
    : { totalMs: defaultMs, preferWaitSeconds: undefined };
}

/**
 * The budget less what the request already spent before its handler ran: in the gateway
 * (authentication, the Idempotency-Key claim, waiting for the event loop under load) and,
 * as estimated, in its socket before the gateway read it (`unseenWaitMs`, see
 * `unseen-wait.ts`). The budget is the client's, counted from when the request arrived, not
 * from the handler. Never below 1 ms, so a spent budget still produces a prompt timeout
 * answer.
 */
export function sinceArrival(budget: Budget, elapsedMs: number, unseenWaitMs = 0): Budget {
  return {
    ...budget,
    totalMs: Math.max(1, Math.round(budget.totalMs - elapsedMs - unseenWaitMs)),
  };
}
