// The gateway process: the only module that reads process.env, listens, or prints.
// `parcelgate-gateway [serve | worker | migrate]`: see config/process-role.ts.
import { databaseAdmin } from './admin/admin-operations.ts';
import { serveAdminSocket } from './admin/admin-socket.ts';
import { buildApp, DatabaseNotMigratedError, migrateDatabase } from './app.ts';
import { checkStart } from './carriers/check-start.ts';
import type { GatewayConfig } from './config/gateway-config.ts';
import { ConfigError } from './config/load-config.ts';
import {
  type ProcessPlan,
  ProcessRoleError,
  ROLE_USAGE,
  readProcessPlan,
} from './config/process-role.ts';
import { startBanner } from './observability/start-banner.ts';

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(ROLE_USAGE);
    return;
  }
  const plan = readProcessPlan(argv, process.env);
  // Every problem (variables, carriers, what production refuses) is listed before anything opens.
  const { config, carriers } = await checkStart(process.env);
  if (plan.role === 'migrate') {
    const applied = await migrateDatabase(config);
    console.log(
      applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`,
    );
    process.exit(0);
  }
  await serve(plan, config, carriers);
}

async function serve(
  plan: ProcessPlan,
  config: GatewayConfig,
  carriers: Awaited<ReturnType<typeof checkStart>>['carriers'],
): Promise<void> {
  const app = await buildApp({
    config,
    carriers,
    jobs: plan.jobs === 'run' ? true : 'enqueue',
    api: plan.api,
    migrate: plan.migrate,
  });
  // The embedded database is this process's alone: parcelgate-admin reaches it through the
  // gateway's admin socket. Served before the API, so a ready gateway always has it.
  const lock = app.database.dataDirLock;
  const admin =
    lock === undefined ? undefined : await serveAdminSocket(databaseAdmin(app.database), lock);
  // Registered after buildApp's hooks, so it runs before the database closes.
  app.addHook('onClose', async () => {
    await admin?.close();
  });
  if (admin !== undefined) {
    app.log.info({ dataDir: lock?.dataDir, adminSocket: admin.path }, 'admin channel listening');
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    const startedAt = performance.now();
    app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    // Requests under way finish (new ones get 503) within the grace, then the jobs stop
    // and the batched writers flush, before the database closes (http/drain.ts, app.ts).
    app.close().then(
      () => {
        app.log.info({ ms: Math.round(performance.now() - startedAt) }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const listen = await app.listen({ port: config.port, host: config.host });
  const banner = startBanner({ config, carriers: app.carriers.list(), listen, roles: [plan.role] });
  app.log.info({ banner: banner.fields, migrate: plan.migrate }, banner.summary);
  if (config.logLevel !== 'silent') {
    process.stderr.write(banner.text);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof ProcessRoleError ||
    error instanceof DatabaseNotMigratedError
  ) {
    console.error(error.message);
  } else {
    console.error('The gateway could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
