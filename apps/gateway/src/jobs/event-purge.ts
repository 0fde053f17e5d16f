import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../store/database.ts';
import { purgeExpiredEvents } from '../store/events.ts';
import { type BatchPurge, startBatchPurge } from './batch-purge.ts';

/** How long events are kept (and read back by `GET /v1/events`). */
export const EVENT_RETENTION_DAYS = 30;

/**
 * Deletes events older than {@link EVENT_RETENTION_DAYS} at start and then every hour (see
 * {@link startBatchPurge}).
 */
export function startEventPurge(options: {
  readonly database: Queryable;
  readonly log: FastifyBaseLogger;
}): BatchPurge {
  const { database, log } = options;
  return startBatchPurge({
    component: 'event-purge',
    what: 'expired events',
    log,
    deleteBatch: (batchSize) =>
      purgeExpiredEvents(database, { retentionDays: EVENT_RETENTION_DAYS, batchSize }),
  });
}
