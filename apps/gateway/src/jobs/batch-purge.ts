import type { FastifyBaseLogger } from 'fastify';

/** Records deleted per statement: small enough never to hold many rows locked. */
export const PURGE_BATCH_SIZE = 1_000;
/** Batches per run at most; a larger backlog is finished by the next runs. */
const MAX_BATCHES_PER_RUN = 100;
/** How often a purge runs: a record is gone at most this long after it expired. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** A background purge of expired records. */
export interface BatchPurge {
  /** Purges now, batch after batch; returns how many records it deleted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs `deleteBatch` (which deletes at most `batchSize` expired records and says how many)
 * at start and then every hour, batch after batch until a short one, on PostgreSQL and
 * PGlite alike. Several replicas may purge at once: each deletes what the others have not.
 * One run at a time per process.
 */
export function startBatchPurge(options: {
  /** Names the purge in logs (`idempotency-purge`, `event-purge`). */
  readonly component: string;
  /** What the log line says was purged. */
  readonly what: string;
  readonly deleteBatch: (batchSize: number) => Promise<number>;
  readonly log: FastifyBaseLogger;
}): BatchPurge {
  const { component, what, deleteBatch, log } = options;
  let running: Promise<number> | undefined;
  const runOnce = (): Promise<number> => {
    running ??= purgeAll(deleteBatch).finally(() => {
      running = undefined;
    });
    return running;
  };
  const run = () => {
    runOnce().then(
      (deleted) => {
        if (deleted > 0) {
          log.info({ component, deleted }, `${what} purged`);
        }
      },
      (error: unknown) => log.error({ err: error, component }, `${component} failed`),
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

async function purgeAll(deleteBatch: (batchSize: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const deleted = await deleteBatch(PURGE_BATCH_SIZE);
    total += deleted;
    if (deleted < PURGE_BATCH_SIZE) {
      break;
    }
  }
  return total;
}
