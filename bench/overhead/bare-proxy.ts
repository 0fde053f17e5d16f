/**
 * The tracking baseline: the least a service can do to answer a tracking read from the
 * carrier. node:http in front, an undici Pool behind, the carrier's body passed through
 * unchanged. No authentication, no normalization, no database: what the gateway's
 * `GET /v1/tracking/sandbox/{trackingNumber}` is compared with in `overhead.ts`.
 *
 * Run as a child process: `BENCH_SIM_URL` names the simulator, `PORT` the port to listen
 * on; prints `listening on <url>` once ready.
 */
import { createServer } from 'node:http';
import { Pool } from 'undici';
import { listenAndAnnounce, requiredEnv } from './baseline-server.ts';

const simulator = new Pool(requiredEnv('BENCH_SIM_URL'), { connections: 128 });
const TRACKING_PATH = '/v1/tracking/sandbox/';

const server = createServer(async (request, response) => {
  const url = request.url ?? '';
  if (request.method !== 'GET' || !url.startsWith(TRACKING_PATH)) {
    response.writeHead(404).end();
    return;
  }
  try {
    const answer = await simulator.request({
      method: 'GET',
      path: `/sandbox/v1/parcels/${url.slice(TRACKING_PATH.length)}`,
      headers: { accept: 'application/json', authorization: 'Bearer sbx_bench' },
    });
    const body = await answer.body.text();
    response.writeHead(answer.statusCode, { 'content-type': 'application/json' }).end(body);
  } catch {
    response.writeHead(502).end();
  }
});

await listenAndAnnounce(server);
