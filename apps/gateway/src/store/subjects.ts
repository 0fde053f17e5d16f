import type { FeeAssessment } from '../policy/policy-types.ts';
import type { Database, Queryable } from './database.ts';
import { addTransition, type TransitionCause } from './transitions.ts';

/** The tables holding intercepts and redirects, which share their lifecycle columns. */
export type SubjectTable = 'intercepts' | 'redirects';

/** Fields a carrier answer or a later event may change on an intercept or redirect. */
export interface SubjectUpdate<Status extends string> {
  readonly status: Status;
  readonly carrierReference?: string | undefined;
  readonly carrierReason?: string | undefined;
  readonly statusDetail?: string | undefined;
  readonly fee?: FeeAssessment | undefined;
}

/** Moves an intercept or redirect to a new status, keeping fields the update does not mention. */
export async function updateSubject<Status extends string>(
  db: Queryable,
  table: SubjectTable,
  id: string,
  update: SubjectUpdate<Status>,
): Promise<void> {
  await db.query(
    `UPDATE ${table}
        SET status = $2,
            carrier_reference = COALESCE($3, carrier_reference),
            carrier_reason = COALESCE($4, carrier_reason),
            status_detail = $5,
            fee = COALESCE($6::jsonb, fee),
            updated_at = $7
      WHERE id = $1`,
    [
      id,
      update.status,
      update.carrierReference ?? null,
      update.carrierReason ?? null,
      update.statusDetail ?? null,
      update.fee === undefined ? null : JSON.stringify(update.fee),
      new Date().toISOString(),
    ],
  );
}

/** Postgres' unique_violation code. */
export const UNIQUE_VIOLATION = '23505';

/** Whether a database error is a unique violation (a live subject already holds the parcel). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}

/** A lifecycle step: the new status, its cause, and what the carrier said. */
export interface SubjectChange<Status extends string> extends SubjectUpdate<Status> {
  readonly cause: TransitionCause;
  /** Replaces the stored reasons (a carrier refusal, in the policy vocabulary). */
  readonly reasons?: readonly { readonly code: string; readonly message: string }[] | undefined;
}

/** Applies a lifecycle step and stores its transition, in one transaction. */
export async function transitionSubject<Status extends string>(
  database: Database,
  table: SubjectTable,
  id: string,
  change: SubjectChange<Status>,
): Promise<void> {
  await database.transaction(async (tx) => {
    await updateSubject(tx, table, id, change);
    if (change.reasons !== undefined) {
      await tx.query(`UPDATE ${table} SET policy_reasons = $2::jsonb WHERE id = $1`, [
        id,
        JSON.stringify(change.reasons),
      ]);
    }
    await addTransition(tx, id, {
      status: change.status,
      cause: change.cause,
      ...(change.statusDetail === undefined ? {} : { detail: change.statusDetail }),
    });
  });
}
