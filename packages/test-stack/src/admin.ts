/** The gateway's admin CLI (`parcelgate-admin`), run as a child process on a stack's database. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parentEnv } from './child-process.ts';
import { GATEWAY_CLI, GATEWAY_MAIN } from './paths.ts';

const run = promisify(execFile);

/**
 * How long one run of the CLI may take before it is killed: far beyond any run seen (it
 * opens the database and may run migrations: tens of seconds on a busy machine), only so a
 * hung CLI cannot hold a run forever. A 60 s limit here once failed a whole `pnpm test`.
 */
const ADMIN_LIMIT_MS = 600_000;

/** How a run of the admin CLI ended. */
export interface AdminRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `parcelgate-admin <args>` with `env`; never throws on a non-zero exit. */
export function runAdmin(
  env: Readonly<Record<string, string>>,
  args: readonly string[],
): Promise<AdminRun> {
  return runScript(GATEWAY_CLI, env, args);
}

/**
 * Runs `parcelgate-gateway <args>` to its end (`migrate`, or a role that refuses to
 * start); never throws on a non-zero exit.
 */
export function runGateway(
  env: Readonly<Record<string, string>>,
  args: readonly string[],
): Promise<AdminRun> {
  return runScript(GATEWAY_MAIN, env, args);
}

async function runScript(
  script: string,
  env: Readonly<Record<string, string>>,
  args: readonly string[],
): Promise<AdminRun> {
  return run(process.execPath, [script, ...args], {
    env: { ...parentEnv(true), ...env },
    timeout: ADMIN_LIMIT_MS,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: unknown; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === 'number' ? error.code : -1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? String(error),
    }),
  );
}

/** Runs `parcelgate-admin keys create --tenant <tenant>` and returns the key it prints last. */
export async function createTenantKey(
  env: Readonly<Record<string, string>>,
  tenant: string,
): Promise<string> {
  const result = await runAdmin(env, ['keys', 'create', '--tenant', tenant]);
  const key = result.stdout.trim().split('\n').at(-1)?.trim();
  if (result.code !== 0 || key === undefined || key === '') {
    throw new Error(
      `the admin CLI made no key for tenant ${tenant} (exit ${result.code}):\n${result.stdout}${result.stderr}`,
    );
  }
  return key;
}
