/**
 * A fresh database per stack: an empty PGlite folder, or, when a PostgreSQL URL is given,
 * a schema of its own, so stacks running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A database made for one stack. */
export interface PreparedDatabase {
  readonly kind: 'pglite' | 'postgres';
  /** The variables that point the gateway and its admin CLI at this database. */
  readonly env: Readonly<Record<string, string>>;
  /** Removes the folder or drops the schema. */
  drop(): Promise<void>;
}

/**
 * With a PostgreSQL URL (the stack passes `DATABASE_URL`), a schema `e2e_<random>` selected
 * through the connection's `search_path`; without one (or an empty one), an empty PGlite
 * folder.
 */
export async function prepareDatabase(postgresUrl: string | undefined): Promise<PreparedDatabase> {
  const url = postgresUrl?.trim();
  if (url === undefined || url === '') {
    const dataDir = await mkdtemp(join(tmpdir(), 'parcelgate-e2e-'));
    return {
      kind: 'pglite',
      env: { PARCELGATE_DATA_DIR: dataDir },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  await withClient(url, (client) => client.query(`CREATE SCHEMA ${schema}`));
  return {
    kind: 'postgres',
    env: { DATABASE_URL: withSearchPath(url, schema) },
    drop: async () => {
      await withClient(url, (client) =>
        // pg-boss keeps its queue in `<schema>_pgboss` when the search_path names a schema.
        client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_pgboss CASCADE`),
      );
    },
  };
}

/** The URL with `options=-c search_path=<schema>`, the libpq way `pg` understands too. */
export function withSearchPath(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // URLSearchParams writes spaces as '+', which libpq-style parsers keep literally.
  return url.toString().replaceAll('+', '%20');
}

async function withClient<Result>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<Result>,
): Promise<Result> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
