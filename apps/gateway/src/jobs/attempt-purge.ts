import type { FastifyBaseLogger } from 'fastify';
import { purgeExpiredAttempts } from '../store/attempts.ts';
import type { Queryable } from '../store/database.ts';
import { type BatchPurge, startBatchPurge } from './batch-purge.ts';

/**
 * Deletes carrier attempts older than `retentionDays` (`PARCELGATE_ATTEMPT_RETENTION_DAYS`)
 * at start and then every hour (see {@link startBatchPurge}): every tracking read and
 * action writes one row per attempt, the table that grows fastest.
 */
export function startAttemptPurge(options: {
  readonly database: Queryable;
  readonly retentionDays: number;
  readonly log: FastifyBaseLogger;
}): BatchPurge {
  const { database, retentionDays, log } = options;
  return startBatchPurge({
    component: 'attempt-purge',
    what: 'expired carrier attempts',
    log,
    deleteBatch: (batchSize) => purgeExpiredAttempts(database, { retentionDays, batchSize }),
  });
}
