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
