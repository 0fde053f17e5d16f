import type { CarrierCredentials, CarrierDefinition } from '@parcelgate/carrier-kit';
import { type CarrierOverrides, readCarrierOverrides } from '../resilience/carrier-overrides.ts';

/** Where a carrier's calls go and with which credentials. */
export interface CarrierSettings {
  readonly baseUrl: string;
  readonly credentials: CarrierCredentials;
  /** `simulator` until real credentials are configured; then the carrier's real endpoint. */
  readonly target: 'simulator' | 'production' | 'custom';
  /** Secret values, redacted from every log line. */
  readonly secrets: readonly string[];
  /** This account's own budgets and rate limits (`CARRIER_<ID>_BUDGET_*_MS`, ...). */
  readonly overrides: CarrierOverrides;
}

/** `ups` → `CARRIER_UPS`; `carrier-x` → `CARRIER_CARRIER_X`. */
export function carrierEnvPrefix(carrierId: string): string {
  return `CARRIER_${carrierId.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * Resolves a carrier's base URL and credentials from `CARRIER_<ID>_*`. Without credentials
 * the carrier talks to the simulator with its sandbox defaults; real credentials switch it
 * to its real endpoint; `CARRIER_<ID>_BASE_URL` always wins. Returns problems naming the
 * variables at fault instead of throwing, so every carrier's problems show at once.
 */
export function resolveCarrierSettings(
  carrier: CarrierDefinition,
  env: Readonly<Record<string, string | undefined>>,
  simulatorUrl: string,
): { settings?: CarrierSettings; problems: string[] } {
  const prefix = carrierEnvPrefix(carrier.id);
  const configured = carrier.credentials.filter((field) => nonEmpty(env[`${prefix}_${field.env}`]));
  const useRealCredentials = configured.length > 0;
  const problems: string[] = [];
  const credentials: Record<string, string> = {};
  for (const field of carrier.credentials) {
    const value =
      nonEmpty(env[`${prefix}_${field.env}`]) ??
      (useRealCredentials ? undefined : field.sandboxDefault);
    if (value !== undefined) {
      credentials[field.key] = value;
    } else if (field.required) {
      problems.push(`${prefix}_${field.env} is required (${field.description})`);
    }
  }
  const explicitUrl = nonEmpty(env[`${prefix}_BASE_URL`]);
  const productionUrl = carrier.endpoints?.production;
  const target =
    explicitUrl !== undefined ? 'custom' : useRealCredentials ? 'production' : 'simulator';
  const baseUrl =
    explicitUrl ??
    (useRealCredentials && productionUrl !== undefined
      ? productionUrl
      : `${simulatorUrl}/${carrier.id}`);
  if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    problems.push(`${prefix}_BASE_URL must be an http(s) URL (got "${baseUrl}")`);
  }
  const { overrides, problems: overrideProblems } = readCarrierOverrides(prefix, env);
  problems.push(...overrideProblems);
  if (problems.length > 0) {
    return { problems };
  }
  const secrets = carrier.credentials
    .filter((field) => field.secret)
    .map((field) => credentials[field.key])
    .filter((value): value is string => value !== undefined);
  return { settings: { baseUrl, credentials, target, secrets, overrides }, problems };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
