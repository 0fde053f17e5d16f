import type { FeeAssessment } from '../policy/policy-types.ts';
import { attemptsAsArrays, type CarrierAttempt, insertAttemptsSql } from './attempts.ts';
import type { Queryable } from './database.ts';
import { announcedParams, announceSql, type NewEvent } from './events.ts';
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
 * What the caller believes an action is, for a change it presents from that belief: the
 * change applies only while these still hold. Every lifecycle change adds a transition, a
 * flag for a person sets `needs_attention`, and a tracking read may move `parcel_status`;
 * nothing else changes what the API shows of an action.
 */
export interface ExpectedAction {
  readonly status: string;
  readonly parcelStatus: string | null;
  readonly transitions: number;
}

/** What {@link transitionAction} also does in its statement. */
export interface TransitionOptions {
  /** The carrier attempts that led to the change, stored with it. */
  readonly attempts?: readonly CarrierAttempt[];
  /** When given, the change applies only if the action still is as expected. */
  readonly expected?: ExpectedAction;
  /** Events about the change, appended when (and only when) it applies. */
  readonly events?: readonly NewEvent[];
  /** The change's time (`updatedAt` and the transition's); now by default. */
  readonly at?: Date;
}

/**
 * Applies a lifecycle step and stores its transition, atomically, in one statement (a
 * data-modifying CTE): one round trip instead of three, on the answer path of every
 * intercept and redirect. The carrier attempts that led to it and its events, when given,
 * are stored by the same statement, so a caller that presents the action from what it
 * holds (`expected`) needs no transaction and no read. Returns whether the step applied:
 * false when the action is not there or no longer as expected, and then nothing was written.
 */
export async function transitionAction<Status extends string>(
  database: Queryable,
  table: ActionTable,
  id: string,
  change: ActionChange<Status>,
  options: TransitionOptions = {},
): Promise<boolean> {
  const { attempts = [], expected, events = [] } = options;
  const at = (options.at ?? new Date()).toISOString();
  let next = 10;
  const take = (count: number) => {
    const first = next;
    next += count;
    return first;
  };
  const guard =
    expected === undefined
      ? ''
      : (() => {
          const first = take(3);
          return ` AND status = $${first} AND NOT needs_attention
              AND parcel_status IS NOT DISTINCT FROM $${first + 1}
              AND (SELECT count(*) FROM transitions t WHERE t.action_id = $1) = $${first + 2}`;
        })();
  const logged =
    attempts.length === 0
      ? ''
      : `, logged AS (${insertAttemptsSql(take(10))} WHERE EXISTS (SELECT 1 FROM moved))`;
  const announced = events.length === 0 ? '' : `, announced AS (${announceSql('moved', take(6))})`;
  const rows = await database.query(
    `WITH moved AS (
       UPDATE ${table}
          SET status = $2,
              carrier_reference = COALESCE($3, carrier_reference),
              carrier_reason = COALESCE($4, carrier_reason),
              status_detail = $5,
              fee = COALESCE($6::jsonb, fee),
              policy_reasons = COALESCE($7::jsonb, policy_reasons),
              updated_at = $8
        WHERE id = $1${guard}
       RETURNING id
     )${logged}${announced}
     INSERT INTO transitions (action_id, status, cause, detail, at)
     SELECT id, $2, $9, $5, $8 FROM moved
     RETURNING action_id`,
    [
      id,
      change.status,
      change.carrierReference ?? null,
      change.carrierReason ?? null,
      change.statusDetail ?? null,
      change.fee === undefined ? null : JSON.stringify(change.fee),
      change.reasons === undefined ? null : JSON.stringify(change.reasons),
      at,
      change.cause,
      ...(expected === undefined
        ? []
        : [expected.status, expected.parcelStatus, expected.transitions]),
      ...(attempts.length === 0 ? [] : attemptsAsArrays(attempts)),
      ...(events.length === 0 ? [] : announcedParams(events)),
    ],
  );
  return rows.length > 0;
}
