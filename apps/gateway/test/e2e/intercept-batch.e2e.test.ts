/**
 * The done-when of bulk intercepts: a batch of 1,000 simulator parcels in mixed states
 * completes with each item's correct outcome within the carriers' limits, and survives a
 * kill -9 of the gateway mid-batch with no parcel intercepted twice (the simulator counts
 * the intercept calls each parcel received).
 *
 * Like restart-reconciliation.e2e.test.ts, this file kills and restarts its gateway, so it
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

/** Parcels in the batch. */
const ITEMS = 1_000;
/** The states the parcels are made in, in turn: one in window, three out of it. */
const STATES = ['in_transit', 'delivered', 'out_for_delivery', 'picked_up'] as const;

interface Batch {
  readonly id: string;
  readonly status: 'running' | 'done';
  readonly counts: Readonly<
    Record<
      | 'total'
      | 'queued'
      | 'running'
      | 'done'
      | 'succeeded'
      | 'pending'
      | 'refused'
      | 'failed'
      | 'cancelled',
      number
    >
  >;
  readonly items: {
    readonly index: number;
    readonly trackingNumber: string;
    readonly outcome: string | null;
    readonly interceptId: string | null;
    readonly interceptStatus: string | null;
    readonly reasons: { readonly code: string }[];
  }[];
  readonly nextCursor: string | null;
}

const gateways: GatewayProcess[] = [];
let simulator: SimulatorProcess | undefined;
let database: PreparedDatabase | undefined;
let sim: SimControlClient;
const apiKey = `e2e_${randomBytes(18).toString('base64url')}`;

async function startGateway(): Promise<{ api: ApiClient; gateway: GatewayProcess }> {
  if (simulator === undefined || database === undefined) {
    throw new Error('beforeAll did not start the simulator and the database');
  }
  const gateway = spawnGateway({
    port: await freePort(),
    env: {
      ...database.env,
      CARRIER_SIM_URL: simulator.url,
      PARCELGATE_BOOTSTRAP_API_KEY: apiKey,
      PARCELGATE_BATCH_TENANT_CONCURRENCY: '8',
      // An item the kill left pending is settled by reconciliation within the test.
      PARCELGATE_RECONCILE_INTERVAL_MS: '500',
      LOG_LEVEL: 'warn',
    },
  });
  gateways.push(gateway);
  await gateway.ready();
  return { api: new ApiClient(gateway.url, apiKey), gateway };
}

beforeAll(async () => {
  simulator = await startSimulatorProcess({ seed: 'batch-1' });
  sim = simulator.control;
  database = await prepareDatabase(process.env.DATABASE_URL);
});

afterAll(async () => {
  for (const gateway of gateways) {
    await gateway.stop();
  }
  await simulator?.stop();
  await database?.drop().catch(() => {});
});

/** Polls the batch (counts only) until `done` says so, failing with the gateway's log. */
async function until(
  api: ApiClient,
  gateway: GatewayProcess,
  id: string,
  done: (batch: Batch) => boolean,
  timeoutMs = 240_000,
): Promise<Batch> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await api.get<Batch>(`/v1/intercepts/batch/${id}?limit=1`);
    if (answer.status === 200 && done(answer.body)) {
      return answer.body;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out: ${answer.text}\n--- gateway log ---\n${gateway.output().slice(-8_000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every item of the batch, page by page. */
async function allItems(api: ApiClient, id: string): Promise<Batch['items']> {
  const items: Batch['items'][number][] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = await api.get<Batch>(`/v1/intercepts/batch/${id}?limit=400${query}`);
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return items;
}

it('runs 1,000 parcels in mixed states to their outcomes across a kill -9, intercepting none twice', async () => {
  const numbers: string[] = [];
  for (let index = 0; index < ITEMS; index++) {
    numbers.push(await sim.createParcel({ status: STATES[index % STATES.length] ?? 'in_transit' }));
  }
  const first = await startGateway();
  const created = await first.api.post<Batch>(
    '/v1/intercepts/batch',
    {
      items: numbers.map((trackingNumber) => ({
        carrier: 'sandbox',
        trackingNumber,
        reason: 'merchant_error',
        pickupMode: 'platform_pickup',
      })),
    },
    { idempotencyKey: newKey() },
  );
  expect(created.status, created.text).toBe(202);
  expect(created.body.counts).toMatchObject({ total: ITEMS, queued: ITEMS });
  const { id } = created.body;

  // Mid-batch: some items done, most not.
  const before = await until(first.api, first.gateway, id, (batch) => batch.counts.done >= 50);
  expect(before.counts.done).toBeLessThan(ITEMS);
  first.gateway.child.kill('SIGKILL');
  await first.gateway.exit;

  const second = await startGateway();
  const batch = await until(
    second.api,
    second.gateway,
    id,
    (one) => one.status === 'done' && one.counts.pending === 0,
  );
  expect(batch.counts).toMatchObject({ total: ITEMS, done: ITEMS, queued: 0, running: 0 });

  const items = await allItems(second.api, id);
  expect(items.map((item) => item.index)).toEqual(numbers.map((_, index) => index));
  for (const [index, item] of items.entries()) {
    const parcel = await sim.parcel(numbers[index] ?? '');
    const state = STATES[index % STATES.length];
    // No parcel was ever asked twice, whatever the kill interrupted.
    expect(parcel.calls.intercept, `item ${index}`).toBeLessThanOrEqual(1);
    if (state === 'in_transit' || state === 'picked_up') {
      // In the window: sent once, and the carrier took it or refused it by chance; or the
      // kill came between storing it and sending it, and reconciliation failed it.
      expect(item.interceptId, `item ${index}`).not.toBeNull();
      const expected =
        parcel.calls.intercept === 0
          ? 'failed'
          : parcel.intercept === null
            ? 'refused'
            : 'succeeded';
      expect(item.outcome, `item ${index}`).toBe(expected);
    } else {
      // Out of the window: refused by policy, the carrier never asked.
      expect(parcel.calls.intercept, `item ${index}`).toBe(0);
      expect(item).toMatchObject({ outcome: 'refused', interceptId: null });
      expect(item.reasons.map((reason) => reason.code)).toContain(state);
    }
  }
  const succeeded = items.filter((item) => item.outcome === 'succeeded').length;
  expect(batch.counts.succeeded).toBe(succeeded);
  const failed = items.filter((item) => item.outcome === 'failed').length;
  expect(batch.counts.refused).toBe(ITEMS - succeeded - failed);
  expect(batch.counts.failed).toBe(failed);
  // One intercept per parcel in the gateway too.
  const interceptIds = items.flatMap((item) =>
    item.interceptId === null ? [] : [item.interceptId],
  );
  expect(new Set(interceptIds).size).toBe(interceptIds.length);
  process.stdout.write(
    `intercept-batch: killed after ${before.counts.done} of ${ITEMS} items; ${succeeded} succeeded\n`,
  );
}, 600_000);
