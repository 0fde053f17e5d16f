/**
 * The done-when of outcome reconciliation: a pending intercept becomes final after a
 * gateway restart. The simulator registers an intercept but the answer is lost (a reset
 * after reading), so the gateway stores it pending; the gateway is killed (SIGKILL, no
 * graceful stop) and started again on the same database, and the durable job finishes the
 * work: it finds the intercept by our reference (accepted), then follows it as the
 * simulated clock moves (returning, returned), one stored transition per change, without
 * ever sending the intercept again.
 *
 * Unlike the other e2e files this one must kill and restart the gateway alone, so it
 * launches its processes itself, with the harness's clients and helpers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Intercept, InterceptRequestBody } from './api-types.ts';
import { ApiClient, freePort, GATEWAY_ROOT, newKey, SimClient, withSearchPath } from './harness.ts';

const GATEWAY_MAIN = join(GATEWAY_ROOT, 'dist/main.js');
const SIMULATOR_MAIN = fileURLToPath(new URL('../../../carrier-sim/src/main.ts', import.meta.url));
const CONTROLLED_ENV = /^(?:PORT|HOST|DATABASE_URL|LOG_LEVEL|PARCELGATE_.*|CARRIER_.*)$/;
const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;
/** PGlite's first start is slow on a busy 2-core box; two starts happen here. */
const READY_TIMEOUT_MS = 120_000;

type Reconciled = Intercept & { readonly needsAttention: boolean };

interface Launched {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  output(): string;
}

const launched: Launched[] = [];
const cleanups: (() => Promise<void>)[] = [];
let sim: SimClient;
let simUrl: string;
let databaseEnv: Record<string, string>;
/** The gateway running after the restart, for the tests that follow. */
let restarted: { api: ApiClient; gateway: Launched } | undefined;
const apiKey = `e2e_${randomBytes(18).toString('base64url')}`;

function launch(script: string, env: Readonly<Record<string, string>>): Launched {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !CONTROLLED_ENV.test(entry[0]),
    ),
  );
  const child = spawn(process.execPath, [script], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const entry = { child, exited, output: () => output };
  launched.push(entry);
  return entry;
}

async function waitUntilReady(target: Launched, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (target.child.exitCode !== null) {
      throw new Error(`exited before it was ready:\n${target.output()}`);
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
  throw new Error(`not ready at ${url} in time:\n${target.output()}`);
}

/** Starts a gateway on this file's database; `intervalMs` is its reconcile interval. */
async function startGateway(intervalMs: number): Promise<{ api: ApiClient; gateway: Launched }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const gateway = launch(GATEWAY_MAIN, {
    ...databaseEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    CARRIER_SIM_URL: simUrl,
    PARCELGATE_BOOTSTRAP_API_KEY: apiKey,
    PARCELGATE_RECONCILE_INTERVAL_MS: String(intervalMs),
    LOG_LEVEL: 'info',
  });
  await waitUntilReady(gateway, `${url}/readyz`);
  return { api: new ApiClient(url, apiKey), gateway };
}

beforeAll(async () => {
  const simPort = await freePort();
  simUrl = `http://127.0.0.1:${simPort}`;
  const simulator = launch(SIMULATOR_MAIN, {
    CARRIER_SIM_PORT: String(simPort),
    CARRIER_SIM_HOST: '127.0.0.1',
    // A seed whose first intercept of the first parcel is accepted (the sandbox refuses 5 % by chance).
    CARRIER_SIM_SEED: 'restart-1',
  });
  sim = new SimClient(simUrl);
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl === undefined || databaseUrl === '') {
    const dataDir = await mkdtemp(join(tmpdir(), 'parcelgate-e2e-restart-'));
    databaseEnv = { PARCELGATE_DATA_DIR: dataDir };
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  } else {
    const schema = `e2e_${randomBytes(6).toString('hex')}`;
    // The gateway keeps its job queue in `<schema>_pgboss`, created by pg-boss.
    await withClient(databaseUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
    databaseEnv = { DATABASE_URL: withSearchPath(databaseUrl, schema) };
    cleanups.push(async () => {
      await withClient(databaseUrl, (client) =>
        client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_pgboss CASCADE`),
      );
    });
  }
  await waitUntilReady(simulator, `${simUrl}/__sim/health`);
}, READY_TIMEOUT_MS);

afterAll(async () => {
  for (const entry of launched) {
    if (entry.child.exitCode === null && entry.child.signalCode === null) {
      entry.child.kill('SIGTERM');
      const timer = setTimeout(() => entry.child.kill('SIGKILL'), 10_000);
      await entry.exited;
      clearTimeout(timer);
    }
  }
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch(() => {});
  }
});

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

/** Polls the intercept until `done`, failing with the last state and the gateway's logs. */
async function until(
  api: ApiClient,
  gateway: Launched,
  id: string,
  done: (intercept: Reconciled) => boolean,
  timeoutMs = 60_000,
): Promise<Reconciled> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await api.get<Reconciled>(`/v1/intercepts/${id}`);
    if (answer.status === 200 && done(answer.body)) {
      return answer.body;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out: ${answer.text}\n--- gateway log ---\n${gateway.output().slice(-8_000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('finishes a pending intercept after the gateway is killed and started again', async () => {
  // A long interval: the first gateway queues the job but never runs it.
  const first = await startGateway(3_600_000);
  const trackingNumber = await sim.createParcel({ status: 'in_transit' });
  await sim.addFault({
    carrier: 'sandbox',
    operation: 'intercept',
    trackingNumber,
    count: 1,
    fault: { type: 'reset', when: 'after_read' },
  });
  const body: InterceptRequestBody = {
    carrier: 'sandbox',
    trackingNumber,
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
  };
  const created = await first.api.post<Reconciled>('/v1/intercepts', body, {
    idempotencyKey: newKey(),
  });
  expect(created.status).toBe(202);
  expect(created.body.status).toBe('pending');
  expect(created.headers.get('location')).toBe(`/v1/intercepts/${created.body.id}`);
  // The carrier has it: the answer, not the request, was lost.
  expect((await sim.parcel(trackingNumber)).intercept).not.toBeNull();

  const killedAt = performance.now();
  first.gateway.child.kill('SIGKILL');
  await first.gateway.exited;

  // Same database, short interval: the start-up sweep brings the queued job forward.
  const second = await startGateway(500);
  restarted = second;
  const startedIn = performance.now() - killedAt;
  const accepted = await until(
    second.api,
    second.gateway,
    created.body.id,
    (intercept) => intercept.status === 'accepted',
  );
  const acceptedIn = performance.now() - killedAt;
  expect(accepted.carrierReference).toMatch(/^SIC-/);
  expect(accepted.attempts).toContainEqual(
    expect.objectContaining({ operation: 'interceptStatus', outcome: 'ok' }),
  );

  await sim.advanceClock(FOUR_HOURS_MS);
  await until(
    second.api,
    second.gateway,
    created.body.id,
    (intercept) => intercept.status === 'returning',
  );
  await sim.advanceClock(FOUR_HOURS_MS);
  const returned = await until(
    second.api,
    second.gateway,
    created.body.id,
    (intercept) => intercept.status === 'returned',
  );
  expect(returned.transitions.map((step) => `${step.status}:${step.cause}`)).toEqual([
    'pending:request',
    'pending:outcome_unknown',
    'accepted:reconciliation',
    'returning:reconciliation',
    'returned:reconciliation',
  ]);
  expect(returned.needsAttention).toBe(false);
  // Reconciled by asking, never by sending again.
  expect((await sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  process.stdout.write(
    `restart-reconciliation: second gateway ready ${Math.round(startedIn)} ms after the kill, ` +
      `accepted after ${Math.round(acceptedIn)} ms, returned after ${Math.round(performance.now() - killedAt)} ms\n`,
  );
}, 300_000);

it('ends failed, truthfully, an intercept whose request never reached the carrier', async () => {
  restarted ??= await startGateway(500);
  const { api, gateway } = restarted;
  const trackingNumber = await sim.createParcel({ status: 'in_transit' });
  // The connection drops before the carrier reads the request: nothing is placed, but the
  // gateway cannot know that from the dropped connection alone.
  await sim.addFault({
    carrier: 'sandbox',
    operation: 'intercept',
    trackingNumber,
    count: 1,
    fault: { type: 'reset', when: 'before_read' },
  });
  const created = await api.post<Reconciled>(
    '/v1/intercepts',
    {
      carrier: 'sandbox',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    },
    { idempotencyKey: newKey() },
  );
  expect(created.body.status).toBe('pending');
  // Believed only after twice the intercept budget (10 s), in case the carrier was slow.
  const failed = await until(
    api,
    gateway,
    created.body.id,
    (intercept) => intercept.status === 'failed',
  );
  expect(failed.transitions.at(-1)).toMatchObject({
    status: 'failed',
    cause: 'reconciliation',
    detail: 'the carrier has no record of it: the request never reached the carrier',
  });
  const parcel = await sim.parcel(trackingNumber);
  expect(parcel.intercept).toBeNull();
  expect(parcel.calls.intercept).toBe(0);
}, 120_000);
