/**
 * What one `parcelgate-gateway` process does: its role, named by its first argument, and
 * whether it may migrate the database (`PARCELGATE_MIGRATE`).
 */

/** The roles a gateway process can take; `all` is the process started without one. */
export const PROCESS_ROLES = ['all', 'serve', 'worker', 'migrate'] as const;

/** One of {@link PROCESS_ROLES}. */
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/**
 * What a start does about the database's migrations: `auto` applies what is pending (the
 * gateway's and the job queue's), `check` refuses to start while any is pending.
 */
export type MigrateMode = 'auto' | 'check';

/** What the process runs. */
export interface ProcessPlan {
  readonly role: ProcessRole;
  /** Serves the API (`all`, `serve`); otherwise only liveness, readiness and metrics. */
  readonly api: boolean;
  /**
   * `run`: runs the background jobs (`all`, `worker`); `enqueue`: only queues the jobs its
   * requests create, for a worker to run (`serve`); `none`: no queue at all (`migrate`).
   */
  readonly jobs: 'run' | 'enqueue' | 'none';
  readonly migrate: MigrateMode;
}

/** The usage line, for `--help` and for a wrong argument. */
export const ROLE_USAGE = `Usage: parcelgate-gateway [serve | worker | migrate]

  (none)   the API and the background jobs in one process, migrating the database first
  serve    the API only; the jobs its requests create are queued for a worker
  worker   the background jobs (reconciliation, webhooks, bulk intercepts, order-event
           deadlines, purges); serves only /healthz, /readyz and /metrics
  migrate  applies the database's migrations and exits

serve and worker refuse to start on a database with migrations pending unless
PARCELGATE_MIGRATE=auto (the default on the embedded database, and without a role).`;

/** Thrown for an argument that names no role, or an invalid `PARCELGATE_MIGRATE`. */
export class ProcessRoleError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${ROLE_USAGE}`);
    this.name = 'ProcessRoleError';
  }
}

/**
 * Reads the role from the process's arguments (`process.argv.slice(2)`) and the migrate
 * mode from `PARCELGATE_MIGRATE` (`auto` or `off`). Unset, it is `auto` for the process
 * without a role (what `pnpm start` runs) and on the embedded database (one process owns
 * its folder: nothing else could migrate it), and `off` for `serve` and `worker` on
 * PostgreSQL, where replicas starting together must not each change the schema under the
 * others: `parcelgate-gateway migrate` runs once, before them. `migrate` always migrates.
 */
export function readProcessPlan(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ProcessPlan {
  const [first, ...rest] = argv;
  if (rest.length > 0) {
    throw new ProcessRoleError(`Unexpected arguments: ${rest.join(' ')}`);
  }
  // `all` is what no argument means, never a word to type.
  if (first !== undefined && (!isRole(first) || first === 'all')) {
    throw new ProcessRoleError(`Unknown role "${first}"`);
  }
  const role: ProcessRole = first ?? 'all';
  const raw = env.PARCELGATE_MIGRATE?.trim() ?? '';
  if (raw !== '' && raw !== 'auto' && raw !== 'off') {
    throw new ProcessRoleError(`PARCELGATE_MIGRATE must be auto or off (got "${raw}")`);
  }
  const embedded = (env.DATABASE_URL?.trim() ?? '') === '';
  const byDefault: MigrateMode = role === 'all' || embedded ? 'auto' : 'check';
  const migrate: MigrateMode =
    role === 'migrate' ? 'auto' : raw === '' ? byDefault : raw === 'auto' ? 'auto' : 'check';
  return {
    role,
    api: role === 'all' || role === 'serve',
    jobs: role === 'all' || role === 'worker' ? 'run' : role === 'serve' ? 'enqueue' : 'none',
    migrate,
  };
}

function isRole(value: string): value is ProcessRole {
  return (PROCESS_ROLES as readonly string[]).includes(value);
}
