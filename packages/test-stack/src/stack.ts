/**
 * A whole stack for one test file (or one suite): the carrier simulator and the built
 * gateway as processes, on a fresh database, with clients of both. Call {@link startStack}
 * in `beforeAll` (or a global setup) and `stop()` after.
 */
import { randomBytes } from 'node:crypto';
import type { SimControlClient } from '@parcelgate/carrier-sim';
import { type AdminRun, createTenantKey, runAdmin } from './admin.ts';
import { ApiClient } from './api-client.ts';
import type { Launched } from './child-process.ts';
import { prepareDatabase } from './database.ts';
import { freePort } from './free-port.ts';
import { type GatewayProcess, spawnGateway, startSimulatorProcess } from './processes.ts';

/**
 * Client rate limits far above what any test sends (they test other things); a test of the
 * limits sets its own through `gatewayEnv`.
 */
const UNLIMITED_CLIENTS: Readonly<Record<string, string>> = {
  PARCELGATE_RATE_LIMIT_PER_SECOND: '1000000',
  PARCELGATE_RATE_LIMIT_BURST: '1000000',
  PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND: '1000000',
  PARCELGATE_RATE_LIMIT_ADDRESS_BURST: '1000000',
};

/** What a stack is started with. */
export interface StackOptions {
  /** Simulator seed; fixed by default so chance decisions repeat run after run. */
  readonly seed?: string;
  /**
   * Extra tenants, each given an API key through the admin CLI before the gateway starts
   * (PGlite's folder belongs to one process at a time).
   */
  readonly tenants?: readonly string[];
  /** Carrier packages (PARCELGATE_CARRIERS); by default the gateway's own. */
  readonly carriers?: readonly string[];
  /**
   * More gateway environment (budgets, carrier base URLs), given the simulator's URL, the
   * gateway's own (already `PARCELGATE_PUBLIC_URL`) and, on PostgreSQL, its `DATABASE_URL`.
   */
  readonly gatewayEnv?: (
    simUrl: string,
    gatewayUrl: string,
    databaseUrl: string | undefined,
  ) => Readonly<Record<string, string>>;
}

/**
 * A running simulator and gateway on their own database: PGlite in a temporary folder, or a
 * schema of its own on the PostgreSQL of `DATABASE_URL` when it is set.
 */
export interface Stack {
  readonly gatewayUrl: string;
  readonly simUrl: string;
  /** `pglite` or `postgres`: which database this run exercises. */
  readonly database: 'pglite' | 'postgres';
  /** The bootstrap key of tenant `default`. */
  readonly apiKey: string;
  /** API keys of the extra tenants, by tenant name. */
  readonly keys: Readonly<Record<string, string>>;
  /** A client of the API with tenant `default`'s key. */
  readonly api: ApiClient;
  /** A client of the simulator's control API. */
  readonly sim: SimControlClient;
  /** A client of the API with another key (or none). */
  client(apiKey: string | undefined): ApiClient;
  /** Everything the gateway printed so far (JSON log lines). */
  gatewayLogs(): string;
  /** The gateway's process (to kill it the hard way). */
  readonly gatewayProcess: Launched['child'];
  /** The variables that point a gateway or the admin CLI at this stack's database. */
  readonly databaseEnv: Readonly<Record<string, string>>;
  /** Runs `parcelgate-admin <args>` on this stack's database, while the gateway runs. */
  admin(args: readonly string[]): Promise<AdminRun>;
  /** Stops both processes and removes the database. */
  stop(): Promise<void>;
}

/**
 * Starts the simulator and the gateway, and resolves once both are ready (the simulator's
 * listening line and health check, the gateway's `/readyz`).
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch(() => {});
    }
  };
  try {
    // The simulator starts while the database is made and the tenants' keys created.
    const simulatorStarting = startSimulatorProcess({ seed: options.seed ?? 'parcelgate-e2e' });
    // Awaited below; a failure meanwhile must not count as unhandled.
    simulatorStarting.catch(() => {});
    cleanups.push(async () => (await simulatorStarting).stop());

    const store = await prepareDatabase(process.env.DATABASE_URL);
    cleanups.push(() => store.drop());

    const keys: Record<string, string> = {};
    for (const tenant of options.tenants ?? []) {
      keys[tenant] = await createTenantKey(store.env, tenant);
    }

    const simulator = await simulatorStarting;
    const apiKey = `e2e_${randomBytes(18).toString('base64url')}`;
    const port = await freePort();
    const gatewayUrl = `http://127.0.0.1:${port}`;
    const gateway = spawnGateway({
      port,
      env: {
        ...store.env,
        CARRIER_SIM_URL: simulator.url,
        PARCELGATE_BOOTSTRAP_API_KEY: apiKey,
        PARCELGATE_PUBLIC_URL: gatewayUrl,
        LOG_LEVEL: 'info',
        ...UNLIMITED_CLIENTS,
        ...(options.carriers === undefined
          ? {}
          : { PARCELGATE_CARRIERS: options.carriers.join(',') }),
        ...options.gatewayEnv?.(simulator.url, gatewayUrl, store.env.DATABASE_URL),
      },
    });
    cleanups.push(() => gateway.stop());
    await gateway.ready();

    return {
      gatewayUrl,
      simUrl: simulator.url,
      database: store.kind,
      apiKey,
      keys,
      api: new ApiClient(gatewayUrl, apiKey),
      sim: simulator.control,
      client: (key) => new ApiClient(gatewayUrl, key),
      gatewayLogs: () => gateway.output(),
      gatewayProcess: gateway.child,
      databaseEnv: store.env,
      admin: (args) => runAdmin(store.env, args),
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** A gateway started beside a stack's: a second one on its database, or a restart. */
export interface ExtraGateway extends GatewayProcess {
  /** A client with the stack's bootstrap key. */
  readonly api: ApiClient;
}

/**
 * Starts one more gateway on `stack`'s database and simulator, on a port of its own;
 * `env` adds settings (the same carrier limits as the stack's gateway, say).
 */
export async function launchGateway(
  stack: Stack,
  env: Readonly<Record<string, string>> = {},
): Promise<ExtraGateway> {
  const port = await freePort();
  const gateway = spawnGateway({
    port,
    env: {
      ...stack.databaseEnv,
      CARRIER_SIM_URL: stack.simUrl,
      PARCELGATE_BOOTSTRAP_API_KEY: stack.apiKey,
      PARCELGATE_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  return { ...gateway, api: new ApiClient(gateway.url, stack.apiKey) };
}
