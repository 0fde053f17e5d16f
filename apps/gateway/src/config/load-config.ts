import { parseSecretKey } from '../connections/secret-box.ts';
import { readBatchConfig } from './batch-config.ts';
import { readClientConfig } from './client-config.ts';
import { CONFIG_SECTIONS, type ConfigValues } from './config-schema.ts';
import type { GatewayConfig } from './gateway-config.ts';
import { readReconcileConfig } from './reconcile-config.ts';
import { readResilienceConfig } from './resilience-config.ts';
import { readVariables } from './schema/variable-types.ts';
import { readTracingConfig } from './tracing-config.ts';
import { readWebhookConfig } from './webhook-config.ts';

/** Thrown when the environment is invalid; lists every setting at fault. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Reads and validates the gateway's settings against the schema (config-schema.ts,
 * docs/configuration.md). Every problem is reported at once, each naming its variable, so
 * a start fails with one clear message.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const { config, problems } = readConfig(env);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

/**
 * Reads the settings without throwing: invalid variables are listed in `problems` and take
 * their defaults, so a caller can go on checking (the carriers, the deployment) and report
 * every problem together.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): {
  readonly config: GatewayConfig;
  readonly problems: string[];
} {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const section of CONFIG_SECTIONS) {
    const own = readVariables(section.variables, env, problems);
    Object.assign(values, own);
  }
  // Checks between variables run once every variable is read, with defaults for bad ones.
  for (const section of CONFIG_SECTIONS) {
    problems.push(...(section.check?.(values as never) ?? []));
  }
  return { config: toGatewayConfig(values as ConfigValues, env), problems };
}

function toGatewayConfig(
  values: ConfigValues,
  env: Readonly<Record<string, string | undefined>>,
): GatewayConfig {
  const simulatorUrl = values.CARRIER_SIM_URL ?? `http://127.0.0.1:${values.CARRIER_SIM_PORT}`;
  return {
    environment: values.PARCELGATE_ENV,
    allowEmbeddedDatabase: values.PARCELGATE_ALLOW_EMBEDDED_DATABASE,
    allowSimulator: values.PARCELGATE_ALLOW_SIMULATOR,
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    dataDir: values.PARCELGATE_DATA_DIR,
    carrierPackages: values.PARCELGATE_CARRIERS,
    simulatorUrl,
    publicUrl: values.PARCELGATE_PUBLIC_URL,
    bootstrapApiKey: values.PARCELGATE_BOOTSTRAP_API_KEY,
    secretKey:
      values.PARCELGATE_SECRET_KEY === undefined
        ? undefined
        : parseSecretKey(values.PARCELGATE_SECRET_KEY),
    sharedAccountTenants: values.PARCELGATE_SHARED_ACCOUNT_TENANTS,
    trackingCacheTtlMs: values.TRACKING_CACHE_TTL_MS,
    recordCacheTtlMs: values.PARCELGATE_RECORD_CACHE_TTL_MS,
    logLevel: values.LOG_LEVEL,
    bodyLimitBytes: values.PARCELGATE_BODY_LIMIT_BYTES,
    budgetsMs: {
      track: values.PARCELGATE_BUDGET_TRACK_MS,
      intercept: values.PARCELGATE_BUDGET_INTERCEPT_MS,
      redirect: values.PARCELGATE_BUDGET_REDIRECT_MS,
    },
    resilience: readResilienceConfig(values),
    reconcile: readReconcileConfig(values),
    webhooks: readWebhookConfig(values),
    client: readClientConfig(values),
    batches: readBatchConfig(values),
    shutdownGraceMs: values.PARCELGATE_SHUTDOWN_GRACE_MS,
    attemptRetentionDays: values.PARCELGATE_ATTEMPT_RETENTION_DAYS,
    tracing: readTracingConfig(values),
    carrierEnvironment: carrierVariablesOf(env),
    variables: values,
  };
}

/** The `CARRIER_*` variables set; each carrier reads only its own names from them. */
function carrierVariablesOf(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith('CARRIER_') && entry[1] !== undefined && entry[1].trim() !== '',
    ),
  );
}
