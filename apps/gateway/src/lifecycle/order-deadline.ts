import type { FastifyInstance } from 'fastify';
import type { OrderEventEventType } from '../policy/event-types.ts';
import {
  type DeadlineJudgement,
  type DeadlineStatus,
  judgeOrderDeadline,
  operationCalledFor,
  progressOf,
} from '../policy/judge-order-deadline.ts';
import type { Queryable } from '../store/database.ts';
import { insertEvent } from '../store/events.ts';
import {
  actionStatuses,
  findOrderEvent,
  moveDeadline,
  type OrderEventRecord,
  type ParcelDecision,
} from '../store/order-events.ts';
import { presentOrderEvent } from './present-order-event.ts';

/**
 * How near its deadline a pending action is reported at risk: the carrier has not answered
 * and the marketplace refunds by itself soon.
 */
export const DEADLINE_NEAR_MS = 15 * 60_000;

/** The event a deadline moving to a status raises, if any. */
export function deadlineEventOf(status: DeadlineStatus): OrderEventEventType | undefined {
  switch (status) {
    case 'at_risk':
      return 'order_event.deadline_at_risk';
    case 'missed':
      return 'order_event.deadline_missed';
    default:
      return undefined;
  }
}

/**
 * The event's decisions with each started action's status as stored now, and its deadline
 * judged at `now` from them: what `GET /v1/order-events/{id}` answers and the watcher acts on.
 */
export async function judgeNow(
  db: Queryable,
  record: OrderEventRecord,
  now: Date,
): Promise<{ readonly record: OrderEventRecord; readonly judgement: DeadlineJudgement }> {
  if (record.decidedAt === null) {
    return {
      record,
      judgement: { status: record.deadlineStatus, reasons: record.deadlineReasons },
    };
  }
  const statuses = await actionStatuses(
    db,
    record.decisions.flatMap((decision) => (decision.actionId === null ? [] : [decision.actionId])),
  );
  const decisions: ParcelDecision[] = record.decisions.map((decision) =>
    decision.actionId === null
      ? decision
      : { ...decision, actionStatus: statuses.get(decision.actionId) ?? decision.actionStatus },
  );
  const called = operationCalledFor(record.type) !== undefined;
  const judgement = judgeOrderDeadline({
    now,
    respondBy: record.respondBy ?? undefined,
    nearMs: DEADLINE_NEAR_MS,
    parcels: decisions.map((decision) => progressOf(decision, called)),
  });
  return {
    record: {
      ...record,
      decisions,
      deadlineStatus: judgement.status,
      deadlineReasons: [...judgement.reasons],
    },
    judgement,
  };
}

/**
 * Judges a stored event again and, when its deadline moved, stores the move and raises its
 * event (`order_event.deadline_at_risk` or `_missed`) in one transaction. Returns the
 * status it stands at. Only one writer moves a given status (`moveDeadline` checks it).
 */
export async function rejudgeOrderEvent(
  app: Pick<FastifyInstance, 'database'>,
  tenantId: string,
  id: string,
  now: Date = new Date(),
): Promise<DeadlineStatus | undefined> {
  return app.database.transaction(async (tx) => {
    const stored = await findOrderEvent(tx, tenantId, id);
    if (stored === undefined || stored.decidedAt === null) {
      return stored?.deadlineStatus;
    }
    const { record, judgement } = await judgeNow(tx, stored, now);
    if (judgement.status === stored.deadlineStatus) {
      return stored.deadlineStatus;
    }
    const moved = await moveDeadline(tx, id, {
      from: stored.deadlineStatus,
      to: judgement.status,
      reasons: judgement.reasons,
      decisions: record.decisions,
    });
    const type = deadlineEventOf(judgement.status);
    if (moved && type !== undefined) {
      const after = (await findOrderEvent(tx, tenantId, id)) ?? record;
      await insertEvent(tx, {
        tenantId,
        type,
        objectKind: 'order_event',
        objectId: id,
        data: presentOrderEvent(after),
      });
    }
    return judgement.status;
  });
}

/**
 * How long an order event stored and not decided (its receiver died) waits before a repeat
 * of it, or the deadline watcher's sweep, decides it: its receiver may still be deciding.
 */
export const UNDECIDED_TAKEOVER_MS = 60_000;
