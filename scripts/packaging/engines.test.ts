import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies, validRange } from 'semver';
import { describe, expect, it } from 'vitest';
import {
  type PackageManifest,
  REPO_ROOT,
  readManifest,
  type WorkspacePackage,
  workspacePackages,
} from './workspace-packages.ts';

/** The dependencies a package's users run: its own, its peers and its optional ones. */
function runtimeDependencies(manifest: PackageManifest): string[] {
  return Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
}

/**
 * Each dependency whose declared `engines.node` refuses the oldest Node the package's own
 * range allows, as `<dependency> needs node <its range>`; read from
 * `<folder>/node_modules/<name>`, the copy the package really resolves. Only the oldest
 * version is compared: dependencies commonly skip odd, never-LTS majors (`^22 || ^24`) that
 * an open range (`>=22.19`) lets in, and nobody runs those.
 */
async function narrowerEngines(folder: string, own: string, names: readonly string[]) {
  const conflicts: string[] = [];
  for (const name of names) {
    const dependencyFolder = join(folder, 'node_modules', name);
    if (!existsSync(join(dependencyFolder, 'package.json'))) {
      conflicts.push(`${name} is not installed in ${folder}`);
      continue;
    }
    const needs = (await readManifest(dependencyFolder)).engines?.node;
    const oldest = minVersion(own);
    if (needs !== undefined && (oldest === null || !satisfies(oldest, needs))) {
      conflicts.push(`${name} needs node ${needs}`);
    }
  }
  return conflicts;
}

describe('engines.node', () => {
  it('is declared, the same range, by the root and every workspace package', async () => {
    const root = await readManifest(REPO_ROOT);
    expect(validRange(root.engines?.node)).not.toBeNull();
    const packages = await workspacePackages();
    expect(packages.length).toBeGreaterThan(5);
    expect(
      packages
        .filter(({ manifest }) => manifest.engines?.node !== root.engines?.node)
        .map(({ path, manifest }) => `${path}: ${manifest.engines?.node ?? 'none'}`),
    ).toEqual([]);
  });

  it("of each package starts at a Node its runtime dependencies' engines allow", async () => {
    const conflicts: string[] = [];
    for (const { folder, path, manifest } of await workspacePackages()) {
      const own = manifest.engines?.node ?? '*';
      for (const conflict of await narrowerEngines(folder, own, runtimeDependencies(manifest))) {
        conflicts.push(`${path} (node ${own}): ${conflict}`);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it("of the root starts at a Node every development dependency's engines allow", async () => {
    const own = (await readManifest(REPO_ROOT)).engines?.node ?? '*';
    const packages: WorkspacePackage[] = [
      { folder: REPO_ROOT, path: '.', manifest: await readManifest(REPO_ROOT) },
      ...(await workspacePackages()),
    ];
    const conflicts: string[] = [];
    for (const { folder, path, manifest } of packages) {
      const names = Object.keys(manifest.devDependencies ?? {});
      for (const conflict of await narrowerEngines(folder, own, names)) {
        conflicts.push(`${path}: ${conflict}`);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('finds a dependency that needs a newer Node than the package declares', async () => {
    // undici 8 needs >= 22.19: the range the workspace used to declare must be caught.
    const gateway = join(REPO_ROOT, 'apps/gateway');
    expect(await narrowerEngines(gateway, '>=22.12', ['undici'])).toEqual([
      expect.stringMatching(/^undici needs node >=22\.19/),
    ]);
  });
});
