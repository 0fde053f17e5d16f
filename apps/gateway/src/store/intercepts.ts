import type { Money, NormalizedStatus } from '@parcelgate/carrier-kit';
import type { InterceptLifecycleStatus, PolicyReason } from '../policy/codes.ts';
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

/** An intercept as stored. */
export interface InterceptRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly reason: string;
  readonly orderRef: string | null;
  readonly pickupMode: string;
  readonly parcel: { readonly declaredValue?: Money; readonly category?: string } | null;
  readonly note: string | null;
  /** Carrier extras (see services/carrier-extras.ts), sent again on every later call. */
  readonly phoneLastDigits: string | null;
  readonly carrierOptions: Readonly<Record<string, string>> | null;
  /** The tenant's connection it went through; null for the deployment's shared account. */
  readonly connectionId: string | null;
  readonly status: InterceptLifecycleStatus;
  readonly likelihood: string;
  /** The parcel's latest known status: at the request, then as tracking and pushes follow it. */
  readonly parcelStatus: NormalizedStatus | null;
  /** The parcel's status when the action was asked for (read, never inserted). */
  readonly parcelStatusAtRequest?: NormalizedStatus | null;
  readonly fee: FeeAssessment;
  readonly policyReasons: readonly PolicyReason[];
  readonly warnings: readonly PolicyReason[];
  readonly carrierReference: string | null;
  readonly carrierReason: string | null;
  /** Why the intercept is pending, rejected or failed, in words. */
  readonly statusDetail: string | null;
  /** Set by reconciliation when no final outcome came before its deadline (read, never inserted). */
  readonly needsAttention?: boolean;
  readonly attentionReason?: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const COLUMNS = `id, tenant_id AS "tenantId", carrier, tracking_number AS "trackingNumber", reason,
  order_ref AS "orderRef", pickup_mode AS "pickupMode", parcel, note, status, likelihood,
  parcel_status AS "parcelStatus",
  parcel_status_at_request AS "parcelStatusAtRequest", fee, policy_reasons AS "policyReasons", warnings,
  carrier_reference AS "carrierReference", carrier_reason AS "carrierReason",
  status_detail AS "statusDetail", needs_attention AS "needsAttention",
  phone_last_digits AS "phoneLastDigits", carrier_options AS "carrierOptions",
  connection_id AS "connectionId",
  attention_reason AS "attentionReason", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Thrown when the parcel already has a live intercept (enforced by a unique index). */
export class ActiveInterceptExistsError extends Error {
  constructor() {
    super('the parcel already has an active intercept');
    this.name = 'ActiveInterceptExistsError';
  }
}

/** Stores a new intercept with its first transition and its events, in one statement. */
export async function insertIntercept(
  db: Queryable,
  record: InterceptRecord,
  first: FirstTransition,
  claim?: IdempotencyScope,
  events: readonly NewEvent[] = [],
): Promise<void> {
  try {
    const { text, params } = withFirstTransition(
      `INSERT INTO intercepts (id, tenant_id, carrier, tracking_number, reason, order_ref, pickup_mode, parcel,
         note, status, likelihood, parcel_status, parcel_status_at_request, fee, policy_reasons, warnings, carrier_reference,
         carrier_reason, status_detail, created_at, updated_at, phone_last_digits, carrier_options,
         connection_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $12, $13::jsonb, $14::jsonb, $15::jsonb,
         $16, $17, $18, $19, $20, $21, $22::jsonb, $23)`,
      [
        record.id,
        record.tenantId,
        record.carrier,
        record.trackingNumber,
        record.reason,
        record.orderRef,
        record.pickupMode,
        record.parcel === null ? null : JSON.stringify(record.parcel),
        record.note,
        record.status,
        record.likelihood,
        record.parcelStatus,
        JSON.stringify(record.fee),
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
      throw new ActiveInterceptExistsError();
    }
    throw error;
  }
}

/** One intercept of a tenant; another tenant's id finds nothing. */
export async function findIntercept(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<InterceptRecord | undefined> {
  const [row] = await db.query<InterceptRecord>(
    `SELECT ${COLUMNS} FROM intercepts WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/**
 * The intercept with its transitions and attempts, in one statement: what its presentation
 * needs (an event's object, an answer), one round trip instead of two.
 */
export async function findInterceptWithHistory(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<{ readonly record: InterceptRecord; readonly history: ActionHistory } | undefined> {
  const [row] = await db.query<InterceptRecord & HistoryColumns>(
    `SELECT ${COLUMNS}, ${historyColumns('intercepts.id')} FROM intercepts
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row === undefined ? undefined : withHistory(row);
}

/**
 * The intercept of this parcel still under way (pending and not flagged, accepted or
 * returning), if there is one: a second one is refused, naming it.
 */
export async function findActiveIntercept(
  db: Queryable,
  tenantId: string,
  carrier: string,
  trackingNumber: string,
): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>(
    `SELECT id FROM intercepts WHERE tenant_id = $1 AND carrier = $2 AND tracking_number = $3
        AND (status IN ('accepted', 'returning') OR (status = 'pending' AND NOT needs_attention))
      LIMIT 1`,
    [tenantId, carrier, trackingNumber],
  );
  return row?.id;
}

/** Whether an intercept of this parcel is still under way (see {@link findActiveIntercept}). */
export async function hasActiveIntercept(
  db: Queryable,
  tenantId: string,
  carrier: string,
  trackingNumber: string,
): Promise<boolean> {
  return (await findActiveIntercept(db, tenantId, carrier, trackingNumber)) !== undefined;
}

/** A newest-first page of a tenant's intercepts, one extra row fetched to know if more exist. */
export async function listIntercepts(
  db: Queryable,
  tenantId: string,
  filters: ListFilters,
): Promise<InterceptRecord[]> {
  const { text, params } = buildListQuery('intercepts', COLUMNS, tenantId, filters);
  return db.query<InterceptRecord>(text, params);
}
