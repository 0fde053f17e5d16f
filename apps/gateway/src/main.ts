// The gateway process: the only module that reads process.env, listens, or prints.
import { databaseAdmin } from './admin/admin-operations.ts';
import { serveAdminSocket } from './admin/admin-socket.ts';
import { buildApp } from './app.ts';
import { checkStart } from './carriers/check-start.ts';
import { ConfigError } from './config/load-config.ts';
import { startBanner } from './observability/start-banner.ts';

async function main(): Promise<void> {
  // Every problem (variables, carriers, what production refuses) is listed before anything opens.
  const { config, carriers } = await checkStart(process.env);
  const app = await buildApp({ config, carriers, jobs: true });
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
    app.log.info({ signal }, 'shutting down');
    // In-flight requests finish (new ones get 503) before the database closes.
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const listen = await app.listen({ port: config.port, host: config.host });
  const banner = startBanner({ config, carriers: app.carriers.list(), listen });
  app.log.info({ banner: banner.fields }, banner.summary);
  if (config.logLevel !== 'silent') {
    process.stderr.write(banner.text);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The gateway could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
