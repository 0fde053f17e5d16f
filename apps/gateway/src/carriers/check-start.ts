import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import type { GatewayConfig } from '../config/gateway-config.ts';
import { ConfigError, readConfig } from '../config/load-config.ts';
import { resolveCarrierSettings } from './carrier-settings.ts';
import { deploymentProblems, type ResolvedCarrier } from './deployment-problems.ts';
import { defaultCarrierPackages, loadCarriers, type PackageImporter } from './load-carriers.ts';

/**
 * Resolves every carrier's shared account from the configuration and checks the
 * deployment (deployment-problems.ts). Returns the problems instead of throwing, so they join
 * the others.
 */
export function resolveCarriers(
  carriers: readonly CarrierDefinition[],
  config: GatewayConfig,
): { readonly carriers: ResolvedCarrier[]; readonly problems: string[] } {
  const problems: string[] = [];
  const resolved = carriers.flatMap((definition) => {
    const result = resolveCarrierSettings(
      definition,
      config.carrierEnvironment,
      config.simulatorUrl,
    );
    problems.push(...result.problems);
    return result.settings === undefined ? [] : [{ definition, settings: result.settings }];
  });
  // A carrier with problems is left out, so it is never also reported as on the simulator.
  problems.push(...deploymentProblems(config, resolved));
  return { carriers: resolved, problems };
}

/**
 * Everything a start checks before opening anything: the variables, the carrier packages
 * (loaded), each carrier's variables, and what production refuses. Throws one
 * {@link ConfigError} listing every problem; otherwise returns the configuration and the
 * loaded carriers for `buildApp`.
 */
export async function checkStart(
  env: Readonly<Record<string, string | undefined>>,
  importer?: PackageImporter,
): Promise<{ readonly config: GatewayConfig; readonly carriers: CarrierDefinition[] }> {
  const { config, problems } = readConfig(env);
  let carriers: CarrierDefinition[] = [];
  try {
    carriers = await loadCarriers(
      config.carrierPackages ?? (await defaultCarrierPackages()),
      importer,
    );
  } catch (error) {
    problems.push(`PARCELGATE_CARRIERS: ${(error as Error).message}`);
  }
  problems.push(...resolveCarriers(carriers, config).problems);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return { config, carriers };
}
