/**
 * Proves the package a user installs works: packs `@parcelgate/sdk` with `pnpm pack` (as
 * `pnpm publish` would), installs the tarball with npm into a throwaway project outside
 * the workspace (its dependencies come from the npm registry, not the workspace), then
 * type-checks a user's program under two module resolutions without Node's types (any
 * fetch runtime) and runs it. The package's prepack builds `dist/` when it is missing.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const run = promisify(execFile);
const sdkRoot = fileURLToPath(new URL('../', import.meta.url));
const consumer = fileURLToPath(new URL('./tarball-consumer/index.ts', import.meta.url));
// The consumer compiles with the workspace's TypeScript, whatever the registry's latest is.
const typescriptVersion = ts.version;

async function step(label: string, file: string, args: string[], cwd: string): Promise<string> {
  process.stdout.write(`- ${label}\n`);
  try {
    const { stdout } = await run(file, args, {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 300_000,
    });
    return stdout;
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`${label} failed:\n${output.stdout ?? ''}${output.stderr ?? ''}`);
  }
}

const folder = await mkdtemp(join(tmpdir(), 'parcelgate-sdk-tarball-'));
try {
  await step('pnpm pack', 'pnpm', ['pack', '--pack-destination', folder], sdkRoot);
  const tarball = (await readdir(folder)).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) {
    throw new Error('pnpm pack wrote no tarball');
  }
  const project = join(folder, 'consumer');
  await run('mkdir', [project]);
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  await step(
    `npm install ${tarball} typescript@${typescriptVersion}`,
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      join(folder, tarball),
      `typescript@${typescriptVersion}`,
    ],
    project,
  );
  await copyFile(consumer, join(project, 'index.ts'));
  for (const resolution of ['NodeNext', 'Bundler'] as const) {
    const tsconfig = {
      compilerOptions: {
        target: 'ES2023',
        module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
        moduleResolution: resolution,
        // The web platform's types only: the SDK must not need Node's.
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        types: [],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ['index.ts'],
    };
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    await step(`tsc --noEmit (moduleResolution ${resolution})`, 'npx', ['tsc', '-p', '.'], project);
  }
  process.stdout.write(await step('node index.ts', process.execPath, ['index.ts'], project));
  console.log(`The packed ${tarball} installs, type-checks and runs outside the workspace.`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
