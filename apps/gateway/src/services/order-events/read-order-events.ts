import { judgeNow } from '../../lifecycle/order-deadline.ts';
import { presentOrderEvent } from '../../lifecycle/present-order-event.ts';
import type { DeadlineStatus } from '../../policy/judge-order-deadline.ts';
import { ProblemError } from '../../problems.ts';
import type { Queryable } from '../../store/database.ts';
import { findOrderEvent, listOrderEvents } from '../../store/order-events.ts';
import { nextCursorOf, readCursor } from '../list-page.ts';

/**
 * One order event of the tenant, its actions' statuses and its deadline as they stand now
 * (judged on read, written by the watcher); 404 for another tenant's.
 */
export async function readOrderEvent(db: Queryable, tenantId: string, id: string) {
  const stored = await findOrderEvent(db, tenantId, id);
  if (stored === undefined) {
    throw new ProblemError('not-found', `No order event ${id}.`);
  }
  const { record } = await judgeNow(db, stored, new Date());
  return presentOrderEvent(record);
}

/** A newest-first page of the tenant's order events, as stored. */
export async function listPagedOrderEvents(
  db: Queryable,
  tenantId: string,
  query: {
    readonly orderRef?: string | undefined;
    readonly deadlineStatus?: DeadlineStatus | undefined;
    readonly cursor?: string | undefined;
    readonly limit: number;
  },
) {
  const rows = await listOrderEvents(db, tenantId, { ...query, cursor: readCursor(query.cursor) });
  return {
    data: rows.slice(0, query.limit).map(presentOrderEvent),
    nextCursor: nextCursorOf(rows, query.limit),
  };
}
