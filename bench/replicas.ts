/**
 * How capacity grows with replicas (`pnpm bench:replicas`): tracking reads per second and
 * intercepts per second with 1, 2 and 3 `serve` replicas and one `worker` on one
 * PostgreSQL, the deployment shape of docs/deploy.md.
 *
 * For each replica count: a fresh schema, `parcelgate-gateway migrate` once, the replicas
 * and the worker started as the guide starts them (the built `dist/main.js`, a role each),
 * then autocannon (in a worker thread, requests from load-request.ts) spreads its
 * connections over the replicas' ports, connection i to replica i mod N: the load balancer.
 *
 * - tracking reads with the tracking cache off (`TRACKING_CACHE_TTL_MS=0`): every read is a
 *   carrier call, the worst case, for `BENCH_DURATION_S` after a 2 s warm-up;
 * - intercepts of fresh parcels, one Idempotency-Key each (`BENCH_INTERCEPTS`, after a
 *   warm-up of 300).
 *
 * Each row also gives the bytes the database grew by per read and per intercept (tables,
 * indexes and TOAST of the schema), and the CPU time per request of the gateways (replicas and worker
 * together), the simulator and PostgreSQL, read from /proc: on a machine with few cores
 * the numbers are bound by CPU, and the CPU per request is what scales to other machines.
 * The carrier's declared limits and the client rate limits are raised, so this measures
 * the gateway, not the limiters (which are the real ceiling in production: docs/deploy.md).
 *
 * Env: BENCH_DATABASE_URL (default DATABASE_URL; required), BENCH_DURATION_S (10),
 * BENCH_INTERCEPTS (2000), BENCH_CONNECTIONS (48, a multiple of 1, 2 and 3),
 * BENCH_REPLICAS (`1,2,3`), BENCH_RESULTS_FILE (default results/replicas.json).
 * Build first: `pnpm turbo run build --filter=@parcelgate/gateway... --filter=@parcelgate/carrier-sim`.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  GATEWAY_MAIN,
  type GatewayProcess,
  type PreparedDatabase,
  prepareDatabase,
  runGateway,
  type SimControlClient,
  spawnGateway,
  startSimulatorProcess,
} from '@parcelgate/test-stack';
import autocannon from 'autocannon';
import pg from 'pg';
import type { LoadPlan } from './load-request.ts';

const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
const intercepts = Number(process.env.BENCH_INTERCEPTS ?? 2000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 48);
const replicaCounts = (process.env.BENCH_REPLICAS ?? '1,2,3').split(',').map(Number);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const resultsFile =
  process.env.BENCH_RESULTS_FILE ??
  fileURLToPath(new URL('./results/replicas.json', import.meta.url));
const API_KEY = 'bench_replicas_key_0123456789';
const TRACKED_PARCELS = 500;
const WARMUP_S = 2;
const WARMUP_INTERCEPTS = 300;
const LOAD_REQUEST = fileURLToPath(new URL('./load-request.ts', import.meta.url));
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS_PER_S = 100;

/** One measured load: requests per second, latency, and where the CPU went. */
interface Measure {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Answers that were not 2xx, errors and timeouts. */
  readonly failures: number;
  /** CPU time per answered request, in microseconds. */
  readonly cpuUsPerRequest: {
    readonly gateways: number;
    readonly simulator: number;
    readonly postgres: number;
  };
}

/** The replicas and the worker of one configuration. */
interface Cluster {
  readonly urls: readonly string[];
  readonly pids: readonly number[];
  stop(): Promise<void>;
}

if (postgresUrl === undefined || postgresUrl.trim() === '') {
  console.error('BENCH_DATABASE_URL or DATABASE_URL must name a PostgreSQL database');
  process.exit(1);
}
if (!existsSync(GATEWAY_MAIN)) {
  console.error('Build the gateway first: pnpm turbo run build --filter=@parcelgate/gateway...');
  process.exit(1);
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Drives the replicas with the plan's requests, connections spread over their URLs. */
async function load(
  urls: readonly string[],
  plan: Omit<LoadPlan, 'apiKey' | 'runId'>,
  limit: { readonly durationS?: number; readonly amount?: number },
): Promise<Omit<Measure, 'cpuUsPerRequest'>> {
  const planDir = await mkdtemp(join(tmpdir(), 'parcelgate-load-'));
  const planFile = join(planDir, 'plan.json');
  const fullPlan: LoadPlan = { ...plan, apiKey: API_KEY, runId: Math.random().toString(36) };
  await writeFile(planFile, JSON.stringify(fullPlan));
  // The worker copies the environment when autocannon() creates it, synchronously below.
  process.env.BENCH_LOAD_PLAN = planFile;
  try {
    const startedAt = performance.now();
    const result = await run({
      // autocannon takes several URLs (connection i goes to URL i mod N), though its types
      // name one: the load balancer, without a proxy's CPU on the same two cores.
      url: [...urls] as unknown as string,
      connections,
      workers: 1,
      timeout: 10,
      requests: [{ setupRequest: LOAD_REQUEST }],
      ...(limit.durationS === undefined ? {} : { duration: limit.durationS }),
      ...(limit.amount === undefined ? {} : { amount: limit.amount }),
    });
    const seconds = (performance.now() - startedAt) / 1000;
    return {
      rps: Math.round(result.requests.total / seconds),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests: result.requests.total,
      failures: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    await rm(planDir, { recursive: true, force: true });
  }
}

/** CPU time a process used so far (user and system, its threads included), in ms. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields === undefined) {
    return 0;
  }
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

/** CPU time of every PostgreSQL process of this machine so far, in ms. */
async function postgresCpuMs(): Promise<number> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  let total = 0;
  for (const entry of entries.filter((name) => /^\d+$/.test(name))) {
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') {
      total += await cpuMs(Number(entry));
    }
  }
  return total;
}

async function sumCpuMs(pids: readonly number[]): Promise<number> {
  return (await Promise.all(pids.map(cpuMs))).reduce((sum, value) => sum + value, 0);
}

/** Runs `work` and adds the CPU each side spent on it, per request answered. */
async function withCpu(
  cluster: Cluster,
  simulatorPid: number,
  work: () => Promise<Omit<Measure, 'cpuUsPerRequest'>>,
): Promise<Measure> {
  const read = () =>
    Promise.all([sumCpuMs(cluster.pids), cpuMs(simulatorPid), postgresCpuMs()] as const);
  const before = await read();
  const measure = await work();
  const after = await read();
  const perRequest = (index: 0 | 1 | 2) =>
    measure.requests === 0
      ? 0
      : Math.round(((after[index] - before[index]) * 1000) / measure.requests);
  return {
    ...measure,
    cpuUsPerRequest: { gateways: perRequest(0), simulator: perRequest(1), postgres: perRequest(2) },
  };
}

/**
 * Bytes the gateway's tables (indexes and TOAST included) take in the schema the URL's
 * search_path names: read before and after a load, it gives the storage per request.
 */
async function storedBytes(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string | null }>(
      `SELECT sum(pg_total_relation_size(c.oid))::text AS bytes FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'`,
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

async function createParcels(sim: SimControlClient, count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let start = 0; start < count; start += 25) {
    const size = Math.min(25, count - start);
    numbers.push(
      ...(await Promise.all(
        Array.from({ length: size }, () =>
          sim.createParcel({ carrier: 'sandbox', status: 'in_transit' }),
        ),
      )),
    );
  }
  return numbers;
}

/** Migrates the schema once, then starts `count` serve replicas and one worker on it. */
async function startCluster(
  database: PreparedDatabase,
  simulatorUrl: string,
  count: number,
): Promise<Cluster> {
  const logDir = await mkdtemp(join(tmpdir(), 'parcelgate-replicas-'));
  const env: Record<string, string> = {
    ...database.env,
    LOG_LEVEL: 'warn',
    PARCELGATE_BOOTSTRAP_API_KEY: API_KEY,
    CARRIER_SIM_URL: simulatorUrl,
    PARCELGATE_CARRIERS: '@parcelgate/carrier-sandbox',
    TRACKING_CACHE_TTL_MS: '0',
    // The sandbox account's declared limits (50 req/s, 20 at once), split among the
    // replicas, and the tenant's client rate limit would measure the limiters.
    CARRIER_SANDBOX_REQUESTS_PER_SECOND: '100000',
    CARRIER_SANDBOX_BURST: '100000',
    CARRIER_SANDBOX_MAX_CONCURRENCY: '1000',
    PARCELGATE_RATE_LIMIT_PER_SECOND: '100000',
    PARCELGATE_RATE_LIMIT_BURST: '100000',
  };
  const migrated = await runGateway(env, ['migrate']);
  if (migrated.code !== 0) {
    throw new Error(`parcelgate-gateway migrate failed: ${migrated.stderr}`);
  }
  const processes: GatewayProcess[] = [];
  const spawn = async (role: 'serve' | 'worker', index: number) => {
    const gateway = spawnGateway({
      port: await freePort(),
      role,
      env,
      stdoutFile: join(logDir, `${role}-${index}.log`),
    });
    processes.push(gateway);
    return gateway;
  };
  try {
    const replicas = await Promise.all(
      Array.from({ length: count }, (_, index) => spawn('serve', index)),
    );
    const worker = await spawn('worker', 0);
    await Promise.all([...replicas, worker].map((gateway) => gateway.ready()));
    return {
      urls: replicas.map((replica) => replica.url),
      pids: processes.flatMap((gateway) =>
        gateway.child.pid === undefined ? [] : [gateway.child.pid],
      ),
      async stop() {
        await Promise.all(processes.map((gateway) => gateway.stop()));
        await rm(logDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(processes.map((gateway) => gateway.stop()));
    throw error;
  }
}

const sim = await startSimulatorProcess({ seed: 'bench-replicas' });
const simulatorPid = sim.child.pid ?? 0;
const rows: Record<string, unknown>[] = [];
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  settings: { durationS, intercepts, connections, trackingCache: 'off' },
};
try {
  const tracked = await createParcels(sim.control, TRACKED_PARCELS);
  for (const count of replicaCounts) {
    const database = await prepareDatabase(postgresUrl);
    try {
      const cluster = await startCluster(database, sim.url, count);
      try {
        const databaseUrl = database.env.DATABASE_URL ?? '';
        await load(cluster.urls, { kind: 'track', numbers: tracked }, { durationS: WARMUP_S });
        const beforeReads = await storedBytes(databaseUrl);
        const reads = await withCpu(cluster, simulatorPid, () =>
          load(cluster.urls, { kind: 'track', numbers: tracked }, { durationS }),
        );
        // Attempt rows of reads are written in batches every 250 ms: let the last one land.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const afterReads = await storedBytes(databaseUrl);
        const warmup = await createParcels(sim.control, WARMUP_INTERCEPTS);
        await load(cluster.urls, { kind: 'intercept', numbers: warmup }, { amount: warmup.length });
        const fresh = await createParcels(sim.control, intercepts);
        const beforeWrites = await storedBytes(databaseUrl);
        const writes = await withCpu(cluster, simulatorPid, () =>
          load(cluster.urls, { kind: 'intercept', numbers: fresh }, { amount: fresh.length }),
        );
        const afterWrites = await storedBytes(databaseUrl);
        rows.push({
          replicas: count,
          tracking: reads,
          intercepts: writes,
          storedBytesPerRead: Math.round((afterReads - beforeReads) / Math.max(1, reads.requests)),
          storedBytesPerIntercept: Math.round(
            (afterWrites - beforeWrites) / Math.max(1, writes.requests),
          ),
        });
        console.log(
          `${count} replica(s): ${reads.rps} reads/s (p99 ${reads.p99Ms} ms), ${writes.rps} intercepts/s (p99 ${writes.p99Ms} ms)`,
        );
      } finally {
        await cluster.stop();
      }
    } finally {
      await database.drop();
    }
  }
} finally {
  await sim.stop();
}

results.rows = rows;
console.log(`\nreplicas: ${results.machine}, Node ${process.version}, ${connections} connections`);
console.table(
  rows.map((row) => {
    const reads = row.tracking as Measure;
    const writes = row.intercepts as Measure;
    return {
      replicas: row.replicas,
      'reads/s': reads.rps,
      'reads p99 ms': reads.p99Ms,
      'reads failed': reads.failures,
      'intercepts/s': writes.rps,
      'intercepts p99 ms': writes.p99Ms,
      'intercepts failed': writes.failures,
      'CPU µs/read (gw+sim+pg)': `${reads.cpuUsPerRequest.gateways}+${reads.cpuUsPerRequest.simulator}+${reads.cpuUsPerRequest.postgres}`,
      'CPU µs/intercept (gw+sim+pg)': `${writes.cpuUsPerRequest.gateways}+${writes.cpuUsPerRequest.simulator}+${writes.cpuUsPerRequest.postgres}`,
      'bytes/read': row.storedBytesPerRead,
      'bytes/intercept': row.storedBytesPerIntercept,
    };
  }),
);
await mkdir(join(resultsFile, '..'), { recursive: true });
await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written: ${resultsFile}`);
