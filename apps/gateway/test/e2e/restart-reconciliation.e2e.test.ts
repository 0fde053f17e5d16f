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
 * starts its processes itself, with the test stack's parts.
 */
import { randomBytes } from 'node:crypto';
import {
  ApiClient,
  freePort,
  type GatewayProcess,
  newKey,
  type PreparedDatabase,
  prepareDatabase,
  type SimControlClient,
  type SimulatorProcess,
  spawnGateway,
  startSimulatorProcess,
} from '@parcelgate/test-stack';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Intercept, InterceptRequestBody } from './api-types.ts';

const FOUR_HOURS_MS = 4 * 60 * 60 * 1000;

type Reconciled = Intercept & { readonly needsAttention: boolean };

const gateways: GatewayProcess[] = [];
let simulator: SimulatorProcess | undefined;
let database: PreparedDatabase | undefined;
let sim: SimControlClient;
/** The gateway running after the restart, for the tests that follow. */
let restarted: { api: ApiClient; gateway: GatewayProcess } | undefined;
const apiKey = `e2e_${randomBytes(18).toString('base64url')}`;

/** Starts a gateway on this file's database; `intervalMs` is its reconcile interval. */
async function startGateway(
  intervalMs: number,
): Promise<{ api: ApiClient; gateway: GatewayProcess }> {
  if (simulator === undefined || database === undefined) {
    throw new Error('beforeAll did not start the simulator and the database');
  }
  const gateway = spawnGateway({
    port: await freePort(),
    env: {
      ...database.env,
      CARRIER_SIM_URL: simulator.url,
      PARCELGATE_BOOTSTRAP_API_KEY: apiKey,
      PARCELGATE_RECONCILE_INTERVAL_MS: String(intervalMs),
      LOG_LEVEL: 'info',
    },
  });
  gateways.push(gateway);
  await gateway.ready();
  return { api: new ApiClient(gateway.url, apiKey), gateway };
}

beforeAll(async () => {
  // A seed whose first intercept of the first parcel is accepted (the sandbox refuses 5 % by chance).
  simulator = await startSimulatorProcess({ seed: 'restart-1' });
  sim = simulator.control;
  // The gateway keeps its job queue in `<schema>_pgboss` on PostgreSQL, created by pg-boss.
  database = await prepareDatabase(process.env.DATABASE_URL);
});

afterAll(async () => {
  for (const gateway of gateways) {
    await gateway.stop();
  }
  await simulator?.stop();
  await database?.drop().catch(() => {});
});

/** Polls the intercept until `done`, failing with the last state and the gateway's logs. */
async function until(
  api: ApiClient,
  gateway: GatewayProcess,
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
  await first.gateway.exit;

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
