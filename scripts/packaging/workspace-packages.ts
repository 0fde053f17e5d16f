/**
 * The workspace's packages as their package.json files describe them, for the scripts and
 * tests that check what is published.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The package.json fields these checks read. */
export interface PackageManifest {
  readonly name: string;
  readonly version?: string;
  readonly private?: boolean;
  readonly packageManager?: string;
  readonly repository?: {
    readonly type?: string;
    readonly url?: string;
    readonly directory?: string;
  };
  readonly homepage?: string;
  readonly bugs?: { readonly url?: string };
  readonly engines?: { readonly node?: string };
  readonly exports?: Readonly<Record<string, ExportTarget>>;
  readonly scripts?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

/** An `exports` value: a path, or conditions leading to paths. */
export type ExportTarget = string | { readonly [condition: string]: ExportTarget };

/** One workspace package: its folder (absolute), its path from the root, its manifest. */
export interface WorkspacePackage {
  readonly folder: string;
  readonly path: string;
  readonly manifest: PackageManifest;
}

/** Reads a package.json file. */
export async function readManifest(folder: string): Promise<PackageManifest> {
  return JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as PackageManifest;
}

/**
 * The folder patterns of pnpm-workspace.yaml's `packages:` list. The file is read as lines,
 * `  - <pattern>`, which is how it is written; a pattern is a folder or `<folder>/*`.
 */
async function workspacePatterns(): Promise<string[]> {
  const text = await readFile(join(REPO_ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const start = text.indexOf('packages:\n');
  const patterns: string[] = [];
  for (const line of text.slice(start + 'packages:\n'.length).split('\n')) {
    const match = /^\s+-\s+["']?([^"'\s]+)["']?\s*$/.exec(line);
    if (match?.[1] === undefined) {
      break;
    }
    patterns.push(match[1]);
  }
  if (patterns.length === 0) {
    throw new Error('pnpm-workspace.yaml lists no packages');
  }
  return patterns;
}

/** Every package of the workspace but the root, sorted by path. */
export async function workspacePackages(): Promise<WorkspacePackage[]> {
  const folders: string[] = [];
  for (const pattern of await workspacePatterns()) {
    if (pattern.endsWith('/*')) {
      const parent = join(REPO_ROOT, pattern.slice(0, -2));
      for (const entry of await readdir(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) {
          folders.push(join(parent, entry.name));
        }
      }
    } else {
      folders.push(join(REPO_ROOT, pattern));
    }
  }
  const packages: WorkspacePackage[] = [];
  for (const folder of folders.filter((candidate) => existsSync(join(candidate, 'package.json')))) {
    packages.push({
      folder,
      path: relative(REPO_ROOT, folder),
      manifest: await readManifest(folder),
    });
  }
  return packages.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The packages that are published to npm: every one not private, the libraries under
 * packages/ and the operator's command line, apps/cli.
 */
export async function publishablePackages(): Promise<WorkspacePackage[]> {
  return (await workspacePackages()).filter(({ manifest }) => manifest.private !== true);
}

/** Every file an `exports` map points at, e.g. `./dist/index.js`, without duplicates. */
export function exportTargets(manifest: PackageManifest): string[] {
  const targets = new Set<string>();
  const visit = (target: ExportTarget): void => {
    if (typeof target === 'string') {
      targets.add(target);
    } else {
      Object.values(target).forEach(visit);
    }
  };
  Object.values(manifest.exports ?? {}).forEach(visit);
  return [...targets];
}
