import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { type BuildAppOptions, buildApp, type GatewayApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { createApiKey, ensureTenant } from '../../src/store/tenants.ts';
import { openTestDatabase } from './test-database.ts';

/** A gateway on an in-memory database with the given carriers, and a key per tenant. */
export interface TestGateway {
  readonly app: GatewayApp;
  /** `Authorization` headers of tenant `acme` and tenant `globex`. */
  readonly auth: { readonly acme: Record<string, string>; readonly globex: Record<string, string> };
  close(): Promise<void>;
}

/** How a test gateway is built; every option has a default. */
export interface TestGatewayOptions {
  readonly jobs?: boolean;
  readonly logger?: BuildAppOptions['logger'];
  /**
   * Runs on PostgreSQL when `DATABASE_URL` is set (a schema of the test's own), so the
   * suite's PostgreSQL run covers the test too; else, and by default, in-memory PGlite.
   */
  readonly databaseFromEnv?: boolean;
  /** Wraps the database before the gateway gets it (a double that fails on demand). */
  readonly wrapDatabase?: (database: Database) => Database;
}

/** Builds a gateway for `app.inject()` tests. */
export async function createTestGateway(
  carriers: readonly CarrierDefinition[],
  env: Record<string, string> = {},
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  const opened =
    options.databaseFromEnv === true
      ? await openTestDatabase()
      : await openDatabase({ dataDir: 'memory://' }).then((database) => ({
          database,
          close: () => database.close(),
        }));
  const { database } = opened;
  const app = await buildApp({
    config: loadConfig({ PARCELGATE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...env }),
    carriers,
    database: options.wrapDatabase?.(database) ?? database,
    logger: options.logger ?? false,
    jobs: options.jobs ?? false,
  });
  const keyFor = async (name: string) => {
    const tenant = await ensureTenant(database, name);
    const { key } = await createApiKey(database, { tenantId: tenant.id });
    return { authorization: `Bearer ${key}` };
  };
  const auth = { acme: await keyFor('acme'), globex: await keyFor('globex') };
  return {
    app,
    auth,
    async close() {
      await app.close();
      await opened.close();
    },
  };
}
