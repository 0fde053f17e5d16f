import type { Queryable } from './database.ts';
import { announcedParams, announceSql, type NewEvent } from './events.ts';
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
  /**
   * When it happened; the action's `createdAt` when the caller presents the action from
   * what it stored (its `created` event), the database's clock otherwise.
   */
  readonly at?: Date;
}

/**
 * Turns `INSERT INTO <actions> ... VALUES (...)` into one statement that also stores the
 * action's first transition, given the request's Idempotency-Key claim ties the claim to
 * it, and appends the `events` about it (data-modifying CTEs): atomic like a transaction,
 * so a crash never leaves an action its key does not know of (a takeover would then create
 * a second one), nor an action without its event, in one round trip.
 */
export function withFirstTransition(
  insert: string,
  params: readonly unknown[],
  first: FirstTransition,
  claim?: IdempotencyScope,
  events: readonly NewEvent[] = [],
): { readonly text: string; readonly params: unknown[] } {
  const at = params.length;
  const tie =
    claim === undefined
      ? ''
      : `, tied AS (UPDATE idempotency_keys SET action_id = created.id FROM created
          WHERE tenant_id = $${at + 5} AND idempotency_key = $${at + 6})`;
  const afterClaim = at + 4 + (claim === undefined ? 0 : 2);
  const announced =
    events.length === 0 ? '' : `, announced AS (${announceSql('created', afterClaim + 1)})`;
  return {
    text: `WITH created AS (${insert} RETURNING id)${tie}${announced}
      INSERT INTO transitions (action_id, status, cause, detail, at)
      SELECT id, $${at + 1}, $${at + 2}, $${at + 3}, coalesce($${at + 4}::timestamptz, now())
        FROM created`,
    params: [
      ...params,
      first.status,
      first.cause,
      first.detail,
      first.at?.toISOString() ?? null,
      ...(claim === undefined ? [] : [claim.tenantId, claim.key]),
      ...(events.length === 0 ? [] : announcedParams(events)),
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
