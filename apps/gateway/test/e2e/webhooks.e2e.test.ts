/**
 * Webhooks through the real gateway process, the simulator and a real receiver:
 *
 * - a gateway killed (SIGKILL) after events were committed but before any was sent
 *   delivers them after a restart on the same database: exactly the events committed;
 * - a receiver that is down for many retry rounds gets every event once it is back, in
 *   order per intercept (the retry schedule is scaled down to milliseconds here; the
 *   production schedule spans more than a day, see webhooks/retry-schedule.test.ts);
 * - a private target is refused where the deployment does not allow it.
 *
 * Like restart-reconciliation.e2e.test.ts it kills and restarts gateways, so it starts its
 * processes itself with the test stack's parts.
 */
import { randomBytes } from 'node:crypto';
import {
  ApiClient,
  freePort,
  type GatewayProcess,
  newKey,
  type PreparedDatabase,
  prepareDatabase,
  type SimulatorProcess,
  spawnGateway,
  startSimulatorProcess,
} from '@parcelgate/test-stack';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DeliveredEvent, WebhookReceiver } from '../support/webhook-receiver.ts';
import type { Intercept, Page, Problem } from './api-types.ts';

const gateways: GatewayProcess[] = [];
let simulator: SimulatorProcess;
const databases: PreparedDatabase[] = [];
const receiver = new WebhookReceiver();
let receiverUrl: string;
const apiKey = `e2e_${randomBytes(18).toString('base64url')}`;

/** A gateway on `database` with webhooks to private targets allowed, unless `env` says. */
async function startGateway(
  database: PreparedDatabase,
  env: Record<string, string> = {},
): Promise<{ api: ApiClient; gateway: GatewayProcess }> {
  const gateway = spawnGateway({
    port: await freePort(),
    env: {
      ...database.env,
      CARRIER_SIM_URL: simulator.url,
      PARCELGATE_BOOTSTRAP_API_KEY: apiKey,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      PARCELGATE_WEBHOOK_POLL_MS: '100',
      ...env,
    },
  });
  gateways.push(gateway);
  await gateway.ready();
  return { api: new ApiClient(gateway.url, apiKey), gateway };
}

beforeAll(async () => {
  simulator = await startSimulatorProcess({ seed: 'webhooks-e2e' });
  receiverUrl = await receiver.start();
});
afterEach(() => {
  receiver.status = 204;
  receiver.received.length = 0;
});
afterAll(async () => {
  for (const gateway of gateways) {
    await gateway.stop();
  }
  await receiver.close();
  await simulator?.stop();
  for (const database of databases) {
    await database.drop().catch(() => {});
  }
});

async function newDatabase(): Promise<PreparedDatabase> {
  const database = await prepareDatabase(process.env.DATABASE_URL);
  databases.push(database);
  return database;
}

async function createEndpoint(api: ApiClient): Promise<{ id: string; secret: string }> {
  const created = await api.post<{ id: string; secret: string }>('/v1/webhook-endpoints', {
    url: receiverUrl,
  });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

async function intercept(api: ApiClient): Promise<Intercept> {
  const trackingNumber = await simulator.control.createParcel({ status: 'in_transit' });
  const created = await api.post<Intercept>(
    '/v1/intercepts',
    {
      carrier: 'sandbox',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    },
    { idempotencyKey: newKey() },
  );
  expect(created.status, created.text).toBeLessThan(300);
  return created.body;
}

/** Every event of the tenant, oldest first. */
async function allEvents(api: ApiClient): Promise<DeliveredEvent[]> {
  const events: DeliveredEvent[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: Page<DeliveredEvent> } = await api.get<
      Page<DeliveredEvent>
    >(`/v1/events?limit=100${cursor === null ? '' : `&cursor=${cursor}`}`);
    expect(page.status).toBe(200);
    events.push(...page.body.data);
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return events.reverse();
}

/** The types of each object's events, in the order given. */
function byObject(events: readonly DeliveredEvent[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const event of events) {
    grouped.set(event.objectId, [...(grouped.get(event.objectId) ?? []), event.type]);
  }
  return grouped;
}

describe('webhooks through the gateway process', () => {
  it('delivers after a restart exactly the events committed before a kill', async () => {
    const database = await newDatabase();
    // Polls once at start, then not for an hour: nothing is sent before the kill.
    const first = await startGateway(database, { PARCELGATE_WEBHOOK_POLL_MS: '3600000' });
    const endpoint = await createEndpoint(first.api);
    const intercepts = [await intercept(first.api), await intercept(first.api)];
    const committed = await allEvents(first.api);
    expect(committed.length).toBeGreaterThanOrEqual(intercepts.length * 2);
    expect(receiver.received).toHaveLength(0);

    first.gateway.child.kill('SIGKILL');
    await first.gateway.exit;

    await startGateway(database);
    await receiver.waitFor((events) => events.length >= committed.length);
    expect(
      receiver
        .events()
        .map((event) => event.id)
        .sort(),
    ).toEqual(committed.map((event) => event.id).sort());
    // In order per intercept, each verified with the endpoint's secret.
    expect(byObject(receiver.events())).toEqual(byObject(committed));
    for (const item of receiver.received) {
      expect(() => WebhookReceiver.verify(endpoint.secret, item)).not.toThrow();
    }
  });

  it('gets every event, in order per intercept, to a receiver that was down', async () => {
    const database = await newDatabase();
    const { api } = await startGateway(database, {
      PARCELGATE_WEBHOOK_RETRY_BASE_MS: '50',
      PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS: '200',
    });
    await createEndpoint(api);
    receiver.status = 503;
    for (let index = 0; index < 3; index += 1) {
      await intercept(api);
    }
    // Down for a while: several failed attempts of the first event of each intercept.
    await receiver.waitFor(() => receiver.received.length >= 12);
    receiver.status = 204;
    const committed = await allEvents(api);
    // An intercept's later events are sent only once its first was answered 2xx.
    await receiver.waitFor((events) => {
      const ids = new Set(events.map((event) => event.id));
      return committed.every((event) => ids.has(event.id));
    });
    // What the receiver accepted (its 2xx answers came after the failures): per intercept,
    // the events in the order they happened.
    const accepted = receiver.events().filter((_, index) => index >= 12);
    const firstOfEach = new Map<string, string[]>();
    for (const [objectId, types] of byObject(accepted)) {
      firstOfEach.set(
        objectId,
        types.filter((type, i) => types.indexOf(type) === i),
      );
    }
    expect(firstOfEach).toEqual(byObject(committed));
  });

  it('refuses a private target where the deployment does not allow one', async () => {
    const database = await newDatabase();
    const { api } = await startGateway(database, { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });
    const refused = await api.post<Problem>('/v1/webhook-endpoints', { url: receiverUrl });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('https://parcelgate.dev/problems/webhook-target-refused');
    const metadata = await api.post<Problem>('/v1/webhook-endpoints', {
      url: 'https://169.254.169.254/latest/meta-data/',
    });
    expect(metadata.status).toBe(422);
  });
});
