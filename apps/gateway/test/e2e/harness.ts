/**
 * The e2e harness: the real carrier simulator and the real gateway (built `dist/`), each in
 * its own process on a free port, on a fresh database (a temporary PGlite folder, or a
 * schema of its own on the PostgreSQL named by `DATABASE_URL`), plus small typed HTTP
 * clients for the API and the simulator's control API. One stack per test file.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { SimParcel } from './api-types.ts';

const run = promisify(execFile);

/** The gateway package's root folder. */
export const GATEWAY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GATEWAY_MAIN = join(GATEWAY_ROOT, 'dist/main.js');
const GATEWAY_CLI = join(GATEWAY_ROOT, 'dist/cli.js');
const SIMULATOR_MAIN = fileURLToPath(new URL('../../../carrier-sim/src/main.ts', import.meta.url));

/** A carrier package that only tracks (no intercept, no redirect API), for e2e only. */
export const TRACK_ONLY_CARRIER = fileURLToPath(
  new URL('./fixtures/track-only-carrier.ts', import.meta.url),
);

/** Environment variables of the test runner that must not leak into the child processes. */
const CONTROLLED_ENV = /^(?:PORT|HOST|DATABASE_URL|LOG_LEVEL|PARCELGATE_.*|CARRIER_.*)$/;

/**
 * Client rate limits far above what any e2e test sends (they test other things); a test of
 * the limits sets its own through `gatewayEnv`.
 */
const UNLIMITED_CLIENTS: Readonly<Record<string, string>> = {
  PARCELGATE_RATE_LIMIT_PER_SECOND: '1000000',
  PARCELGATE_RATE_LIMIT_BURST: '1000000',
  PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND: '1000000',
  PARCELGATE_RATE_LIMIT_ADDRESS_BURST: '1000000',
};

/** How long a process may take to answer its health check (PGlite start is slow on a busy box). */
const READY_TIMEOUT_MS = 90_000;

/** What a stack is started with. */
export interface StackOptions {
  /** Simulator seed; fixed by default so chance decisions repeat run after run. */
  readonly seed?: string;
  /** Extra tenants, each given an API key through the admin CLI before the gateway starts. */
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

/** A running simulator and gateway on their own database. */
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
  readonly sim: SimClient;
  /** A client of the API with another key (or none). */
  client(apiKey: string | undefined): ApiClient;
  /** Everything the gateway printed so far (JSON log lines). */
  gatewayLogs(): string;
  /** The gateway's process (to kill it the hard way). */
  readonly gatewayProcess: ChildProcess;
  /** The variables that point a gateway or the admin CLI at this stack's database. */
  readonly databaseEnv: Readonly<Record<string, string>>;
  /** Runs `parcelgate-admin <args>` on this stack's database, while the gateway runs. */
  admin(args: readonly string[]): Promise<AdminRun>;
  /** Stops both processes and removes the database. */
  stop(): Promise<void>;
}

/**
 * Starts the simulator and the gateway, and waits until both answer their health checks.
 * Call once per test file, in `beforeAll`, and `stop()` in `afterAll`.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch(() => {});
    }
  };
  try {
    const simPort = await freePort();
    const simUrl = `http://127.0.0.1:${simPort}`;
    const sim = launch('carrier-sim', SIMULATOR_MAIN, {
      CARRIER_SIM_PORT: String(simPort),
      CARRIER_SIM_HOST: '127.0.0.1',
      CARRIER_SIM_SEED: options.seed ?? 'parcelgate-e2e',
    });
    cleanups.push(() => sim.stop());

    const store = await prepareDatabase();
    cleanups.push(() => store.drop());

    const keys: Record<string, string> = {};
    for (const tenant of options.tenants ?? []) {
      // Before the gateway starts: PGlite's folder belongs to one process at a time.
      keys[tenant] = await createTenantKey(store.env, tenant);
    }

    const apiKey = `e2e_${randomBytes(18).toString('base64url')}`;
    const port = await freePort();
    const gatewayUrl = `http://127.0.0.1:${port}`;
    const gateway = launch('gateway', GATEWAY_MAIN, {
      ...store.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CARRIER_SIM_URL: simUrl,
      PARCELGATE_BOOTSTRAP_API_KEY: apiKey,
      PARCELGATE_PUBLIC_URL: gatewayUrl,
      LOG_LEVEL: 'info',
      ...UNLIMITED_CLIENTS,
      ...(options.carriers === undefined
        ? {}
        : { PARCELGATE_CARRIERS: options.carriers.join(',') }),
      ...options.gatewayEnv?.(simUrl, gatewayUrl, store.env.DATABASE_URL),
    });
    cleanups.push(() => gateway.stop());

    await Promise.all([
      waitUntilReady(sim, `${simUrl}/__sim/health`),
      waitUntilReady(gateway, `${gatewayUrl}/readyz`),
    ]);

    return {
      gatewayUrl,
      simUrl,
      database: store.kind,
      apiKey,
      keys,
      api: new ApiClient(gatewayUrl, apiKey),
      sim: new SimClient(simUrl),
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

/** A free TCP port on loopback (the OS picks it; the tiny race with other tests is accepted). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh idempotency key. */
export function newKey(): string {
  return `e2e-${randomUUID()}`;
}

/** A process the harness started. */
export interface Launched {
  readonly name: string;
  readonly child: ChildProcess;
  /** Settles when the process has exited. */
  readonly exit: Promise<void>;
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

/** Child processes still running, killed if the test process exits without `stop()`. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) {
    child.kill('SIGKILL');
  }
});

/** Logs kept per process: enough to explain a failure, bounded so a long run cannot bloat. */
const MAX_OUTPUT_CHARS = 4_000_000;

function launch(name: string, script: string, env: Readonly<Record<string, string>>): Launched {
  const child = spawn(process.execPath, [script], {
    env: { ...inheritedEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > MAX_OUTPUT_CHARS) {
      output = output.slice(-MAX_OUTPUT_CHARS / 2);
    }
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  return {
    name,
    child,
    exit,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** A gateway started beside a stack's: a second one on its database, or a restart. */
export interface ExtraGateway extends Launched {
  readonly url: string;
  /** A client with the stack's bootstrap key. */
  readonly api: ApiClient;
  /** Resolves once it answers `/readyz`; throws if it exits first. */
  ready(): Promise<void>;
}

/** Starts one more gateway on `stack`'s database and simulator, on a port of its own. */
export async function launchGateway(stack: Stack): Promise<ExtraGateway> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const launched = launch('gateway', GATEWAY_MAIN, {
    ...stack.databaseEnv,
    PORT: new URL(url).port,
    HOST: '127.0.0.1',
    CARRIER_SIM_URL: stack.simUrl,
    PARCELGATE_BOOTSTRAP_API_KEY: stack.apiKey,
    PARCELGATE_PUBLIC_URL: url,
    LOG_LEVEL: 'info',
  });
  return {
    ...launched,
    url,
    api: new ApiClient(url, stack.apiKey),
    ready: () => waitUntilReady(launched, `${url}/readyz`),
  };
}

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !CONTROLLED_ENV.test(name)) {
      env[name] = value;
    }
  }
  return env;
}

async function waitUntilReady(launched: Launched, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (launched.exited()) {
      throw new Error(`${launched.name} exited before it was ready:\n${launched.output()}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${launched.name} was not ready at ${url} in time:\n${launched.output()}`);
}

interface PreparedDatabase {
  readonly kind: 'pglite' | 'postgres';
  /** The variables that point the gateway and its CLI at this database. */
  readonly env: Readonly<Record<string, string>>;
  drop(): Promise<void>;
}

/**
 * With `DATABASE_URL`, a schema of its own (`e2e_<random>`), selected through the
 * connection's `search_path` so runs in parallel never see each other's rows; else an
 * empty PGlite folder.
 */
async function prepareDatabase(): Promise<PreparedDatabase> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl === undefined || databaseUrl === '') {
    const dataDir = await mkdtemp(join(tmpdir(), 'parcelgate-e2e-'));
    return {
      kind: 'pglite',
      env: { PARCELGATE_DATA_DIR: dataDir },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  await withClient(databaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  return {
    kind: 'postgres',
    env: { DATABASE_URL: withSearchPath(databaseUrl, schema) },
    drop: async () => {
      await withClient(databaseUrl, (client) =>
        // pg-boss keeps its queue in `<schema>_pgboss` when the search_path names a schema.
        client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_pgboss CASCADE`),
      );
    },
  };
}

/** The URL with `options=-c search_path=<schema>`, the libpq way `pg` understands too. */
export function withSearchPath(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // URLSearchParams writes spaces as '+', which libpq-style parsers keep literally.
  return url.toString().replaceAll('+', '%20');
}

async function withClient<Result>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<Result>,
): Promise<Result> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** How a run of the admin CLI ended. */
export interface AdminRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `parcelgate-admin <args>` with `env`; never throws on a non-zero exit. */
export async function runAdmin(
  env: Readonly<Record<string, string>>,
  args: readonly string[],
): Promise<AdminRun> {
  return run(process.execPath, [GATEWAY_CLI, ...args], {
    env: { ...inheritedEnv(), ...env },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: unknown; stdout?: string; stderr?: string }) => ({
      code: typeof error.code === 'number' ? error.code : -1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? String(error),
    }),
  );
}

/** Runs `parcelgate-admin keys create --tenant <name>` and returns the key it prints last. */
async function createTenantKey(env: Readonly<Record<string, string>>, tenant: string) {
  const { stdout } = await run(
    process.execPath,
    [GATEWAY_CLI, 'keys', 'create', '--tenant', tenant],
    {
      env: { ...inheritedEnv(), ...env },
      timeout: 60_000,
    },
  );
  const key = stdout.trim().split('\n').at(-1)?.trim();
  if (key === undefined || key === '') {
    throw new Error(`the admin CLI printed no key for tenant ${tenant}:\n${stdout}`);
  }
  return key;
}

/** An HTTP answer with its body parsed when it is JSON. */
export interface HttpAnswer<Body> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
  /** The raw body text. */
  readonly text: string;
}

/** Options of one API request. */
export interface RequestOptions {
  /** Serialized as JSON with `content-type: application/json`. */
  readonly json?: unknown;
  /** A raw body, sent as is (bad JSON, other media types, huge bodies). */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly idempotencyKey?: string;
}

/** A small typed client of the gateway's API. */
export class ApiClient {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;

  constructor(baseUrl: string, apiKey: string | undefined) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** Sends one request; never throws on an HTTP error status. */
  async request<Body = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpAnswer<Body>> {
    const headers: Record<string, string> = {};
    if (this.apiKey !== undefined) {
      headers.authorization = `Bearer ${this.apiKey}`;
    }
    if (options.idempotencyKey !== undefined) {
      headers['idempotency-key'] = options.idempotencyKey;
    }
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    Object.assign(headers, options.headers);
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(30_000),
    });
    return readAnswer<Body>(response);
  }

  /** `GET path`. */
  get<Body = unknown>(path: string, options: RequestOptions = {}): Promise<HttpAnswer<Body>> {
    return this.request<Body>('GET', path, options);
  }

  /** `POST path` with a JSON body. */
  post<Body = unknown>(
    path: string,
    json: unknown,
    options: Omit<RequestOptions, 'json'> = {},
  ): Promise<HttpAnswer<Body>> {
    return this.request<Body>('POST', path, { ...options, json });
  }
}

async function readAnswer<Body>(response: Response): Promise<HttpAnswer<Body>> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') && text !== '' ? JSON.parse(text) : text) as Body;
  return { status: response.status, headers: response.headers, body, text };
}

/** What a parcel is created with in the simulator. */
export interface SimParcelInput {
  readonly status: string;
  readonly subStatus?: string;
  readonly declaredValue?: { readonly amount: string; readonly currency: string };
  readonly category?: string;
  /** Default `sandbox`. */
  readonly carrier?: string;
  /**
   * The carrier account that owns the parcel, as the carrier identifies a caller (sandbox:
   * the API key; UPS: the OAuth client id; SF: the partnerID; Kuaidi100: the customer).
   * Absent: every account may act on it.
   */
  readonly account?: string;
}

/** A client of the simulator's control API (`/__sim`). */
/** One push the simulator sent, with the receiver's answer. */
export interface SimPush {
  readonly trackingNumber: string;
  readonly body: string;
  readonly status: number | undefined;
  /** Whether the answer was the acknowledgement the carrier expects. */
  readonly acknowledged: boolean;
}

/**
 * Reads until `done` holds or 15 s pass, and returns the last value read either way (the
 * caller's assertion then shows what it was).
 */
export async function pollUntil<Value>(
  read: () => Promise<Value>,
  done: (value: Value) => boolean,
): Promise<Value> {
  const deadline = Date.now() + 15_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

export class SimClient {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** Creates a parcel in a status, with the history that led there; returns its number. */
  async createParcel(input: SimParcelInput): Promise<string> {
    const answer = await this.send<{ trackingNumber: string }>('POST', '/__sim/parcels', {
      carrier: 'sandbox',
      ...input,
    });
    if (answer.status !== 201) {
      throw new Error(`the simulator refused the parcel ${JSON.stringify(input)}: ${answer.text}`);
    }
    return answer.body.trackingNumber;
  }

  /** The simulator's view of a parcel, with what each operation's `calls` counted. */
  async parcel(trackingNumber: string, carrier = 'sandbox'): Promise<SimParcel> {
    const answer = await this.send<SimParcel>(
      'GET',
      `/__sim/parcels/${carrier}/${encodeURIComponent(trackingNumber)}`,
    );
    if (answer.status !== 200) {
      throw new Error(`the simulator has no parcel ${trackingNumber}: ${answer.text}`);
    }
    return answer.body;
  }

  /** Moves simulated time forward; parcels take the steps that fall due. */
  async advanceClock(ms: number): Promise<void> {
    const answer = await this.send('POST', '/__sim/clock/advance', { ms });
    if (answer.status !== 200) {
      throw new Error(`the simulator refused to advance its clock: ${answer.text}`);
    }
  }

  /** Injects a fault (see the simulator's README, "Faults"); returns its id. */
  async addFault(fault: Readonly<Record<string, unknown>>): Promise<string> {
    const answer = await this.send<{ id: string }>('POST', '/__sim/faults', fault);
    if (answer.status !== 201) {
      throw new Error(`the simulator refused the fault: ${answer.text}`);
    }
    return answer.body.id;
  }

  /**
   * Where the carrier pushes (its portal's webhook setting): the gateway's callback URL for
   * that carrier, signed with `secret`.
   */
  async pushTo(carrier: string, gatewayUrl: string, secret: string): Promise<void> {
    const answer = await this.send('POST', '/__sim/push-targets', {
      carrier,
      url: `${gatewayUrl}/v1/carrier-callbacks/${carrier}`,
      secret,
    });
    if (answer.status !== 200) {
      throw new Error(`the simulator refused the push target: ${answer.text}`);
    }
  }

  /** The pushes sent to one parcel's receiver so far (after the queued ones went out). */
  async pushesFor(trackingNumber: string): Promise<SimPush[]> {
    const answer = await this.send<{ pushes: SimPush[] }>('GET', '/__sim/pushes');
    return answer.body.pushes.filter((push) => push.trackingNumber === trackingNumber);
  }

  /** Removes an injected fault. */
  async deleteFault(id: string): Promise<void> {
    const answer = await this.send('DELETE', `/__sim/faults/${id}`);
    if (answer.status !== 200) {
      throw new Error(`the simulator could not delete fault ${id}: ${answer.text}`);
    }
  }

  private async send<Body>(method: string, path: string, json?: unknown) {
    const response = await fetch(this.baseUrl + path, {
      method,
      ...(json === undefined
        ? {}
        : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
      signal: AbortSignal.timeout(10_000),
    });
    return readAnswer<Body>(response);
  }
}
