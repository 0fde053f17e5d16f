import type { Address, NormalizedStatus } from '@parcelgate/carrier-kit';
import type { PolicyReason, RedirectLifecycleStatus } from '../policy/codes.ts';
import type { FeeAssessment } from '../policy/policy-types.ts';
import {
  type ActionHistory,
  type HistoryColumns,
  historyColumns,
  withHistory,
} from './action-history.ts';
import { isUniqueViolation } from './actions.ts';
import type { Queryable } from './database.ts';
import type { NewEvent } from './events.ts';
import type { IdempotencyScope } from './idempotency.ts';
import { buildListQuery, type ListFilters } from './pagination.ts';
import { type FirstTransition, withFirstTransition } from './transitions.ts';

/** A redirect as stored. `newAddress` is personal data: never logged. */
export interface RedirectRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly reason: string;
  readonly orderRef: string;
  readonly pickupMode: string | null;
  readonly newAddress: Address;
  readonly note: string | null;
  /** Carrier extras (see services/carrier-extras.ts), sent again on every later call. */
  readonly phoneLastDigits: string | null;
  readonly carrierOptions: Readonly<Record<string, string>> | null;
  /** The tenant's connection it went through; null for the deployment's shared account. */
  readonly connectionId: string | null;
  readonly status: RedirectLifecycleStatus;
  readonly likelihood: string;
  readonly parcelStatus: NormalizedStatus | null;
  /** The parcel's status when the action was asked for (read, never inserted). */
  readonly parcelStatusAtRequest?: NormalizedStatus | null;
  readonly fee: FeeAssessment;
  /** Whether this redirect used the order's free one. */
  readonly free: boolean;
  readonly policyReasons: readonly PolicyReason[];
  readonly warnings: readonly PolicyReason[];
  readonly carrierReference: string | null;
  readonly carrierReason: string | null;
  readonly statusDetail: string | null;
  /** Set by reconciliation when no final outcome came before its deadline (read, never inserted). */
  readonly needsAttention?: boolean;
  readonly attentionReason?: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const COLUMNS = `id, tenant_id AS "tenantId", carrier, tracking_number AS "trackingNumber", reason,
  order_ref AS "orderRef", pickup_mode AS "pickupMode", new_address AS "newAddress", note, status,
  likelihood, parcel_status AS "parcelStatus",
  parcel_status_at_request AS "parcelStatusAtRequest", fee, free, policy_reasons AS "policyReasons", warnings,
  carrier_reference AS "carrierReference", carrier_reason AS "carrierReason",
  status_detail AS "statusDetail", needs_attention AS "needsAttention",
  phone_last_digits AS "phoneLastDigits", carrier_options AS "carrierOptions",
  connection_id AS "connectionId",
  attention_reason AS "attentionReason", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Thrown when the parcel already has a redirect in flight. */
export class ActiveRedirectExistsError extends Error {
  constructor() {
    super('the parcel already has a redirect in progress');
    this.name = 'ActiveRedirectExistsError';
  }
}

/** Stores a new redirect with its first transition and its events, in one statement. */
export async function insertRedirect(
  db: Queryable,
  record: RedirectRecord,
  first: FirstTransition,
  claim?: IdempotencyScope,
  events: readonly NewEvent[] = [],
): Promise<void> {
  try {
    const { text, params } = withFirstTransition(
      `INSERT INTO redirects (id, tenant_id, carrier, tracking_number, reason, order_ref, pickup_mode,
         new_address, note, status, likelihood, parcel_status, parcel_status_at_request, fee, free, policy_reasons, warnings,
         carrier_reference, carrier_reason, status_detail, created_at, updated_at, phone_last_digits,
         carrier_options, connection_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $12, $13::jsonb, $14, $15::jsonb,
         $16::jsonb, $17, $18, $19, $20, $21, $22, $23::jsonb, $24)`,
      [
        record.id,
        record.tenantId,
        record.carrier,
        record.trackingNumber,
        record.reason,
        record.orderRef,
        record.pickupMode,
        JSON.stringify(record.newAddress),
        record.note,
        record.status,
        record.likelihood,
        record.parcelStatus,
        JSON.stringify(record.fee),
        record.free,
        JSON.stringify(record.policyReasons),
        JSON.stringify(record.warnings),
        record.carrierReference,
        record.carrierReason,
        record.statusDetail,
        record.createdAt.toISOString(),
        record.updatedAt.toISOString(),
        record.phoneLastDigits,
        record.carrierOptions === null ? null : JSON.stringify(record.carrierOptions),
        record.connectionId,
      ],
      first,
      claim,
      events,
    );
    await db.query(text, params);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ActiveRedirectExistsError();
    }
    throw error;
  }
}

/** One redirect of a tenant; another tenant's id finds nothing. */
export async function findRedirect(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<RedirectRecord | undefined> {
  const [row] = await db.query<RedirectRecord>(
    `SELECT ${COLUMNS} FROM redirects WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/**
 * The redirect with its transitions and attempts, in one statement: what its presentation
 * needs (an event's object, an answer), one round trip instead of two.
 */
export async function findRedirectWithHistory(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<{ readonly record: RedirectRecord; readonly history: ActionHistory } | undefined> {
  const [row] = await db.query<RedirectRecord & HistoryColumns>(
    `SELECT ${COLUMNS}, ${historyColumns('redirects.id')} FROM redirects
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row === undefined ? undefined : withHistory(row);
}

/** A newest-first page of a tenant's redirects, one extra row fetched to know if more exist. */
export async function listRedirects(
  db: Queryable,
  tenantId: string,
  filters: ListFilters,
): Promise<RedirectRecord[]> {
  const { text, params } = buildListQuery('redirects', COLUMNS, tenantId, filters);
  return db.query<RedirectRecord>(text, params);
}

/**
 * Counts a redirect against its order and returns how many the order has now used,
 * atomically (one upsert), so two redirects racing for the one free redirect cannot both
 * get it.
 */
export async function consumeRedirectQuota(
  db: Queryable,
  tenantId: string,
  orderRef: string,
): Promise<number> {
  const [row] = await db.query<{ used: number }>(
    `INSERT INTO redirect_quotas (tenant_id, order_ref, used) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, order_ref) DO UPDATE SET used = redirect_quotas.used + 1
     RETURNING used`,
    [tenantId, orderRef],
  );
  return row?.used ?? 1;
}

/** Gives a redirect back to its order's quota, when it was refused or never placed. */
export async function releaseRedirectQuota(
  db: Queryable,
  tenantId: string,
  orderRef: string,
): Promise<void> {
  await db.query(
    'UPDATE redirect_quotas SET used = GREATEST(used - 1, 0) WHERE tenant_id = $1 AND order_ref = $2',
    [tenantId, orderRef],
  );
}

/** How many redirects the order has used so far. */
export async function redirectsUsed(
  db: Queryable,
  tenantId: string,
  orderRef: string,
): Promise<number> {
  const [row] = await db.query<{ used: number }>(
    'SELECT used FROM redirect_quotas WHERE tenant_id = $1 AND order_ref = $2',
    [tenantId, orderRef],
  );
  return row?.used ?? 0;
}
