import type { Queryable } from './database.ts';
import type { IdempotencyScope } from './idempotency.ts';

/** What caused a lifecycle transition (design.md: every transition is stored with its cause). */
export type TransitionCause =
  | 'request'
  | 'policy'
  | 'carrier_answer'
  | 'carrier_unreachable'
  | 'outcome_unknown'
  | 'callback'
  | 'tracking'
  | 'reconciliation'
  | 'merchant';

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
  subjectId: string,
  transition: {
    readonly status: string;
    readonly cause: TransitionCause;
    readonly detail?: string;
  },
): Promise<void> {
  await db.query(
    'INSERT INTO transitions (subject_id, status, cause, detail) VALUES ($1, $2, $3, $4)',
    [subjectId, transition.status, transition.cause, transition.detail ?? null],
  );
}

/** A subject's first transition, stored with it. */
export interface FirstTransition {
  readonly status: string;
  readonly cause: TransitionCause;
  readonly detail: string | null;
}

/**
 * Turns `INSERT INTO <subjects> ... VALUES (...)` into one statement that also stores the
 * subject's first transition and, given the request's Idempotency-Key claim, ties the claim
 * to it (data-modifying CTEs): atomic like a transaction, so a crash never leaves a subject
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
      : `, tied AS (UPDATE idempotency_keys SET subject_id = created.id FROM created
          WHERE tenant_id = $${at + 4} AND idempotency_key = $${at + 5})`;
  return {
    text: `WITH created AS (${insert} RETURNING id)${tie}
      INSERT INTO transitions (subject_id, status, cause, detail)
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

/** A subject's transitions, oldest first. */
export async function listTransitions(db: Queryable, subjectId: string): Promise<Transition[]> {
  return db.query<Transition>(
    'SELECT status, at, cause, detail FROM transitions WHERE subject_id = $1 ORDER BY id',
    [subjectId],
  );
}

/** The transitions of many subjects at once, oldest first, grouped by subject. */
export async function listTransitionsOf(
  db: Queryable,
  subjectIds: readonly string[],
): Promise<Map<string, Transition[]>> {
  const rows = await db.query<Transition & { subjectId: string }>(
    `SELECT subject_id AS "subjectId", status, at, cause, detail FROM transitions
      WHERE subject_id = ANY($1::text[]) ORDER BY id`,
    [subjectIds],
  );
  return groupBySubject(rows);
}

/** Groups rows by their `subjectId`, keeping their order. */
export function groupBySubject<Row extends { subjectId: string | null }>(
  rows: readonly Row[],
): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.subjectId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}
