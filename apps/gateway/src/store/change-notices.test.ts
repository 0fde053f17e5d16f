/**
 * The change notices: their payloads parsed, and (on PGlite, or PostgreSQL with
 * `DATABASE_URL`) each trigger of migration 0009 announcing the right payload at commit,
 * and nothing for a transaction rolled back.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPayload, NoticeRecorder } from '../../test/support/notice-recorder.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { CHANGES_CHANNEL, followChanges, parseChangeNotice } from './change-notices.ts';
import { deleteConnection, insertConnection, updateConnection } from './connections.ts';
import type { Listening } from './database.ts';
import { migrate } from './migrate.ts';
import { createApiKey, ensureTenant, revokeApiKey, setTenantPolicy } from './tenants.ts';

describe('parseChangeNotice', () => {
  it('reads a tenant change and a parcel change', () => {
    expect(parseChangeNotice('["tenant","tnt_1"]')).toEqual({ kind: 'tenant', tenantId: 'tnt_1' });
    expect(parseChangeNotice('["parcel","sandbox","SB123"]')).toEqual({
      kind: 'parcel',
      carrier: 'sandbox',
      trackingNumber: 'SB123',
    });
  });

  it.each([
    ['not JSON', 'tenant tnt_1'],
    ['empty', ''],
    ['an object', '{"kind":"tenant","tenantId":"tnt_1"}'],
    ['a tenant without id', '["tenant"]'],
    ['a parcel without number', '["parcel","sandbox"]'],
    ['an unknown kind', '["order","o_1"]'],
    ['a null key (a row without it)', '["tenant",null]'],
    ['a number', '["tenant",1]'],
    ['a string', '"tenant"'],
  ])('refuses %s', (_what, payload) => {
    expect(parseChangeNotice(payload)).toBeUndefined();
  });

  it('followChanges makes an unreadable notice forget everything (not live, then live)', async () => {
    const calls: string[] = [];
    let deliver: (payload: string) => void = () => {};
    await followChanges(
      {
        async listen(_channel, listener) {
          deliver = listener.notice;
          return { close: async () => {} };
        },
      },
      [
        {
          changed: (notice) => calls.push(`changed ${JSON.stringify(notice)}`),
          setLive: (live) => calls.push(`live ${live}`),
        },
      ],
    );
    deliver('garbage');
    deliver('["tenant","t"]');
    expect(calls).toEqual([
      'live false',
      'live true',
      `changed ${JSON.stringify({ kind: 'tenant', tenantId: 't' })}`,
    ]);
  });
});

describe('the triggers announce each change at commit', () => {
  let store: TestDatabase;
  let listening: Listening;
  const recorder = new NoticeRecorder();
  /** Unique per run: a PostgreSQL channel is shared by every schema of the database. */
  const run = randomBytes(4).toString('hex');

  beforeAll(async () => {
    store = await openTestDatabase();
    await migrate(store.database);
    listening = await store.database.listen(CHANGES_CHANNEL, recorder);
  }, 120_000);

  afterAll(async () => {
    await listening?.close();
    await store?.drop();
  });

  /** Runs `change` and resolves once `expected` is heard (after what was heard before). */
  async function announces(change: () => Promise<unknown>, expected: readonly string[]) {
    const from = recorder.payloads.length;
    await change();
    return recorder.waitForPayload(isPayload(expected), from);
  }

  it('listening says every notice is heard', () => {
    expect(recorder.heardCalls).toEqual([true]);
  });

  it('revoking an API key announces its tenant', async () => {
    const tenant = await ensureTenant(store.database, `keys-${run}`);
    // Creating a key announces nothing (no cache holds a key not yet used).
    const key = await createApiKey(store.database, { tenantId: tenant.id });
    await announces(() => revokeApiKey(store.database, key.id), ['tenant', tenant.id]);
  });

  it("changing a tenant's policy announces it", async () => {
    const tenant = await ensureTenant(store.database, `policy-${run}`);
    await announces(
      () => setTenantPolicy(store.database, tenant.id, { intercept: { exchangeRates: {} } }),
      ['tenant', tenant.id],
    );
  });

  it('inserting, updating and deleting a carrier connection announce its tenant', async () => {
    const tenant = await ensureTenant(store.database, `connections-${run}`);
    const id = `con_${randomBytes(6).toString('hex')}`;
    const expected = ['tenant', tenant.id];
    await announces(
      () =>
        insertConnection(store.database, {
          id,
          tenantId: tenant.id,
          carrier: 'sandbox',
          label: 'own',
          mode: 'test',
          sealedCredentials: 'sealed',
          credentialHints: {},
          makeDefault: true,
        }),
      expected,
    );
    await announces(
      () => updateConnection(store.database, tenant.id, id, { label: 'renamed' }),
      expected,
    );
    await announces(async () => {
      expect(await deleteConnection(store.database, tenant.id, id)).toBe('deleted');
    }, expected);
  });

  it('inserting an intercept and changing its status announce its parcel', async () => {
    const tenant = await ensureTenant(store.database, `intercepts-${run}`);
    const trackingNumber = `CN${run}`;
    const id = `icp_${randomBytes(6).toString('hex')}`;
    const expected = ['parcel', 'sandbox', trackingNumber];
    await announces(
      () =>
        store.database.query(
          `INSERT INTO intercepts (id, tenant_id, carrier, tracking_number, reason, pickup_mode,
             status, likelihood, fee)
           VALUES ($1, $2, 'sandbox', $3, 'buyer_cancelled', 'platform_pickup', 'pending',
             'high', '{}'::jsonb)`,
          [id, tenant.id, trackingNumber],
        ),
      expected,
    );
    await announces(
      () => store.database.query("UPDATE intercepts SET status = 'accepted' WHERE id = $1", [id]),
      expected,
    );
    await announces(
      () =>
        store.database.query('UPDATE intercepts SET needs_attention = true WHERE id = $1', [id]),
      expected,
    );

    // Other columns (the parcel's status, a note) change no cached answer: no notice.
    const marker = await ensureTenant(store.database, `intercepts-marker-${run}`);
    const from = recorder.payloads.length;
    await store.database.query(
      "UPDATE intercepts SET note = 'seen', parcel_status = 'in_transit' WHERE id = $1",
      [id],
    );
    const markerAt = await announces(
      () => setTenantPolicy(store.database, marker.id, {}),
      ['tenant', marker.id],
    );
    expect(recorder.payloads.slice(from, markerAt).filter(isPayload(expected))).toEqual([]);
  });

  it('a rolled-back transaction announces nothing', async () => {
    const rolledBack = await ensureTenant(store.database, `rolled-back-${run}`);
    const marker = await ensureTenant(store.database, `marker-${run}`);
    const from = recorder.payloads.length;
    await expect(
      store.database.transaction(async (tx) => {
        await setTenantPolicy(tx, rolledBack.id, { intercept: { exchangeRates: {} } });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A notice that does come: had the rolled-back one been sent, it would be heard first.
    const markerAt = await announces(
      () => setTenantPolicy(store.database, marker.id, {}),
      ['tenant', marker.id],
    );
    const before = recorder.payloads.slice(from, markerAt);
    expect(before.filter(isPayload(['tenant', rolledBack.id]))).toEqual([]);
  });
});
