import { newId } from '../ids.ts';
import type { EventObjectKind, EventType } from '../policy/event-types.ts';
import type { ActionTable } from './actions.ts';
import type { Queryable } from './database.ts';

/**
 * The event log (the outbox, migration 0010): every statement that writes to `events` is
 * in this module. An event is written by the transaction that makes its change, so it
 * exists exactly when the change committed.
 */

/** An event as stored. */
export interface StoredEvent {
  /** Public id, `evt_` and a ULID. */
  readonly id: string;
  /** Write order across the whole log (a bigint, as text): what a delivery worker follows. */
  readonly seq: string;
  readonly tenantId: string;
  readonly type: EventType;
  readonly objectKind: EventObjectKind;
  readonly objectId: string;
  readonly occurredAt: Date;
  /** The whole object as the API presented it when the event occurred. */
  readonly data: Record<string, unknown>;
}

/** What a new event says; its id, sequence number and time are given by the store. */
export interface NewEvent {
  readonly tenantId: string;
  readonly type: EventType;
  readonly objectKind: EventObjectKind;
  readonly objectId: string;
  readonly data: object;
}

const COLUMNS = `id, seq::text AS seq, tenant_id AS "tenantId", type, object_kind AS "objectKind",
  object_id AS "objectId", occurred_at AS "occurredAt", data`;

/**
 * Appends one event. Call it with the transaction that makes the change (`tx`), never
 * after its commit: the outbox's promise is that an event exists if and only if its change
 * does.
 */
export async function insertEvent(db: Queryable, event: NewEvent): Promise<StoredEvent> {
  const [row] = await db.query<StoredEvent>(
    `INSERT INTO events (id, tenant_id, type, object_kind, object_id, occurred_at, data)
     VALUES ($1, $2, $3, $4, $5, clock_timestamp(), $6::jsonb)
     RETURNING ${COLUMNS}`,
    [
      newId('evt'),
      event.tenantId,
      event.type,
      event.objectKind,
      event.objectId,
      JSON.stringify(event.data),
    ],
  );
  if (row === undefined) {
    throw new Error('INSERT INTO events returned no row');
  }
  return row;
}

/**
 * A data-modifying CTE body that appends `events` in the statement that makes their change,
 * only when the CTE named `from` returned a row (the change happened): the statement is
 * atomic, so the event exists exactly when the change does, without a transaction around
 * two statements. Binds the arrays {@link announcedParams} returns from parameter `first`.
 */
export function announceSql(from: string, first: number): string {
  const [ids, tenants, types, kinds, objects, data] = [0, 1, 2, 3, 4, 5].map(
    (offset) => `$${first + offset}`,
  );
  return `INSERT INTO events (id, tenant_id, type, object_kind, object_id, occurred_at, data)
     SELECT e.id, e.tenant_id, e.type, e.object_kind, e.object_id, clock_timestamp(), e.data
       FROM unnest(${ids}::text[], ${tenants}::text[], ${types}::text[], ${kinds}::text[],
                   ${objects}::text[], ${data}::jsonb[])
            WITH ORDINALITY AS e(id, tenant_id, type, object_kind, object_id, data, n)
      WHERE EXISTS (SELECT 1 FROM ${from})
      ORDER BY e.n`;
}

/** The six parameter arrays {@link announceSql} binds, one new event id each. */
export function announcedParams(events: readonly NewEvent[]): unknown[] {
  return [
    events.map(() => newId('evt')),
    events.map((event) => event.tenantId),
    events.map((event) => event.type),
    events.map((event) => event.objectKind),
    events.map((event) => event.objectId),
    events.map((event) => JSON.stringify(event.data)),
  ];
}

/** How a parcel event names its parcel: the tracking number is the parcel across APIs. */
export function parcelObjectId(carrier: string, trackingNumber: string): string {
  return `${carrier}:${trackingNumber}`;
}

/**
 * Records the parcel's latest status on an action and, when it changed, writes the
 * tenant's `parcel.status_changed` event, in one statement (so both or neither commit).
 * Nothing is written when the status is the one already known: checks that find no change
 * cost one statement that changes no row. An event is not repeated when another action of
 * the same tenant and parcel already reported this status (the tenant's latest event for
 * the parcel says it). Returns whether the action's parcel status changed.
 */
export async function recordParcelStatus(
  db: Queryable,
  action: {
    readonly table: ActionTable;
    readonly id: string;
    readonly tenantId: string;
    readonly carrier: string;
    readonly trackingNumber: string;
  },
  status: string,
): Promise<boolean> {
  const rows = await db.query<{ changed: boolean }>(
    `WITH previous AS (SELECT parcel_status FROM ${action.table} WHERE id = $1),
     moved AS (
       UPDATE ${action.table} SET parcel_status = $2
        WHERE id = $1 AND parcel_status IS DISTINCT FROM $2
       RETURNING id
     ),
     logged AS (
       INSERT INTO events (id, tenant_id, type, object_kind, object_id, occurred_at, data)
       SELECT $3, $4, 'parcel.status_changed', 'parcel', $5, clock_timestamp(),
              jsonb_build_object(
                'carrier', $6::text, 'trackingNumber', $7::text,
                'parcelId', (SELECT p.id FROM parcels p
                              WHERE p.tenant_id = $4 AND p.carrier = $6 AND p.tracking_number = $7),
                'status', $2::text, 'previousStatus', previous.parcel_status)
         FROM moved, previous
        WHERE (SELECT e.data ->> 'status' FROM events e
                WHERE e.tenant_id = $4 AND e.object_id = $5
                ORDER BY e.seq DESC LIMIT 1) IS DISTINCT FROM $2
     )
     SELECT true AS changed FROM moved`,
    [
      action.id,
      status,
      newId('evt'),
      action.tenantId,
      parcelObjectId(action.carrier, action.trackingNumber),
      action.carrier,
      action.trackingNumber,
    ],
  );
  return rows.length > 0;
}

/** A parcel's status as a carrier answered it. */
export interface SeenParcelStatus {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly status: string;
}

/**
 * Records statuses seen by tracking reads on the parcels tenants registered, in one
 * statement for many: a registered parcel whose status changed gets it stored and its
 * tenant's `parcel.status_changed` event; parcels nobody registered change nothing. As
 * with an action's parcel status, the event is not repeated when the tenant's latest event
 * about the parcel already told this status. Returns how many events were written.
 */
export async function recordRegisteredParcelStatuses(
  db: Queryable,
  seen: readonly SeenParcelStatus[],
): Promise<number> {
  if (seen.length === 0) {
    return 0;
  }
  const rows = await db.query<{ id: string }>(
    `WITH seen AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         AS s(carrier, tracking_number, status, event_id)
     ),
     changed AS (
       SELECT p.id, p.tenant_id, p.carrier, p.tracking_number, p.status AS previous_status,
              seen.status, seen.event_id, p.carrier || ':' || p.tracking_number AS object_id
         FROM parcels p JOIN seen USING (carrier, tracking_number)
        WHERE p.status IS DISTINCT FROM seen.status
     ),
     moved AS (
       UPDATE parcels p SET status = changed.status FROM changed
        WHERE p.id = changed.id AND p.status IS NOT DISTINCT FROM changed.previous_status
       RETURNING p.id
     )
     INSERT INTO events (id, tenant_id, type, object_kind, object_id, occurred_at, data)
     SELECT changed.event_id, changed.tenant_id, 'parcel.status_changed', 'parcel',
            changed.object_id, clock_timestamp(),
            jsonb_build_object('carrier', changed.carrier, 'trackingNumber',
              changed.tracking_number, 'parcelId', changed.id, 'status', changed.status,
              'previousStatus', changed.previous_status)
       FROM changed JOIN moved USING (id)
      WHERE (SELECT e.data ->> 'status' FROM events e
              WHERE e.tenant_id = changed.tenant_id AND e.object_id = changed.object_id
              ORDER BY e.seq DESC LIMIT 1) IS DISTINCT FROM changed.status
     RETURNING id`,
    [
      seen.map((item) => item.carrier),
      seen.map((item) => item.trackingNumber),
      seen.map((item) => item.status),
      seen.map(() => newId('evt')),
    ],
  );
  return rows.length;
}

/** One event of a tenant; another tenant's id finds nothing. */
export async function findEvent(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<StoredEvent | undefined> {
  const [row] = await db.query<StoredEvent>(
    `SELECT ${COLUMNS} FROM events WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/** The filters of `GET /v1/events`. */
export interface EventFilters {
  /** Only events of these types (any of them). */
  readonly types?: readonly string[] | undefined;
  /** Only events about this object (an intercept's, redirect's or parcel's id). */
  readonly objectId?: string | undefined;
  /** Only events written before this sequence number (the cursor). */
  readonly beforeSeq?: string | undefined;
  readonly limit: number;
}

/**
 * A newest-first page of a tenant's events (one extra row, to know if more exist), in
 * write order: the sequence number, not the time, so a page never skips an event written
 * in the same millisecond as another.
 */
export async function listEvents(
  db: Queryable,
  tenantId: string,
  filters: EventFilters,
): Promise<StoredEvent[]> {
  const params: unknown[] = [tenantId];
  const where = ['tenant_id = $1'];
  if (filters.types !== undefined && filters.types.length > 0) {
    params.push(filters.types);
    where.push(`type = ANY($${params.length}::text[])`);
  }
  if (filters.objectId !== undefined) {
    params.push(filters.objectId);
    where.push(`object_id = $${params.length}`);
  }
  if (filters.beforeSeq !== undefined) {
    params.push(filters.beforeSeq);
    where.push(`seq < $${params.length}::bigint`);
  }
  params.push(filters.limit + 1);
  // `events.seq`: the output column `seq` is text, and ORDER BY would sort by it.
  return db.query<StoredEvent>(
    `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')}
      ORDER BY events.seq DESC LIMIT $${params.length}`,
    params,
  );
}

/**
 * Deletes up to `batchSize` events older than the retention, oldest first; returns how
 * many. Small batches never hold many rows locked.
 */
export async function purgeExpiredEvents(
  db: Queryable,
  options: { readonly retentionDays: number; readonly batchSize: number },
): Promise<number> {
  const rows = await db.query<{ seq: string }>(
    `DELETE FROM events WHERE seq IN (
       SELECT seq FROM events
        WHERE occurred_at < now() - make_interval(days => $1)
        ORDER BY occurred_at LIMIT $2)
     RETURNING seq::text AS seq`,
    [options.retentionDays, options.batchSize],
  );
  return rows.length;
}
