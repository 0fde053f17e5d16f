import type { FastifyBaseLogger } from 'fastify';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../store/database.ts';
import { DatabaseNotMigratedError } from '../store/migrate.ts';

/** Where the queue keeps its tables: a schema of pg-boss's own beside the gateway's. */
export async function queueSchemaFor(database: Database): Promise<string> {
  if (database.kind === 'pglite') {
    return 'pgboss';
  }
  // A gateway confined to a schema by its search_path (tests run one per file) gets a
  // queue of its own too, so two gateways never take each other's jobs.
  const [row] = await database.query<{ schema: string | null }>(
    'SELECT current_schema() AS schema',
  );
  const current = row?.schema ?? 'public';
  return current === 'public' ? 'pgboss' : `${current}_pgboss`;
}

/** How the queue is opened. */
export interface QueueOptions {
  readonly database: Database;
  /** PostgreSQL's URL; pg-boss opens a small pool of its own there. Unused on PGlite. */
  readonly databaseUrl: string | undefined;
  readonly log: FastifyBaseLogger;
  /**
   * Whether the queue may install or migrate its schema (default true); when false a
   * missing or older schema fails the start with {@link DatabaseNotMigratedError}.
   */
  readonly migrate?: boolean;
  /**
   * Whether this process does the queue's upkeep (expiring jobs whose process died,
   * deleting old ones; default true). A process that only queues jobs (`serve`) leaves it
   * to the workers.
   */
  readonly supervise?: boolean;
}

/**
 * Starts pg-boss on the gateway's database, installing or migrating its schema. On
 * PostgreSQL pg-boss uses its own pool (several replicas share the queue through the
 * database: SKIP LOCKED claims, advisory-locked maintenance). On PGlite it runs on the
 * gateway's own embedded instance through pg-boss's PGlite adapter, so jobs live in the
 * same data folder and survive a restart; PGlite serializes its callers, so a queue query
 * never interleaves with a gateway transaction.
 */
export async function startQueue(options: QueueOptions): Promise<PgBoss> {
  const { database, log } = options;
  const schema = await queueSchemaFor(database);
  const common = {
    schema,
    // No cron schedules are used; the clock monitor and cron workers would only poll.
    schedule: false,
    // OpenTelemetry stays off until the gateway wires a provider.
    openTelemetry: { enabled: false },
    migrate: options.migrate ?? true,
    supervise: options.supervise ?? true,
  } as const;
  let boss: PgBoss;
  if (database.kind === 'pglite') {
    const embedded = database.embedded;
    if (embedded === undefined) {
      throw new Error('the embedded database does not expose its PGlite instance');
    }
    boss = new PgBoss({
      ...common,
      db: fromPglite(embedded),
      backend: 'pglite',
      // One process owns a PGlite folder: an instance registry would only add writes.
      registerInstance: false,
    });
  } else {
    if (options.databaseUrl === undefined) {
      throw new Error('the job queue needs DATABASE_URL on PostgreSQL');
    }
    boss = new PgBoss({ ...common, connectionString: options.databaseUrl, max: 4 });
  }
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => log.warn({ warning }, 'job queue warning'));
  try {
    await boss.start();
  } catch (error) {
    // pg-boss's own words when it may not migrate: "not installed", "requires migrations".
    if (options.migrate === false && /not installed|requires migrations/.test(String(error))) {
      throw new DatabaseNotMigratedError([`the job queue's schema (${schema})`]);
    }
    throw error;
  }
  return boss;
}

/** Installs or migrates the job queue's schema, then lets go of it (`parcelgate-gateway migrate`). */
export async function migrateQueue(options: Omit<QueueOptions, 'migrate'>): Promise<void> {
  const boss = await startQueue({ ...options, migrate: true, supervise: false });
  await boss.stop({ graceful: false });
}
