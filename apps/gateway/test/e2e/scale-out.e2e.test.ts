/**
 * The deployment shape on PostgreSQL: `parcelgate-gateway migrate` once, three `serve`
 * replicas (the API only) and one `worker` (the jobs only), with the simulator.
 *
 * - `serve` refuses an unmigrated database and names the command that migrates it.
 * - The same intercept (same Idempotency-Key) sent to the three replicas at once reaches
 *   the carrier exactly once (the simulator counts calls per parcel).
 * - One replica is killed (SIGKILL) with intercepts under way at the carrier; every
 *   intercept some replica acknowledged (2xx) is then readable from the two left, and every
 *   intercept left pending (answers lost, or the killed replica's) is settled by the
 *   worker's reconciliation to a final status, without a second carrier call.
 *
 * PGlite allows one process per folder (single-writer.e2e.test.ts): skipped without
 * `DATABASE_URL`.
 */
import { randomBytes } from 'node:crypto';
import {
  type AdminRun,
  ApiClient,
  createTenantKey,
  freePort,
  type GatewayProcess,
  type HttpAnswer,
  newKey,
  type PreparedDatabase,
  pollUntil,
  prepareDatabase,
  runGateway,
  type SimControlClient,
  type SimulatorProcess,
  spawnGateway,
  startSimulatorProcess,
} from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intercept, InterceptRequestBody } from './api-types.ts';
import { limitGauges } from './cluster-gauges.ts';

const POSTGRES = process.env.DATABASE_URL?.trim() ?? '';
const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;
/** Generous: the worker's sweep, which finds what the killed replica left, runs every minute. */
const SETTLE_MS = 240_000;
const FINAL = ['returned', 'rejected', 'failed', 'cancelled'];

type Reconciled = Intercept & { readonly needsAttention: boolean };

describe.skipIf(POSTGRES === '')('three serve replicas and a worker on one PostgreSQL', () => {
  let simulator: SimulatorProcess;
  let sim: SimControlClient;
  let database: PreparedDatabase;
  let apiKey: string;
  const processes: GatewayProcess[] = [];
  let replicas: { process: GatewayProcess; api: ApiClient }[] = [];

  const env = (): Record<string, string> => ({
    ...database.env,
    CARRIER_SIM_URL: simulator.url,
    PARCELGATE_SECRET_KEY: randomBytesHex,
    PARCELGATE_RECONCILE_INTERVAL_MS: '500',
    // The tenant acts through the deployment's shared (simulated) carrier account.
    PARCELGATE_SHARED_ACCOUNT_TENANTS: 'scale-out',
    PARCELGATE_RATE_LIMIT_PER_SECOND: '1000000',
    PARCELGATE_RATE_LIMIT_BURST: '1000000',
    LOG_LEVEL: 'info',
  });
  const randomBytesHex = randomBytes(32).toString('hex');

  const start = async (role: 'serve' | 'worker'): Promise<GatewayProcess> => {
    const gateway = spawnGateway({ port: await freePort(), role, env: env() });
    processes.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    simulator = await startSimulatorProcess({ seed: 'scale-out-1' });
    sim = simulator.control;
    database = await prepareDatabase(POSTGRES);
  });

  afterAll(async () => {
    for (const gateway of processes) {
      await gateway.stop();
    }
    await simulator?.stop();
    await database?.drop().catch(() => {});
  });

  it('serve refuses an unmigrated database; migrate applies every migration and exits 0', async () => {
    const refused: AdminRun = await runGateway(env(), ['serve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not migrated[\s\S]*parcelgate-gateway migrate/);

    const migrated = await runGateway(env(), ['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/^Applied: 0001_initial/);
    const again = await runGateway(env(), ['migrate']);
    expect(again.stdout.trim()).toBe('Database is up to date.');
  }, 300_000);

  it('starts three serve replicas and a worker, which serves no API', async () => {
    apiKey = await createTenantKey(database.env, 'scale-out');
    const started = await Promise.all([start('serve'), start('serve'), start('serve')]);
    const worker = await start('worker');
    await Promise.all([...started, worker].map((gateway) => gateway.ready()));
    // Ready to answer is not yet ready to call the carrier: each replica's share of the
    // account's limits (ADR 0009) is its own once the four have seen one another.
    for (const gateway of [...started, worker]) {
      await pollUntil(
        () => limitGauges(gateway.url),
        (gauges) => gauges.replicas === 4 && gauges.rate > 0,
        120_000,
      );
    }
    replicas = started.map((process) => ({ process, api: new ApiClient(process.url, apiKey) }));
    expect((await new ApiClient(worker.url, apiKey).get('/v1/carriers')).status).toBe(404);
    expect((await fetch(`${worker.url}/metrics`)).status).toBe(200);
    for (const { api } of replicas) {
      expect((await api.get('/v1/carriers')).status).toBe(200);
    }
  }, 300_000);

  const interceptBody = (trackingNumber: string): InterceptRequestBody => ({
    carrier: 'sandbox',
    trackingNumber,
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
  });

  it('settles everything acknowledged or pending after one replica is killed under load', async () => {
    // Wave 1: each intercept sent to the three replicas at once, under one key. Half of
    // them lose their answer (a reset after the carrier read it): left pending.
    const duplicated: { trackingNumber: string; answers: HttpAnswer<Reconciled>[] }[] = [];
    const wave1 = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        const trackingNumber = await sim.createParcel({ status: 'in_transit' });
        if (index % 2 === 0) {
          await sim.addFault({
            carrier: 'sandbox',
            operation: 'intercept',
            trackingNumber,
            count: 1,
            fault: { type: 'reset', when: 'after_read' },
          });
        }
        return trackingNumber;
      }),
    );
    await Promise.all(
      wave1.map(async (trackingNumber) => {
        const key = newKey();
        const answers = await Promise.all(
          replicas.map(({ api }) =>
            api.post<Reconciled>('/v1/intercepts', interceptBody(trackingNumber), {
              idempotencyKey: key,
            }),
          ),
        );
        duplicated.push({ trackingNumber, answers });
      }),
    );
    const acknowledged = new Map<string, Reconciled>();
    for (const { trackingNumber, answers } of duplicated) {
      expect(
        (await sim.parcel(trackingNumber)).calls.intercept,
        answers.map((answer) => answer.text).join('\n'),
      ).toBe(1);
      const ok = answers.filter((answer) => answer.status === 201 || answer.status === 202);
      for (const answer of answers) {
        // A duplicate arriving while the first runs is told so (409) and retries.
        expect([201, 202, 409], answer.text).toContain(answer.status);
      }
      expect(ok.length).toBeGreaterThan(0);
      expect(new Set(ok.map((answer) => answer.body.id)).size).toBe(1);
      for (const answer of ok) {
        acknowledged.set(answer.body.id, answer.body);
      }
    }

    // Wave 2: intercepts spread over the replicas; the third replica's are held at the
    // carrier (a delay) when it is killed.
    const [a, b, doomed] = replicas;
    if (a === undefined || b === undefined || doomed === undefined) {
      throw new Error('three replicas expected');
    }
    const held: string[] = [];
    const sent: Promise<HttpAnswer<Reconciled> | undefined>[] = [];
    for (let index = 0; index < 12; index++) {
      const trackingNumber = await sim.createParcel({ status: 'in_transit' });
      const replica = replicas[index % 3] ?? a;
      if (replica === doomed) {
        await sim.addFault({
          carrier: 'sandbox',
          operation: 'intercept',
          trackingNumber,
          count: 1,
          fault: { type: 'latency', ms: 3_000 },
        });
        held.push(trackingNumber);
      }
      sent.push(
        replica.api
          .post<Reconciled>('/v1/intercepts', interceptBody(trackingNumber), {
            idempotencyKey: newKey(),
          })
          // The killed replica's requests get no answer: never acknowledged.
          .catch(() => undefined),
      );
    }
    await pollUntil(
      () => Promise.all(held.map(async (parcel) => (await sim.parcel(parcel)).calls.intercept)),
      (counts) => counts.every((count) => count === 1),
    );
    doomed.process.child.kill('SIGKILL');
    await doomed.process.exit;
    for (const answer of await Promise.all(sent)) {
      if (answer !== undefined && (answer.status === 201 || answer.status === 202)) {
        acknowledged.set(answer.body.id, answer.body);
      }
    }

    // Every acknowledged intercept is readable from both replicas left.
    for (const id of acknowledged.keys()) {
      for (const { api } of [a, b]) {
        const read = await api.get<Reconciled>(`/v1/intercepts/${id}`);
        expect(read.status, read.text).toBe(200);
      }
    }

    // Everything not final (acknowledged pending, or the killed replica's, which only the
    // database knows) is moved on by the worker: accepted, then returned as the carrier's
    // clock moves.
    const listOpen = async (): Promise<Reconciled[]> => {
      const list = await a.api.get<{ data: Reconciled[] }>('/v1/intercepts?limit=100');
      expect(list.status, list.text).toBe(200);
      return list.body.data.filter(
        (intercept) => !FINAL.includes(intercept.status) && !intercept.needsAttention,
      );
    };
    const all = await a.api.get<{ data: Reconciled[] }>('/v1/intercepts?limit=100');
    expect(all.body.data.length).toBeGreaterThanOrEqual(acknowledged.size);
    const accepted = await pollUntil(
      listOpen,
      (open) => open.every((intercept) => intercept.status !== 'pending'),
      SETTLE_MS,
    );
    expect(accepted.filter((intercept) => intercept.status === 'pending')).toEqual([]);
    await sim.advanceClock(FOUR_HOURS_MS);
    await sim.advanceClock(FOUR_HOURS_MS);
    const left = await pollUntil(listOpen, (open) => open.length === 0, SETTLE_MS);
    expect(left.map((intercept) => `${intercept.id} ${intercept.status}`)).toEqual([]);
    for (const parcel of [...wave1, ...held]) {
      expect((await sim.parcel(parcel)).calls.intercept).toBe(1);
    }
  }, 600_000);
});
