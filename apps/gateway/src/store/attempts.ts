import type { Queryable } from './database.ts';
import { groupByAction } from './transitions.ts';

/** One call to a carrier, as recorded. */
export interface CarrierAttempt {
  readonly tenantId: string;
  /** The intercept or redirect it served; null for tracking reads. */
  readonly actionId: string | null;
  readonly carrier: string;
  readonly operation: string;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly httpStatus: number | null;
  /** `ok`, a carrier error kind, `timeout` or `error`. */
  readonly outcome: string;
  readonly carrierCode: string | null;
  readonly message: string | null;
}

/** Stores attempts, every one of them, in one statement (one array per column). */
export async function recordAttempts(
  db: Queryable,
  attempts: readonly CarrierAttempt[],
): Promise<void> {
  if (attempts.length > 0) {
    await db.query(insertAttemptsSql(1), attemptsAsArrays(attempts));
  }
}

/**
 * An INSERT of many attempts from ten arrays, one per column, bound from parameter
 * `$first` on (see {@link attemptsAsArrays}); usable alone or in a WITH clause.
 */
export function insertAttemptsSql(first: number): string {
  const types = [
    'text',
    'text',
    'text',
    'text',
    'timestamptz',
    'integer',
    'integer',
    'text',
    'text',
    'text',
  ];
  const arrays = types.map((type, index) => `$${first + index}::${type}[]`).join(', ');
  return `INSERT INTO carrier_attempts
       (tenant_id, action_id, carrier, operation, started_at, duration_ms, http_status, outcome, carrier_code, message)
     SELECT * FROM unnest(${arrays})`;
}

/** The ten column arrays {@link insertAttemptsSql} binds. */
export function attemptsAsArrays(attempts: readonly CarrierAttempt[]): unknown[] {
  return [
    attempts.map((attempt) => attempt.tenantId),
    attempts.map((attempt) => attempt.actionId),
    attempts.map((attempt) => attempt.carrier),
    attempts.map((attempt) => attempt.operation),
    attempts.map((attempt) => attempt.startedAt.toISOString()),
    attempts.map((attempt) => Math.round(attempt.durationMs)),
    attempts.map((attempt) => attempt.httpStatus),
    attempts.map((attempt) => attempt.outcome),
    attempts.map((attempt) => attempt.carrierCode),
    attempts.map((attempt) => attempt.message),
  ];
}

const COLUMNS = `tenant_id AS "tenantId", action_id AS "actionId", carrier, operation,
  started_at AS "startedAt", duration_ms AS "durationMs", http_status AS "httpStatus",
  outcome, carrier_code AS "carrierCode", message`;

/** The attempts of many actions at once, grouped by action. */
export async function listAttemptsOf(
  db: Queryable,
  actionIds: readonly string[],
): Promise<Map<string, CarrierAttempt[]>> {
  const rows = await db.query<CarrierAttempt>(
    `SELECT ${COLUMNS} FROM carrier_attempts WHERE action_id = ANY($1::text[]) ORDER BY id`,
    [actionIds],
  );
  return groupByAction(rows);
}

/**
 * Deletes at most `batchSize` attempts started more than `retentionDays` ago, oldest
 * first; returns how many it deleted. An action's answer then lists only its recent
 * attempts; its transitions, which say what happened, are kept.
 */
export async function purgeExpiredAttempts(
  db: Queryable,
  options: { readonly retentionDays: number; readonly batchSize: number },
): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `DELETE FROM carrier_attempts WHERE id IN (
       SELECT id FROM carrier_attempts
        WHERE started_at < now() - make_interval(days => $1)
        ORDER BY started_at LIMIT $2)
     RETURNING id::text AS id`,
    [options.retentionDays, options.batchSize],
  );
  return rows.length;
}
