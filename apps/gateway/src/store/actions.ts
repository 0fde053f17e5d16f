import type { FeeAssessment } from '../policy/policy-types.ts';
import { attemptsAsArrays, type CarrierAttempt, insertAttemptsSql } from './attempts.ts';
import type { Queryable } from './database.ts';
import type { TransitionCause } from './transitions.ts';

/** The tables holding intercepts and redirects, which share their lifecycle columns. */
export type ActionTable = 'intercepts' | 'redirects';

/** Fields a carrier answer or a later event may change on an intercept or redirect. */
export interface ActionUpdate<Status extends string> {
  readonly status: Status;
  readonly carrierReference?: string | undefined;
  readonly carrierReason?: string | undefined;
  readonly statusDetail?: string | undefined;
  readonly fee?: FeeAssessment | undefined;
}

/** Moves an intercept or redirect to a new status, keeping fields the update does not mention. */
export async function updateAction<Status extends string>(
  db: Queryable,
  table: ActionTable,
  id: string,
  update: ActionUpdate<Status>,
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

/** Whether a database error is a unique violation (a live action already holds the parcel). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}

/** A lifecycle step: the new status, its cause, and what the carrier said. */
export interface ActionChange<Status extends string> extends ActionUpdate<Status> {
  readonly cause: TransitionCause;
  /** Replaces the stored reasons (a carrier refusal, in the policy vocabulary). */
  readonly reasons?: readonly { readonly code: string; readonly message: string }[] | undefined;
}

/**
 * Applies a lifecycle step and stores its transition, atomically, in one statement (a
 * data-modifying CTE): one round trip instead of three, on the answer path of every
 * intercept and redirect. The carrier attempts that led to it, when given, are stored by
 * the same statement. Its caller runs it in the transaction that writes the step's event.
 */
export async function transitionAction<Status extends string>(
  database: Queryable,
  table: ActionTable,
  id: string,
  change: ActionChange<Status>,
  attempts: readonly CarrierAttempt[] = [],
): Promise<void> {
  const logged = attempts.length === 0 ? '' : `, logged AS (${insertAttemptsSql(10)})`;
  await database.query(
    `WITH moved AS (
       UPDATE ${table}
          SET status = $2,
              carrier_reference = COALESCE($3, carrier_reference),
              carrier_reason = COALESCE($4, carrier_reason),
              status_detail = $5,
              fee = COALESCE($6::jsonb, fee),
              policy_reasons = COALESCE($7::jsonb, policy_reasons),
              updated_at = $8
        WHERE id = $1
       RETURNING id
     )${logged}
     INSERT INTO transitions (action_id, status, cause, detail)
     SELECT id, $2, $9, $5 FROM moved`,
    [
      id,
      change.status,
      change.carrierReference ?? null,
      change.carrierReason ?? null,
      change.statusDetail ?? null,
      change.fee === undefined ? null : JSON.stringify(change.fee),
      change.reasons === undefined ? null : JSON.stringify(change.reasons),
      new Date().toISOString(),
      change.cause,
      ...(attempts.length === 0 ? [] : attemptsAsArrays(attempts)),
    ],
  );
}
