import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A package of the workspace. */
export interface WorkspacePackage {
  /** Its folder from the repository's root, e.g. `packages/carrier-kit`. */
  readonly dir: string;
  readonly name: string;
  readonly private: boolean;
}

/** The workspace's packages: every `package.json` below the root, the root's excluded. */
export function workspacePackages(root: string, files: readonly string[]): WorkspacePackage[] {
  return files
    .filter((path) => path.endsWith('/package.json'))
    .map((path) => {
      const manifest: unknown = JSON.parse(readFileSync(join(root, path), 'utf8'));
      const fields = (typeof manifest === 'object' && manifest !== null ? manifest : {}) as {
        readonly name?: unknown;
        readonly private?: unknown;
      };
      return {
        dir: dirname(path),
        name: typeof fields.name === 'string' ? fields.name : dirname(path),
        private: fields.private === true,
      };
    });
}

/** The package a path of the repository belongs to: the deepest folder holding it. */
export function packageOfPath(
  packages: readonly WorkspacePackage[],
  path: string,
): WorkspacePackage | undefined {
  let found: WorkspacePackage | undefined;
  for (const candidate of packages) {
    if (path.startsWith(`${candidate.dir}/`) && (found?.dir.length ?? -1) < candidate.dir.length) {
      found = candidate;
    }
  }
  return found;
}

/** The workspace package a bare specifier names (`@parcelgate/carrier-kit/wire` too). */
export function packageOfSpecifier(
  packages: readonly WorkspacePackage[],
  specifier: string,
): WorkspacePackage | undefined {
  return packages.find(
    (candidate) => specifier === candidate.name || specifier.startsWith(`${candidate.name}/`),
  );
}
