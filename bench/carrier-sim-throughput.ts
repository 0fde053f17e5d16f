/**
 * Throughput of the carrier simulator on its hot path, `GET /sandbox/v1/parcels/{id}`.
 *
 * Starts the simulator as a child process (so autocannon and the server do not share an
 * event loop), creates one parcel, warms up, then runs autocannon on loopback for a fixed
 * time and prints requests/s, latency percentiles and errors. Exits 1 when errors occur
 * or the rate is under BENCH_MIN_RPS, so it can gate a change.
 *
 * Env: BENCH_DURATION_S (10), BENCH_CONNECTIONS (50), BENCH_MIN_RPS (5000).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const minimumRps = Number(process.env.BENCH_MIN_RPS ?? 5000);
const HEADERS = { authorization: 'Bearer sbx_bench' };

async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const main = fileURLToPath(
    new URL('./src/main.ts', import.meta.resolve('@parcelgate/carrier-sim/package.json')),
  );
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, CARRIER_SIM_PORT: '0', CARRIER_SIM_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('simulator did not start within 10 s')),
      10_000,
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`simulator exited early with code ${code}`)));
  });
  return { child, url };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const { child, url } = await startChild();
try {
  const created = await fetch(`${url}/__sim/parcels`, {
    method: 'POST',
    body: JSON.stringify({ carrier: 'sandbox', status: 'in_transit' }),
  });
  const { trackingNumber } = (await created.json()) as { trackingNumber: string };
  const target = `${url}/sandbox/v1/parcels/${trackingNumber}`;
  const check = await fetch(target, { headers: HEADERS });
  if (check.status !== 200) {
    throw new Error(`tracking answered ${check.status}: ${await check.text()}`);
  }

  await run({ url: target, headers: HEADERS, connections, duration: 2 });
  const result = await run({
    url: target,
    headers: HEADERS,
    connections,
    duration: durationSeconds,
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  const summary = {
    target: 'GET /sandbox/v1/parcels/{trackingNumber}',
    connections,
    durationSeconds,
    requestsPerSecond: Math.round(result.requests.average),
    totalRequests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx },
    node: process.version,
  };
  console.log(
    `carrier-sim: ${summary.requestsPerSecond} req/s, p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms, ${errors} errors (${connections} connections, ${durationSeconds} s)`,
  );
  console.log(JSON.stringify(summary));
  if (errors > 0 || summary.requestsPerSecond < minimumRps) {
    console.error(`below the bar: need >= ${minimumRps} req/s and no errors`);
    process.exitCode = 1;
  }
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}
