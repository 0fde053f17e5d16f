import type { CarrierAttempt } from './attempts.ts';
import type { Queryable } from './database.ts';
import type { Transition } from './transitions.ts';

/** A row of the history as the database writes it in JSON: times as text. */
type Dated<Row, Field extends keyof Row> = Omit<Row, Field> & { readonly [Key in Field]: string };

/** An action's transitions and carrier attempts, oldest first. */
export interface ActionHistory {
  transitions: Transition[];
  attempts: CarrierAttempt[];
}

/** The two history columns of a row read with {@link historyColumns}, as the database writes them. */
export interface HistoryColumns {
  readonly historyTransitions: Dated<Transition, 'at'>[] | null;
  readonly historyAttempts: Dated<CarrierAttempt, 'startedAt'>[] | null;
}

/**
 * The select-list items that read an action's transitions and attempts as JSON, for the
 * action whose id is `idExpression` (a parameter, or a column of the row being read): added
 * to the statement that reads the row, they make the row and its history one round trip.
 */
export function historyColumns(idExpression: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
               'status', status, 'at', at, 'cause', cause, 'detail', detail) ORDER BY id), '[]')
        FROM transitions WHERE action_id = ${idExpression}) AS "historyTransitions",
     (SELECT coalesce(json_agg(json_build_object(
               'tenantId', tenant_id, 'actionId', action_id, 'carrier', carrier,
               'operation', operation, 'startedAt', started_at, 'durationMs', duration_ms,
               'httpStatus', http_status, 'outcome', outcome, 'carrierCode', carrier_code,
               'message', message) ORDER BY id), '[]')
        FROM carrier_attempts WHERE action_id = ${idExpression}) AS "historyAttempts"`;
}

/** Splits a row read with {@link historyColumns} into the record and its history. */
export function withHistory<Row extends HistoryColumns>(
  row: Row,
): {
  readonly record: Omit<Row, keyof HistoryColumns>;
  readonly history: ActionHistory;
} {
  const { historyTransitions, historyAttempts, ...record } = row;
  return {
    record,
    history: {
      transitions: (historyTransitions ?? []).map((transition) => ({
        ...transition,
        at: new Date(transition.at),
      })),
      attempts: (historyAttempts ?? []).map((attempt) => ({
        ...attempt,
        startedAt: new Date(attempt.startedAt),
      })),
    },
  };
}

/**
 * An intercept's or redirect's transitions and carrier attempts, oldest first, in one
 * statement: every answer about an action reads them, the answer to its creation too.
 */
export async function findActionHistory(db: Queryable, id: string): Promise<ActionHistory> {
  const [row] = await db.query<HistoryColumns>(`SELECT ${historyColumns('$1')}`, [id]);
  return withHistory(row ?? { historyTransitions: [], historyAttempts: [] }).history;
}
