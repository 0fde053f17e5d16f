import type { Queryable } from './database.ts';

/** Identifies one Idempotency-Key use. */
export interface IdempotencyScope {
  readonly tenantId: string;
  readonly key: string;
}

/** A stored answer, replayed for a repeated request. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** What to do with a request carrying an Idempotency-Key. */
export type IdempotencyDecision =
  /** First use (or a takeover after its holder died): process it. */
  | { readonly kind: 'process'; readonly actionId: string | undefined }
  /** Same key, same request, finished: answer the stored response. */
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  /** Same key, different request: 422. */
  | { readonly kind: 'mismatch' }
  /** Same key, still being processed: 409. */
  | { readonly kind: 'in-progress' };

interface KeyRow {
  readonly request_hash: string;
  readonly state: string;
  readonly action_id: string | null;
  readonly response_status: number | null;
  readonly response_headers: Record<string, string> | null;
  readonly response_body: unknown;
  readonly lease_expired: boolean;
}

/**
 * Claims an Idempotency-Key for a request, atomically through the table's primary key, so
 * two processes racing on one key cannot both process it. A claim holds a lease; a claim
 * whose holder died (lease expired, never completed) may be taken over.
 */
export async function claimIdempotencyKey(
  db: Queryable,
  scope: IdempotencyScope & {
    readonly requestHash: string;
    readonly method: string;
    readonly path: string;
    readonly leaseMs: number;
    /** A record older than this is forgotten: the key counts as new (and is purged). */
    readonly ttlHours: number;
  },
): Promise<IdempotencyDecision> {
  // A new key, or one whose record expired: the expired record is replaced whole, in the
  // same statement, so two requests racing on it cannot both take it.
  const inserted = await db.query(
    `INSERT INTO idempotency_keys
       (tenant_id, idempotency_key, request_hash, method, path, state, locked_until)
     VALUES ($1, $2, $3, $4, $5, 'in_progress', now() + make_interval(secs => $6::double precision / 1000))
     ON CONFLICT (tenant_id, idempotency_key) DO UPDATE
        SET request_hash = EXCLUDED.request_hash, method = EXCLUDED.method, path = EXCLUDED.path,
            state = 'in_progress', action_id = NULL, response_status = NULL,
            response_headers = NULL, response_body = NULL, locked_until = EXCLUDED.locked_until,
            created_at = now(), completed_at = NULL
      WHERE idempotency_keys.created_at < now() - make_interval(hours => $7::integer)
     RETURNING 1`,
    [
      scope.tenantId,
      scope.key,
      scope.requestHash,
      scope.method,
      scope.path,
      scope.leaseMs,
      scope.ttlHours,
    ],
  );
  if (inserted.length > 0) {
    return { kind: 'process', actionId: undefined };
  }
  const [row] = await db.query<KeyRow>(
    `SELECT request_hash, state, action_id, response_status, response_headers, response_body,
            locked_until < now() AS lease_expired
       FROM idempotency_keys WHERE tenant_id = $1 AND idempotency_key = $2`,
    [scope.tenantId, scope.key],
  );
  if (row === undefined) {
    // Released between our insert and select: the earlier request failed; try again.
    return claimIdempotencyKey(db, scope);
  }
  if (row.request_hash !== scope.requestHash) {
    return { kind: 'mismatch' };
  }
  if (row.state === 'completed' && row.response_status !== null) {
    return {
      kind: 'replay',
      response: {
        status: row.response_status,
        headers: row.response_headers ?? {},
        body: row.response_body,
      },
    };
  }
  if (!row.lease_expired) {
    return { kind: 'in-progress' };
  }
  const taken = await db.query(
    `UPDATE idempotency_keys
        SET locked_until = now() + make_interval(secs => $3::double precision / 1000)
      WHERE tenant_id = $1 AND idempotency_key = $2 AND state = 'in_progress' AND locked_until < now()
      RETURNING 1`,
    [scope.tenantId, scope.key, scope.leaseMs],
  );
  return taken.length > 0
    ? { kind: 'process', actionId: row.action_id ?? undefined }
    : { kind: 'in-progress' };
}

/**
 * Unties the intercept or redirect the request created from its key once it is proven the
 * carrier never acted, so a retry with the key runs afresh. (It was tied when it was stored:
 * `withFirstTransition`.)
 */
export async function detachIdempotencyAction(
  db: Queryable,
  scope: IdempotencyScope,
): Promise<void> {
  await db.query(
    'UPDATE idempotency_keys SET action_id = NULL WHERE tenant_id = $1 AND idempotency_key = $2',
    [scope.tenantId, scope.key],
  );
}

/** Stores the final answer, to be replayed for every repeat of the request. */
export async function completeIdempotencyKey(
  db: Queryable,
  scope: IdempotencyScope,
  response: StoredResponse,
): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys
        SET state = 'completed', response_status = $3, response_headers = $4::jsonb,
            response_body = $5::jsonb, completed_at = now()
      WHERE tenant_id = $1 AND idempotency_key = $2`,
    [
      scope.tenantId,
      scope.key,
      response.status,
      JSON.stringify(response.headers),
      JSON.stringify(response.body),
    ],
  );
}

/**
 * Forgets a claim whose request failed on our side (5xx) before anything was decided, so the
 * client may retry with the same key. Never used once a carrier may have acted.
 */
export async function releaseIdempotencyKey(db: Queryable, scope: IdempotencyScope): Promise<void> {
  await db.query(
    `DELETE FROM idempotency_keys
      WHERE tenant_id = $1 AND idempotency_key = $2 AND state = 'in_progress' AND action_id IS NULL`,
    [scope.tenantId, scope.key],
  );
}

/**
 * Deletes up to `batchSize` records older than `ttlHours` (oldest first) and returns how
 * many it deleted; the purge job calls it until a batch comes back short, so no statement
 * holds many rows locked.
 */
export async function purgeExpiredIdempotencyKeys(
  db: Queryable,
  options: { readonly ttlHours: number; readonly batchSize: number },
): Promise<number> {
  const rows = await db.query(
    `DELETE FROM idempotency_keys
      WHERE (tenant_id, idempotency_key) IN (
        SELECT tenant_id, idempotency_key FROM idempotency_keys
         WHERE created_at < now() - make_interval(hours => $1::integer)
         ORDER BY created_at
         LIMIT $2)
     RETURNING 1`,
    [options.ttlHours, options.batchSize],
  );
  return rows.length;
}

/**
 * Ties what a request created (a batch) to its key in the caller's transaction, as storing
 * an action does (`withFirstTransition`): a takeover after a crash then answers with it
 * (`earlierActionId`) instead of creating a second one.
 */
export async function tieIdempotencyKey(
  db: Queryable,
  scope: IdempotencyScope,
  createdId: string,
): Promise<void> {
  await db.query(
    'UPDATE idempotency_keys SET action_id = $3 WHERE tenant_id = $1 AND idempotency_key = $2',
    [scope.tenantId, scope.key, createdId],
  );
}
