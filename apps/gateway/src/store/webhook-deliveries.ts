import type { Queryable } from './database.ts';
import type { StoredEvent } from './events.ts';

/**
 * The deliveries of events to webhook endpoints and their attempts (migration 0011). A
 * delivery is made by the fan-out trigger with its event, by a redelivery, or with a test
 * event; every statement on `webhook_deliveries` and `webhook_attempts` is here.
 */

/** Where a delivery stands. */
export type DeliveryStatus = 'pending' | 'delivered' | 'given_up';

/** One delivery as stored. */
export interface DeliveryRecord {
  readonly id: string;
  /** Write order (a bigint, as text): what pages of deliveries follow. */
  readonly seq: string;
  readonly endpointId: string;
  readonly tenantId: string;
  readonly eventId: string;
  readonly objectId: string;
  readonly status: DeliveryStatus;
  /** False for a test event: tried once, and its failure never disables the endpoint. */
  readonly retry: boolean;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly firstFailedAt: Date | null;
  readonly createdAt: Date;
  readonly settledAt: Date | null;
}

/** What one attempt came to, as kept. */
export interface AttemptRecord {
  readonly attemptedAt: Date;
  readonly outcome: 'delivered' | 'failed' | 'refused';
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly responseSnippet: string;
  readonly error: string | null;
}

const COLUMNS = `d.id, d.seq::text AS seq, d.endpoint_id AS "endpointId", d.tenant_id AS "tenantId",
  d.event_id AS "eventId", d.object_id AS "objectId", d.status, d.retry, d.attempts,
  d.next_attempt_at AS "nextAttemptAt", d.first_failed_at AS "firstFailedAt",
  d.created_at AS "createdAt", d.settled_at AS "settledAt"`;

const EVENT_COLUMNS = `e.id, e.seq::text AS seq, e.tenant_id AS "tenantId", e.type,
  e.object_kind AS "objectKind", e.object_id AS "objectId", e.occurred_at AS "occurredAt", e.data`;

/** A queue of deliveries kept in order: one endpoint's deliveries about one object. */
export interface DeliveryQueueKey {
  readonly endpointId: string;
  readonly objectId: string;
}

/**
 * The queues whose oldest pending delivery is due, at enabled endpoints: what the worker
 * should send now. A queue whose head waits for its retry is not listed, even when later
 * deliveries in it are new: they wait behind it, in order. `at` is the worker's clock.
 */
export async function dueDeliveryQueues(
  db: Queryable,
  limit: number,
  at: Date = new Date(),
): Promise<DeliveryQueueKey[]> {
  return db.query<DeliveryQueueKey>(
    `SELECT head.endpoint_id AS "endpointId", head.object_id AS "objectId"
      FROM (SELECT DISTINCT ON (endpoint_id, object_id) endpoint_id, object_id, next_attempt_at
              FROM webhook_deliveries WHERE status = 'pending'
              ORDER BY endpoint_id, object_id, event_seq) AS head
      JOIN webhook_endpoints endpoint ON endpoint.id = head.endpoint_id AND endpoint.enabled
      WHERE head.next_attempt_at <= $2
      ORDER BY head.next_attempt_at LIMIT $1`,
    [limit, at],
  );
}

/** The oldest pending delivery of a queue, with its event; undefined when none is left. */
export async function headOfQueue(
  db: Queryable,
  key: DeliveryQueueKey,
): Promise<{ readonly delivery: DeliveryRecord; readonly event: StoredEvent } | undefined> {
  const [row] = await db.query<DeliveryRecord & { event: StoredEvent }>(
    `SELECT ${COLUMNS}, (SELECT to_jsonb(ev) FROM (SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.id = d.event_id) ev) AS event
      FROM webhook_deliveries d
      WHERE d.endpoint_id = $1 AND d.object_id = $2 AND d.status = 'pending'
      ORDER BY d.event_seq LIMIT 1`,
    [key.endpointId, key.objectId],
  );
  if (row === undefined) {
    return undefined;
  }
  const { event, ...delivery } = row;
  return { delivery, event: { ...event, occurredAt: new Date(event.occurredAt) } };
}

/** What follows an attempt. */
export type AttemptVerdict =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retry'; readonly at: Date }
  | { readonly kind: 'give-up' };

/**
 * Keeps an attempt and moves its delivery on (delivered, to be retried at a time, or given
 * up); call it in a transaction (`tx`). Unless the delivery is no longer pending: false then, and
 * nothing is stored (another process settled it).
 */
export async function recordDeliveryAttempt(
  tx: Queryable,
  deliveryId: string,
  attempt: AttemptRecord,
  verdict: AttemptVerdict,
): Promise<boolean> {
  const status =
    verdict.kind === 'delivered'
      ? 'delivered'
      : verdict.kind === 'give-up'
        ? 'given_up'
        : 'pending';
  const moved = await tx.query<{ id: string }>(
    `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1,
          next_attempt_at = COALESCE($3::timestamptz, next_attempt_at),
          first_failed_at = CASE WHEN $2 = 'delivered' THEN first_failed_at
            ELSE COALESCE(first_failed_at, $4::timestamptz) END,
          settled_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
        WHERE id = $1 AND status = 'pending' RETURNING id`,
    [deliveryId, status, verdict.kind === 'retry' ? verdict.at : null, attempt.attemptedAt],
  );
  if (moved.length === 0) {
    return false;
  }
  await tx.query(
    `INSERT INTO webhook_attempts
          (delivery_id, attempted_at, outcome, status_code, duration_ms, response_snippet, error)
        VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      deliveryId,
      attempt.attemptedAt,
      attempt.outcome,
      attempt.statusCode,
      attempt.durationMs,
      attempt.responseSnippet,
      attempt.error,
    ],
  );
  return true;
}

/**
 * Brings every delivery of an endpoint that waits for a retry forward to now: called when
 * the endpoint answered 2xx again, so what piled up while it was down goes out at once
 * instead of at each queue's next backoff step (which can be hours away).
 */
export async function retryEndpointNow(
  tx: Queryable,
  endpointId: string,
  at: Date = new Date(),
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE webhook_deliveries SET next_attempt_at = $2
      WHERE endpoint_id = $1 AND status = 'pending' AND next_attempt_at > $2 RETURNING id`,
    [endpointId, at],
  );
  return rows.length;
}

/** A delivery with its attempts, oldest attempt first. */
export interface DeliveryWithAttempts extends DeliveryRecord {
  readonly eventType: string;
  readonly attemptList: readonly AttemptRecord[];
}

/** Attempts listed per delivery at most: a day of retries is about fifteen. */
const ATTEMPTS_LISTED = 50;

/**
 * A newest-first page of an endpoint's deliveries with their attempts (`limit + 1` rows, so
 * the caller knows whether another page follows), filtered by status and event.
 */
export async function listDeliveries(
  db: Queryable,
  tenantId: string,
  endpointId: string | undefined,
  page: {
    readonly deliveryId?: string | undefined;
    readonly beforeSeq?: string | undefined;
    readonly status?: DeliveryStatus | undefined;
    readonly eventId?: string | undefined;
    readonly limit: number;
  },
): Promise<DeliveryWithAttempts[]> {
  const rows = await db.query<DeliveryRecord & { eventType: string; attemptList: unknown }>(
    `SELECT ${COLUMNS}, (SELECT e.type FROM events e WHERE e.id = d.event_id) AS "eventType",
        COALESCE((SELECT jsonb_agg(a ORDER BY a.id) FROM (
          SELECT id, attempted_at AS "attemptedAt", outcome, status_code AS "statusCode",
              duration_ms AS "durationMs", response_snippet AS "responseSnippet", error
            FROM webhook_attempts WHERE delivery_id = d.id ORDER BY id LIMIT ${ATTEMPTS_LISTED}) a),
          '[]'::jsonb) AS "attemptList"
      FROM webhook_deliveries d
      WHERE d.tenant_id = $1 AND ($2::text IS NULL OR d.endpoint_id = $2)
        AND ($3::bigint IS NULL OR d.seq < $3::bigint)
        AND ($4::text IS NULL OR d.status = $4)
        AND ($5::text IS NULL OR d.event_id = $5)
        AND ($6::text IS NULL OR d.id = $6)
      ORDER BY d.seq DESC LIMIT $7`,
    [
      tenantId,
      endpointId ?? null,
      page.beforeSeq ?? null,
      page.status ?? null,
      page.eventId ?? null,
      page.deliveryId ?? null,
      page.limit + 1,
    ],
  );
  return rows.map((row) => ({
    ...row,
    attemptList: (row.attemptList as (AttemptRecord & { attemptedAt: string })[]).map(
      (attempt) => ({ ...attempt, attemptedAt: new Date(attempt.attemptedAt) }),
    ),
  }));
}

/**
 * Queues an event again for the tenant's enabled endpoints that want its type, or for one
 * endpoint (even one not subscribed to the type: the merchant asked for it). Returns the
 * new deliveries; none when the event or endpoint is not the tenant's.
 */
export async function redeliverEvent(
  db: Queryable,
  tenantId: string,
  eventId: string,
  endpointId?: string,
): Promise<{ readonly id: string; readonly endpointId: string }[]> {
  return db.query(
    `INSERT INTO webhook_deliveries (endpoint_id, tenant_id, event_id, event_seq, object_id)
      SELECT endpoint.id, ev.tenant_id, ev.id, ev.seq, ev.object_id
        FROM events ev JOIN webhook_endpoints endpoint ON endpoint.tenant_id = ev.tenant_id
        WHERE ev.tenant_id = $1 AND ev.id = $2 AND endpoint.enabled
          AND CASE WHEN $3::text IS NULL
            THEN endpoint.event_types IS NULL OR ev.type = ANY (endpoint.event_types)
            ELSE endpoint.id = $3 END
      RETURNING id, endpoint_id AS "endpointId"`,
    [tenantId, eventId, endpointId ?? null],
  );
}

/** Queues a test event for the one endpoint tested, tried once. Returns its delivery id. */
export async function queueTestDelivery(
  db: Queryable,
  event: Pick<StoredEvent, 'id' | 'seq' | 'tenantId' | 'objectId'>,
  endpointId: string,
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO webhook_deliveries (endpoint_id, tenant_id, event_id, event_seq, object_id, retry)
      VALUES ($1, $2, $3, $4, $5, false) RETURNING id`,
    [endpointId, event.tenantId, event.id, event.seq, event.objectId],
  );
  if (row === undefined) {
    throw new Error('INSERT INTO webhook_deliveries returned no row');
  }
  return row.id;
}

/** One delivery by id with its attempts, for its tenant. */
export async function findDelivery(
  db: Queryable,
  tenantId: string,
  deliveryId: string,
): Promise<DeliveryWithAttempts | undefined> {
  const [delivery] = await listDeliveries(db, tenantId, undefined, { deliveryId, limit: 1 });
  return delivery;
}

/** Deliveries still pending, and the age in seconds of the oldest (0 when none). */
export async function deliveryBacklog(
  db: Queryable,
): Promise<{ readonly pending: number; readonly oldestSeconds: number }> {
  const [row] = await db.query<{ pending: number; oldestSeconds: number }>(
    `SELECT count(*)::int AS pending,
        COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS "oldestSeconds"
      FROM webhook_deliveries WHERE status = 'pending'`,
  );
  return row ?? { pending: 0, oldestSeconds: 0 };
}
