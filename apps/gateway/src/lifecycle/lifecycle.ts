import type { ActionTable } from '../store/actions.ts';

/**
 * Where each status stands on its action's forward path. A status with a rank can only be
 * followed by a higher one; `final` statuses end the path (docs/lifecycle.md).
 */
const FORWARD: Readonly<Record<ActionTable, readonly string[]>> = {
  intercepts: ['pending', 'accepted', 'returning', 'returned'],
  redirects: ['pending', 'accepted', 'redirected'],
};

const FINAL: Readonly<Record<ActionTable, ReadonlySet<string>>> = {
  intercepts: new Set(['returned', 'rejected', 'failed', 'cancelled']),
  redirects: new Set(['redirected', 'rejected', 'failed', 'cancelled']),
};

/** Whether nothing follows this status: reconciliation stops there. */
export function isFinalStatus(table: ActionTable, status: string): boolean {
  return FINAL[table].has(status);
}

/** The statuses still followed by the job, for SQL filters. */
export function openStatuses(table: ActionTable): readonly string[] {
  return FORWARD[table].filter((status) => !isFinalStatus(table, status));
}

/**
 * The forward steps from `from` to `to`, one per status in between, so each transition is
 * stored (pending -> returned stores accepted, returning and returned). Empty when `to` is
 * not ahead of `from`: reconciliation never moves an action backwards.
 */
export function forwardPath(table: ActionTable, from: string, to: string): string[] {
  const path = FORWARD[table];
  const start = path.indexOf(from);
  const end = path.indexOf(to);
  if (start === -1 || end === -1 || end <= start) {
    return [];
  }
  return path.slice(start + 1, end + 1);
}
