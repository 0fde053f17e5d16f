import type { WorkspacePackage } from './workspace-packages.ts';

/** What part a package plays, as far as the dependency rules care. */
export type PackageRole =
  | 'contract'
  | 'conformance-kit'
  | 'adapter'
  | 'sdk'
  | 'app'
  | 'test-package'
  | 'bench'
  | 'other';

/** The role of a package, from its folder and name. */
export function roleOf(pkg: WorkspacePackage): PackageRole {
  if (pkg.dir === 'packages/carrier-kit') {
    return 'contract';
  }
  if (pkg.dir === 'packages/carrier-testkit') {
    return 'conformance-kit';
  }
  if (pkg.dir.startsWith('packages/carrier-')) {
    return 'adapter';
  }
  if (pkg.dir === 'packages/sdk') {
    return 'sdk';
  }
  if (pkg.dir.startsWith('apps/')) {
    return 'app';
  }
  if (pkg.private && pkg.name.includes('test')) {
    return 'test-package';
  }
  return pkg.dir === 'bench' ? 'bench' : 'other';
}

/** One import of a workspace package, from a file of another (or of the same) package. */
export interface PackageImport {
  readonly from: WorkspacePackage;
  /** Whether the importing file is a test, a test helper or a test configuration. */
  readonly fromTest: boolean;
  readonly to: WorkspacePackage;
  /** Whether the import names the package (`@parcelgate/x`) or a relative path into it. */
  readonly byName: boolean;
}

const SIMULATOR = '@parcelgate/carrier-sim';
const CONTRACT = '@parcelgate/carrier-kit';
const CONFORMANCE_KIT = '@parcelgate/carrier-testkit';

/**
 * Why an import breaks the package rules of docs/architecture.md ("The packages"), or an
 * empty list when it keeps them. A package may always import itself.
 */
export function packageRuleBreaches(edge: PackageImport): string[] {
  const { from, to, fromTest } = edge;
  if (from.dir === to.dir) {
    return [];
  }
  const breaches: string[] = [];
  if (!edge.byName) {
    breaches.push('reaches into another package by a relative path: import it by its name');
  }
  const role = roleOf(from);
  if (role === 'contract') {
    breaches.push('carrier-kit is the contract: it imports no workspace package');
  }
  if (role === 'conformance-kit' && to.name !== CONTRACT) {
    breaches.push('carrier-testkit imports carrier-kit only');
  }
  if (role === 'adapter') {
    const allowed = fromTest ? [CONTRACT, CONFORMANCE_KIT, SIMULATOR] : [CONTRACT];
    if (!allowed.includes(to.name)) {
      breaches.push(
        'an adapter imports carrier-kit only (its tests also carrier-testkit and the simulator); never the gateway or another adapter',
      );
    }
  }
  if (role === 'sdk') {
    if (to.dir === 'apps/gateway') {
      breaches.push('the SDK imports nothing of the gateway: it speaks to it over HTTP');
    } else if (!fromTest) {
      breaches.push('the SDK imports no workspace package at run time');
    }
  }
  if (roleOf(to) === 'app' && !fromTest && role !== 'test-package' && role !== 'bench') {
    breaches.push('apps are imported only by tests, private test packages and benchmarks');
  }
  return breaches;
}

/** Whether a path is a test, a test helper, a fixture or a test configuration. */
export function isTestPath(path: string): boolean {
  return (
    /(^|\/)(test|tests|__fixtures__|test-support)\//.test(path) ||
    /\.test(-d)?\.ts$/.test(path) ||
    /(^|\/)vitest\.config\.ts$/.test(path)
  );
}
