import type { CarrierAttempt } from './attempts.ts';
import type { Queryable } from './database.ts';
import type { Transition } from './transitions.ts';

/** A row of the history as the database writes it in JSON: times as text. */
type Dated<Row, Field extends keyof Row> = Omit<Row, Field> & { readonly [Key in Field]: string };

/**
 * An intercept's or redirect's transitions and carrier attempts, oldest first, in one
 * statement: every answer about an action reads them, the answer to its creation too.
 */
export async function findActionHistory(
  db: Queryable,
  id: string,
): Promise<{ transitions: Transition[]; attempts: CarrierAttempt[] }> {
  const [row] = await db.query<{
    transitions: Dated<Transition, 'at'>[];
    attempts: Dated<CarrierAttempt, 'startedAt'>[];
  }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object(
                 'status', status, 'at', at, 'cause', cause, 'detail', detail) ORDER BY id), '[]')
          FROM transitions WHERE action_id = $1) AS transitions,
       (SELECT coalesce(json_agg(json_build_object(
                 'tenantId', tenant_id, 'actionId', action_id, 'carrier', carrier,
                 'operation', operation, 'startedAt', started_at, 'durationMs', duration_ms,
                 'httpStatus', http_status, 'outcome', outcome, 'carrierCode', carrier_code,
                 'message', message) ORDER BY id), '[]')
          FROM carrier_attempts WHERE action_id = $1) AS attempts`,
    [id],
  );
  return {
    transitions: (row?.transitions ?? []).map((transition) => ({
      ...transition,
      at: new Date(transition.at),
    })),
    attempts: (row?.attempts ?? []).map((attempt) => ({
      ...attempt,
      startedAt: new Date(attempt.startedAt),
    })),
  };
}
