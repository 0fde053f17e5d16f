import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/store/database.ts';

/** A database of a test's own, and how to get rid of it. */
export interface TestDatabase {
  readonly database: Database;
  /** Closes the database and drops what the test created. */
  close(): Promise<void>;
}

/**
 * An in-memory PGlite; or, when `DATABASE_URL` is set (the suite's PostgreSQL run), a
 * schema of its own on that server, selected through the connection's `search_path` and
 * dropped on close, so test files in parallel never see each other's rows.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl === undefined || databaseUrl === '') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, close: () => database.close() };
  }
  const schema = `unit_${randomBytes(6).toString('hex')}`;
  await admin(databaseUrl, `CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // URLSearchParams writes spaces as '+', which libpq-style parsers keep literally.
  const database = await openDatabase({ databaseUrl: url.toString().replaceAll('+', '%20') });
  return {
    database,
    async close() {
      await database.close();
      await admin(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

async function admin(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
