import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { type BuildAppOptions, buildApp, type GatewayApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { Database } from '../../src/store/database.ts';
import { createApiKey, ensureTenant } from '../../src/store/tenants.ts';
import { openTestDatabase } from './test-database.ts';

/** A gateway for tests with the given carriers, and a key per tenant. */
export interface TestGateway {
  readonly app: GatewayApp;
  /** `Authorization` headers of tenant `acme` and tenant `globex`. */
  readonly auth: { readonly acme: Record<string, string>; readonly globex: Record<string, string> };
  close(): Promise<void>;
}

/**
 * Rate limits far above what any test sends, so only the tests of the limits (which set
 * their own) ever meet one.
 */
const UNLIMITED: Readonly<Record<string, string>> = {
  PARCELGATE_RATE_LIMIT_PER_SECOND: '1000000',
  PARCELGATE_RATE_LIMIT_BURST: '1000000',
  PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND: '1000000',
  PARCELGATE_RATE_LIMIT_ADDRESS_BURST: '1000000',
};

/**
 * Builds a gateway for `app.inject()` tests, on an in-memory PGlite, or with
 * `database: 'from-env'` on the PostgreSQL of `DATABASE_URL` when it is set (a schema of
 * its own, dropped on close).
 */
export async function createTestGateway(
  carriers: readonly CarrierDefinition[],
  env: Record<string, string> = {},
  options: {
    readonly jobs?: boolean;
    readonly logger?: BuildAppOptions['logger'];
    readonly database?: 'memory' | 'from-env';
    /** Wraps the database before the gateway gets it (a double that fails on demand). */
    readonly wrapDatabase?: (database: Database) => Database;
    /** Tracing on this exporter's side (an in-memory one); off when not given. */
    readonly tracing?: BuildAppOptions['tracing'];
  } = {},
): Promise<TestGateway> {
  const store = await openTestDatabase(options.database === 'from-env');
  const { database } = store;
  const app = await buildApp({
    config: loadConfig({
      PARCELGATE_DATA_DIR: 'memory://',
      LOG_LEVEL: 'silent',
      // Both test tenants act through the shared account, as the bootstrap tenant would;
      // tests of parcel registration and connections set their own list.
      PARCELGATE_SHARED_ACCOUNT_TENANTS: 'acme,globex',
      ...(store.databaseUrl === undefined ? {} : { DATABASE_URL: store.databaseUrl }),
      ...UNLIMITED,
      ...env,
    }),
    carriers,
    database: options.wrapDatabase?.(database) ?? database,
    logger: options.logger ?? false,
    jobs: options.jobs ?? false,
    ...(options.tracing === undefined ? {} : { tracing: options.tracing }),
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
      await store.drop();
    },
  };
}
