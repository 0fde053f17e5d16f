/**
 * SIGTERM drains the gateway: intercepts under way at the carrier (the simulator answers
 * them seconds late) are all answered, a request arriving on a kept-alive connection after
 * the signal gets 503 with `Connection: close`, a new connection is refused, the process
 * exits 0, and every intercept it acknowledged is stored with its carrier attempt: a
 * gateway started again on the same database reads each one back as it was answered.
 * Runs on PGlite and, with `DATABASE_URL`, on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import {
  ApiClient,
  freePort,
  type GatewayProcess,
  type HttpAnswer,
  newKey,
  type PreparedDatabase,
  pollUntil,
  prepareDatabase,
  type SimulatorProcess,
  spawnGateway,
  startSimulatorProcess,
  waitForLine,
} from '@parcelgate/test-stack';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Intercept, InterceptRequestBody } from './api-types.ts';

/** How late the simulator answers each intercept: long enough to signal meanwhile. */
const CARRIER_LATENCY_MS = 2_500;
const IN_FLIGHT = 5;

const gateways: GatewayProcess[] = [];
let simulator: SimulatorProcess | undefined;
let database: PreparedDatabase | undefined;
const apiKey = `e2e_${randomBytes(18).toString('base64url')}`;

async function startGateway(): Promise<GatewayProcess> {
  if (simulator === undefined || database === undefined) {
    throw new Error('beforeAll did not start the simulator and the database');
  }
  const gateway = spawnGateway({
    port: await freePort(),
    env: {
      ...database.env,
      CARRIER_SIM_URL: simulator.url,
      PARCELGATE_BOOTSTRAP_API_KEY: apiKey,
      // Far beyond the carrier's delay: every request under way finishes within it.
      PARCELGATE_SHUTDOWN_GRACE_MS: '30000',
      LOG_LEVEL: 'info',
    },
  });
  gateways.push(gateway);
  await gateway.ready();
  return gateway;
}

beforeAll(async () => {
  simulator = await startSimulatorProcess({ seed: 'drain-1' });
  database = await prepareDatabase(process.env.DATABASE_URL);
});

afterAll(async () => {
  for (const gateway of gateways) {
    await gateway.stop();
  }
  await simulator?.stop();
  await database?.drop().catch(() => {});
});

/** The bytes of one HTTP/1.1 request, kept alive. */
function requestText(method: string, path: string, host: string, body?: unknown): string {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${host}`,
    `Authorization: Bearer ${apiKey}`,
    'Connection: keep-alive',
    ...(body === undefined
      ? []
      : [
          'Content-Type: application/json',
          `Content-Length: ${Buffer.byteLength(text)}`,
          `Idempotency-Key: ${newKey()}`,
        ]),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${text}`;
}

/** A raw answer: status, lower-cased headers, body. */
interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Splits what a kept-alive connection received into its answers (bodies with a Content-Length). */
function parseAnswers(text: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = text;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) {
      break;
    }
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const bodyBytes = Buffer.from(rest.slice(end + 4), 'utf8');
    answers.push({
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: bodyBytes.subarray(0, length).toString('utf8'),
    });
    rest = bodyBytes.subarray(length).toString('utf8');
  }
  return answers;
}

it('answers every request under way on SIGTERM, refuses new ones, exits 0 and loses nothing', async () => {
  const sim = simulator?.control;
  if (sim === undefined) {
    throw new Error('no simulator');
  }
  const gateway = await startGateway();
  const api = new ApiClient(gateway.url, apiKey);
  const parcels: string[] = [];
  for (let index = 0; index < IN_FLIGHT; index++) {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      carrier: 'sandbox',
      operation: 'intercept',
      trackingNumber,
      count: 1,
      fault: { type: 'latency', ms: CARRIER_LATENCY_MS },
    });
    parcels.push(trackingNumber);
  }
  const body = (trackingNumber: string): InterceptRequestBody => ({
    carrier: 'sandbox',
    trackingNumber,
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
  });

  // The first parcel's intercept on a raw kept-alive connection, the others through fetch.
  const { host, port } = new URL(gateway.url);
  const socket: Socket = connect({ host: '127.0.0.1', port: Number(port) });
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8');
  });
  const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const [first = '', ...others] = parcels;
  socket.write(requestText('POST', '/v1/intercepts', host, body(first)));
  const answers: Promise<HttpAnswer<Intercept>>[] = others.map((trackingNumber) =>
    api.post<Intercept>('/v1/intercepts', body(trackingNumber), { idempotencyKey: newKey() }),
  );

  // Every intercept has reached the carrier, which holds its answer back.
  const calls = await pollUntil(
    () => Promise.all(parcels.map(async (parcel) => (await sim.parcel(parcel)).calls.intercept)),
    (counts) => counts.every((count) => count === 1),
  );
  expect(calls).toEqual(parcels.map(() => 1));

  gateway.child.kill('SIGTERM');
  await waitForLine(gateway, /"msg":"shutting down"/);
  // A request on the kept-alive connection after the signal: 503, and the connection closes.
  socket.write(requestText('GET', '/v1/carriers', host));
  // A new connection is no longer accepted.
  await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();

  const settled = await Promise.all(answers);
  await socketClosed;
  const [rawIntercept, refused] = parseAnswers(received);
  expect(await gateway.exit).toBe('exit code 0');

  expect(rawIntercept?.status, received).toBeOneOf([201, 202]);
  expect(refused?.status, received).toBe(503);
  expect(refused?.headers.connection).toBe('close');
  for (const answer of settled) {
    expect(answer.status, answer.text).toBeOneOf([201, 202]);
  }
  const acknowledged: Intercept[] = [
    JSON.parse(rawIntercept?.body ?? '{}') as Intercept,
    ...settled.map((answer) => answer.body),
  ];
  expect(gateway.output()).toMatch(/"msg":"stopped"/);

  // Started again on the same database: every acknowledged intercept is there, as answered,
  // with the carrier attempt that placed it.
  const again = await startGateway();
  const readBack = new ApiClient(again.url, apiKey);
  for (const intercept of acknowledged) {
    const stored = await readBack.get<Intercept>(`/v1/intercepts/${intercept.id}`);
    expect(stored.status, stored.text).toBe(200);
    expect(stored.body.status).toBe(intercept.status);
    expect(stored.body.attempts).toContainEqual(
      expect.objectContaining({ operation: 'intercept' }),
    );
  }
}, 180_000);
