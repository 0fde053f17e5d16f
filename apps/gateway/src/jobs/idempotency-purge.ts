import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../store/database.ts';
import { purgeExpiredIdempotencyKeys } from '../store/idempotency.ts';
import { type BatchPurge, startBatchPurge } from './batch-purge.ts';

export { PURGE_BATCH_SIZE } from './batch-purge.ts';

/** Deletes expired Idempotency-Key records in the background. */
export type IdempotencyPurge = BatchPurge;

/**
 * Runs {@link purgeExpiredIdempotencyKeys} at start and then every hour (see
 * {@link startBatchPurge}).
 */
export function startIdempotencyPurge(options: {
  readonly database: Queryable;
  readonly ttlHours: number;
  readonly log: FastifyBaseLogger;
}): IdempotencyPurge {
  const { database, ttlHours, log } = options;
  return startBatchPurge({
    component: 'idempotency-purge',
    what: 'expired idempotency keys',
    log,
    deleteBatch: (batchSize) => purgeExpiredIdempotencyKeys(database, { ttlHours, batchSize }),
  });
}
