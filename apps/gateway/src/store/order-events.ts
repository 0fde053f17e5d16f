import type { Address, Money, NormalizedStatus } from '@parcelgate/carrier-kit';
import type { DeadlineReason, DeadlineStatus } from '../policy/judge-order-deadline.ts';
import type { OrderEventType, RuleAction } from '../policy/order-rules.ts';
import type { PickupMode } from '../policy/policy-types.ts';
import type { Queryable } from './database.ts';
import { buildKeysetPage, type PageCursor } from './pagination.ts';

/**
 * Order events and the actions rules started for them (migration 0014): every statement
 * on `order_events` and `rule_actions` is here.
 */

/** One parcel of an order, as the event names it. */
export interface OrderParcel {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly declaredValue?: Money | undefined;
  readonly category?: string | undefined;
  readonly pickupMode: PickupMode;
  readonly phoneLastDigits?: string | undefined;
  readonly carrierOptions?: Readonly<Record<string, string>> | undefined;
}

/** The new address of an address change (the redirect's `Address`). */
export type OrderAddress = Address;

/** The event as the marketplace sent it (the body of `POST /v1/order-events`). */
export interface OrderEventBody {
  readonly id?: string | undefined;
  readonly type: OrderEventType;
  readonly orderRef: string;
  readonly orderTags?: readonly string[] | undefined;
  readonly parcels: readonly OrderParcel[];
  readonly respondBy?: string | undefined;
  readonly newAddress?: OrderAddress | undefined;
  readonly returnRequestedAt?: string | undefined;
  readonly note?: string | undefined;
}

/** What was decided for one parcel. */
export interface ParcelDecision {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly parcelStatus: NormalizedStatus | null;
  readonly ruleId: string | null;
  readonly action: RuleAction | null;
  readonly outcome: 'started' | 'not_started' | 'notified' | 'no_rule' | 'in_progress';
  readonly actionId: string | null;
  readonly actionStatus: string | null;
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
}

/** What a damage report got from the carrier for one parcel. */
export interface DeliveryEvidence {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly source: 'proof_of_delivery' | 'tracking_events' | 'unavailable';
  readonly proofOfDelivery: {
    readonly deliveredAt?: string;
    readonly signedBy?: string;
    readonly photoUrl?: string;
  } | null;
  readonly events: readonly {
    readonly occurredAt: string;
    readonly status: string;
    readonly description: string;
  }[];
}

/** An order event as stored. */
export interface OrderEventRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly externalId: string | null;
  readonly requestHash: string;
  readonly type: OrderEventType;
  readonly orderRef: string;
  readonly body: OrderEventBody;
  readonly respondBy: Date | null;
  readonly replyBy: Date | null;
  readonly decisions: ParcelDecision[];
  readonly evidence: DeliveryEvidence[];
  readonly deadlineStatus: DeadlineStatus;
  readonly deadlineReasons: DeadlineReason[];
  readonly decidedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const COLUMNS = `id, tenant_id AS "tenantId", external_id AS "externalId",
  request_hash AS "requestHash", type, order_ref AS "orderRef", body,
  respond_by AS "respondBy", reply_by AS "replyBy", decisions, evidence,
  deadline_status AS "deadlineStatus", deadline_reasons AS "deadlineReasons",
  decided_at AS "decidedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * Stores a received event, undecided. Undefined when the tenant already has an event with
 * the same `externalId` (a repeat, or a racing delivery of it): the caller reads that one.
 */
export async function insertOrderEvent(
  db: Queryable,
  event: Pick<
    OrderEventRecord,
    | 'id'
    | 'tenantId'
    | 'externalId'
    | 'requestHash'
    | 'type'
    | 'orderRef'
    | 'body'
    | 'respondBy'
    | 'replyBy'
  >,
): Promise<OrderEventRecord | undefined> {
  const [row] = await db.query<OrderEventRecord>(
    `INSERT INTO order_events
       (id, tenant_id, external_id, request_hash, type, order_ref, body, respond_by, reply_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)
     ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      event.id,
      event.tenantId,
      event.externalId,
      event.requestHash,
      event.type,
      event.orderRef,
      JSON.stringify(event.body),
      event.respondBy,
      event.replyBy,
    ],
  );
  return row;
}

/** One order event of the tenant. */
export async function findOrderEvent(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<OrderEventRecord | undefined> {
  const [row] = await db.query<OrderEventRecord>(
    `SELECT ${COLUMNS} FROM order_events WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/** The tenant's order event with this id at the marketplace. */
export async function findOrderEventByExternalId(
  db: Queryable,
  tenantId: string,
  externalId: string,
): Promise<OrderEventRecord | undefined> {
  const [row] = await db.query<OrderEventRecord>(
    `SELECT ${COLUMNS} FROM order_events WHERE tenant_id = $1 AND external_id = $2`,
    [tenantId, externalId],
  );
  return row;
}

/** Stores what was decided for every parcel, and the deadline as judged then. */
export async function recordDecisions(
  db: Queryable,
  tenantId: string,
  id: string,
  decided: {
    readonly decisions: readonly ParcelDecision[];
    readonly evidence: readonly DeliveryEvidence[];
    readonly deadlineStatus: DeadlineStatus;
    readonly deadlineReasons: readonly DeadlineReason[];
  },
): Promise<void> {
  await db.query(
    `UPDATE order_events
        SET decisions = $3::jsonb, evidence = $4::jsonb, deadline_status = $5,
            deadline_reasons = $6::jsonb, decided_at = now(), updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [
      tenantId,
      id,
      JSON.stringify(decided.decisions),
      JSON.stringify(decided.evidence),
      decided.deadlineStatus,
      JSON.stringify(decided.deadlineReasons),
    ],
  );
}

/**
 * Moves an event's deadline from `from` to `to`, with the parcels' decisions as read now;
 * false when another writer moved it first (the watcher and a repeat never both announce).
 */
export async function moveDeadline(
  db: Queryable,
  id: string,
  change: {
    readonly from: DeadlineStatus;
    readonly to: DeadlineStatus;
    readonly reasons: readonly DeadlineReason[];
    readonly decisions: readonly ParcelDecision[];
  },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE order_events
        SET deadline_status = $3, deadline_reasons = $4::jsonb, decisions = $5::jsonb,
            updated_at = now()
      WHERE id = $1 AND deadline_status = $2
     RETURNING 1`,
    [id, change.from, change.to, JSON.stringify(change.reasons), JSON.stringify(change.decisions)],
  );
  return rows.length > 0;
}

/** Filters of the order event list. */
export interface OrderEventFilters {
  readonly orderRef?: string | undefined;
  readonly deadlineStatus?: DeadlineStatus | undefined;
  readonly cursor?: PageCursor | undefined;
  readonly limit: number;
}

/** A newest-first page of the tenant's order events, one extra row to know if more exist. */
export async function listOrderEvents(
  db: Queryable,
  tenantId: string,
  filters: OrderEventFilters,
): Promise<OrderEventRecord[]> {
  const { text, params } = buildKeysetPage('order_events', COLUMNS, tenantId, filters, [
    ['order_ref = ?', filters.orderRef],
    ['deadline_status = ?', filters.deadlineStatus],
  ]);
  return db.query<OrderEventRecord>(text, params);
}

/**
 * Order events whose deadline is still watched (on track or at risk, with a `respondBy`),
 * soonest deadline first.
 */
export async function listWatchedOrderEvents(
  db: Queryable,
  limit: number,
): Promise<OrderEventRecord[]> {
  return db.query<OrderEventRecord>(
    `SELECT ${COLUMNS} FROM order_events
      WHERE deadline_status IN ('on_track', 'at_risk') AND respond_by IS NOT NULL
      ORDER BY respond_by LIMIT $1`,
    [limit],
  );
}

/** Order events stored before `before` and never decided (their receiver died), oldest first. */
export async function listUndecidedOrderEvents(
  db: Queryable,
  before: Date,
  limit: number,
): Promise<OrderEventRecord[]> {
  return db.query<OrderEventRecord>(
    `SELECT ${COLUMNS} FROM order_events WHERE decided_at IS NULL AND created_at < $1
      ORDER BY created_at LIMIT $2`,
    [before, limit],
  );
}

/** Notes the action a rule started for an event's parcel (once per event and parcel). */
export async function insertRuleAction(
  db: Queryable,
  row: {
    readonly orderEventId: string;
    readonly parcelKey: string;
    readonly tenantId: string;
    readonly ruleId: string;
    readonly actionTable: 'intercepts' | 'redirects';
    readonly actionId: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO rule_actions (order_event_id, parcel_key, tenant_id, rule_id, action_table, action_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [row.orderEventId, row.parcelKey, row.tenantId, row.ruleId, row.actionTable, row.actionId],
  );
}

/** The current status of intercepts and redirects, by id. */
export async function actionStatuses(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.query<{ id: string; status: string }>(
    `SELECT id, status FROM intercepts WHERE id = ANY($1::text[])
     UNION ALL SELECT id, status FROM redirects WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.status]));
}
