import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';
import {
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  reportUnavailability,
} from './database-unavailable.ts';
import { PgliteUnavailableError } from './pglite/pglite-thread.ts';

/** The errors `pg` raises when PostgreSQL cannot be reached, as it shapes them. */
const PG_CONNECTION_ERRORS: readonly [string, Error][] = [
  [
    'connection refused',
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      errno: -111,
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '127.0.0.1',
      port: 5432,
    }),
  ],
  [
    'every address refused',
    Object.assign(
      new AggregateError([
        Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
      ]),
      { code: 'ECONNREFUSED' },
    ),
  ],
  [
    'admin shutdown (57P01)',
    Object.assign(new Error('terminating connection due to administrator command'), {
      severity: 'FATAL',
      code: '57P01',
    }),
  ],
  [
    'starting up (57P03)',
    Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
  ],
  ['a connection lost under a query', new Error('Connection terminated unexpectedly')],
  ['a pool timeout', new Error('timeout exceeded when trying to connect')],
  ['a connect timeout', new Error('Connection terminated due to connection timeout')],
  ['a pool ended at shutdown', new Error('Cannot use a pool after calling end on the pool')],
  ['the PGlite worker gone', new PgliteUnavailableError('the PGlite worker exited (code 1)')],
];

/** Errors of statements that ran and failed: still the 500s or 4xx they are. */
const STATEMENT_ERRORS: readonly [string, Error][] = [
  [
    'a unique violation',
    Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
  ],
  [
    'a NUL in text',
    Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
  ],
  ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
];

function failing(error: Error): Database {
  const reject = () => Promise.reject(error);
  return {
    kind: 'postgres',
    query: reject,
    exec: reject,
    transaction: reject,
    listen: reject,
    close: async () => {},
  };
}

let pglite: Database;

beforeAll(async () => {
  pglite = await openDatabase({ dataDir: 'memory://' });
});
afterAll(() => pglite.close());

describe('reportUnavailability', () => {
  it.each(PG_CONNECTION_ERRORS)(
    'classifies %s as the database being unavailable',
    async (_name, error) => {
      const database = reportUnavailability(failing(error));
      for (const statement of [
        database.query('SELECT 1'),
        database.exec('SELECT 1'),
        database.transaction(async () => 1),
      ]) {
        const thrown = await statement.catch((caught: unknown) => caught);
        expect(thrown).toBeInstanceOf(DatabaseUnavailableError);
        expect((thrown as DatabaseUnavailableError).cause).toBe(error);
        expect(isDatabaseUnavailable(thrown)).toBe(true);
      }
    },
  );

  it.each(STATEMENT_ERRORS)('passes %s through as it is', async (_name, error) => {
    const database = reportUnavailability(failing(error));
    await expect(database.query('SELECT 1')).rejects.toBe(error);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("leaves a transaction's own errors alone: only its statements' are classified", async () => {
    const database = reportUnavailability(pglite);
    const carrierRefused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), {
      code: 'ECONNREFUSED',
    });
    await expect(
      database.transaction(async (tx) => {
        await tx.query('SELECT 1');
        throw carrierRefused;
      }),
    ).rejects.toBe(carrierRefused);
    expect(isDatabaseUnavailable(carrierRefused)).toBe(false);
  });

  it('classifies a real pg pool whose server refuses connections', async () => {
    const port = await closedPort();
    const inner = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/test` });
    try {
      const database = reportUnavailability(inner);
      await expect(database.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(database.transaction(async () => 1)).rejects.toBeInstanceOf(
        DatabaseUnavailableError,
      );
    } finally {
      await inner.close();
    }
  });

  // Last: it closes the PGlite the other tests share.
  it('classifies a real PGlite whose worker is gone', async () => {
    await pglite.close();
    const database = reportUnavailability(pglite);
    await expect(database.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});

/** A loopback port nothing listens on (the OS picked it free; it is closed again). */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
