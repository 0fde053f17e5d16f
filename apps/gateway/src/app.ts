import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { pino } from 'pino';
import { type CarrierRegistry, createCarrierRegistry } from './carriers/carrier-registry.ts';
import { resolveCarriers } from './carriers/check-start.ts';
import { defaultCarrierPackages, loadCarriers } from './carriers/load-carriers.ts';
import { TIMEOUT_CHECK_INTERVAL_MS } from './config/client-config.ts';
import type { GatewayConfig } from './config/gateway-config.ts';
import { ConfigError } from './config/load-config.ts';
import type { MigrateMode } from './config/process-role.ts';
import { openConnectionSecrets } from './connections/connection-secrets.ts';
import { installDeadlines } from './deadline/install-deadlines.ts';
import { installAuthentication } from './http/authenticate.ts';
import { BAD_INPUT_SERVER_OPTIONS, installBadInputChecks } from './http/bad-input.ts';
import { installClientLimits } from './http/client-limits.ts';
import { installDrain } from './http/drain.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { installIdempotency } from './http/idempotency.ts';
import { parseQueryString } from './http/query-string.ts';
import { requestIdOf } from './http/request-id.ts';
import { installResponseHeaders } from './http/response-headers.ts';
import { installValidation } from './http/validation.ts';
import { startAttemptPurge } from './jobs/attempt-purge.ts';
import { startEventPurge } from './jobs/event-purge.ts';
import { startIdempotencyPurge } from './jobs/idempotency-purge.ts';
import { disabledBatchRunner, startInterceptBatchWorker } from './jobs/intercept-batch-worker.ts';
import {
  disabledOrderDeadlineWatch,
  startOrderDeadlineWatch,
} from './jobs/order-deadline-watch.ts';
import { migrateQueue, startQueue } from './jobs/queue.ts';
import { disabledReconciler, startReconciler } from './jobs/reconciler.ts';
import { inlineWebhookDispatcher, startWebhookDispatcher } from './jobs/webhook-dispatch.ts';
import { countNeedingAttention } from './lifecycle/action-store.ts';
import { carrierAttemptTracer } from './observability/carrier-spans.ts';
import { installRequestLogging, loggerOptions } from './observability/logger.ts';
import {
  metricsPlugin,
  publishCarrierLimitShares,
  publishNeedsAttention,
  publishWebhookBacklog,
} from './observability/metrics.ts';
import { installRequestSpans } from './observability/request-spans.ts';
import { statementTracer } from './observability/statement-spans.ts';
import { type GatewayTracing, openTracing, traceLogFields } from './observability/tracing.ts';
import { openApiPlugin } from './openapi/openapi-plugin.ts';
import { ClusterMembership, EXPIRY_BEATS } from './resilience/cluster-membership.ts';
import { requestsPerSecondOf } from './resilience/limit-shares.ts';
import { resiliencePlugin } from './resilience/resilience-plugin.ts';
import { registerRoutes } from './routes/register-routes.ts';
import { ALL_SCHEMAS } from './schemas/all-schemas.ts';
import { createActiveIntercepts } from './services/active-intercepts.ts';
import { runBatchItem } from './services/batches/run-batch-item.ts';
import { decideAbandoned } from './services/order-events/receive-order-event.ts';
import { ATTEMPT_LOG_DEFAULTS, openAttemptLog } from './store/attempt-log.ts';
import { followChanges } from './store/change-notices.ts';
import { type Database, openDatabase } from './store/database.ts';
import { reportUnavailability } from './store/database-unavailable.ts';
import { DatabaseNotMigratedError, migrate, pendingMigrations } from './store/migrate.ts';
import { openParcelStatusLog, PARCEL_STATUS_LOG_DEFAULTS } from './store/parcel-status-log.ts';
import { beatReplica, followReplicas, leaveReplica } from './store/replicas.ts';
import { createTenantReads } from './store/tenant-reads.ts';
import { ensureBootstrapKey } from './store/tenants.ts';
import { traceStatements } from './store/traced-database.ts';
import { deliveryBacklog } from './store/webhook-deliveries.ts';

export { DatabaseNotMigratedError } from './store/migrate.ts';

/** The gateway's Fastify instance, typed for TypeBox route schemas. */
export type GatewayApp = FastifyInstance<
  FastifyInstance['server'],
  FastifyInstance['initialConfig'] extends never ? never : import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    readonly config: GatewayConfig;
    readonly database: Database;
    readonly carriers: CarrierRegistry;
  }
}

/** What `buildApp` needs; everything but `config` has a production default. */
export interface BuildAppOptions {
  readonly config: GatewayConfig;
  /** An open database; by default one is opened from the config and closed with the app. */
  readonly database?: Database;
  /** Adapters to serve; by default loaded by package name from the config. */
  readonly carriers?: readonly CarrierDefinition[];
  /** Logger settings; defaults to JSON lines at the configured level. */
  readonly logger?: boolean | NonNullable<ReturnType<typeof loggerOptions>>;
  /**
   * The background jobs: `true` runs them (outcome reconciliation, webhook deliveries, bulk
   * intercepts, order-event deadlines, the purges) on the database's queue; `'enqueue'`
   * only queues the jobs requests create, for another process to run (the `serve` role);
   * off by default, for tests and the OpenAPI script (requests then queue nothing).
   */
  readonly jobs?: boolean | 'enqueue';
  /**
   * Serves the API (default); `false` serves only `/healthz`, `/readyz` and `/metrics`
   * (the `worker` role).
   */
  readonly api?: boolean;
  /**
   * `auto` (default) applies pending migrations, the job queue's included; `check` refuses
   * to build on a database with any pending ({@link DatabaseNotMigratedError}).
   */
  readonly migrate?: MigrateMode;
  /**
   * Tracing to use instead of the config's (tests give one on an in-memory exporter, and
   * shut it down themselves); by default started from `config.tracing` when it is set.
   */
  readonly tracing?: GatewayTracing;
}

/**
 * Builds the gateway without listening: opens and migrates the database, loads and checks
 * the carriers, and registers every route. Used by `main.ts`, tests, benchmarks and the
 * OpenAPI script.
 */
export async function buildApp(options: BuildAppOptions): Promise<GatewayApp> {
  const { config } = options;
  const carriers =
    options.carriers ??
    (await loadCarriers(config.carrierPackages ?? (await defaultCarrierPackages())));
  const registry = createCarrierRegistry(resolveAllCarrierSettings(carriers, config), {
    publicUrl: config.publicUrl,
  });
  // Off unless a collector is configured: then nothing of OpenTelemetry is installed.
  const ownTracing =
    options.tracing === undefined && config.tracing !== undefined
      ? openTracing(config.tracing)
      : undefined;
  const tracing = options.tracing ?? ownTracing;
  // Statements that fail because the database cannot be reached become 503s, not 500s.
  const reachable = reportUnavailability(
    options.database ??
      (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })),
  );
  const database =
    tracing === undefined ? reachable : traceStatements(reachable, statementTracer(tracing));
  const migrateMode = options.migrate ?? 'auto';
  if (migrateMode === 'auto') {
    await migrate(database);
  } else {
    const pending = await pendingMigrations(database).catch(async (error: unknown) => {
      await closeOwned(options, database);
      throw error;
    });
    if (pending.length > 0) {
      await closeOwned(options, database);
      throw new DatabaseNotMigratedError(pending);
    }
  }
  const connectionSecrets = await openConnectionSecrets(
    database,
    config.secretKey,
    registry.list(),
  );
  if (config.bootstrapApiKey !== undefined) {
    await ensureBootstrapKey(database, config.bootstrapApiKey);
  }
  const tenantReads = createTenantReads(database, { ttlMs: config.recordCacheTtlMs });
  const activeIntercepts = createActiveIntercepts(database, { ttlMs: config.recordCacheTtlMs });
  // The caches serve from memory only while the database's change notices are heard.
  const changes =
    config.recordCacheTtlMs > 0
      ? await followChanges(database, [tenantReads, activeIntercepts])
      : undefined;
  const attemptLog = openAttemptLog(database, {
    ...ATTEMPT_LOG_DEFAULTS,
    // Called only once requests run, when the app and its metrics exist.
    onLost: (rows, why, error) => {
      app.metrics.attemptRowsLost.inc({ why }, rows);
      app.log.warn({ rows, why, err: error }, 'carrier attempt rows not stored');
    },
  });

  const parcelStatuses = openParcelStatusLog(database, {
    ...PARCEL_STATUS_LOG_DEFAULTS,
    onFailed: (parcels, error) =>
      app.log.warn({ parcels, err: error }, 'parcel statuses seen not stored'),
  });

  const app = Fastify({
    logger:
      options.logger ??
      loggerOptions(config.logLevel, tracing === undefined ? {} : { mixin: traceLogFields }) ??
      false,
    bodyLimit: config.bodyLimitBytes,
    // One summary line per request instead of Fastify's two (see installRequestLogging).
    logController: new LogController({ disableRequestLogging: true }),
    // The client's x-request-id only when it is safe to echo (see requestIdOf).
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Slow clients are dropped: the request head within headersTimeout, the whole request
    // within requestTimeout, checked every TIMEOUT_CHECK_INTERVAL_MS (Node's default is 30 s).
    requestTimeout: config.client.requestTimeoutMs,
    http: {
      headersTimeout: config.client.headersTimeoutMs,
      requestTimeout: config.client.requestTimeoutMs,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    return503OnClosing: true,
    clientErrorHandler: BAD_INPUT_SERVER_OPTIONS.clientErrorHandler,
    frameworkErrors: BAD_INPUT_SERVER_OPTIONS.frameworkErrors,
    routerOptions: {
      querystringParser: parseQueryString,
      maxParamLength: BAD_INPUT_SERVER_OPTIONS.maxParamLength,
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('carriers', registry);
  app.decorate('connectionSecrets', connectionSecrets);
  app.decorate('tenantReads', tenantReads);
  app.decorate('activeIntercepts', activeIntercepts);
  app.decorate('attempts', attemptLog);
  app.decorate('parcelStatuses', parcelStatuses);
  // Registered first, so it runs last: the spans of everything closing are sent too.
  if (ownTracing !== undefined) {
    app.addHook('onClose', () => ownTracing.shutdown());
  }
  app.addHook('onClose', async () => {
    await changes?.close();
    await attemptLog.close();
    await parcelStatuses.close();
    await registry.close();
    if (options.database === undefined) {
      await database.close();
    }
  });
  installResponseHeaders(app);
  installDrain(app, { graceMs: config.shutdownGraceMs });

  for (const shared of ALL_SCHEMAS) {
    app.addSchema(shared.schema);
  }
  installValidation(app, ALL_SCHEMAS);
  installErrorHandling(app);
  // First of the onRequest hooks: it reads the event loop's turn as the request is read.
  installDeadlines(app, {
    // The resilience plugin is registered below; budgets are looked up per request.
    budgetsMs: (carrierId) =>
      carrierId === undefined ? config.budgetsMs : app.resilience.budgetsMs(carrierId),
    answerReserveMs: config.resilience.answerReserveMs,
  });
  if (tracing !== undefined) {
    installRequestSpans(app, tracing);
  }
  installRequestLogging(app);
  installBadInputChecks(app);
  installAuthentication(app, tenantReads, await installClientLimits(app, config.client));
  installIdempotency(app, database, config.client.idempotencyTtlHours);
  await app.register(metricsPlugin);
  publishNeedsAttention(app.metrics.registry, () => countNeedingAttention(database));
  publishWebhookBacklog(app.metrics.registry, () => deliveryBacklog(database));
  const api = options.api ?? true;
  if (api) {
    await app.register(openApiPlugin);
  }
  await app.register(resiliencePlugin, {
    // Every carrier attempt is counted and stored, whoever made it.
    onAttempt: async (attempt) => {
      app.metrics.observeCarrierAttempt(attempt);
      await attemptLog.record(attempt);
    },
    tracer: tracing === undefined ? undefined : carrierAttemptTracer(tracing),
  });
  await shareCarrierLimits(app, database);
  await registerRoutes(app, { api });
  // Last, so a build that fails earlier leaves no worker running. Its onClose hook runs
  // before the database's (Fastify runs them last registered first).
  // One queue for every job; stopped last (hooks run last registered first), once the
  // reconciler and the webhook worker let go of it.
  // `enqueue` (serve) writes jobs for the workers and leaves the queue's upkeep to them.
  const run = options.jobs === true;
  const boss =
    options.jobs === true || options.jobs === 'enqueue'
      ? await startQueue({
          database,
          databaseUrl: config.databaseUrl,
          log: app.log,
          migrate: migrateMode === 'auto',
          supervise: run,
        })
      : undefined;
  if (boss !== undefined) {
    // Jobs under way get the shutdown grace to finish; pg-boss fails those still running
    // then, so another worker retries them.
    app.addHook('onClose', () =>
      boss.stop({ graceful: true, timeout: Math.max(1_000, config.shutdownGraceMs) }),
    );
  }
  const reconciler =
    boss === undefined ? disabledReconciler : await startReconciler(app, boss, { run });
  app.decorate('reconciler', reconciler);
  app.addHook('onClose', () => reconciler.stop());
  const batches =
    boss === undefined
      ? disabledBatchRunner
      : await startInterceptBatchWorker(
          app,
          boss,
          (batch, item) =>
            runBatchItem(
              {
                app,
                log: app.log.child({ component: 'intercept-batches' }),
                batchId: batch.id,
                tenant: batch.tenant,
                leaseMs: batch.leaseMs,
              },
              item,
            ),
          { run },
        );
  app.decorate('interceptBatches', batches);
  app.addHook('onClose', () => batches.stop());
  const orderDeadlines =
    boss === undefined
      ? disabledOrderDeadlineWatch
      : await startOrderDeadlineWatch(
          app,
          boss,
          (event) => decideAbandoned(app, app.log.child({ component: 'order-events' }), event),
          { run },
        );
  app.decorate('orderDeadlines', orderDeadlines);
  app.addHook('onClose', () => orderDeadlines.stop());
  const sending = {
    database,
    box: connectionSecrets.box,
    config: config.webhooks,
    log: app.log.child({ component: 'webhooks' }),
    onAttempt: (outcome: 'delivered' | 'failed' | 'refused') =>
      app.metrics.webhookAttempts.inc({ outcome }),
  };
  // Without a worker here, the outbox waits for one; test events are still sent at once.
  const webhooks =
    boss === undefined || !run
      ? inlineWebhookDispatcher(sending)
      : await startWebhookDispatcher(boss, { ...sending, pollMs: config.webhooks.pollMs });
  app.decorate('webhooks', webhooks);
  app.addHook('onClose', () => webhooks.stop());
  if (run) {
    const attemptPurge = startAttemptPurge({
      database,
      retentionDays: config.attemptRetentionDays,
      log: app.log,
    });
    app.addHook('onClose', () => attemptPurge.stop());
    const purge = startIdempotencyPurge({
      database,
      ttlHours: config.client.idempotencyTtlHours,
      log: app.log,
    });
    app.addHook('onClose', () => purge.stop());
    const eventPurge = startEventPurge({ database, log: app.log });
    app.addHook('onClose', () => eventPurge.stop());
  }
  return app as unknown as GatewayApp;
}

/**
 * Applies every pending migration, the gateway's and the job queue's, on the database
 * `config` names, and says which it applied (`parcelgate-gateway migrate`).
 */
export async function migrateDatabase(config: GatewayConfig): Promise<string[]> {
  const log = pino({ level: config.logLevel, base: { service: 'parcelgate-gateway' } });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(database);
    await migrateQueue({ database, databaseUrl: config.databaseUrl, log });
    return applied;
  } finally {
    await database.close();
  }
}

async function closeOwned(options: BuildAppOptions, database: Database): Promise<void> {
  if (options.database === undefined) {
    await database.close().catch(() => {});
  }
}

/** Every carrier's shared account, or one ConfigError listing every problem. */
function resolveAllCarrierSettings(carriers: readonly CarrierDefinition[], config: GatewayConfig) {
  const resolved = resolveCarriers(carriers, config);
  if (resolved.problems.length > 0) {
    throw new ConfigError(resolved.problems);
  }
  return resolved.carriers;
}

/**
 * On PostgreSQL, splits every carrier account's limits among the live replicas (ADR 0009):
 * this replica beats in `gateway_replicas`, holds no share until the others made room for
 * it (at most one expiry is waited for here, then it serves and its carrier calls wait),
 * and leaves at close so the others take its share at once. The embedded database has one
 * process: its limiter keeps the whole limits.
 */
async function shareCarrierLimits(app: FastifyInstance, database: Database): Promise<void> {
  const heartbeatMs = app.config.resilience.replicaHeartbeatMs;
  const clustered = database.kind === 'postgres' && heartbeatMs > 0;
  const membership = clustered
    ? new ClusterMembership({
        directory: {
          beat: (id, applied, expiryMs, joining) =>
            beatReplica(database, id, applied, expiryMs, joining),
          leave: (id) => leaveReplica(database, id),
        },
        heartbeatMs,
        settled: () => app.resilience.settled(),
        onSeat: (seat, alone) => {
          app.log.info({ replica: membership?.id, seat }, 'carrier limits: new share');
          app.resilience.setSeat(seat, alone);
        },
        onError: (error) => app.log.warn({ err: error }, 'carrier limits: heartbeat failed'),
      })
    : undefined;
  publishCarrierLimitShares(app.metrics.registry, {
    replicas: () => membership?.live ?? 1,
    shares: () =>
      app.resilience.shares().map(({ carrier, connection, share }) => ({
        carrier,
        connection,
        requestsPerSecond: requestsPerSecondOf(share),
        maxConcurrency: share.concurrency,
      })),
  });
  if (membership === undefined) {
    return;
  }
  app.resilience.setSeat(null);
  const replicas = await followReplicas(database, () => membership.beatSoon());
  await membership.start(EXPIRY_BEATS * heartbeatMs + heartbeatMs);
  // A share taken beside others grows after one window; first requests need not wait it.
  const growthMs = app.resilience.growthMs();
  if (growthMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, growthMs));
  }
  app.addHook('onClose', async () => {
    await replicas.close();
    await membership.stop().catch((error: unknown) => {
      app.log.warn({ err: error }, 'carrier limits: could not leave gateway_replicas');
    });
  });
}
