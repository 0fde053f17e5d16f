import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers } from './import-specifiers.ts';
import { KNOWN_PACKAGE_VIOLATIONS } from './known-package-violations.ts';
import { isTestPath, packageRuleBreaches } from './package-rules.ts';
import { REPO_ROOT, repoFiles } from './repo-files.ts';
import {
  packageOfPath,
  packageOfSpecifier,
  type WorkspacePackage,
  workspacePackages,
} from './workspace-packages.ts';

const pkg = (dir: string, name: string, isPrivate = false): WorkspacePackage => ({
  dir,
  name,
  private: isPrivate,
});
const kit = pkg('packages/carrier-kit', '@parcelgate/carrier-kit');
const testkit = pkg('packages/carrier-testkit', '@parcelgate/carrier-testkit');
const ups = pkg('packages/carrier-ups', '@parcelgate/carrier-ups');
const sf = pkg('packages/carrier-sf', '@parcelgate/carrier-sf');
const sdk = pkg('packages/sdk', '@parcelgate/sdk');
const gateway = pkg('apps/gateway', '@parcelgate/gateway', true);
const simulator = pkg('apps/carrier-sim', '@parcelgate/carrier-sim', true);
const stack = pkg('packages/test-stack', '@parcelgate/test-stack', true);

describe('the package rules', () => {
  const breaches = (from: WorkspacePackage, to: WorkspacePackage, fromTest = false) =>
    packageRuleBreaches({ from, to, fromTest, byName: true });

  it('let an adapter import the contract, and in its tests the kit and the simulator', () => {
    expect(breaches(ups, kit)).toEqual([]);
    expect(breaches(ups, testkit, true)).toEqual([]);
    expect(breaches(ups, simulator, true)).toEqual([]);
  });

  it('refuse an adapter the gateway, another adapter, and the kit outside its tests', () => {
    expect(breaches(ups, gateway, true)).not.toEqual([]);
    expect(breaches(ups, sf)).not.toEqual([]);
    expect(breaches(ups, testkit)).not.toEqual([]);
  });

  it('refuse carrier-kit any workspace package, and the SDK the gateway even in tests', () => {
    expect(breaches(kit, testkit, true)).not.toEqual([]);
    expect(breaches(sdk, gateway, true)).not.toEqual([]);
    expect(breaches(sdk, kit)).not.toEqual([]);
    expect(breaches(sdk, stack, true)).toEqual([]);
  });

  it('let only tests, private test packages and benchmarks import apps', () => {
    expect(breaches(stack, gateway)).toEqual([]);
    expect(breaches(pkg('bench', '@parcelgate/bench', true), simulator)).toEqual([]);
    expect(breaches(pkg('examples/shop', '@parcelgate-example/shop', true), gateway)).not.toEqual(
      [],
    );
  });

  it('refuse a relative path into another package', () => {
    expect(
      packageRuleBreaches({ from: stack, to: gateway, fromTest: true, byName: false }),
    ).toEqual(['reaches into another package by a relative path: import it by its name']);
  });
});

describe("the workspace's imports", () => {
  const files = repoFiles();
  const packages = workspacePackages(REPO_ROOT, files);
  const found = new Map<string, string[]>();
  for (const path of files.filter((file) => /\.(ts|mts|tsx)$/.test(file))) {
    const from = packageOfPath(packages, path);
    if (from === undefined) {
      continue;
    }
    const text = readFileSync(join(REPO_ROOT, path), 'utf8');
    for (const { specifier } of importSpecifiers(path, text)) {
      const relative = specifier.startsWith('.');
      const target = relative ? posix.normalize(posix.join(dirname(path), specifier)) : specifier;
      const to = relative ? packageOfPath(packages, target) : packageOfSpecifier(packages, target);
      if (to === undefined) {
        continue;
      }
      const breaches = packageRuleBreaches({
        from,
        to,
        fromTest: isTestPath(path),
        byName: !relative,
      });
      if (breaches.length > 0) {
        found.set(`${path} -> ${target}`, breaches);
      }
    }
  }

  it('keep the package rules, but for the known violations', () => {
    const unknown = [...found]
      .filter(([edge]) => KNOWN_PACKAGE_VIOLATIONS[edge] === undefined)
      .map(([edge, breaches]) => `${edge}: ${breaches.join('; ')}`);
    expect(unknown).toEqual([]);
  });

  it('list only violations that still exist, so the list shrinks as they are fixed', () => {
    const fixed = Object.keys(KNOWN_PACKAGE_VIOLATIONS).filter((edge) => !found.has(edge));
    expect(fixed, 'fixed: delete these from KNOWN_PACKAGE_VIOLATIONS').toEqual([]);
  });
});
