/**
 * What every request reads about its tenant, from memory (PGlite, or PostgreSQL with
 * `DATABASE_URL`): a key's tenant and a default connection are read once, and read again
 * once the database announces a change to that tenant; unknown keys are never kept.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeRecorder, isPayload } from '../../test/support/notice-recorder.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { followChanges } from './change-notices.ts';
import { insertConnection } from './connections.ts';
import type { Listening, Queryable } from './database.ts';
import { migrate } from './migrate.ts';
import { createTenantReads, type TenantReads } from './tenant-reads.ts';
import { createApiKey, ensureTenant, revokeApiKey, setTenantPolicy } from './tenants.ts';

let store: TestDatabase;
let listening: Listening;
let reads: TenantReads;
let statements = 0;
const recorder = new ChangeRecorder();
const run = randomBytes(4).toString('hex');

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  const counted: Queryable = {
    query(text, params) {
      statements += 1;
      return store.database.query(text, params);
    },
  };
  reads = createTenantReads(counted, { ttlMs: 60_000 });
  // The recorder comes after `reads`: once it has heard a change, so has `reads`.
  listening = await followChanges(store.database, [reads, recorder]);
}, 120_000);

afterAll(async () => {
  await listening?.close();
  await store?.drop();
});

/** Statements `work` ran through the cached reads. */
async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const before = statements;
  await work();
  return statements - before;
}

describe('tenant reads', () => {
  it("reads a key's tenant once, and again once its tenant's change is announced", async () => {
    const tenant = await ensureTenant(store.database, `reads-${run}`);
    const other = await ensureTenant(store.database, `reads-other-${run}`);
    const { id, key } = await createApiKey(store.database, { tenantId: tenant.id });

    expect(await reads.tenantOfKey(key)).toMatchObject({ id: tenant.id, keyId: id, policy: {} });
    expect(await statementsOf(() => reads.tenantOfKey(key))).toBe(0);

    // Another tenant's change leaves this one's key in memory.
    await setTenantPolicy(store.database, other.id, { intercept: { exchangeRates: {} } });
    await recorder.waitForPayload(isPayload(['tenant', other.id]));
    expect(await statementsOf(() => reads.tenantOfKey(key))).toBe(0);

    const policy = { intercept: { exchangeRates: { 'USD/CNY': '7.10' } } };
    await setTenantPolicy(store.database, tenant.id, policy);
    await recorder.waitForPayload(isPayload(['tenant', tenant.id]));
    expect(await reads.tenantOfKey(key)).toMatchObject({ id: tenant.id, policy });

    const from = recorder.payloads.length;
    await revokeApiKey(store.database, id);
    await recorder.waitForPayload(isPayload(['tenant', tenant.id]), from);
    expect(await reads.tenantOfKey(key)).toBeUndefined();
  });

  it('reads an unknown key every time', async () => {
    const unknown = `pk_${randomBytes(16).toString('hex')}`;
    expect(await statementsOf(() => reads.tenantOfKey(unknown))).toBe(1);
    expect(await statementsOf(() => reads.tenantOfKey(unknown))).toBe(1);
  });

  it('keeps "no default connection" until a connection is announced', async () => {
    const tenant = await ensureTenant(store.database, `connections-${run}`);
    expect(await reads.defaultConnection(tenant.id, 'sandbox')).toBeUndefined();
    expect(await statementsOf(() => reads.defaultConnection(tenant.id, 'sandbox'))).toBe(0);

    const from = recorder.payloads.length;
    const id = `con_${randomBytes(6).toString('hex')}`;
    await insertConnection(store.database, {
      id,
      tenantId: tenant.id,
      carrier: 'sandbox',
      label: 'own',
      mode: 'test',
      sealedCredentials: 'sealed',
      credentialHints: {},
      makeDefault: true,
    });
    await recorder.waitForPayload(isPayload(['tenant', tenant.id]), from);
    expect(await reads.defaultConnection(tenant.id, 'sandbox')).toMatchObject({
      id,
      isDefault: true,
    });
    expect(await statementsOf(() => reads.defaultConnection(tenant.id, 'sandbox'))).toBe(0);
  });
});
