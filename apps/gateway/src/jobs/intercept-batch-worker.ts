import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import {
  batchBacklog,
  type ClaimedItem,
  claimBatchItems,
  completeInterceptBatch,
  listRunningBatches,
  loadInterceptBatch,
  requeueBatchItem,
} from '../store/intercept-batches.ts';
import { type AuthenticatedTenant, findTenant } from '../store/tenants.ts';

/** The pg-boss queue of batch turns: one job runs one turn of one batch. */
export const INTERCEPT_BATCH_QUEUE = 'parcelgate-intercept-batches';

/** Turns run at once per process (different batches, so different tenants interleave). */
const TURNS_AT_ONCE = 4;
/** How often running batches are checked for a lost turn (and once at start). */
const SWEEP_EVERY_MS = 30_000;
/** Running batches one sweep looks at. */
const SWEEP_LIMIT = 1_000;
/** The soonest and latest a batch with nothing to run now looks again. */
const IDLE_MIN_MS = 250;
const IDLE_MAX_MS = 5_000;

/** What a turn's job carries. */
export interface BatchTurn {
  readonly batchId: string;
}

/**
 * Runs one claimed item to its result or back into the queue: the action pipeline, given
 * by `app.ts` (jobs stand below services and do not import them).
 */
export type RunBatchItem = (
  batch: { readonly id: string; readonly tenant: AuthenticatedTenant; readonly leaseMs: number },
  item: ClaimedItem,
) => Promise<unknown>;

/** Runs bulk intercepts in the background. */
export interface BatchRunner {
  /** Queues a new batch's first turn. Never throws: a batch whose turn was lost is swept. */
  start(batchId: string): Promise<void>;
  /** Queues a turn for every running batch that has none queued; returns how many. */
  sweep(): Promise<number>;
  /** Stops sweeping; the queue itself is stopped by its owner. */
  stop(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Bulk intercepts' worker; without jobs, batches wait (stored) for a gateway with jobs. */
    readonly interceptBatches: BatchRunner;
  }
}

/** A runner for an app built without jobs: batches are stored and run by the next one. */
export const disabledBatchRunner: BatchRunner = {
  start: async () => {},
  sweep: async () => 0,
  stop: async () => {},
};

/**
 * How long a worker's claim on an item holds: twice the longest intercept budget (the item
 * is one intercept request, tracking read included) and a margin for storing it. Past it
 * the worker is presumed dead and the item is run again, answered from its key.
 */
export function itemLeaseMs(app: Pick<FastifyInstance, 'carriers' | 'resilience'>): number {
  const budgets = app.carriers
    .list()
    .map((carrier) => app.resilience.budgetsMs(carrier.definition.id).intercept);
  return 2 * Math.max(1_000, ...budgets) + 5_000;
}

/**
 * Starts the batch worker on the gateway's one queue. A batch runs in turns: each turn
 * takes up to the tenant's share of items (`PARCELGATE_BATCH_TENANT_CONCURRENCY`, counted
 * over all the tenant's batches and every replica), runs them at once through the action
 * pipeline, and queues the batch's next turn behind the other batches' turns, so batches of
 * several tenants take turns and no tenant holds more than its share of the carriers'
 * queues, where single requests keep their place (the carrier limiter's turn order).
 * Every carrier call goes through that limiter, the circuit and the retry budget as a
 * request's would. The items are the truth: a turn lost with its process is queued again
 * by the sweep, and an item left running is run again once its lease ran out. With
 * `run: false` (the `serve` role) it only queues new batches' first turns, for a worker.
 */
export async function startInterceptBatchWorker(
  app: FastifyInstance,
  boss: PgBoss,
  runItem: RunBatchItem,
  options: { readonly run: boolean } = { run: true },
): Promise<BatchRunner> {
  const log = app.log.child({ component: 'intercept-batches' });
  const leaseMs = itemLeaseMs(app);
  const share = app.config.batches.tenantConcurrency;
  await ensureBatchQueue(boss, leaseMs);

  /** Queues the batch's next turn unless one is queued already; says whether it did. */
  const queueTurn = async (batchId: string, delayMs: number): Promise<boolean> => {
    // One turn queued per batch is enough; a second would only poll beside it.
    const queued = await boss.findJobs(INTERCEPT_BATCH_QUEUE, { key: batchId, queued: true });
    if (queued.length > 0) {
      return false;
    }
    await boss.send(INTERCEPT_BATCH_QUEUE, { batchId } satisfies BatchTurn, {
      singletonKey: batchId,
      startAfter: new Date(Date.now() + delayMs),
    });
    return true;
  };
  const start = async (batchId: string) => {
    try {
      await queueTurn(batchId, 0);
    } catch (error) {
      log.error({ err: error, batchId }, 'could not queue a batch turn');
    }
  };
  if (!options.run) {
    return { start, sweep: async () => 0, stop: async () => {} };
  }

  const runTurn = async ({ batchId }: BatchTurn): Promise<void> => {
    const batch = await loadInterceptBatch(app.database, batchId);
    if (batch === undefined || batch.status === 'done') {
      return;
    }
    const tenant = await findTenant(app.database, batch.tenantId);
    if (tenant === undefined) {
      return;
    }
    const claimed = await claimBatchItems(app.database, batch, {
      max: share,
      tenantLimit: share,
      leaseMs,
    });
    const running = { id: batchId, tenant: { ...tenant, keyId: batch.keyId }, leaseMs };
    await Promise.all(
      claimed.map((item) =>
        runItem(running, item).catch(async (error: unknown) => {
          // The database failed around the item: it is run again, answered from its key.
          log.error({ err: error, batchId, item: item.index }, 'batch item failed to run');
          await requeueBatchItem(app.database, batchId, item.index, 1_000).catch(() => {});
        }),
      ),
    );
    const backlog = await batchBacklog(app.database, batchId);
    if (backlog.open === 0) {
      if (await completeInterceptBatch(app.database, batchId)) {
        log.info({ batchId, items: batch.itemCount }, 'intercept batch done');
      }
      return;
    }
    const idleMs = Math.min(IDLE_MAX_MS, Math.max(IDLE_MIN_MS, backlog.dueInMs ?? IDLE_MAX_MS));
    await queueTurn(batchId, claimed.length > 0 ? 0 : idleMs);
  };

  await boss.work<BatchTurn>(
    INTERCEPT_BATCH_QUEUE,
    { pollingIntervalSeconds: 0.5, batchSize: 1, localConcurrency: TURNS_AT_ONCE },
    async ([job]) => {
      if (job !== undefined) {
        await runTurn(job.data);
      }
    },
  );

  let sweeping: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    sweeping ??= (async () => {
      const running = await listRunningBatches(app.database, SWEEP_LIMIT);
      let queued = 0;
      for (const batch of running) {
        if (await queueTurn(batch.id, 0)) {
          queued++;
        }
      }
      if (queued > 0) {
        log.info({ queued, running: running.length }, 'intercept batch sweep');
      }
      return queued;
    })().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  };
  await sweep().catch((error: unknown) => log.error({ err: error }, 'batch sweep failed'));
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => log.error({ err: error }, 'batch sweep failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();

  return {
    start,
    sweep,
    async stop() {
      clearInterval(timer);
      await sweeping?.catch(() => 0);
    },
  };
}

/** Creates the queue, or updates its options to the current settings. */
async function ensureBatchQueue(boss: PgBoss, leaseMs: number): Promise<void> {
  const options = {
    // A turn runs its items at once, each within its lease; one active longer died with
    // its process (its items are run again once their leases run out).
    expireInSeconds: Math.ceil(leaseMs / 1000) + 30,
    // A turn that throws (the database went away) is tried again; the sweep would also.
    retryLimit: 3,
    retryDelay: 1,
    retryBackoff: true,
    deleteAfterSeconds: 3_600,
  };
  if ((await boss.getQueue(INTERCEPT_BATCH_QUEUE)) === null) {
    try {
      await boss.createQueue(INTERCEPT_BATCH_QUEUE, options);
      return;
    } catch (error) {
      if ((await boss.getQueue(INTERCEPT_BATCH_QUEUE)) === null) {
        throw error;
      }
    }
  }
  await boss.updateQueue(INTERCEPT_BATCH_QUEUE, options);
}
