import { readFile } from 'node:fs/promises';
import { assertCarrierDefinition, type CarrierDefinition } from '@parcelgate/carrier-kit';

/** Packages in the workspace that are not carriers, though their names look like it. */
const NOT_CARRIERS = new Set(['@parcelgate/carrier-kit', '@parcelgate/carrier-testkit']);

/**
 * The carrier packages the gateway depends on (`@parcelgate/carrier-*`), the default when
 * PARCELGATE_CARRIERS is not set: installing a carrier package is how it is added.
 */
export async function defaultCarrierPackages(): Promise<string[]> {
  const manifest = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => name.startsWith('@parcelgate/carrier-') && !NOT_CARRIERS.has(name))
    .sort();
}

/** Imports a package by name; replaceable in tests. */
export type PackageImporter = (packageName: string) => Promise<unknown>;

const importPackage: PackageImporter = (packageName) => import(packageName);

/**
 * Loads each adapter package by name and checks its default export against the contract,
 * so a broken or incompatible adapter stops the start with a message naming the package.
 */
export async function loadCarriers(
  packageNames: readonly string[],
  importer: PackageImporter = importPackage,
): Promise<CarrierDefinition[]> {
  const carriers: CarrierDefinition[] = [];
  for (const packageName of packageNames) {
    let module: unknown;
    try {
      module = await importer(packageName);
    } catch (error) {
      throw new Error(`Cannot load carrier package "${packageName}": ${(error as Error).message}`, {
        cause: error,
      });
    }
    const definition = (module as { default?: unknown }).default;
    try {
      assertCarrierDefinition(definition);
    } catch (error) {
      throw new Error(`Carrier package "${packageName}": ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (carriers.some((carrier) => carrier.id === definition.id)) {
      throw new Error(`Carrier package "${packageName}" reuses the id "${definition.id}"`);
    }
    carriers.push(definition);
  }
  return carriers;
}
