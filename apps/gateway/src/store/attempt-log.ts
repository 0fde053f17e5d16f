import { type CarrierAttempt, recordAttempts } from './attempts.ts';
import type { Queryable } from './database.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where carrier attempts are stored (see {@link AttemptLog}). */
    readonly attempts: AttemptLog;
  }
}

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
  /**
   * Holds the attempts of action `actionId` instead of writing them, for the statement
   * that stores the action's outcome to write with it (one round trip and one commit
   * fewer per intercept). What it did not write is written when the holder closes.
   */
  hold(actionId: string): HeldAttempts;
  /** Writes every queued attempt now. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

/** The attempts of one action, held for the statement that stores its outcome. */
export interface HeldAttempts {
  /** The attempts held and not yet written, oldest first. */
  held(): readonly CarrierAttempt[];
  /** The first `count` held attempts were written (with the outcome). */
  written(count: number): void;
  /** Writes what is still held and stops holding. */
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
  const holders = new Map<string, CarrierAttempt[]>();
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
        const holder = holders.get(attempt.actionId);
        if (holder === undefined) {
          await recordAttempts(db, [attempt]);
        } else {
          holder.push(attempt);
        }
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
    hold(actionId) {
      let held: CarrierAttempt[] = [];
      holders.set(actionId, held);
      return {
        held: () => [...held],
        written(count) {
          held.splice(0, count);
        },
        async close() {
          if (holders.get(actionId) === held) {
            holders.delete(actionId);
          }
          const rest = held;
          held = [];
          await recordAttempts(db, rest);
        },
      };
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
