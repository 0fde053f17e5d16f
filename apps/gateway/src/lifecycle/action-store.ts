import type { Address } from '@parcelgate/carrier-kit';
import { type ActionTable, updateAction } from '../store/actions.ts';
import type { Database, Queryable } from '../store/database.ts';
import { recordParcelStatus } from '../store/events.ts';
import { releaseRedirectQuota } from '../store/redirects.ts';
import type { TransitionCause } from '../store/transitions.ts';
import { addTransition } from '../store/transitions.ts';
import { eventKindOf, recordActionEvents, recordStatusEvent } from './action-events.ts';
import type { ReconcileStep } from './decide-reconciliation.ts';
import { isFinalStatus, openStatuses } from './lifecycle.ts';

/** An intercept or redirect as the reconciliation job reads it. */
export interface ReconcileAction {
  readonly table: ActionTable;
  readonly id: string;
  readonly tenantId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly status: string;
  readonly carrierReference: string | null;
  /** Redirects only: the order whose quota a redirect that did not happen gives back. */
  readonly orderRef: string | null;
  /** Redirects only. */
  readonly newAddress: Address | null;
  readonly needsAttention: boolean;
  /** Carrier extras given with the request, sent again on every check. */
  readonly phoneLastDigits: string | null;
  readonly carrierOptions: Readonly<Record<string, string>> | null;
  /** The tenant's connection it went through; null for the shared account. */
  readonly connectionId: string | null;
  /** When the status last changed (every transition sets it). */
  readonly updatedAt: Date;
  /** When it was requested. */
  readonly createdAt: Date;
  /** Why it is in its status: the cause of its latest transition. */
  readonly lastCause: TransitionCause | null;
  /** How many times the gateway sent it to the carrier (its own operation's attempts). */
  readonly sentAttempts: number;
}

function actionColumns(table: ActionTable): string {
  const extra =
    table === 'redirects'
      ? `order_ref AS "orderRef", new_address AS "newAddress"`
      : `NULL AS "orderRef", NULL AS "newAddress"`;
  const operation = table === 'intercepts' ? 'intercept' : 'redirect';
  return `id, tenant_id AS "tenantId", carrier, tracking_number AS "trackingNumber", status,
    carrier_reference AS "carrierReference", needs_attention AS "needsAttention",
    phone_last_digits AS "phoneLastDigits", carrier_options AS "carrierOptions",
    connection_id AS "connectionId", updated_at AS "updatedAt", created_at AS "createdAt",
    (SELECT t.cause FROM transitions t WHERE t.action_id = ${table}.id
      ORDER BY t.id DESC LIMIT 1) AS "lastCause",
    (SELECT count(*)::int FROM carrier_attempts a
      WHERE a.action_id = ${table}.id AND a.operation = '${operation}') AS "sentAttempts",
    ${extra}`;
}

/** Reads one action by id, whatever its tenant: the job acts for the system. */
export async function loadAction(
  db: Queryable,
  table: ActionTable,
  id: string,
): Promise<ReconcileAction | undefined> {
  const [row] = await db.query<Omit<ReconcileAction, 'table'>>(
    `SELECT ${actionColumns(table)} FROM ${table} WHERE id = $1`,
    [id],
  );
  return row === undefined ? undefined : { ...row, table };
}

/**
 * The intercepts and redirects of one parcel that are still open and went through one
 * carrier account (`connectionId`, null for the shared one): a carrier's push names a
 * parcel, not a tenant, and is verified with one account's secret, so it may only move
 * what was asked through that account. Otherwise a tenant holding its own account's push
 * secret could forge outcomes for another tenant's intercepts.
 */
export async function loadOpenActionsOfParcel(
  db: Queryable,
  carrier: string,
  trackingNumber: string,
  connectionId: string | null,
): Promise<ReconcileAction[]> {
  const load = async (table: ActionTable) => {
    const rows = await db.query<Omit<ReconcileAction, 'table'>>(
      `SELECT ${actionColumns(table)} FROM ${table}
        WHERE carrier = $1 AND tracking_number = $2 AND status IN (${inList(openStatuses(table))})
          AND connection_id IS NOT DISTINCT FROM $3
        ORDER BY created_at`,
      [carrier, trackingNumber, connectionId],
    );
    return rows.map((row) => ({ ...row, table }));
  };
  return [...(await load('intercepts')), ...(await load('redirects'))];
}

function inList(statuses: readonly string[]): string {
  return statuses.map((status) => `'${status}'`).join(', ');
}

/**
 * Stores the steps of one decision, each as a transition, in one transaction, but only if
 * the action still has the status the decision was made from: the row is locked and
 * compared first, so a stale job (or a callback that got there first) can never overwrite
 * a newer state. Returns false, storing nothing, when the status had moved on.
 */
export async function applySteps(
  database: Database,
  action: ReconcileAction,
  steps: readonly ReconcileStep[],
): Promise<boolean> {
  if (steps.length === 0) {
    return true;
  }
  return database.transaction(async (tx) => {
    const [row] = await tx.query<{ status: string }>(
      `SELECT status FROM ${action.table} WHERE id = $1 FOR UPDATE`,
      [action.id],
    );
    if (row?.status !== action.status) {
      return false;
    }
    const last = steps.at(-1)?.status ?? action.status;
    let from = action.status;
    for (const [index, step] of steps.entries()) {
      await updateAction(tx, action.table, action.id, {
        status: step.status,
        statusDetail: step.detail,
        carrierReference: step.carrierReference,
        carrierReason: step.carrierReason,
      });
      await addTransition(tx, action.id, {
        status: step.status,
        cause: step.cause,
        ...(step.detail === undefined ? {} : { detail: step.detail }),
      });
      if (
        index === steps.length - 1 &&
        action.needsAttention &&
        isFinalStatus(action.table, last)
      ) {
        // A late answer (a push) settled what a person was asked to look at; cleared
        // before the last step's event, which shows the action as it now stands.
        await tx.query(
          `UPDATE ${action.table} SET needs_attention = false, attention_reason = NULL WHERE id = $1`,
          [action.id],
        );
      }
      // One event per step, each showing the action as that step left it.
      await recordStatusEvent(tx, action, from, step.status);
      from = step.status;
    }
    if (
      action.table === 'redirects' &&
      action.orderRef !== null &&
      (last === 'failed' || last === 'rejected' || last === 'cancelled')
    ) {
      // As on the request path: a redirect that did not happen (refused, failed or
      // cancelled) gives the order's quota back.
      await releaseRedirectQuota(tx, action.tenantId, action.orderRef);
    }
    return true;
  });
}

/**
 * Flags an action that stayed unsettled past its deadline, with why, unless its status
 * moved meanwhile. Its status is left as it is: only a person (or a late carrier answer on
 * another path) knows the truth now.
 */
export async function markNeedsAttention(
  database: Database,
  action: ReconcileAction,
  reason: string,
): Promise<void> {
  await database.transaction(async (tx) => {
    const flagged = await tx.query<{ wasFlagged: boolean }>(
      `UPDATE ${action.table} AS flagged SET needs_attention = true, attention_reason = $3
         FROM (SELECT id, needs_attention FROM ${action.table} WHERE id = $1) AS before
        WHERE flagged.id = before.id AND flagged.status = $2
       RETURNING before.needs_attention AS "wasFlagged"`,
      [action.id, action.status, reason],
    );
    if (flagged[0]?.wasFlagged === false) {
      // Only the flag being raised is news; a new reason on a flagged action is not.
      await recordActionEvents(tx, action, [`${eventKindOf(action.table)}.needs_attention`]);
    }
  });
}

/** An action the job should be following. */
export interface ActionKey {
  readonly table: ActionTable;
  readonly id: string;
}

/** Actions still being followed (not final, not flagged), oldest change first. */
export async function listOpenActions(db: Queryable, limit: number): Promise<ActionKey[]> {
  const part = (table: ActionTable) =>
    `SELECT '${table}' AS "table", id, updated_at FROM ${table}
      WHERE status IN (${inList(openStatuses(table))}) AND NOT needs_attention`;
  return db.query<ActionKey>(
    `SELECT "table", id FROM (${part('intercepts')} UNION ALL ${part('redirects')}) AS open
      ORDER BY updated_at LIMIT $1`,
    [limit],
  );
}

/** Whether the job has nothing more to do for this action. */
export function isSettled(action: ReconcileAction): boolean {
  return action.needsAttention || isFinalStatus(action.table, action.status);
}

/** How many intercepts and redirects are flagged for a person and still open. */
export async function countNeedingAttention(
  db: Queryable,
): Promise<Readonly<Record<ActionTable, number>>> {
  const count = async (table: ActionTable) => {
    const [row] = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${table}
        WHERE needs_attention AND status IN (${inList(openStatuses(table))})`,
    );
    return row?.count ?? 0;
  };
  return { intercepts: await count('intercepts'), redirects: await count('redirects') };
}

/**
 * Records the parcel's latest known status on an action (`parcelStatus`) from a tracking
 * read or pushed events, with the tenant's `parcel.status_changed` event when it changed
 * (one statement: store/events.ts). Its lifecycle status and `updatedAt` (which times its
 * windows) are left alone: the parcel moving is not the action changing.
 */
export async function noteParcelStatus(
  db: Queryable,
  action: Pick<ReconcileAction, 'table' | 'id' | 'tenantId' | 'carrier' | 'trackingNumber'>,
  parcelStatus: string,
): Promise<void> {
  await recordParcelStatus(db, action, parcelStatus);
}
