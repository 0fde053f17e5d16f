import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../store/database.ts';
import { purgeExpiredIdempotencyKeys } from '../store/idempotency.ts';

/** Records deleted per statement: small enough never to hold many rows locked. */
export const PURGE_BATCH_SIZE = 1_000;
/** Batches per run at most; a larger backlog is finished by the next runs. */
const MAX_BATCHES_PER_RUN = 100;
/** How often the purge runs: a key is gone at most this long after it expired. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Deletes expired Idempotency-Key records in the background. */
export interface IdempotencyPurge {
  /** Purges now, batch after batch; returns how many records it deleted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs {@link purgeExpiredIdempotencyKeys} at start and then every hour, on PostgreSQL and
 * PGlite alike. Several replicas may purge at once: each deletes what the others have not.
 */
export function startIdempotencyPurge(options: {
  readonly database: Queryable;
  readonly ttlHours: number;
  readonly log: FastifyBaseLogger;
}): IdempotencyPurge {
  const { database, ttlHours, log } = options;
  let running: Promise<number> | undefined;
  const runOnce = (): Promise<number> => {
    running ??= purgeAll(database, ttlHours).finally(() => {
      running = undefined;
    });
    return running;
  };
  const run = () => {
    runOnce().then(
      (deleted) => {
        if (deleted > 0) {
          log.info({ component: 'idempotency-purge', deleted }, 'expired idempotency keys purged');
        }
      },
      (error: unknown) =>
        log.error({ err: error, component: 'idempotency-purge' }, 'idempotency purge failed'),
    );
  };
  run();
  const timer = setInterval(run, PURGE_EVERY_MS);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}

async function purgeAll(database: Queryable, ttlHours: number): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const deleted = await purgeExpiredIdempotencyKeys(database, {
      ttlHours,
      batchSize: PURGE_BATCH_SIZE,
    });
    total += deleted;
    if (deleted < PURGE_BATCH_SIZE) {
      break;
    }
  }
  return total;
}
