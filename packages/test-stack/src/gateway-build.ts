/**
 * The stack runs the built gateway (`dist/`). Under turbo the `test` task already depends
 * on the gateway's `build` and this finds nothing to do; run directly (`pnpm vitest run`),
 * it builds through turbo, which also builds the workspace packages the gateway imports.
 * `PARCELGATE_E2E_SKIP_BUILD=1` runs whatever `dist/` holds.
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GATEWAY_MAIN, GATEWAY_ROOT } from './paths.ts';

const run = promisify(execFile);

/** Builds the gateway when its `dist/` is missing or older than its sources. */
export async function ensureGatewayBuilt(): Promise<void> {
  if (process.env.PARCELGATE_E2E_SKIP_BUILD === '1') {
    return;
  }
  const built = await modifiedAt(GATEWAY_MAIN);
  const sources = Math.max(
    await newestIn(join(GATEWAY_ROOT, 'src')),
    await newestIn(join(GATEWAY_ROOT, 'migrations')),
  );
  if (built !== undefined && built >= sources) {
    return;
  }
  try {
    await run(
      'pnpm',
      ['turbo', 'run', 'build', '--filter=@parcelgate/gateway', '--output-logs=errors-only'],
      // No time limit: a cold build on a busy machine takes what it takes.
      { cwd: join(GATEWAY_ROOT, '../..') },
    );
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(
      `The gateway must be built for the stack and the build failed:\n${output.stdout ?? ''}${output.stderr ?? ''}`,
    );
  }
}

async function modifiedAt(path: string): Promise<number | undefined> {
  return stat(path).then(
    (info) => info.mtimeMs,
    () => undefined,
  );
}

/** The newest modification time of the non-test files under `folder`. */
async function newestIn(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}
