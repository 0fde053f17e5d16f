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

/** Stores one attempt; every carrier call is recorded, successful or not. */
export async function recordAttempt(db: Queryable, attempt: CarrierAttempt): Promise<void> {
  await db.query(
    `INSERT INTO carrier_attempts
       (tenant_id, action_id, carrier, operation, started_at, duration_ms, http_status, outcome, carrier_code, message)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      attempt.tenantId,
      attempt.actionId,
      attempt.carrier,
      attempt.operation,
      attempt.startedAt.toISOString(),
      attempt.durationMs,
      attempt.httpStatus,
      attempt.outcome,
      attempt.carrierCode,
      attempt.message,
    ],
  );
}

const COLUMNS = `tenant_id AS "tenantId", action_id AS "actionId", carrier, operation,
  started_at AS "startedAt", duration_ms AS "durationMs", http_status AS "httpStatus",
  outcome, carrier_code AS "carrierCode", message`;

/** The attempts made for an intercept or redirect, oldest first. */
export async function listAttempts(db: Queryable, actionId: string): Promise<CarrierAttempt[]> {
  return db.query<CarrierAttempt>(
    `SELECT ${COLUMNS} FROM carrier_attempts WHERE action_id = $1 ORDER BY id`,
    [actionId],
  );
}

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
