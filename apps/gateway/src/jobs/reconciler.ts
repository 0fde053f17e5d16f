import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import { listOpenActions } from '../lifecycle/action-store.ts';
import type { ActionTable } from '../store/actions.ts';
import { maxReconcileDelayMs, reconcileDelayMs } from './backoff.ts';
import { createJobBatch } from './job-batch.ts';
import { type ReconcileJob, reconcileAction } from './reconcile-action.ts';

/** The pg-boss queue of reconcile jobs. */
export const RECONCILE_QUEUE = 'parcelgate-reconcile';

/** How long a first check waits for others to be queued with it, in one statement. */
const FOLLOW_BATCH_MS = 10;
/** First checks queued in one statement at most. */
const FOLLOW_BATCH_SIZE = 200;

/** The soonest a check is repeated, however close its window. */
const MIN_RECHECK_MS = 100;
/** Most actions one sweep looks at; the oldest first, the next sweep takes the rest. */
const SWEEP_LIMIT = 10_000;

/** Follows intercepts and redirects whose outcome is not final, in the background. */
export interface Reconciler {
  /**
   * Schedules the first check of an action left pending, accepted or returning, one
   * interval from now. Never throws: the answer was already decided, and an action whose
   * job could not be queued is found by the next sweep.
   */
  follow(table: ActionTable, id: string): Promise<void>;
  /**
   * Makes sure every open action has a job due within the current settings: one is
   * queued where none is, and one due later than the longest backoff is brought forward.
   * Runs at start and then periodically; returns how many jobs it queued or moved.
   */
  sweep(): Promise<number>;
  /** Stops sweeping and queues what it held back; the queue itself is stopped by its owner. */
  stop(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Outcome reconciliation; a no-op when the app was built without jobs. */
    readonly reconciler: Reconciler;
  }
}

/** A reconciler for an app built without jobs (unit tests, the OpenAPI script). */
export const disabledReconciler: Reconciler = {
  follow: async () => {},
  sweep: async () => 0,
  stop: async () => {},
};

/**
 * Starts the queue and its worker on the app's database. Jobs are keyed by action under
 * pg-boss's `stately` policy: at most one queued and one running per action across every
 * process, and the job itself only writes a status it read under a row lock (see
 * `applySteps`), so two checks can never race each other into a wrong state. With
 * `run: false` (the `serve` role) it only queues first checks, for a worker to run.
 */
export async function startReconciler(
  app: FastifyInstance,
  boss: PgBoss,
  options: { readonly run: boolean } = { run: true },
): Promise<Reconciler> {
  const { intervalMs } = app.config.reconcile;
  const log = app.log.child({ component: 'reconciler' });
  await ensureQueue(boss, app);
  const firstChecks = createJobBatch<ReconcileJob>({
    windowMs: FOLLOW_BATCH_MS,
    maxSize: FOLLOW_BATCH_SIZE,
    async insert(jobs) {
      const startAfter = new Date(Date.now() + reconcileDelayMs(intervalMs, 0));
      await boss.insert(
        RECONCILE_QUEUE,
        jobs.map((job) => ({ data: job, singletonKey: keyOf(job.table, job.id), startAfter })),
      );
    },
  });
  const follow = async (table: ActionTable, id: string) => {
    try {
      await firstChecks.add({ table, id, run: 0 });
    } catch (error) {
      log.error({ err: error, actionId: id }, 'could not queue a reconcile job');
    }
  };
  if (!options.run) {
    return {
      follow,
      sweep: async () => 0,
      stop: () => firstChecks.flush(),
    };
  }

  const schedule = async (table: ActionTable, id: string, run: number, delayMs: number) => {
    const job: ReconcileJob = { table, id, run };
    await boss.send(RECONCILE_QUEUE, job, {
      singletonKey: keyOf(table, id),
      startAfter: new Date(Date.now() + delayMs),
    });
  };

  await boss.work<ReconcileJob>(
    RECONCILE_QUEUE,
    {
      // Poll about twice per interval, within what pg-boss allows (0.5 s) and no slower
      // than every 2 s, its default.
      pollingIntervalSeconds: Math.min(2, Math.max(0.5, intervalMs / 2000)),
      batchSize: 1,
      localConcurrency: 2,
    },
    async ([job]) => {
      if (job === undefined) {
        return;
      }
      const next = await reconcileAction(app, job.data);
      if (next.kind === 'again') {
        // The backoff, unless a window closes first: it is judged when it does.
        const delayMs = Math.min(
          reconcileDelayMs(intervalMs, next.run),
          Math.max(MIN_RECHECK_MS, next.withinMs ?? Number.POSITIVE_INFINITY),
        );
        await schedule(job.data.table, job.data.id, next.run, delayMs);
      }
    },
  );

  let sweeping: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    sweeping ??= sweepOnce(app, boss, schedule).finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  };
  await sweep().catch((error: unknown) => log.error({ err: error }, 'reconcile sweep failed'));
  // Catches actions whose job was lost (a crash between storing and queueing, retries
  // exhausted): every ten intervals, between one minute and one hour.
  const sweepEveryMs = Math.min(3_600_000, Math.max(60_000, 10 * intervalMs));
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => log.error({ err: error }, 'reconcile sweep failed'));
  }, sweepEveryMs);
  timer.unref();

  return {
    follow,
    sweep,
    async stop() {
      clearInterval(timer);
      await firstChecks.flush();
      await sweeping?.catch(() => 0);
    },
  };
}

/** Creates the queue, or updates its options to the current settings. */
async function ensureQueue(boss: PgBoss, app: FastifyInstance): Promise<void> {
  const { intervalMs } = app.config.reconcile;
  const options = {
    // One check is at most two carrier reads; a job active for longer died with its process
    // and is handed to another.
    expireInSeconds: Math.ceil((2 * app.config.budgetsMs.track) / 1000) + 30,
    // A check that throws (the database went away) is retried with backoff.
    retryLimit: 10,
    retryDelay: Math.max(1, Math.round(intervalMs / 1000)),
    retryBackoff: true,
    retryDelayMax: 3_600,
    // A deferred job must outlive its longest wait.
    retentionSeconds: Math.max(
      14 * 86_400,
      Math.ceil((2 * maxReconcileDelayMs(intervalMs)) / 1000),
    ),
    // Finished jobs are of no use to anyone: keep the table small.
    deleteAfterSeconds: 3_600,
  };
  if ((await boss.getQueue(RECONCILE_QUEUE)) === null) {
    try {
      await boss.createQueue(RECONCILE_QUEUE, { ...options, policy: 'stately' });
      return;
    } catch (error) {
      // Another replica created it first.
      if ((await boss.getQueue(RECONCILE_QUEUE)) === null) {
        throw error;
      }
    }
  }
  await boss.updateQueue(RECONCILE_QUEUE, options);
}

async function sweepOnce(
  app: FastifyInstance,
  boss: PgBoss,
  schedule: (table: ActionTable, id: string, run: number, delayMs: number) => Promise<void>,
): Promise<number> {
  const open = await listOpenActions(app.database, SWEEP_LIMIT);
  if (open.length === 0) {
    return 0;
  }
  const { intervalMs } = app.config.reconcile;
  const queued = await boss.findJobs<ReconcileJob>(RECONCILE_QUEUE, {
    queued: true,
    limit: 100_000,
  });
  const byKey = new Map(queued.map((job) => [job.singletonKey, job]));
  const latest = Date.now() + maxReconcileDelayMs(intervalMs);
  let changed = 0;
  for (const action of open) {
    const job = byKey.get(keyOf(action.table, action.id));
    // Spread over one interval, so a start with many open actions does not burst.
    const startAfter = new Date(Date.now() + Math.round(Math.random() * intervalMs));
    if (job === undefined) {
      await schedule(action.table, action.id, 0, startAfter.getTime() - Date.now());
      changed++;
    } else if (job.startAfter.getTime() > latest) {
      // Queued under longer settings than today's (the interval was shortened).
      await boss.update(RECONCILE_QUEUE, undefined, { id: job.id, startAfter });
      changed++;
    }
  }
  if (changed > 0) {
    app.log.info({ component: 'reconciler', changed, open: open.length }, 'reconcile sweep');
  }
  return changed;
}

function keyOf(table: ActionTable, id: string): string {
  return `${table}:${id}`;
}
