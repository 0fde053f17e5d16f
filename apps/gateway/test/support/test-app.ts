import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { type BuildAppOptions, buildApp, type GatewayApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { openDatabase } from '../../src/store/database.ts';
import { createApiKey, ensureTenant } from '../../src/store/tenants.ts';

/** A gateway on an in-memory database with the given carriers, and a key per tenant. */
export interface TestGateway {
  readonly app: GatewayApp;
  /** `Authorization` headers of tenant `acme` and tenant `globex`. */
  readonly auth: { readonly acme: Record<string, string>; readonly globex: Record<string, string> };
  close(): Promise<void>;
}

/** Builds a gateway for `app.inject()` tests. */
export async function createTestGateway(
  carriers: readonly CarrierDefinition[],
  env: Record<string, string> = {},
  options: { readonly jobs?: boolean; readonly logger?: BuildAppOptions['logger'] } = {},
): Promise<TestGateway> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const app = await buildApp({
    config: loadConfig({
      PARCELGATE_DATA_DIR: 'memory://',
      LOG_LEVEL: 'silent',
      // Both test tenants act through the shared account, as the bootstrap tenant would;
      // tests of parcel registration and connections set their own list.
      PARCELGATE_SHARED_ACCOUNT_TENANTS: 'acme,globex',
      ...env,
    }),
    carriers,
    database,
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
      await database.close();
    },
  };
}
