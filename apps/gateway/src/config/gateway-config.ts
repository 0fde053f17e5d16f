import type { Operation } from '../deadline/budgets.ts';
import type { BatchConfig } from './batch-config.ts';
import type { ClientConfig } from './client-config.ts';
import type { ConfigValues } from './config-schema.ts';
import type { ReconcileConfig } from './reconcile-config.ts';
import type { ResilienceConfig } from './resilience-config.ts';
import type { TracingConfig } from './tracing-config.ts';
import type { WebhookConfig } from './webhook-config.ts';

/** Everything the gateway reads from its environment, validated (config-schema.ts). */
export interface GatewayConfig {
  /**
   * `PARCELGATE_ENV`: `production` refuses the embedded database and the simulator unless
   * `allowEmbeddedDatabase` / `allowSimulator` say so (carriers/deployment-problems.ts).
   */
  readonly environment: 'development' | 'production';
  /** `PARCELGATE_ALLOW_EMBEDDED_DATABASE`. */
  readonly allowEmbeddedDatabase: boolean;
  /** `PARCELGATE_ALLOW_SIMULATOR`. */
  readonly allowSimulator: boolean;
  readonly port: number;
  readonly host: string;
  /** PostgreSQL when set; PGlite in `dataDir` otherwise. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Adapter packages to load by name; undefined loads every carrier package the gateway depends on. */
  readonly carrierPackages: readonly string[] | undefined;
  /** Base URL of the carrier simulator, where carriers without real credentials are sent. */
  readonly simulatorUrl: string;
  /**
   * The gateway's address as carriers reach it (`PARCELGATE_PUBLIC_URL`), from which each
   * carrier's callback URL is built; undefined when carriers cannot reach it.
   */
  readonly publicUrl: string | undefined;
  readonly bootstrapApiKey: string | undefined;
  /**
   * The AES-256 key sealing stored carrier credentials (`PARCELGATE_SECRET_KEY`, 64 hex
   * digits or base64 of 32 bytes). Without it the gateway keeps a development key in its
   * database, allows test connections only, and refuses to start a live deployment.
   */
  readonly secretKey: Buffer | undefined;
  /**
   * Tenants that act through the deployment's shared carrier accounts as their own
   * (`PARCELGATE_SHARED_ACCOUNT_TENANTS`, default `default`, the bootstrap key's tenant).
   * Any other tenant may act through a shared account only on parcels it registered.
   */
  readonly sharedAccountTenants: readonly string[];
  readonly trackingCacheTtlMs: number;
  /**
   * How long rows every request reads (a tenant's API key, policy and default connections;
   * whether a parcel has an intercept under way) are kept in memory unchanged
   * (`PARCELGATE_RECORD_CACHE_TTL_MS`, 0 turns it off): the database's change notices drop
   * them as any process changes them (store/change-notices.ts).
   */
  readonly recordCacheTtlMs: number;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  /** Default latency budgets per operation, in milliseconds. */
  readonly budgetsMs: Readonly<Record<Operation, number>>;
  /** Per-try timeouts, retries, circuit breakers and carrier queues. */
  readonly resilience: ResilienceConfig;
  /** Outcome reconciliation: first check delay and deadline (src/jobs). */
  readonly reconcile: ReconcileConfig;
  /** Webhook delivery: private targets, timeouts, retries, secret rotation (src/webhooks). */
  readonly webhooks: WebhookConfig;
  /** Rate limits per tenant, key and address; client timeouts; Idempotency-Key lifetime. */
  readonly client: ClientConfig;
  /** Bulk intercepts: each tenant's share of the running items, the batch body limit. */
  readonly batches: BatchConfig;
  /**
   * Tracing with OpenTelemetry, exported over OTLP/HTTP (`OTEL_*`); undefined (the default)
   * when no collector is named: then no SDK is started and requests pay nothing for it.
   */
  readonly tracing?: TracingConfig | undefined;
  /**
   * How long a stopping gateway (SIGTERM) lets requests under way finish
   * (`PARCELGATE_SHUTDOWN_GRACE_MS`); the connections still open then are closed. Jobs
   * under way get as long before they are handed back to the queue.
   */
  readonly shutdownGraceMs: number;
  /**
   * How many days carrier attempts are kept (`PARCELGATE_ATTEMPT_RETENTION_DAYS`), then
   * purged by the worker (jobs/attempt-purge.ts).
   */
  readonly attemptRetentionDays: number;
  /**
   * The `CARRIER_<ID>_*` variables as set: which ones exist depends on the adapters loaded,
   * so they are checked once those are known, against the schema derived from each
   * adapter's declarations (schema/carrier-account-variables.ts).
   */
  readonly carrierEnvironment: Readonly<Record<string, string>>;
  /**
   * Every deployment-wide variable, checked, defaults applied: a variable added to the
   * schema is readable here, typed, with no other change.
   */
  readonly variables: ConfigValues;
}
