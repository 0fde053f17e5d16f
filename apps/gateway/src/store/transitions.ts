import type { Queryable } from './database.ts';
import type { IdempotencyScope } from './idempotency.ts';

/** What caused a lifecycle transition (docs/lifecycle.md: every transition is stored with its cause). */
export type TransitionCause =
  | 'request'
  | 'policy'
  | 'carrier_answer'
  | 'carrier_unreachable'
  | 'outcome_unknown'
  | 'callback'
  | 'tracking'
  | 'reconciliation'
  | 'merchant'
  | 'rule';

/** One stored transition. */
export interface Transition {
  readonly status: string;
  readonly at: Date;
  readonly cause: TransitionCause;
  readonly detail: string | null;
}

/** Appends a transition to an intercept's or redirect's history. */
export async function addTransition(
  db: Queryable,
  actionId: string,
  transition: {
    readonly status: string;
    readonly cause: TransitionCause;
    readonly detail?: string;
  },
): Promise<void> {
  await db.query(
    'INSERT INTO transitions (action_id, status, cause, detail) VALUES ($1, $2, $3, $4)',
    [actionId, transition.status, transition.cause, transition.detail ?? null],
  );
}

/** An action's first transition, stored with it. */
export interface FirstTransition {
  readonly status: string;
  readonly cause: TransitionCause;
  readonly detail: string | null;
}

/**
 * Turns `INSERT INTO <actions> ... VALUES (...)` into one statement that also stores the
 * action's first transition and, given the request's Idempotency-Key claim, ties the claim
 * to it (data-modifying CTEs): atomic like a transaction, so a crash never leaves an action
 * its key does not know of (a takeover would then create a second one), in one round trip.
 */
export function withFirstTransition(
  insert: string,
  params: readonly unknown[],
  first: FirstTransition,
  claim?: IdempotencyScope,
): { readonly text: string; readonly params: unknown[] } {
  const at = params.length;
  const tie =
    claim === undefined
      ? ''
      : `, tied AS (UPDATE idempotency_keys SET action_id = created.id FROM created
          WHERE tenant_id = $${at + 4} AND idempotency_key = $${at + 5})`;
  return {
    text: `WITH created AS (${insert} RETURNING id)${tie}
      INSERT INTO transitions (action_id, status, cause, detail)
      SELECT id, $${at + 1}, $${at + 2}, $${at + 3} FROM created`,
    params: [
      ...params,
      first.status,
      first.cause,
      first.detail,
      ...(claim === undefined ? [] : [claim.tenantId, claim.key]),
    ],
  };
}

/** The transitions of many actions at once, oldest first, grouped by action. */
export async function listTransitionsOf(
  db: Queryable,
  actionIds: readonly string[],
): Promise<Map<string, Transition[]>> {
  const rows = await db.query<Transition & { actionId: string }>(
    `SELECT action_id AS "actionId", status, at, cause, detail FROM transitions
      WHERE action_id = ANY($1::text[]) ORDER BY id`,
    [actionIds],
  );
  return groupByAction(rows);
}

/** Groups rows by their `actionId`, keeping their order. */
export function groupByAction<Row extends { actionId: string | null }>(
  rows: readonly Row[],
): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.actionId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}
