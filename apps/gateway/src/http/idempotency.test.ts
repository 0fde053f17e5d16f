import { CarrierRetryableError } from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { claimIdempotencyKey } from '../store/idempotency.ts';
import { ensureTenant } from '../store/tenants.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([carrier]);
  for (const trackingNumber of ['FK000001', 'FK000002', 'FK000003', 'FK000004', 'FK000005']) {
    script.parcels.set(trackingNumber, 'in_transit');
  }
});
afterAll(() => gateway.close());

const body = (trackingNumber: string) => ({
  carrier: 'fake',
  trackingNumber,
  reason: 'buyer_cancelled',
  pickupMode: 'platform_pickup',
});

function post(key: string | undefined, payload: object, auth = gateway.auth.acme) {
  return gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts',
    headers: { ...auth, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload,
  });
}

async function actionOfKey(key: string): Promise<unknown> {
  const rows = await gateway.app.database.query<{ action_id: string | null }>(
    'SELECT action_id FROM idempotency_keys WHERE idempotency_key = $1',
    [key],
  );
  return rows[0]?.action_id;
}

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, without calling the carrier again', async () => {
    const first = await post('replay-1', body('FK000001'));
    const calls = script.calls.intercept;
    const { pickupMode, ...rest } = body('FK000001');
    const second = await post('replay-1', { ...rest, pickupMode });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    // The replay says where the intercept's current state is read.
    expect(second.headers.location).toBe(`/v1/intercepts/${second.json().id}`);
    expect(script.calls.intercept).toBe(calls);
  });

  it('answers 422 for the same key with another body', async () => {
    await post('mismatch-1', body('FK000002'));
    const response = await post('mismatch-1', { ...body('FK000002'), orderRef: 'other' });
    expect(response.statusCode).toBe(422);
    expect(response.json().type).toBe('https://parcelgate.dev/problems/idempotency-key-reused');
  });

  it('answers 409 while the first request with the key is still running', async () => {
    let release: () => void = () => {};
    let carrierAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => {
      carrierAsked = resolve;
    });
    script.intercept = () =>
      new Promise((resolve) => {
        release = () => resolve({ outcome: 'accepted' });
        carrierAsked();
      });
    const first = post('running-1', body('FK000003'));
    // The carrier is asked only once the key is claimed: the first request now holds it.
    await asked;
    const second = await post('running-1', body('FK000003'));
    expect(second.statusCode).toBe(409);
    expect(second.headers['retry-after']).toBe('1');
    release();
    expect((await first).statusCode).toBe(201);
    script.intercept = async () => ({ outcome: 'accepted' });
  });

  it('keys are per tenant', async () => {
    const acme = await post('shared-key', body('FK000004'));
    const globex = await post('shared-key', body('FK000004'), gateway.auth.globex);
    expect(acme.statusCode).toBe(201);
    expect(globex.statusCode).toBe(201);
    expect(globex.json().id).not.toBe(acme.json().id);
  });

  it('lets the client retry with the same key when the carrier was never reached', async () => {
    script.intercept = async () => {
      throw new CarrierRetryableError({
        carrierId: 'fake',
        message: 'refused',
        requestSent: false,
      });
    };
    const failed = await post('retry-after-503', body('FK000005'));
    expect(failed.statusCode).toBe(503);
    script.intercept = async () => ({ outcome: 'accepted' });
    const retried = await post('retry-after-503', body('FK000005'));
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('requires the header on actions and checks its form', async () => {
    const missing = await post(undefined, body('FK000001'));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().type).toBe('https://parcelgate.dev/problems/idempotency-key-missing');
    expect(missing.json().errors).toEqual([
      { pointer: '/headers/idempotency-key', detail: 'is required' },
    ]);
    const tooLong = await post('x'.repeat(300), body('FK000001'));
    expect(tooLong.statusCode).toBe(400);
  });

  it('ties the intercept to its key in the statement that stores it, before the carrier is asked', async () => {
    script.parcels.set('FK000006', 'in_transit');
    let tiedWhenAsked: unknown;
    script.intercept = async () => {
      tiedWhenAsked = await actionOfKey('tied-1');
      return { outcome: 'accepted' };
    };
    const response = await post('tied-1', body('FK000006'));
    expect(response.statusCode).toBe(201);
    expect(tiedWhenAsked).toBe(response.json().id);
  });

  it('lets a claim whose holder died be taken over, handing back what it created', async () => {
    const tenant = await ensureTenant(gateway.app.database, 'acme');
    const scope = {
      tenantId: tenant.id,
      key: 'crashed',
      requestHash: 'h',
      method: 'POST',
      path: '/v1/intercepts',
    };
    expect(
      await claimIdempotencyKey(gateway.app.database, { ...scope, leaseMs: 1, ttlHours: 24 }),
    ).toEqual({
      kind: 'process',
      actionId: undefined,
    });
    await gateway.app.database.query(
      "UPDATE idempotency_keys SET action_id = 'icp_X' WHERE tenant_id = $1 AND idempotency_key = 'crashed'",
      [tenant.id],
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(
      await claimIdempotencyKey(gateway.app.database, { ...scope, leaseMs: 60_000, ttlHours: 24 }),
    ).toEqual({
      kind: 'process',
      actionId: 'icp_X',
    });
    expect(
      await claimIdempotencyKey(gateway.app.database, { ...scope, leaseMs: 60_000, ttlHours: 24 }),
    ).toEqual({
      kind: 'in-progress',
    });
  });
});
