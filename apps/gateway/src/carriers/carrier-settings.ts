import type {
  CarrierCredentials,
  CarrierDefinition,
  CarrierHostUrls,
} from '@parcelgate/carrier-kit';
import {
  type CarrierAccountValues,
  type CarrierOverrides,
  carrierEnvPrefix,
  readCarrierAccountVariables,
} from '../config/schema/carrier-account-variables.ts';

/** Where a carrier's calls go and with which credentials. */
export interface CarrierSettings {
  /** Base URL of the carrier's default host. */
  readonly baseUrl: string;
  /**
   * Base URLs of the named hosts the adapter declares (`endpoints.hosts`), by name; absent
   * when it declares none.
   */
  readonly hosts?: Readonly<Record<string, string>>;
  readonly credentials: CarrierCredentials;
  /**
   * `simulator` until real credentials are configured; then `production`, the carrier's
   * real endpoints; `test`, the carrier's own test environment (a connection in test
   * mode); `custom` when a `..._BASE_URL` variable moved any host.
   */
  readonly target: 'simulator' | 'test' | 'production' | 'custom';
  /** Secret values, redacted from every log line. */
  readonly secrets: readonly string[];
  /** This account's own budgets and rate limits (`CARRIER_<ID>_BUDGET_*_MS`, ...). */
  readonly overrides: CarrierOverrides;
}

/**
 * Resolves a carrier's base URLs and credentials from `CARRIER_<ID>_*`, read with the
 * schema derived from the adapter's declarations (config/schema). Without
 * credentials the carrier talks to the simulator with its sandbox defaults; real
 * credentials switch it to its real endpoints; `CARRIER_<ID>_BASE_URL` always wins. Every
 * named host follows the same rule, and `CARRIER_<ID>_<HOST>_BASE_URL` moves one alone.
 * Returns problems naming the variables at fault instead of throwing, so every carrier's
 * problems show at once.
 */
export function resolveCarrierSettings(
  carrier: CarrierDefinition,
  env: Readonly<Record<string, string | undefined>>,
  simulatorUrl: string,
): { settings?: CarrierSettings; problems: string[] } {
  const prefix = carrierEnvPrefix(carrier.id);
  const problems: string[] = [];
  const variables = readCarrierAccountVariables(carrier, env, problems);
  // Only the account's own identity (its required fields) makes credentials real: an
  // optional setting alone (SF's pay mode, a return address) keeps the simulator.
  const configured = carrier.credentials.filter(
    (field) => field.required && variables.credentials[field.key] !== undefined,
  );
  const useRealCredentials = configured.length > 0;
  const credentials: Record<string, string> = {};
  for (const field of carrier.credentials) {
    const value =
      variables.credentials[field.key] ?? (useRealCredentials ? undefined : field.sandboxDefault);
    if (value !== undefined) {
      credentials[field.key] = value;
    } else if (field.required) {
      problems.push(`${prefix}_${field.env} is required (${field.description})`);
    }
  }
  const urls = resolveBaseUrls(
    carrier,
    variables,
    `${simulatorUrl}/${carrier.id}`,
    useRealCredentials ? 'production' : 'simulator',
  );
  const { overrides } = variables;
  if (problems.length > 0) {
    return { problems };
  }
  const secrets = carrier.credentials
    .filter((field) => field.secret)
    .map((field) => credentials[field.key])
    .filter((value): value is string => value !== undefined);
  const { baseUrl, hosts, target } = urls;
  return {
    settings: {
      baseUrl,
      ...(hosts === undefined ? {} : { hosts }),
      credentials,
      target,
      secrets,
      overrides,
    },
    problems,
  };
}

/** A carrier's resolved base URLs. */
interface ResolvedBaseUrls {
  readonly baseUrl: string;
  readonly hosts: Readonly<Record<string, string>> | undefined;
  readonly target: CarrierSettings['target'];
}

/**
 * The default host's and every named host's base URL. Each comes from its own variable
 * when set, else `CARRIER_<ID>_BASE_URL` (a proxy or test server serving every path),
 * else the host's production URL with real credentials, else the simulator, which serves
 * every host of a carrier under one prefix.
 */
function resolveBaseUrls(
  carrier: CarrierDefinition,
  variables: CarrierAccountValues,
  simulatorBaseUrl: string,
  target: 'simulator' | 'test' | 'production',
): ResolvedBaseUrls {
  const shared = variables.baseUrl;
  // A carrier without a test environment of its own is tested against the simulator.
  const testTarget = carrier.endpoints?.test === undefined ? 'simulator' : 'test';
  const effective = target === 'test' ? testTarget : target;
  const stock = (urls: CarrierHostUrls | undefined): string => {
    if (urls === undefined || effective === 'simulator') {
      return simulatorBaseUrl;
    }
    return effective === 'test' ? (urls.test ?? urls.production) : urls.production;
  };
  const baseUrl = shared ?? stock(carrier.endpoints);
  const named = Object.entries(carrier.endpoints?.hosts ?? {}).map(([name, urls]) => {
    const own = variables.hostBaseUrls[name];
    return own === undefined
      ? { name, url: shared ?? stock(urls), moved: false }
      : { name, url: own, moved: true };
  });
  const moved = shared !== undefined || named.some((host) => host.moved);
  return {
    baseUrl,
    hosts:
      named.length === 0
        ? undefined
        : Object.fromEntries(named.map(({ name, url }) => [name, url])),
    target: moved ? 'custom' : effective,
  };
}

/**
 * The settings of a tenant's own connection: its credentials as stored, its mode's
 * endpoints (`live`: production; `test`: the carrier's test environment, or the simulator
 * for a carrier without one), deployment-wide `..._BASE_URL` variables still winning (an
 * egress proxy, or the simulator in tests), and the deployment's per-carrier budgets. Rate
 * limits are the adapter's declared ones: `CARRIER_<ID>_REQUESTS_PER_SECOND` and friends
 * describe the shared account's own contract with the carrier, not the tenant's.
 */
export function resolveConnectionSettings(
  carrier: CarrierDefinition,
  env: Readonly<Record<string, string | undefined>>,
  simulatorUrl: string,
  connection: {
    readonly mode: 'test' | 'live';
    readonly credentials: CarrierCredentials;
    readonly secrets: readonly string[];
  },
): CarrierSettings {
  // Checked at start: problems cannot happen here.
  const variables = readCarrierAccountVariables(carrier, env, []);
  const urls = resolveBaseUrls(
    carrier,
    variables,
    `${simulatorUrl}/${carrier.id}`,
    connection.mode === 'live' ? 'production' : 'test',
  );
  const { overrides } = variables;
  return {
    baseUrl: urls.baseUrl,
    ...(urls.hosts === undefined ? {} : { hosts: urls.hosts }),
    credentials: connection.credentials,
    target: urls.target,
    secrets: connection.secrets,
    overrides: { budgetsMs: overrides.budgetsMs, rateLimits: {} },
  };
}
