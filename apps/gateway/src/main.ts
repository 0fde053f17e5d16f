// The gateway process: the only module that reads process.env, listens, or prints.
import { databaseAdmin } from './admin/admin-operations.ts';
import { serveAdminSocket } from './admin/admin-socket.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await buildApp({ config, jobs: true });
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
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The gateway could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
