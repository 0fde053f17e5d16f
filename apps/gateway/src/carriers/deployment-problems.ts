import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import type { GatewayConfig } from '../config/gateway-config.ts';
import { carrierEnvPrefix } from '../config/schema/carrier-account-variables.ts';
import type { CarrierSettings } from './carrier-settings.ts';

/** A loaded carrier and where its shared account's calls go. */
export interface ResolvedCarrier {
  readonly definition: CarrierDefinition;
  readonly settings: CarrierSettings;
}

/**
 * What `PARCELGATE_ENV=production` refuses: the embedded database (one process, data in
 * one folder) without `DATABASE_URL`, and any carrier left on the simulator because it has
 * no real credentials, each unless explicitly allowed. One problem per fallback, each
 * naming the variables that fix it, so an operator sees every one at once.
 */
export function deploymentProblems(
  config: GatewayConfig,
  carriers: readonly ResolvedCarrier[],
): string[] {
  if (config.environment !== 'production') {
    return [];
  }
  const problems: string[] = [];
  if (config.databaseUrl === undefined && !config.allowEmbeddedDatabase) {
    problems.push(
      'DATABASE_URL is required when PARCELGATE_ENV=production: without it the gateway runs on the embedded database, one process with its data in PARCELGATE_DATA_DIR (set PARCELGATE_ALLOW_EMBEDDED_DATABASE=true to run on it anyway)',
    );
  }
  if (!config.allowSimulator) {
    for (const { definition, settings } of carriers) {
      if (settings.target !== 'simulator') {
        continue;
      }
      const prefix = carrierEnvPrefix(definition.id);
      const required = definition.credentials
        .filter((field) => field.required)
        .map((field) => `${prefix}_${field.env}`);
      const fix = required.length > 0 ? `set ${required.join(', ')}` : `set ${prefix}_BASE_URL`;
      problems.push(
        `carrier "${definition.id}" would be sent to the simulator (${settings.baseUrl}) when PARCELGATE_ENV=production: ${fix}, leave it out of PARCELGATE_CARRIERS, or set PARCELGATE_ALLOW_SIMULATOR=true`,
      );
    }
  }
  return problems;
}
