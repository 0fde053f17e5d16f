import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.ts';

/** The folder of numbered `.sql` files, shipped beside `src/` and `dist/`. */
export const MIGRATIONS_FOLDER = new URL('../../migrations/', import.meta.url);

/**
 * Applies every migration not yet recorded in `schema_migrations`, in file-name order, each
 * in its own transaction. On PostgreSQL an advisory lock makes replicas that start together
 * take turns, so each migration runs once. Returns the versions it applied.
 */
export async function migrate(
  database: Database,
  folder: URL = MIGRATIONS_FOLDER,
): Promise<string[]> {
  await database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = (await readdir(folder)).filter((name) => name.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    const sql = await readFile(new URL(file, folder), 'utf8');
    const ran = await database.transaction(async (tx) => {
      if (database.kind === 'postgres') {
        await tx.query("SELECT pg_advisory_xact_lock(hashtext('parcelgate:migrations'))");
      }
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (done.length > 0) {
        return false;
      }
      for (const statement of splitStatements(sql)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      return true;
    });
    if (ran) {
      applied.push(version);
    }
  }
  return applied;
}

/** The versions of the migrations in `folder` not yet applied to `database`, in order. */
export async function pendingMigrations(
  database: Database,
  folder: URL = MIGRATIONS_FOLDER,
): Promise<string[]> {
  const versions = (await readdir(folder))
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((file) => file.replace(/\.sql$/, ''));
  // to_regclass reads the search_path, so a gateway confined to a schema looks in its own.
  const [table] = await database.query<{ found: string | null }>(
    "SELECT to_regclass('schema_migrations')::text AS found",
  );
  if (table?.found === null || table?.found === undefined) {
    return versions;
  }
  const applied = new Set(
    (await database.query<{ version: string }>('SELECT version FROM schema_migrations')).map(
      (row) => row.version,
    ),
  );
  return versions.filter((version) => !applied.has(version));
}

/**
 * Thrown by a start that may not migrate (`PARCELGATE_MIGRATE=off`) on a database with
 * migrations pending: the message says what is missing and which command applies it.
 */
export class DatabaseNotMigratedError extends Error {
  /** What is pending: migration versions, or the job queue's schema. */
  readonly pending: readonly string[];

  constructor(pending: readonly string[]) {
    const listed = pending.length > 5 ? [...pending.slice(0, 5), '…'] : pending;
    super(
      `The database is not migrated (pending: ${listed.join(', ')}). Run \`parcelgate-gateway migrate\` first (once, before the replicas start), or set PARCELGATE_MIGRATE=auto to let this process migrate it.`,
    );
    this.name = 'DatabaseNotMigratedError';
    this.pending = pending;
  }
}

/**
 * Splits a migration into statements so each runs through the transaction's `query`
 * (PGlite's transaction has no multi-statement exec): at each semicolon outside a
 * dollar-quoted body (`$$ … $$`, a function's). Migrations keep semicolons out of strings.
 */
export function splitStatements(sql: string): string[] {
  const text = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  const statements: string[] = [];
  let start = 0;
  let inBody = false;
  for (let index = 0; index < text.length; index += 1) {
    if (text.startsWith('$$', index)) {
      inBody = !inBody;
      index += 1;
    } else if (text[index] === ';' && !inBody) {
      statements.push(text.slice(start, index));
      start = index + 1;
    }
  }
  statements.push(text.slice(start));
  return statements
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
