/**
 * The intercept baseline: the least a durable, idempotent intercept proxy can do. For
 * each `POST /v1/intercepts` it stores the request under its Idempotency-Key
 * (`INSERT … ON CONFLICT DO NOTHING`), calls the carrier's intercept, and stores the
 * outcome (`UPDATE`): two statements and one carrier call. A replayed key answers 409
 * without calling the carrier. No authentication, no eligibility rules, no history.
 *
 * On PostgreSQL (`BENCH_DATABASE_URL`, a pg Pool of 10 as the gateway's) or, without it,
 * on PGlite in this process, in a fresh folder (`BENCH_PGLITE_DIR`). Run as a child
 * process; `BENCH_SIM_URL` names the simulator and `PORT` the port to listen on.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Pool } from 'undici';
import { listenAndAnnounce, requiredEnv } from './baseline-server.ts';

interface Store {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS bench_intercepts (
  idempotency_key text PRIMARY KEY,
  tracking_number text NOT NULL,
  request jsonb NOT NULL,
  outcome text,
  carrier_reference text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz
)`;

async function openStore(): Promise<Store> {
  const url = process.env.BENCH_DATABASE_URL;
  const store: Store =
    url === undefined || url === ''
      ? await PGlite.create(requiredEnv('BENCH_PGLITE_DIR'))
      : new pg.Pool({ connectionString: url, max: 10 });
  await store.query(SCHEMA, []);
  return store;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const store = await openStore();
const simulator = new Pool(requiredEnv('BENCH_SIM_URL'), { connections: 128 });

const server = createServer(async (request, response) => {
  const key = request.headers['idempotency-key'];
  if (request.method !== 'POST' || request.url !== '/v1/intercepts' || typeof key !== 'string') {
    response.writeHead(404).end();
    return;
  }
  try {
    const text = await readBody(request);
    const body = JSON.parse(text) as { trackingNumber: string };
    const inserted = await store.query(
      `INSERT INTO bench_intercepts (idempotency_key, tracking_number, request)
       VALUES ($1, $2, $3) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [key, body.trackingNumber, text],
    );
    if (inserted.rows.length === 0) {
      response.writeHead(409).end();
      return;
    }
    const answer = await simulator.request({
      method: 'POST',
      path: `/sandbox/v1/parcels/${encodeURIComponent(body.trackingNumber)}/intercepts`,
      headers: {
        accept: 'application/json',
        authorization: 'Bearer sbx_bench',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ reference: key, reason: 'BUYER_CANCELLED' }),
    });
    const created = (await answer.body.json()) as { interceptId?: string };
    const outcome = answer.statusCode === 201 ? 'accepted' : 'rejected';
    await store.query(
      `UPDATE bench_intercepts SET outcome = $2, carrier_reference = $3, updated_at = now()
       WHERE idempotency_key = $1`,
      [key, outcome, created.interceptId ?? null],
    );
    response
      .writeHead(answer.statusCode === 201 ? 201 : 422, { 'content-type': 'application/json' })
      .end(JSON.stringify({ trackingNumber: body.trackingNumber, outcome }));
  } catch {
    response.writeHead(502).end();
  }
});

await listenAndAnnounce(server);
