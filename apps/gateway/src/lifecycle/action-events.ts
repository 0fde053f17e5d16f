import {
  type ActionEventKind,
  type ActionEventType,
  statusEventType,
} from '../policy/event-types.ts';
import type { ActionTable } from '../store/actions.ts';
import type { Queryable } from '../store/database.ts';
import { insertEvent, type NewEvent, type StoredEvent } from '../store/events.ts';
import { findInterceptWithHistory } from '../store/intercepts.ts';
import { findRedirectWithHistory } from '../store/redirects.ts';
import { presentIntercept, presentRedirect } from './present-action.ts';

/** The action an event is about. */
export interface EventedAction {
  readonly table: ActionTable;
  readonly tenantId: string;
  readonly id: string;
}

/** The event kind of an action table. */
export function eventKindOf(table: ActionTable): ActionEventKind {
  return table === 'intercepts' ? 'intercept' : 'redirect';
}

/**
 * An event about an action whose presentation the caller holds (`data`, as `GET` shows it
 * after the change), to be appended by the statement that makes the change.
 */
export function actionEvent(action: EventedAction, type: ActionEventType, data: object): NewEvent {
  return {
    tenantId: action.tenantId,
    type,
    objectKind: eventKindOf(action.table),
    objectId: action.id,
    data,
  };
}

/**
 * The event a move from `from` to `to` raises (the one table of policy/event-types.ts), if
 * any: none when the status stays (a `pending` that stays pending, a cancel the carrier
 * decides later).
 */
export function statusEventOf(
  table: ActionTable,
  from: string,
  to: string,
): ActionEventType | undefined {
  return from === to ? undefined : statusEventType(eventKindOf(table), to);
}

/**
 * Writes events about an action with the transaction that changed it (`tx`), each carrying
 * the action exactly as `GET /v1/intercepts/{id}` (or redirects) answers it at that moment:
 * read back through the same store functions and presenter, within the transaction, so it
 * holds the change being made. Costs one read and one insert per call: events are written
 * on mutations only, never on a read.
 */
export async function recordActionEvents(
  tx: Queryable,
  action: EventedAction,
  types: readonly ActionEventType[],
): Promise<StoredEvent[]> {
  if (types.length === 0) {
    return [];
  }
  const data = await presentNow(tx, action);
  if (data === undefined) {
    throw new Error(`${action.table} ${action.id} is not stored: no event about it`);
  }
  const written: StoredEvent[] = [];
  for (const type of types) {
    written.push(
      await insertEvent(tx, {
        tenantId: action.tenantId,
        type,
        objectKind: eventKindOf(action.table),
        objectId: action.id,
        data,
      }),
    );
  }
  return written;
}

/**
 * Writes the event of an action moving from `from` to `to` (the one table of
 * policy/event-types.ts), when that move raises one: nothing when the status stays (a
 * `pending` that stays pending, a cancel the carrier decides later).
 */
export async function recordStatusEvent(
  tx: Queryable,
  action: EventedAction,
  from: string,
  to: string,
): Promise<void> {
  const type = statusEventOf(action.table, from, to);
  if (type !== undefined) {
    await recordActionEvents(tx, action, [type]);
  }
}

async function presentNow(db: Queryable, action: EventedAction): Promise<object | undefined> {
  // The row and its history in one statement: on the embedded database each one counts.
  if (action.table === 'intercepts') {
    const found = await findInterceptWithHistory(db, action.tenantId, action.id);
    return found === undefined ? undefined : presentIntercept(found.record, found.history);
  }
  const found = await findRedirectWithHistory(db, action.tenantId, action.id);
  return found === undefined ? undefined : presentRedirect(found.record, found.history);
}
