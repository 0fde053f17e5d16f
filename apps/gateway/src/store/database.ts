import pg from 'pg';
import { listenOnPostgres } from './listen-on-postgres.ts';
import { type DataDirLock, lockDataDir } from './lock/data-dir-lock.ts';
import { type PgliteThread, startPgliteThread } from './pglite/pglite-thread.ts';

/** Runs SQL; the same statements work on PostgreSQL and PGlite. */
export interface Queryable {
  /** Runs one parameterized statement and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** The gateway's connection to its system of record. */
export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /**
   * The embedded PGlite (undefined on PostgreSQL) as a library with its own PGlite adapter
   * calls it: the job queue runs on this one connection, in the same data folder.
   */
  readonly embedded?: EmbeddedPglite;
  /** The embedded database's folder, held by this process (see lock/data-dir-lock.ts). */
  readonly dataDirLock?: DataDirLock;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<Result>(work: (tx: Queryable) => Promise<Result>): Promise<Result>;
  /**
   * Hears the notices sent on `channel` (`pg_notify`, delivered at commit) by any process
   * on this database. `heard(false)` says notices may have been missed (the connection
   * was lost), `heard(true)` that they are heard again; PostgreSQL reconnects by itself.
   */
  listen(channel: string, listener: NoticeListener): Promise<Listening>;
  close(): Promise<void>;
}

/** What {@link Database.listen} reports to. */
export interface NoticeListener {
  /** One notice's payload. */
  notice(payload: string): void;
  /** Whether every notice is being heard (false from a lost connection until it is back). */
  heard(listening: boolean): void;
}

/** A subscription made by {@link Database.listen}. */
export interface Listening {
  close(): Promise<void>;
}

/** PGlite's `query` and `exec`, as pg-boss's PGlite adapter calls them. */
export interface EmbeddedPglite {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(text: string): Promise<{ rows: Record<string, unknown>[] }[]>;
}

/** Where the data lives: PostgreSQL when a URL is given, PGlite in a folder otherwise. */
export interface DatabaseOptions {
  readonly databaseUrl?: string | undefined;
  /**
   * PGlite's data folder; `memory://` keeps everything in memory (tests). A folder is
   * locked for this process: opening one another process holds throws `DataDirLockedError`.
   */
  readonly dataDir?: string | undefined;
  /** Connections of the pool on PostgreSQL (default 10); PGlite has one connection. */
  readonly poolSize?: number | undefined;
}

/** Opens PostgreSQL through `pg` when `databaseUrl` is set, else an embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl !== undefined) {
    return openPostgres(options.databaseUrl, options.poolSize ?? DEFAULT_POOL_SIZE);
  }
  return openPglite(options.dataDir ?? 'memory://');
}

/** Connections per process when none is configured (`PARCELGATE_DATABASE_POOL_SIZE`). */
const DEFAULT_POOL_SIZE = 10;

function openPostgres(connectionString: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
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
    listen: (channel, listener) => listenOnPostgres(connectionString, channel, listener),
    close: () => pool.end(),
  };
}

/**
 * PGlite in a worker thread (see pglite/pglite-worker.ts): its queries run off the event
 * loop, so answers and timers are not held up while PostgreSQL works.
 */
async function openPglite(dataDir: string): Promise<Database> {
  const folder = dataDir.startsWith('file://') ? dataDir.slice('file://'.length) : dataDir;
  // Other schemes (memory://) keep nothing on disk that another process could share.
  const lock = folder.includes('://') ? undefined : await lockDataDir(folder);
  let thread: PgliteThread;
  try {
    thread = await startPgliteThread(dataDir);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const rowsOf = async <Row>(text: string, params: readonly unknown[] | undefined, tx?: number) =>
    (await thread.query(text, params, tx)).rows as Row[];
  return {
    kind: 'pglite',
    embedded: embeddedView(thread),
    ...(lock === undefined ? {} : { dataDirLock: lock }),
    query: (text, params) => rowsOf(text, params),
    async exec(sql) {
      await thread.exec(sql);
    },
    async transaction(work) {
      const tx = await thread.begin();
      try {
        const result = await work({ query: (text, params) => rowsOf(text, params, tx) });
        await thread.end(tx, true);
        return result;
      } catch (error) {
        await thread.end(tx, false).catch(() => {});
        throw error;
      }
    },
    async listen(channel, listener) {
      // One process owns the embedded database: no connection to lose, every notice heard.
      // Called as a method, as on PostgreSQL: a listener may be a class instance using `this`.
      const stop = await thread.listen(channel, (payload) => listener.notice(payload));
      listener.heard(true);
      return { close: stop };
    },
    async close() {
      await thread.close();
      await lock?.release();
    },
  };
}

function embeddedView(thread: PgliteThread): EmbeddedPglite {
  return {
    query: async <Row>(text: string, params?: unknown[]) => ({
      rows: (await thread.query(text, params)).rows as Row[],
    }),
    exec: (text) => thread.exec(text),
  };
}
