/**
 * Idempotency-Key records expire (`PARCELGATE_IDEMPOTENCY_TTL_HOURS`, here 2 h): a key whose
 * record is older counts as new. Age is made by back-dating the record in SQL, not by waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway(
    [carrier],
    { PARCELGATE_IDEMPOTENCY_TTL_HOURS: '2' },
    { database: 'from-env' },
  );
  for (const trackingNumber of ['FK000001', 'FK000002', 'FK000003', 'FK000004']) {
    script.parcels.set(trackingNumber, 'in_transit');
  }
});
afterAll(() => gateway?.close());

function check(key: string, trackingNumber: string) {
  return gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts/eligibility',
    headers: { ...gateway.auth.acme, 'idempotency-key': key },
    payload: {
      carrier: 'fake',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    },
  });
}

/** Makes the key's record `minutes` old. */
async function age(key: string, minutes: number): Promise<void> {
  const rows = await gateway.app.database.query(
    `UPDATE idempotency_keys SET created_at = now() - make_interval(mins => $2::integer)
      WHERE idempotency_key = $1 RETURNING 1`,
    [key, minutes],
  );
  expect(rows).toHaveLength(1);
}

describe('Idempotency-Key expiry', () => {
  it('still replays a key younger than the TTL', async () => {
    const first = await check('young', 'FK000001');
    expect(first.statusCode).toBe(200);
    await age('young', 119);
    const calls = script.calls.track;
    const again = await check('young', 'FK000001');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(script.calls.track).toBe(calls);
    // And a young key with another body is still a reuse.
    expect((await check('young', 'FK000002')).statusCode).toBe(422);
  });

  it('treats a key older than the TTL as new: processed again, another body accepted', async () => {
    expect((await check('old', 'FK000003')).statusCode).toBe(200);
    await age('old', 121);
    const calls = script.calls.track;
    const again = await check('old', 'FK000003');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(script.calls.track).toBe(calls + 1);
    // The record was renewed: a repeat now replays it.
    expect((await check('old', 'FK000003')).headers['idempotent-replayed']).toBe('true');

    await age('old', 121);
    const other = await check('old', 'FK000004');
    expect(other.statusCode, other.body).toBe(200);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(script.requests.track.at(-1)?.trackingNumber).toBe('FK000004');
  });
});
