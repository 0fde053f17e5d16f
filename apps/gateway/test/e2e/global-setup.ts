/**
 * Vitest global setup of the e2e project: the suite runs the built gateway (`dist/`), so
 * make sure it is there and not older than its sources. Under turbo the `test` task already
 * depends on `build` and this finds nothing to do; run directly (`pnpm vitest run`), it
 * builds through turbo, which also builds the workspace packages the gateway imports.
 * `PARCELGATE_E2E_SKIP_BUILD=1` runs whatever `dist/` holds.
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GATEWAY_ROOT } from './harness.ts';

const run = promisify(execFile);

export default async function setup(): Promise<void> {
  if (process.env.PARCELGATE_E2E_SKIP_BUILD === '1') {
    return;
  }
  const built = await modifiedAt(join(GATEWAY_ROOT, 'dist/main.js'));
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
      { cwd: join(GATEWAY_ROOT, '../..'), timeout: 300_000 },
    );
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(
      `The gateway must be built for the e2e suite and the build failed:\n${output.stdout ?? ''}${output.stderr ?? ''}`,
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
