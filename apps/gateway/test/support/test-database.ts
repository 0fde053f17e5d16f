import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/store/database.ts';

/** A database for one test file, and how to get rid of it. */
export interface TestDatabase {
  readonly database: Database;
  /** The PostgreSQL URL (schema included) when on PostgreSQL. */
  readonly databaseUrl: string | undefined;
  /** Closes the database and drops what it held. */
  drop(): Promise<void>;
}

/**
 * PostgreSQL in a schema of its own when `fromEnv` and `DATABASE_URL` is set (so a second
 * run of a test file covers PostgreSQL, as `pnpm test` does in CI), else an in-memory PGlite.
 */
export async function openTestDatabase(fromEnv = true): Promise<TestDatabase> {
  const baseUrl = fromEnv ? process.env.DATABASE_URL?.trim() : undefined;
  if (baseUrl === undefined || baseUrl === '') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, databaseUrl: undefined, drop: () => database.close() };
  }
  const schema = `unit_${randomBytes(6).toString('hex')}`;
  await withClient(baseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // URLSearchParams writes spaces as '+', which libpq-style parsers keep literally.
  const databaseUrl = url.toString().replaceAll('+', '%20');
  const database = await openDatabase({ databaseUrl });
  return {
    database,
    databaseUrl,
    async drop() {
      await database.close();
      await withClient(baseUrl, (client) =>
        client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_pgboss CASCADE`),
      );
    },
  };
}

async function withClient<Result>(
  url: string,
  work: (client: pg.Client) => Promise<Result>,
): Promise<Result> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
