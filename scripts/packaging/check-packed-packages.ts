/**
 * Proves every publishable package works as users get it: packs each one with `pnpm pack`
 * (as `pnpm publish` does) without building it first, so the package's `prepack` script must
 * build `dist/`, checks that each tarball holds every file its `exports` names, then installs
 * all the tarballs with npm into a throwaway project outside the workspace (dependencies and
 * peers from the npm registry, the packages' own peers from the tarballs) and imports every
 * entry point with Node. CI runs it on a fresh clone, before anything is built:
 * `pnpm packages:check`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportTargets, type PackageManifest, publishablePackages } from './workspace-packages.ts';

const run = promisify(execFile);

async function step(label: string, file: string, args: string[], cwd: string): Promise<string> {
  process.stdout.write(`- ${label}\n`);
  try {
    const { stdout } = await run(file, args, {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 600_000,
    });
    return stdout;
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`${label} failed:\n${output.stdout ?? ''}${output.stderr ?? ''}`);
  }
}

/** The specifiers a user can import: the package name plus each subpath but package.json. */
function entryPoints(manifest: PackageManifest): string[] {
  return Object.keys(manifest.exports ?? { '.': '' })
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`));
}

const packages = await publishablePackages();
const folder = await mkdtemp(join(tmpdir(), 'parcelgate-packed-'));
try {
  const tarballs: string[] = [];
  for (const { folder: packageFolder, manifest } of packages) {
    const built = existsSync(join(packageFolder, 'dist'));
    const destination = join(folder, 'tarballs', manifest.name.replace('/', '+'));
    await mkdir(destination, { recursive: true });
    await step(
      `pnpm pack ${manifest.name}${built ? '' : ' (no dist/ yet: prepack builds it)'}`,
      'pnpm',
      ['pack', '--pack-destination', destination],
      packageFolder,
    );
    const tarball = (await readdir(destination)).find((name) => name.endsWith('.tgz'));
    if (tarball === undefined) {
      throw new Error(`pnpm pack wrote no tarball for ${manifest.name}`);
    }
    const path = join(destination, tarball);
    const listed = new Set(
      (await run('tar', ['-tzf', path])).stdout.split('\n').map((line) => line.trim()),
    );
    const missing = exportTargets(manifest).filter(
      (target) => !listed.has(`package/${target.replace(/^\.\//, '')}`),
    );
    if (missing.length > 0) {
      throw new Error(`${tarball} lacks files its exports name: ${missing.join(', ')}`);
    }
    tarballs.push(path);
  }

  const project = join(folder, 'consumer');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'packed-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  await step(
    `npm install ${tarballs.length} tarballs`,
    'npm',
    ['install', '--no-audit', '--no-fund', ...tarballs],
    project,
  );
  const specifiers = packages.flatMap(({ manifest }) => entryPoints(manifest));
  // Each entry point must load: a missing dist/ or dependency throws (a types-only entry,
  // such as the SDK's `/openapi`, loads as an empty module).
  const program = specifiers
    .map(
      (specifier) =>
        `console.log(${JSON.stringify(specifier)}, Object.keys(await import(${JSON.stringify(specifier)})).length, 'exports');`,
    )
    .join('\n');
  await writeFile(join(project, 'index.js'), `${program}\n`);
  process.stdout.write(await step('node index.js', process.execPath, ['index.js'], project));
  console.log(`${packages.length} packed packages install and import outside the workspace.`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
