/**
 * What the gateway costs over calling the carrier yourself (`pnpm bench`).
 *
 * One simulator (child process) answers everyone. Each gateway path is measured beside the
 * least a service could do for the same request, in the same run, with the same load
 * generator (autocannon in a worker thread, the requests of load-request.ts):
 *
 * - tracking reads, cache off (`TRACKING_CACHE_TTL_MS=0`), against a bare proxy (node:http
 *   and an undici Pool, bare-proxy.ts), on PGlite and on PostgreSQL;
 * - tracking reads that are all cache hits, against the same bare proxy (which still calls
 *   the carrier: a cache that does not beat it is not worth having);
 * - intercepts (distinct parcels, one Idempotency-Key each), against a durable idempotent
 *   proxy (durable-intercept-proxy.ts: an INSERT … ON CONFLICT DO NOTHING, the carrier
 *   call, an UPDATE) on the same database;
 * - memory: the gateway's RSS under five minutes of mixed load (four reads, one intercept),
 *   on both databases at once, read from /proc every 5 s.
 *
 * Every target is a ratio to a baseline of this run, so a busy machine moves both sides.
 * Prints one table and writes `bench/results/latest.json` (BENCH_RESULTS_FILE elsewhere).
 * Exits 1 when a target is missed, unless BENCH_REPORT_ONLY=1.
 *
 * Env: BENCH_DATABASE_URL (PostgreSQL; default DATABASE_URL; without either, the PostgreSQL
 * rows are skipped), BENCH_DURATION_S (10, per tracking row), BENCH_INTERCEPTS (3000, per
 * intercept row), BENCH_CONNECTIONS (50), BENCH_MEMORY_S (300; 0 skips it), BENCH_ONLY (rows
 * whose name contains it), BENCH_PROFILE_DIR (the gateways write V8 CPU profiles there).
 * Build first: `pnpm turbo run build --filter=@parcelgate/gateway...`.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  GATEWAY_MAIN,
  type GatewayProcess,
  type Launched,
  launch,
  type PreparedDatabase,
  prepareDatabase,
  type SimControlClient,
  type SimulatorProcess,
  spawnGateway,
  startSimulatorProcess,
  waitForLine,
} from '@parcelgate/test-stack';
import autocannon from 'autocannon';
import type { LoadPlan } from './load-request.ts';
import { TARGETS, verdicts } from './overhead/targets.ts';

const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
const intercepts = Number(process.env.BENCH_INTERCEPTS ?? 3000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const memoryS = Number(process.env.BENCH_MEMORY_S ?? 300);
const only = process.env.BENCH_ONLY;
const profileDir = process.env.BENCH_PROFILE_DIR;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const resultsFile =
  process.env.BENCH_RESULTS_FILE ??
  fileURLToPath(new URL('./results/latest.json', import.meta.url));
const API_KEY = 'bench_overhead_key_0123456789';
const TRACKED_PARCELS = 500;
const WARMUP_S = 2;
const WARMUP_INTERCEPTS = 500;
const LOAD_REQUEST = fileURLToPath(new URL('./load-request.ts', import.meta.url));
const BASELINES = fileURLToPath(new URL('./overhead/', import.meta.url));

type Database = 'pglite' | 'postgres';

/** One measured path: requests per second and latency as the client saw them. */
interface Measure {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Answers that were not 2xx, errors and timeouts: a fast error is no throughput. */
  readonly failures: number;
  /**
   * CPU time per answered request, in microseconds, of the server measured, of the
   * simulator and of PostgreSQL's processes: where the machine's two cores went.
   */
  readonly cpuUsPerRequest?: {
    readonly server?: number;
    readonly simulator?: number;
    readonly postgres?: number;
  };
}

/** A server under load: the gateway or a baseline. */
interface Server {
  readonly url: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Drives `url` with the plan's requests for `durationS` seconds, or `amount` requests,
 * optionally capped at `rate` requests per second.
 */
async function load(
  url: string,
  plan: Omit<LoadPlan, 'apiKey' | 'runId'>,
  limit: { readonly durationS?: number; readonly amount?: number; readonly rate?: number },
): Promise<Measure> {
  const planDir = await mkdtemp(join(tmpdir(), 'parcelgate-load-'));
  const planFile = join(planDir, 'plan.json');
  const fullPlan: LoadPlan = { ...plan, apiKey: API_KEY, runId: Math.random().toString(36) };
  await writeFile(planFile, JSON.stringify(fullPlan));
  // The worker copies the environment when autocannon() creates it, synchronously below.
  process.env.BENCH_LOAD_PLAN = planFile;
  try {
    const startedAt = performance.now();
    const result = await run({
      url,
      connections,
      workers: 1,
      timeout: 10,
      requests: [{ setupRequest: LOAD_REQUEST }],
      ...(limit.durationS === undefined ? {} : { duration: limit.durationS }),
      ...(limit.amount === undefined ? {} : { amount: limit.amount }),
      ...(limit.rate === undefined ? {} : { overallRate: limit.rate }),
    });
    // autocannon's own duration is whole seconds: too coarse for a run of a few seconds.
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

/** A baseline server (bare-proxy.ts or durable-intercept-proxy.ts) as a child process. */
async function startBaseline(
  script: string,
  sim: SimulatorProcess,
  database?: PreparedDatabase,
  settings: Record<string, string> = {},
): Promise<Server> {
  const port = await freePort();
  const env: Record<string, string> = { ...settings, PORT: String(port), BENCH_SIM_URL: sim.url };
  let folder: string | undefined;
  if (database?.kind === 'postgres') {
    env.BENCH_DATABASE_URL = database.env.DATABASE_URL ?? '';
  } else if (database !== undefined) {
    folder = await mkdtemp(join(tmpdir(), 'parcelgate-baseline-'));
    env.BENCH_PGLITE_DIR = folder;
  }
  const launched: Launched = launch(script, join(BASELINES, script), { env });
  await waitForLine(launched, /listening on (http:\/\/\S+)/);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: launched.child.pid,
    async stop() {
      await launched.stop();
      if (folder !== undefined) {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

let gatewaysStarted = 0;

/** The built gateway on `database`, with its defaults but for the settings given. */
async function startGateway(
  sim: SimulatorProcess,
  database: PreparedDatabase,
  env: Record<string, string>,
): Promise<Server> {
  gatewaysStarted += 1;
  const logDir = await mkdtemp(join(tmpdir(), 'parcelgate-bench-'));
  const profiling =
    profileDir === undefined
      ? {}
      : {
          NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(profileDir, `${gatewaysStarted}-${database.kind}-${env.BENCH_LABEL ?? ''}`)}`,
        };
  const gateway: GatewayProcess = spawnGateway({
    port: await freePort(),
    // The log goes to a file, as a deployment's would go to its collector: a pipe read by
    // this process would slow the load generator.
    stdoutFile: join(logDir, 'gateway.log'),
    env: {
      ...database.env,
      ...profiling,
      ...(process.env.BENCH_GATEWAY_NODE_OPTIONS === undefined
        ? {}
        : { NODE_OPTIONS: process.env.BENCH_GATEWAY_NODE_OPTIONS }),
      PARCELGATE_BOOTSTRAP_API_KEY: API_KEY,
      CARRIER_SIM_URL: sim.url,
      PARCELGATE_CARRIERS: '@parcelgate/carrier-sandbox',
      // The sandbox account's declared limits (50 req/s, 20 at once) and the tenant's client
      // rate limit would measure the limiters, not the gateway.
      CARRIER_SANDBOX_REQUESTS_PER_SECOND: '100000',
      CARRIER_SANDBOX_BURST: '100000',
      CARRIER_SANDBOX_MAX_CONCURRENCY: '1000',
      PARCELGATE_RATE_LIMIT_PER_SECOND: '100000',
      PARCELGATE_RATE_LIMIT_BURST: '100000',
      ...env,
    },
  });
  await gateway.ready();
  return {
    url: gateway.url,
    pid: gateway.child.pid,
    async stop() {
      await gateway.stop();
      await rm(logDir, { recursive: true, force: true });
    },
  };
}

async function createParcels(sim: SimControlClient, count: number): Promise<string[]> {
  const numbers: string[] = [];
  const batch = 25;
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
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

async function withServer<Result>(
  start: () => Promise<Server>,
  work: (server: Server) => Promise<Result>,
): Promise<Result> {
  const server = await start();
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

async function withDatabase<Result>(
  kind: Database,
  work: (database: PreparedDatabase) => Promise<Result>,
): Promise<Result> {
  const database = await prepareDatabase(kind === 'postgres' ? postgresUrl : undefined);
  try {
    return await work(database);
  } finally {
    await database.drop();
  }
}

/** Reads after a warm-up on the same parcels (which fills the cache when it is on). */
async function measureTracking(server: Server, numbers: readonly string[]): Promise<Measure> {
  await load(server.url, { kind: 'track', numbers }, { durationS: WARMUP_S });
  return withCpu(server, () => load(server.url, { kind: 'track', numbers }, { durationS }));
}

/** Intercepts of fresh parcels after a warm-up of its own parcels. */
async function measureIntercepts(server: Server, sim: SimulatorProcess): Promise<Measure> {
  const warmup = await createParcels(sim.control, WARMUP_INTERCEPTS);
  await load(server.url, { kind: 'intercept', numbers: warmup }, { amount: warmup.length });
  const numbers = await createParcels(sim.control, intercepts);
  return withCpu(server, () =>
    load(server.url, { kind: 'intercept', numbers }, { amount: numbers.length }),
  );
}

/** CPU time a process used so far (user and system, its threads included), in ms (Linux). */
async function cpuMs(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) {
    return undefined;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields === undefined) {
    return undefined;
  }
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times, on every architecture Node runs on. */
const CLOCK_TICKS_PER_S = 100;

/** CPU time of every PostgreSQL process of this machine so far, in ms. */
async function postgresCpuMs(): Promise<number | undefined> {
  const entries = await readdir('/proc').catch(() => [] as string[]);
  let total = 0;
  let found = false;
  for (const entry of entries.filter((name) => /^\d+$/.test(name))) {
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') {
      total += (await cpuMs(Number(entry))) ?? 0;
      found = true;
    }
  }
  return found ? total : undefined;
}

/** Runs `work` and adds the CPU each process spent on it, per request answered. */
async function withCpu(server: Server, work: () => Promise<Measure>): Promise<Measure> {
  const before = await Promise.all([cpuMs(server.pid), cpuMs(sim.child.pid), postgresCpuMs()]);
  const measure = await work();
  const after = await Promise.all([cpuMs(server.pid), cpuMs(sim.child.pid), postgresCpuMs()]);
  const perRequest = (index: number) => {
    const start = before[index];
    const end = after[index];
    return start === undefined || end === undefined || measure.requests === 0
      ? undefined
      : Math.round(((end - start) * 1000) / measure.requests);
  };
  const [server_, simulator, postgres] = [perRequest(0), perRequest(1), perRequest(2)];
  return {
    ...measure,
    cpuUsPerRequest: {
      ...(server_ === undefined ? {} : { server: server_ }),
      ...(simulator === undefined ? {} : { simulator }),
      ...(postgres === undefined ? {} : { postgres }),
    },
  };
}

/** A process's resident set in MB (Linux), or undefined when it cannot be read. */
async function rssMb(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) {
    return undefined;
  }
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
}

/** What the gateway's /metrics says of its memory, in MB: V8's heap and what lies outside it. */
async function heapMb(url: string): Promise<Record<string, number>> {
  const text = await fetch(`${url}/metrics`)
    .then((answer) => answer.text())
    .catch(() => '');
  const read = (name: string) => {
    const value = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
    return value === undefined ? Number.NaN : Math.round(Number(value) / 2 ** 20);
  };
  return {
    heapUsedMb: read('nodejs_heap_size_used_bytes'),
    heapTotalMb: read('nodejs_heap_size_total_bytes'),
    externalMb: read('nodejs_external_memory_bytes'),
  };
}

/** RSS at the first minute and at the end of `memoryS` seconds of mixed load. */
async function measureMemory(server: Server, sim: SimControlClient, rate: number) {
  const reads = await createParcels(sim, TRACKED_PARCELS);
  const numbers = await createParcels(sim, Math.ceil((rate * memoryS) / 5) + 100);
  const samples: { atS: number; rssMb: number; heap: Record<string, number> }[] = [];
  const startedAt = Date.now();
  const sampler = setInterval(async () => {
    const [rss, heap] = await Promise.all([rssMb(server.pid), heapMb(server.url)]);
    if (rss !== undefined) {
      samples.push({ atS: Math.round((Date.now() - startedAt) / 1000), rssMb: rss, heap });
    }
  }, 5_000);
  try {
    const measure = await load(
      server.url,
      { kind: 'mixed', numbers, readNumbers: reads },
      { durationS: memoryS, rate },
    );
    const end = (await rssMb(server.pid)) ?? 0;
    const heapAtEnd = await heapMb(server.url);
    // The last four minutes of five: from the first minute on (or the first fifth of a
    // shorter run), when start-up and JIT are behind.
    const from = samples.find((sample) => sample.atS >= memoryS / 5) ?? samples[0];
    const start = from?.rssMb ?? end;
    return {
      rssStartMb: start,
      rssEndMb: end,
      heapAtStart: from?.heap,
      heapAtEnd,
      rssMaxMb: Math.max(end, ...samples.map((sample) => sample.rssMb)),
      /** Every 30 s: seconds into the load, RSS and V8's heap in MB. */
      trace: samples
        .filter((sample) => sample.atS % 30 < 5)
        .map((sample) => [
          sample.atS,
          sample.rssMb,
          sample.heap.heapTotalMb,
          sample.heap.heapUsedMb,
        ]),
      growthPct: Math.round(((end - start) / start) * 1000) / 10,
      requests: measure.requests,
      failures: measure.failures,
    };
  } finally {
    clearInterval(sampler);
  }
}

const wanted = (name: string) => only === undefined || name.includes(only);
const databases: Database[] = postgresUrl === undefined ? ['pglite'] : ['pglite', 'postgres'];
if (postgresUrl === undefined) {
  console.warn('no BENCH_DATABASE_URL or DATABASE_URL: the PostgreSQL rows are skipped');
}
if (!existsSync(GATEWAY_MAIN)) {
  console.error('Build the gateway first: pnpm turbo run build --filter=@parcelgate/gateway...');
  process.exit(1);
}
if (profileDir !== undefined) {
  await mkdir(profileDir, { recursive: true });
}

const sim = await startSimulatorProcess({ seed: 'bench' });
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  settings: { durationS, intercepts, connections, memoryS },
};
try {
  const tracked = await createParcels(sim.control, TRACKED_PARCELS);
  const trackingRows = [
    'trackingFloor',
    ...['tracking', 'trackingCached'].flatMap((row) => [row, `${row}Pglite`]),
  ];
  const bare = trackingRows.some(wanted)
    ? await withServer(
        () => startBaseline('bare-proxy.ts', sim),
        (server) => measureTracking(server, tracked),
      )
    : undefined;
  if (bare !== undefined && wanted('trackingFloor')) {
    // No target: how much of the gap to the bare proxy the framework alone accounts for.
    const floor = await withServer(
      () => startBaseline('fastify-proxy.ts', sim),
      (server) => measureTracking(server, tracked),
    );
    results.trackingFloor = trackingRow(floor, bare);
    // And the ceiling of any cache hit: Fastify answering a fixed body, no carrier at all.
    const constant = await withServer(
      () => startBaseline('fastify-proxy.ts', sim, undefined, { BENCH_CONSTANT_ANSWER: '1' }),
      (server) => measureTracking(server, tracked),
    );
    results.trackingFloorConstant = trackingRow(constant, bare);
  }
  for (const kind of databases) {
    // The issue's shape: `tracking`, `trackingCached` and `memory` are PostgreSQL's, PGlite's
    // carry its name; intercepts name their database either way.
    const suffix = kind === 'postgres' ? '' : 'Pglite';
    const interceptsKey = kind === 'postgres' ? 'interceptsPostgres' : 'interceptsPglite';
    if (bare !== undefined && wanted(`tracking${suffix}`)) {
      const gateway = await withDatabase(kind, (database) =>
        withServer(
          () => startGateway(sim, database, { TRACKING_CACHE_TTL_MS: '0', BENCH_LABEL: 'track' }),
          (server) => measureTracking(server, tracked),
        ),
      );
      results[`tracking${suffix}`] = trackingRow(gateway, bare);
    }
    if (bare !== undefined && wanted(`trackingCached${suffix}`)) {
      const gateway = await withDatabase(kind, (database) =>
        withServer(
          () =>
            startGateway(sim, database, {
              TRACKING_CACHE_TTL_MS: '3600000',
              BENCH_LABEL: 'cached',
            }),
          (server) => measureTracking(server, tracked),
        ),
      );
      results[`trackingCached${suffix}`] = trackingRow(gateway, bare);
    }
    if (wanted(interceptsKey)) {
      const baseline = await withDatabase(kind, (database) =>
        withServer(
          () => startBaseline('durable-intercept-proxy.ts', sim, database),
          (server) => measureIntercepts(server, sim),
        ),
      );
      const gateway = await withDatabase(kind, (database) =>
        withServer(
          () => startGateway(sim, database, { BENCH_LABEL: 'intercept' }),
          (server) => measureIntercepts(server, sim),
        ),
      );
      results[interceptsKey] = {
        ...ratioOf(gateway, baseline),
        gatewayP99Ms: gateway.p99Ms,
        baselineP99Ms: baseline.p99Ms,
      };
    }
  }
  if (memoryS > 0 && wanted('memory')) {
    // Both databases at once: five minutes each would double the run. Memory is not
    // time, so sharing the cores does not bias it; the load is capped well below either's
    // capacity so both get all of it.
    const rate = 200;
    const rows = await Promise.all(
      databases.map((kind) =>
        withDatabase(kind, (database) =>
          withServer(
            () => startGateway(sim, database, { BENCH_LABEL: 'memory' }),
            (server) => measureMemory(server, sim.control, rate),
          ),
        ),
      ),
    );
    databases.forEach((kind, index) => {
      results[kind === 'postgres' ? 'memory' : 'memoryPglite'] = rows[index];
    });
  }
} finally {
  await sim.stop();
}

function ratioOf(gateway: Measure, baseline: Measure) {
  return {
    gatewayRps: gateway.rps,
    baselineRps: baseline.rps,
    ratio: Math.round((gateway.rps / baseline.rps) * 100) / 100,
    gatewayFailures: gateway.failures,
    baselineFailures: baseline.failures,
    gatewayCpuUsPerRequest: gateway.cpuUsPerRequest,
    baselineCpuUsPerRequest: baseline.cpuUsPerRequest,
  };
}

function trackingRow(gateway: Measure, baseline: Measure) {
  return {
    ...ratioOf(gateway, baseline),
    gatewayP99Ms: gateway.p99Ms,
    baselineP99Ms: baseline.p99Ms,
    p99DeltaMs: gateway.p99Ms - baseline.p99Ms,
  };
}

const checked = verdicts(results, TARGETS);
console.log(
  `\ngateway overhead: ${results.machine}, Node ${process.version}, ${connections} connections`,
);
console.table(checked);
await mkdir(join(resultsFile, '..'), { recursive: true });
await writeFile(resultsFile, `${JSON.stringify({ ...results, verdicts: checked }, null, 2)}\n`);
console.log(`written: ${resultsFile}`);
const missed = checked.filter((verdict) => verdict.met === false);
if (missed.length > 0 && process.env.BENCH_REPORT_ONLY !== '1') {
  console.error(`missed: ${missed.map((verdict) => verdict.target).join('; ')}`);
  process.exitCode = 1;
}
