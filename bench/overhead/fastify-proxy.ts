/**
 * The stack's floor: the bare proxy written on Fastify (the gateway's framework), with its
 * logger off, a route with a path parameter and nothing else. The gap between this and
 * bare-proxy.ts is what the framework alone costs; the gap between this and the gateway is
 * what the gateway's own work costs. Reported by `overhead.ts` as `trackingFloor`, with no
 * target of its own.
 *
 * With `BENCH_CONSTANT_ANSWER=1` it never calls the simulator: every read is answered with
 * one fixed 1 KB body, the most a cache hit could ever be (`trackingFloorConstant`).
 *
 * Run as a child process: `BENCH_SIM_URL` names the simulator, `PORT` the port to listen
 * on; prints `listening on <url>` once ready.
 */
import Fastify from 'fastify';
import { Pool } from 'undici';
import { requiredEnv } from './baseline-server.ts';

const simulator = new Pool(requiredEnv('BENCH_SIM_URL'), { connections: 128 });
const app = Fastify({ logger: false });
const constant =
  process.env.BENCH_CONSTANT_ANSWER === '1'
    ? JSON.stringify({ trackingNumber: 'SBX100000016', events: [], padding: 'x'.repeat(1000) })
    : undefined;

app.get<{ Params: { trackingNumber: string } }>(
  '/v1/tracking/sandbox/:trackingNumber',
  async (request, reply) => {
    if (constant !== undefined) {
      return reply.type('application/json').send(constant);
    }
    const answer = await simulator.request({
      method: 'GET',
      path: `/sandbox/v1/parcels/${encodeURIComponent(request.params.trackingNumber)}`,
      headers: { accept: 'application/json', authorization: 'Bearer sbx_bench' },
    });
    const body = await answer.body.text();
    return reply.code(answer.statusCode).type('application/json').send(body);
  },
);

const port = Number(requiredEnv('PORT'));
await app.listen({ port, host: '127.0.0.1' });
console.log(`listening on http://127.0.0.1:${port}`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
