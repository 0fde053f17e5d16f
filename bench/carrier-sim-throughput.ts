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
import { startSimulatorProcess } from '@parcelgate/test-stack';
import autocannon from 'autocannon';

const durationSeconds = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const minimumRps = Number(process.env.BENCH_MIN_RPS ?? 5000);
const HEADERS = { authorization: 'Bearer sbx_bench' };

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

// A child process (@parcelgate/test-stack), so autocannon and the server do not share an event loop.
const simulator = await startSimulatorProcess();
try {
  const trackingNumber = await simulator.control.createParcel({
    carrier: 'sandbox',
    status: 'in_transit',
  });
  const target = `${simulator.url}/sandbox/v1/parcels/${trackingNumber}`;
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
  await simulator.stop();
}
