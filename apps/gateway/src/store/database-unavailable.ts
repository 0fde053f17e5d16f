import type { Database, Queryable } from './database.ts';
import { PgliteUnavailableError } from './pglite/pglite-thread.ts';

/**
 * The database cannot be reached: PostgreSQL down, restarting, refusing connections or the
 * connection lost under a statement; the embedded PGlite's worker gone. The gateway
 * answers 503 `database-unavailable` with Retry-After. The driver's error is the `cause`.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'DatabaseUnavailableError';
  }
}

/** Whether `error`, or an error it was caused by, is a {@link DatabaseUnavailableError}. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; depth < 10; depth++) {
    if (current instanceof DatabaseUnavailableError) {
      return true;
    }
    if (typeof current !== 'object' || current === null || !('cause' in current)) {
      return false;
    }
    current = current.cause;
  }
  return false;
}

/**
 * The same database, whose statements reject with a {@link DatabaseUnavailableError}
 * when the database cannot be reached, and with the driver's own error otherwise (a
 * constraint, a syntax error). Errors thrown by a transaction's own work, not by its
 * statements, pass through untouched: only the database's errors are classified, so a
 * carrier's refused connection is never mistaken for the database's.
 */
export function reportUnavailability(database: Database): Database {
  return {
    ...database,
    query: (text, params) => classified(database.query(text, params)),
    exec: (sql) => classified(database.exec(sql)),
    async transaction(work) {
      let workError: { readonly error: unknown } | undefined;
      try {
        return await database.transaction(async (tx) => {
          try {
            return await work(classifiedQueryable(tx));
          } catch (error) {
            workError = { error };
            throw error;
          }
        });
      } catch (error) {
        throw workError !== undefined && workError.error === error ? error : toUnavailable(error);
      }
    },
    listen: (channel, listener) => database.listen(channel, listener),
    close: () => database.close(),
  };
}

function classifiedQueryable(tx: Queryable): Queryable {
  return { query: (text, params) => classified(tx.query(text, params)) };
}

async function classified<Result>(statement: Promise<Result>): Promise<Result> {
  try {
    return await statement;
  } catch (error) {
    throw toUnavailable(error);
  }
}

function toUnavailable(error: unknown): unknown {
  return isConnectionFailure(error) ? new DatabaseUnavailableError(error) : error;
}

/** Socket errors of a connection to PostgreSQL that cannot be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs of a server going away or not taking connections: class 08 (connection
 * exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
 * (starting up or in recovery), 53300 too many connections.
 */
const UNAVAILABLE_SQLSTATES = /^(?:08[0-9A-Z]{3}|57P0[123]|53300)$/;

/**
 * What `pg` says, without a code, when a connection ends under a statement, a pool cannot
 * connect within its timeout, a broken client is used again, or the pool was ended.
 */
const PG_CONNECTION_MESSAGES =
  /^(?:Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|Cannot use a pool after calling end)/;

/**
 * Whether a driver's error means the database cannot be reached. Looks into
 * `AggregateError`s: Node reports one when every address of a host refuses.
 */
function isConnectionFailure(error: unknown): boolean {
  if (error instanceof PgliteUnavailableError) {
    return true;
  }
  if (error instanceof AggregateError) {
    return error.errors.some(isConnectionFailure);
  }
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined) {
    return NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code);
  }
  return error instanceof Error && PG_CONNECTION_MESSAGES.test(error.message);
}
