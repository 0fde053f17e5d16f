import { type CarrierAttempt, recordAttempt } from './attempts.ts';
import type { Queryable } from './database.ts';

/** Options of {@link openAttemptLog}. */
export interface AttemptLogOptions {
  /** How long a read's attempt may wait to be written with others. */
  readonly flushEveryMs: number;
  /** Rows per INSERT at most. */
  readonly maxBatch: number;
  /**
   * Read attempts held at most while the database is slow or down; past it the newest are
   * dropped and counted, so a database outage cannot exhaust the gateway's memory.
   */
  readonly maxPending: number;
  /** Told how many rows were dropped (full buffer) or could not be written (database error). */
  readonly onLost?: (rows: number, why: 'full' | 'failed', error?: unknown) => void;
}

/** The attempts table, written as the request path can best afford. */
export interface AttemptLog {
  /**
   * Stores one attempt. An intercept's or a redirect's attempt is part of its history
   * and is written before this resolves; a tracking read's is queued and written with
   * others within `flushEveryMs`, off the request's path (its metrics and log line carry
   * it at once).
   */
  record(attempt: CarrierAttempt): Promise<void>;
  /** Writes every queued attempt now. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

/** The defaults: a quarter of a second, 500 rows per statement, 20,000 held. */
export const ATTEMPT_LOG_DEFAULTS: AttemptLogOptions = {
  flushEveryMs: 250,
  maxBatch: 500,
  maxPending: 20_000,
};

/** Writes attempts to `db` (see {@link AttemptLog}). */
export function openAttemptLog(
  db: Queryable,
  options: AttemptLogOptions = ATTEMPT_LOG_DEFAULTS,
): AttemptLog {
  let pending: CarrierAttempt[] = [];
  let writing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    void flush();
  }, options.flushEveryMs);
  timer.unref();

  const flush = (): Promise<void> => {
    // One writer at a time: batches go in the order they were queued.
    writing = writing.then(async () => {
      while (pending.length > 0) {
        const batch = pending.slice(0, options.maxBatch);
        pending = pending.slice(batch.length);
        try {
          await recordAttempts(db, batch);
        } catch (error) {
          options.onLost?.(batch.length, 'failed', error);
        }
      }
    });
    return writing;
  };

  return {
    async record(attempt) {
      if (attempt.actionId !== null) {
        await recordAttempt(db, attempt);
        return;
      }
      if (pending.length >= options.maxPending) {
        options.onLost?.(1, 'full');
        return;
      }
      pending.push(attempt);
      if (pending.length >= options.maxBatch) {
        void flush();
      }
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

/** Stores many attempts in one statement (one array per column). */
export async function recordAttempts(
  db: Queryable,
  attempts: readonly CarrierAttempt[],
): Promise<void> {
  if (attempts.length === 0) {
    return;
  }
  await db.query(
    `INSERT INTO carrier_attempts
       (tenant_id, action_id, carrier, operation, started_at, duration_ms, http_status, outcome, carrier_code, message)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[],
                          $6::integer[], $7::integer[], $8::text[], $9::text[], $10::text[])`,
    [
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
    ],
  );
}
