import type { InterceptLifecycleStatus } from '../policy/codes.ts';
import type { Database, Queryable } from './database.ts';

/** Where an item is in its run. */
export type BatchItemStatus = 'queued' | 'running' | 'done';

/** How a done item ended; `succeeded` once the carrier took the intercept. */
export type BatchItemOutcome = 'succeeded' | 'pending' | 'refused' | 'failed' | 'cancelled';

/** A reason an item was refused or failed: a policy code, or a problem type. */
export interface BatchItemReason {
  readonly code: string;
  readonly message: string;
}

/** The problem that ended an item without an intercept, as answered to a single request. */
export interface BatchItemProblem {
  readonly type: string;
  readonly status: number;
  readonly detail: string;
}

/** A batch as stored. */
export interface InterceptBatchRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly keyId: string;
  readonly itemCount: number;
  readonly status: 'running' | 'done';
  readonly createdAt: Date;
  readonly completedAt: Date | null;
}

/** One item as stored. */
export interface BatchItemRecord {
  readonly batchId: string;
  readonly index: number;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly request: unknown;
  readonly status: BatchItemStatus;
  readonly tries: number;
  readonly interceptId: string | null;
  /** The intercept's status now (joined), when the item made one. */
  readonly interceptStatus: InterceptLifecycleStatus | null;
  readonly outcome: BatchItemOutcome | null;
  readonly reasons: readonly BatchItemReason[];
  readonly problem: BatchItemProblem | null;
}

/** Counts of a batch's items by run status and by outcome. */
export interface BatchCounts {
  readonly total: number;
  readonly queued: number;
  readonly running: number;
  readonly done: number;
  readonly succeeded: number;
  readonly pending: number;
  readonly refused: number;
  readonly failed: number;
  readonly cancelled: number;
}

/** What a new batch holds: each item's body, in the order sent. */
export interface NewInterceptBatch {
  readonly id: string;
  readonly tenantId: string;
  readonly keyId: string;
  readonly items: readonly {
    readonly carrier: string;
    readonly trackingNumber: string;
    readonly request: unknown;
  }[];
}

/** Items inserted per statement: 1,000 items of 6 parameters stay far below the limit. */
const INSERT_CHUNK = 500;

/**
 * Stores a batch and its items (queued) in `tx`. The caller commits it with what else the
 * batch's creation writes (its Idempotency-Key's tie).
 */
export async function insertInterceptBatch(tx: Queryable, batch: NewInterceptBatch): Promise<void> {
  await tx.query(
    'INSERT INTO intercept_batches (id, tenant_id, key_id, item_count) VALUES ($1, $2, $3, $4)',
    [batch.id, batch.tenantId, batch.keyId, batch.items.length],
  );
  for (let start = 0; start < batch.items.length; start += INSERT_CHUNK) {
    const chunk = batch.items.slice(start, start + INSERT_CHUNK);
    const params: unknown[] = [];
    const rows = chunk.map((item, offset) => {
      const at = params.length;
      params.push(
        batch.id,
        start + offset,
        batch.tenantId,
        item.carrier,
        item.trackingNumber,
        JSON.stringify(item.request),
      );
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}::jsonb)`;
    });
    await tx.query(
      `INSERT INTO intercept_batch_items (batch_id, item_index, tenant_id, carrier, tracking_number, request)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }
}

const BATCH_COLUMNS = `id, tenant_id AS "tenantId", key_id AS "keyId", item_count AS "itemCount",
  status, created_at AS "createdAt", completed_at AS "completedAt"`;

/** A batch of the tenant; another tenant's id finds nothing. */
export async function findInterceptBatch(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<InterceptBatchRecord | undefined> {
  const [row] = await db.query<InterceptBatchRecord>(
    `SELECT ${BATCH_COLUMNS} FROM intercept_batches WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/** A batch by id alone, for the worker. */
export async function loadInterceptBatch(
  db: Queryable,
  id: string,
): Promise<InterceptBatchRecord | undefined> {
  const [row] = await db.query<InterceptBatchRecord>(
    `SELECT ${BATCH_COLUMNS} FROM intercept_batches WHERE id = $1`,
    [id],
  );
  return row;
}

/**
 * The outcome an item has now: the intercept's current status where it made one (a pending
 * intercept that reconciliation settled counts as settled), else what was stored.
 */
const OUTCOME_NOW = `CASE
    WHEN i.status IS NULL THEN b.outcome
    WHEN i.status IN ('accepted', 'returning', 'returned') THEN 'succeeded'
    WHEN i.status = 'pending' THEN 'pending'
    WHEN i.status = 'rejected' THEN 'refused'
    WHEN i.status = 'cancelled' THEN 'cancelled'
    ELSE 'failed' END`;

/** Counts of the batch's items by run status and by outcome now. */
export async function countBatchItems(db: Queryable, batchId: string): Promise<BatchCounts> {
  const rows = await db.query<{ status: BatchItemStatus; outcome: string | null; n: number }>(
    `SELECT b.status, ${OUTCOME_NOW} AS outcome, count(*)::int AS n
       FROM intercept_batch_items b LEFT JOIN intercepts i ON i.id = b.intercept_id
      WHERE b.batch_id = $1
      GROUP BY 1, 2`,
    [batchId],
  );
  const counts = {
    total: 0,
    queued: 0,
    running: 0,
    done: 0,
    succeeded: 0,
    pending: 0,
    refused: 0,
    failed: 0,
    cancelled: 0,
  };
  for (const row of rows) {
    counts.total += row.n;
    counts[row.status] += row.n;
    if (row.status === 'done' && row.outcome !== null && row.outcome in counts) {
      counts[row.outcome as BatchItemOutcome] += row.n;
    }
  }
  return counts;
}

/** A page of the batch's items from index `fromIndex`, in order (one more than `limit`). */
export async function listBatchItems(
  db: Queryable,
  batchId: string,
  fromIndex: number,
  limit: number,
): Promise<BatchItemRecord[]> {
  return db.query<BatchItemRecord>(
    `SELECT b.batch_id AS "batchId", b.item_index AS "index", b.carrier,
            b.tracking_number AS "trackingNumber", b.request, b.status, b.tries,
            b.intercept_id AS "interceptId", i.status AS "interceptStatus",
            ${OUTCOME_NOW} AS outcome, b.reasons, b.problem
       FROM intercept_batch_items b LEFT JOIN intercepts i ON i.id = b.intercept_id
      WHERE b.batch_id = $1 AND b.item_index >= $2
      ORDER BY b.item_index
      LIMIT $3`,
    [batchId, fromIndex, limit + 1],
  );
}

/** An item taken by a worker. */
export interface ClaimedItem {
  readonly index: number;
  readonly request: unknown;
  readonly tries: number;
}

/**
 * Takes up to `max` items of a batch to run now (queued and due, or running under a lease
 * that ran out: their worker died), leasing them for `leaseMs`, but never more than leaves
 * the tenant with `tenantLimit` items running across all its batches, so one tenant's
 * batches cannot fill the carriers' queues. On PostgreSQL the tenant's count and the claim
 * are serialised per tenant by an advisory lock, so replicas claiming at once cannot both
 * take the last slot; PGlite has one caller at a time.
 */
export async function claimBatchItems(
  database: Database,
  batch: { readonly id: string; readonly tenantId: string },
  options: { readonly max: number; readonly tenantLimit: number; readonly leaseMs: number },
): Promise<ClaimedItem[]> {
  return database.transaction(async (tx) => {
    if (database.kind === 'postgres') {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('parcelgate:batch:' || $1))", [
        batch.tenantId,
      ]);
    }
    const [busy] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM intercept_batch_items
        WHERE tenant_id = $1 AND status = 'running' AND lease_until > now()`,
      [batch.tenantId],
    );
    const room = Math.min(options.max, options.tenantLimit - (busy?.n ?? 0));
    if (room <= 0) {
      return [];
    }
    return tx.query<ClaimedItem>(
      `UPDATE intercept_batch_items b
          SET status = 'running', tries = b.tries + 1, updated_at = now(),
              lease_until = now() + make_interval(secs => $3::double precision / 1000)
         FROM (SELECT batch_id, item_index FROM intercept_batch_items
                WHERE batch_id = $1 AND status <> 'done' AND not_before <= now()
                  AND (status = 'queued' OR lease_until <= now())
                ORDER BY item_index LIMIT $2
                FOR UPDATE SKIP LOCKED) picked
        WHERE b.batch_id = picked.batch_id AND b.item_index = picked.item_index
        RETURNING b.item_index AS "index", b.request, b.tries`,
      [batch.id, room, options.leaseMs],
    );
  });
}

/** How an item ended. */
export interface ItemResult {
  readonly interceptId: string | null;
  readonly outcome: BatchItemOutcome;
  readonly reasons: readonly BatchItemReason[];
  readonly problem: BatchItemProblem | null;
}

/** Stores an item's result; the item is done. */
export async function finishBatchItem(
  db: Queryable,
  batchId: string,
  index: number,
  result: ItemResult,
): Promise<void> {
  await db.query(
    `UPDATE intercept_batch_items
        SET status = 'done', lease_until = NULL, intercept_id = $3, outcome = $4,
            reasons = $5::jsonb, problem = $6::jsonb, updated_at = now()
      WHERE batch_id = $1 AND item_index = $2`,
    [
      batchId,
      index,
      result.interceptId,
      result.outcome,
      JSON.stringify(result.reasons),
      result.problem === null ? null : JSON.stringify(result.problem),
    ],
  );
}

/**
 * Puts an item back in the queue, due in `delayMs`. `countTry: false` gives back the try
 * its claim counted (the item did not run: another holder's claim was still live).
 */
export async function requeueBatchItem(
  db: Queryable,
  batchId: string,
  index: number,
  delayMs: number,
  countTry = true,
): Promise<void> {
  await db.query(
    `UPDATE intercept_batch_items
        SET status = 'queued', lease_until = NULL, updated_at = now(),
            tries = CASE WHEN $4 THEN tries ELSE greatest(0, tries - 1) END,
            not_before = now() + make_interval(secs => $3::double precision / 1000)
      WHERE batch_id = $1 AND item_index = $2 AND status = 'running'`,
    [batchId, index, delayMs, countTry],
  );
}

/** What is left of a batch: items not done, and how soon the next one is due (ms). */
export async function batchBacklog(
  db: Queryable,
  batchId: string,
): Promise<{ readonly open: number; readonly dueInMs: number | null }> {
  const [row] = await db.query<{ open: number; dueInMs: number | null }>(
    `SELECT count(*)::int AS open,
            greatest(0, extract(epoch FROM min(CASE WHEN status = 'running' THEN lease_until ELSE not_before END) - now()) * 1000)::double precision AS "dueInMs"
       FROM intercept_batch_items WHERE batch_id = $1 AND status <> 'done'`,
    [batchId],
  );
  return { open: row?.open ?? 0, dueInMs: row?.dueInMs ?? null };
}

/** Marks a batch done once every item is; returns whether this call did it. */
export async function completeInterceptBatch(db: Queryable, batchId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE intercept_batches SET status = 'done', completed_at = now()
      WHERE id = $1 AND status = 'running'
        AND NOT EXISTS (SELECT 1 FROM intercept_batch_items WHERE batch_id = $1 AND status <> 'done')
      RETURNING 1`,
    [batchId],
  );
  return rows.length > 0;
}

/** Batches still running, oldest first (the worker's sweep at start). */
export async function listRunningBatches(
  db: Queryable,
  limit: number,
): Promise<{ readonly id: string; readonly tenantId: string }[]> {
  return db.query<{ id: string; tenantId: string }>(
    `SELECT id, tenant_id AS "tenantId" FROM intercept_batches WHERE status = 'running'
      ORDER BY created_at LIMIT $1`,
    [limit],
  );
}
