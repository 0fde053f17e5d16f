import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import {
  DEADLINE_NEAR_MS,
  rejudgeOrderEvent,
  UNDECIDED_TAKEOVER_MS,
} from '../lifecycle/order-deadline.ts';
import {
  listUndecidedOrderEvents,
  listWatchedOrderEvents,
  type OrderEventRecord,
} from '../store/order-events.ts';

/** What watches an event's deadline after the answer (jobs/order-deadline-watch.ts). */
export interface OrderDeadlineWatch {
  /** Checks the event again near and at its deadline. Never throws. */
  watch(tenantId: string, id: string, respondBy: Date): Promise<void>;
  stop(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The order-event deadline watcher; a no-op when the app was built without jobs. */
    readonly orderDeadlines: OrderDeadlineWatch;
  }
}

/** The pg-boss queue of order-event deadline checks. */
export const ORDER_DEADLINE_QUEUE = 'parcelgate-order-deadline';

/** One check of an order event's deadline. */
interface DeadlineCheck {
  readonly tenantId: string;
  readonly id: string;
}

/** Events one sweep judges again at most, soonest deadline first. */
const SWEEP_LIMIT = 1_000;
/** How often the sweep catches events whose checks were lost. */
const SWEEP_EVERY_MS = 5 * 60_000;
/** A check at the deadline runs just after it, so "passed" is already true. */
const AFTER_DEADLINE_MS = 1_000;

/** A watcher for an app built without jobs (unit tests, the OpenAPI script). */
export const disabledOrderDeadlineWatch: OrderDeadlineWatch = {
  watch: async () => {},
  stop: async () => {},
};

/**
 * Watches order events' deadlines on the gateway's one queue: each watched event is judged
 * again when its deadline is near (a pending action is then reported `at_risk`) and just
 * after it (`missed` unless everything asked was done, else `met`), raising
 * `order_event.deadline_at_risk` / `_missed` when it moves. A sweep at start and every five
 * minutes judges every watched event again, so a lost job costs a delay, not a report.
 * With `run: false` (the `serve` role) it only queues the checks, for a worker to run.
 */
export async function startOrderDeadlineWatch(
  app: FastifyInstance,
  boss: PgBoss,
  decideUndecided: (event: OrderEventRecord) => Promise<void>,
  options: { readonly run: boolean } = { run: true },
): Promise<OrderDeadlineWatch> {
  const log = app.log.child({ component: 'order-deadlines' });
  if ((await boss.getQueue(ORDER_DEADLINE_QUEUE)) === null) {
    try {
      await boss.createQueue(ORDER_DEADLINE_QUEUE, {
        retryLimit: 10,
        retryDelay: 5,
        retryBackoff: true,
        deleteAfterSeconds: 3_600,
      });
    } catch (error) {
      // Another replica created it first.
      if ((await boss.getQueue(ORDER_DEADLINE_QUEUE)) === null) {
        throw error;
      }
    }
  }
  const watch: OrderDeadlineWatch['watch'] = async (tenantId, id, respondBy) => {
    const data: DeadlineCheck = { tenantId, id };
    const due = respondBy.getTime();
    try {
      await boss.send(ORDER_DEADLINE_QUEUE, data, {
        singletonKey: `${id}:near`,
        startAfter: new Date(Math.max(Date.now(), due - DEADLINE_NEAR_MS)),
      });
      await boss.send(ORDER_DEADLINE_QUEUE, data, {
        singletonKey: `${id}:due`,
        startAfter: new Date(Math.max(Date.now(), due + AFTER_DEADLINE_MS)),
      });
    } catch (error) {
      log.error({ err: error, orderEventId: id }, 'could not queue a deadline check');
    }
  };
  if (!options.run) {
    return { watch, stop: async () => {} };
  }
  await boss.work<DeadlineCheck>(
    ORDER_DEADLINE_QUEUE,
    { pollingIntervalSeconds: 1, batchSize: 1 },
    async ([job]) => {
      if (job !== undefined) {
        await rejudgeOrderEvent(app, job.data.tenantId, job.data.id);
      }
    },
  );

  const sweep = async () => {
    // Events whose receiver died before deciding them are decided first: their deadline
    // judgement needs the decisions.
    const before = new Date(Date.now() - UNDECIDED_TAKEOVER_MS);
    for (const event of await listUndecidedOrderEvents(app.database, before, SWEEP_LIMIT)) {
      await decideUndecided(event).catch((error: unknown) =>
        log.error({ err: error, orderEventId: event.id }, 'could not decide an order event'),
      );
    }
    for (const event of await listWatchedOrderEvents(app.database, SWEEP_LIMIT)) {
      await rejudgeOrderEvent(app, event.tenantId, event.id);
    }
  };
  await sweep().catch((error: unknown) => log.error({ err: error }, 'deadline sweep failed'));
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => log.error({ err: error }, 'deadline sweep failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();

  return {
    watch,
    async stop() {
      clearInterval(timer);
    },
  };
}
