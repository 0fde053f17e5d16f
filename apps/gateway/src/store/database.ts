import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Runs SQL; the same statements work on PostgreSQL and PGlite. */
export interface Queryable {
  /** Runs one parameterized statement and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** The gateway's connection to its system of record. */
export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /**
   * The embedded PGlite itself (undefined on PostgreSQL), for a library that brings its own
   * PGlite adapter: the job queue runs on this one connection, in the same data folder.
   */
  readonly embedded?: PGlite;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<Result>(work: (tx: Queryable) => Promise<Result>): Promise<Result>;
  close(): Promise<void>;
}

/** Where the data lives: PostgreSQL when a URL is given, PGlite in a folder otherwise. */
export interface DatabaseOptions {
  readonly databaseUrl?: string | undefined;
  /** PGlite's data folder; `memory://` keeps everything in memory (tests). */
  readonly dataDir?: string | undefined;
}

/** Opens PostgreSQL through `pg` when `databaseUrl` is set, else an embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl !== undefined) {
    return openPostgres(options.databaseUrl);
  }
  return openPglite(options.dataDir ?? 'memory://');
}

function openPostgres(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const queryWith = async <Row>(
    client: pg.Pool | pg.PoolClient,
    text: string,
    params?: readonly unknown[],
  ) => (await client.query(text, params === undefined ? undefined : [...params])).rows as Row[];
  return {
    kind: 'postgres',
    query: (text, params) => queryWith(pool, text, params),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (text, params) => queryWith(client, text, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    embedded: db,
    async query<Row>(text: string, params?: readonly unknown[]) {
      return (await db.query<Row>(text, params === undefined ? undefined : [...params])).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <Row>(text: string, params?: readonly unknown[]) =>
            (await tx.query<Row>(text, params === undefined ? undefined : [...params])).rows,
        }),
      ),
    close: () => db.close(),
  };
}
