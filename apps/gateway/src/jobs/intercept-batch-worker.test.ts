/**
 * Bulk intercepts on a real queue: a gateway with its jobs running (pg-boss on the test's
 * database: in-memory PGlite, or PostgreSQL with DATABASE_URL), driven by the scripted
 * fake carrier, which records every intercept it is asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { runBatchItem } from '../services/batches/run-batch-item.ts';
import { findTenant } from '../store/tenants.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
let sequence = 0;
let keySequence = 0;

beforeAll(async () => {
  gateway = await createTestGateway(
    [carrier],
    { PARCELGATE_BATCH_TENANT_CONCURRENCY: '8' },
    { jobs: true, database: 'from-env' },
  );
}, 120_000);
afterAll(() => gateway.close());

type Status = Parameters<typeof script.parcels.set>[1];

function parcel(status: Status | undefined): string {
  sequence += 1;
  const trackingNumber = `FK${String(sequence).padStart(7, '0')}`;
  if (status !== undefined) {
    script.parcels.set(trackingNumber, status);
  }
  return trackingNumber;
}

const item = (trackingNumber: string) => ({
  carrier: 'fake',
  trackingNumber,
  reason: 'merchant_error',
  pickupMode: 'platform_pickup',
});

interface Batch {
  readonly id: string;
  readonly status: string;
  readonly counts: Record<string, number>;
  readonly items: {
    readonly index: number;
    readonly trackingNumber: string;
    readonly status: string;
    readonly outcome: string | null;
    readonly interceptId: string | null;
    readonly interceptStatus: string | null;
    readonly reasons: { code: string }[];
    readonly problem: { type: string } | null;
  }[];
  readonly nextCursor: string | null;
}

async function post(items: unknown[], tenant: 'acme' | 'globex' = 'acme', key?: string) {
  keySequence += 1;
  return gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts/batch',
    headers: { ...gateway.auth[tenant], 'idempotency-key': key ?? `batch-test-${keySequence}` },
    payload: { items },
  });
}

async function read(id: string, query = '', tenant: 'acme' | 'globex' = 'acme') {
  return gateway.app.inject({
    method: 'GET',
    url: `/v1/intercepts/batch/${id}${query}`,
    headers: gateway.auth[tenant],
  });
}

async function untilDone(id: string, timeoutMs = 120_000): Promise<Batch> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const batch = (await read(id, '?limit=1000')).json<Batch>();
    if (batch.status === 'done' || Date.now() > until) {
      return batch;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function interceptCalls(trackingNumber: string): number {
  return script.requests.intercept.filter((request) => request.trackingNumber === trackingNumber)
    .length;
}

describe('POST /v1/intercepts/batch', () => {
  it('answers at once, then runs every item to its own outcome, each parcel intercepted once', async () => {
    const statuses: (Status | undefined)[] = ['in_transit', 'delivered', 'out_for_delivery'];
    const numbers = Array.from({ length: 1_000 }, (_, index) =>
      parcel(index === 999 ? undefined : statuses[index % 3]),
    );
    const response = await post(numbers.map(item));
    expect(response.statusCode, response.body).toBe(202);
    const answer = response.json<Batch>();
    expect(response.headers.location).toBe(`/v1/intercepts/batch/${answer.id}`);
    expect(answer.counts).toMatchObject({ total: 1_000, queued: 1_000, done: 0 });

    const batch = await untilDone(answer.id);
    expect(batch.status).toBe('done');
    // 333 in transit, 333 delivered and 333 out for delivery, and one the carrier never saw.
    expect(batch.counts).toEqual({
      total: 1_000,
      queued: 0,
      running: 0,
      done: 1_000,
      succeeded: 333,
      pending: 0,
      refused: 666,
      failed: 1,
      cancelled: 0,
    });
    expect(batch.items).toHaveLength(1_000);
    const [first, second, third] = batch.items;
    expect(first).toMatchObject({ index: 0, outcome: 'succeeded', interceptStatus: 'accepted' });
    expect(second).toMatchObject({ index: 1, outcome: 'refused', interceptId: null });
    expect(second?.reasons.map((reason) => reason.code)).toContain('delivered');
    expect(third?.reasons.map((reason) => reason.code)).toContain('out_for_delivery');
    expect(batch.items[999]).toMatchObject({
      outcome: 'failed',
      problem: { type: 'https://parcelgate.dev/problems/parcel-not-found' },
    });
    // Only eligible parcels reached the carrier, each exactly once.
    for (const [index, trackingNumber] of numbers.entries()) {
      expect(interceptCalls(trackingNumber)).toBe(index % 3 === 0 && index !== 999 ? 1 : 0);
    }
    // The intercepts are those of single requests: readable, with their history.
    const intercept = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts/${first?.interceptId}`,
      headers: gateway.auth.acme,
    });
    expect(intercept.json()).toMatchObject({ status: 'accepted', reason: 'merchant_error' });
  }, 180_000);

  it('pages through items with a cursor, and hides a batch from other tenants', async () => {
    const response = await post([item(parcel('in_transit')), item(parcel('delivered'))]);
    const { id } = response.json<Batch>();
    await untilDone(id);
    const page = (await read(id, '?limit=1')).json<Batch>();
    expect(page.items.map((one) => one.index)).toEqual([0]);
    expect(page.nextCursor).not.toBeNull();
    const next = (
      await read(id, `?limit=1&cursor=${encodeURIComponent(page.nextCursor ?? '')}`)
    ).json<Batch>();
    expect(next.items.map((one) => one.index)).toEqual([1]);
    expect(next.nextCursor).toBeNull();
    expect((await read(id, '', 'globex')).statusCode).toBe(404);
  });

  it('replays the answer for the same Idempotency-Key and stores one batch', async () => {
    const items = [item(parcel('in_transit'))];
    const first = await post(items, 'acme', 'same-batch-key');
    const again = await post(items, 'acme', 'same-batch-key');
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<Batch>().id).toBe(first.json<Batch>().id);
  });

  it('refuses invalid items and repeated parcels, naming /items/<index>/<field>', async () => {
    const repeated = parcel('in_transit');
    const response = await post([
      item(parcel('in_transit')),
      { ...item(parcel('in_transit')), reason: 'bored' },
      item(repeated),
      item(repeated),
      { ...item('NOT-A-FAKE'), carrier: 'fake' },
      { ...item(parcel('in_transit')), carrier: 'nowhere' },
    ]);
    expect(response.statusCode).toBe(400);
    const pointers = (response.json() as { errors: { pointer: string }[] }).errors
      .map((error) => error.pointer)
      .sort();
    expect(pointers).toContain('/items/1/reason');
    const second = await post([
      item(repeated),
      item(repeated),
      { ...item('NOT-A-FAKE'), carrier: 'fake' },
      { ...item(parcel('in_transit')), carrier: 'nowhere' },
    ]);
    expect(second.statusCode).toBe(400);
    expect(
      (second.json() as { errors: { pointer: string }[] }).errors.map((error) => error.pointer),
    ).toEqual(['/items/1/trackingNumber', '/items/2/trackingNumber', '/items/3/carrier']);
    const tooMany = await post(Array.from({ length: 1_001 }, () => item(parcel('in_transit'))));
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('runBatchItem', () => {
  it('never intercepts an item twice: a second run answers from the item key', async () => {
    const trackingNumber = parcel('in_transit');
    // A gateway without the worker's turn for it: stored, then run by hand twice.
    const response = await post([item(trackingNumber)]);
    const { id } = response.json<Batch>();
    await untilDone(id);
    const done = (await read(id)).json<Batch>();
    const tenant = await findTenant(gateway.app.database, await acmeId());
    if (tenant === undefined) {
      throw new Error('no tenant');
    }
    // As after a crash between storing the intercept and the item's result: run again.
    await gateway.app.database.query(
      `UPDATE intercept_batch_items SET status = 'running', outcome = NULL, intercept_id = NULL
        WHERE batch_id = $1`,
      [id],
    );
    const context = {
      app: gateway.app,
      log: gateway.app.log,
      batchId: id,
      tenant: { ...tenant, keyId: 'key_test' },
      leaseMs: 15_000,
    };
    const rerun = async () => {
      await runBatchItem(context, { index: 0, request: item(trackingNumber), tries: 2 });
      const again = (await read(id)).json<Batch>();
      expect(again.items[0]?.interceptId).toBe(done.items[0]?.interceptId);
      expect(again.items[0]?.outcome).toBe('succeeded');
      expect(interceptCalls(trackingNumber)).toBe(1);
    };
    // The item's answer was stored: it is replayed.
    await rerun();
    // Only the intercept was stored (the worker died before the answer): its key's claim
    // ran out, and the next run answers from the intercept tied to it.
    await gateway.app.database.query(
      `UPDATE idempotency_keys SET state = 'in_progress', response_status = NULL,
              response_body = NULL, locked_until = now() - interval '1 second'
        WHERE idempotency_key = $1`,
      [`batch ${id} 0`],
    );
    await gateway.app.database.query(
      `UPDATE intercept_batch_items SET status = 'running', outcome = NULL, intercept_id = NULL
        WHERE batch_id = $1`,
      [id],
    );
    await rerun();
  });
});

async function acmeId(): Promise<string> {
  const [row] = await gateway.app.database.query<{ id: string }>(
    "SELECT id FROM tenants WHERE name = 'acme'",
  );
  return row?.id ?? '';
}
