import { parseSecretKey } from '../connections/secret-box.ts';
import { readBatchConfig } from './batch-config.ts';
import { readClientConfig } from './client-config.ts';
import type { GatewayConfig } from './gateway-config.ts';
import { readReconcileConfig } from './reconcile-config.ts';
import { readResilienceConfig } from './resilience-config.ts';
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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the gateway's settings (docs/configuration.md). Every problem is
 * reported at once, each naming its variable, so a start fails with one clear message.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const databaseUrl = optional(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(?:ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const bootstrapApiKey = optional(env.PARCELGATE_BOOTSTRAP_API_KEY);
  if (bootstrapApiKey !== undefined && !/^[A-Za-z0-9_-]{24,128}$/.test(bootstrapApiKey)) {
    problems.push(
      'PARCELGATE_BOOTSTRAP_API_KEY must be 24 to 128 characters of letters, digits, _ or -',
    );
  }
  const rawSecretKey = optional(env.PARCELGATE_SECRET_KEY);
  const secretKey = rawSecretKey === undefined ? undefined : parseSecretKey(rawSecretKey);
  if (rawSecretKey !== undefined && secretKey === undefined) {
    // Never echo the value: it is a secret even when malformed.
    problems.push(
      'PARCELGATE_SECRET_KEY must be 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)',
    );
  }
  const simulatorPort = integer('CARRIER_SIM_PORT', 4010, 1, 65_535);
  const simulatorUrl = optional(env.CARRIER_SIM_URL) ?? `http://127.0.0.1:${simulatorPort}`;
  if (!isHttpUrl(simulatorUrl)) {
    problems.push(`CARRIER_SIM_URL must be an http(s) URL (got "${simulatorUrl}")`);
  }
  const publicUrl = optional(env.PARCELGATE_PUBLIC_URL);
  if (publicUrl !== undefined && !isHttpUrl(publicUrl)) {
    problems.push(`PARCELGATE_PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  }

  const config: GatewayConfig = {
    port: integer('PORT', 8080, 0, 65_535),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    dataDir: optional(env.PARCELGATE_DATA_DIR) ?? './data',
    carrierPackages: optional(env.PARCELGATE_CARRIERS)
      ?.split(',')
      .map((name) => name.trim())
      .filter((name) => name.length > 0),
    simulatorUrl: simulatorUrl.replace(/\/+$/, ''),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    bootstrapApiKey,
    secretKey,
    sharedAccountTenants: (optional(env.PARCELGATE_SHARED_ACCOUNT_TENANTS) ?? 'default')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name.length > 0),
    trackingCacheTtlMs: integer('TRACKING_CACHE_TTL_MS', 5_000, 0, 3_600_000),
    recordCacheTtlMs: integer('PARCELGATE_RECORD_CACHE_TTL_MS', 60_000, 0, 3_600_000),
    logLevel,
    bodyLimitBytes: integer('PARCELGATE_BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    budgetsMs: {
      track: integer('PARCELGATE_BUDGET_TRACK_MS', 2_000, 50, 60_000),
      intercept: integer('PARCELGATE_BUDGET_INTERCEPT_MS', 5_000, 50, 60_000),
      redirect: integer('PARCELGATE_BUDGET_REDIRECT_MS', 5_000, 50, 60_000),
    },
    resilience: readResilienceConfig(integer),
    reconcile: readReconcileConfig(integer, problems),
    webhooks: readWebhookConfig(env, integer, problems),
    client: readClientConfig(env, integer, problems),
    batches: readBatchConfig(integer),
    tracing: readTracingConfig(env, integer, problems),
    shutdownGraceMs: integer('PARCELGATE_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    attemptRetentionDays: integer('PARCELGATE_ATTEMPT_RETENTION_DAYS', 30, 1, 3_650),
    carrierEnvironment: env,
  };
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
