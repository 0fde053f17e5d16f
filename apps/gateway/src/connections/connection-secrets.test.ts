import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { ConfigError } from '../config/load-config.ts';
import { migrate } from '../store/migrate.ts';
import { ensureTenant } from '../store/tenants.ts';
import { openConnectionSecrets } from './connection-secrets.ts';
import { openCredentials, sealCredentials } from './sealed-credentials.ts';

let store: TestDatabase;
beforeEach(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
});
afterEach(() => store.drop());

const account = (target: RegisteredCarrier['settings']['target']) =>
  ({ definition: { id: 'ups' }, settings: { target } }) as RegisteredCarrier;

async function storeConnection(
  mode: 'test' | 'live',
  sealed: string,
  id: string,
  tenantId: string,
) {
  await store.database.query(
    `INSERT INTO carrier_connections (id, tenant_id, carrier, label, mode, sealed_credentials, credential_hints)
     VALUES ($1, $2, 'ups', 'x', $3, $4, '{}'::jsonb)`,
    [id, tenantId, mode, sealed],
  );
}

describe('openConnectionSecrets', () => {
  it('without a key: a development key, shared by every replica, test connections only', async () => {
    const first = await openConnectionSecrets(store.database, undefined, [account('simulator')]);
    const second = await openConnectionSecrets(store.database, undefined, [account('simulator')]);
    expect(first.keyConfigured).toBe(false);
    expect(second.box.keyId).toBe(first.box.keyId);
  });

  it('refuses to start a live deployment without PARCELGATE_SECRET_KEY', async () => {
    await expect(
      openConnectionSecrets(store.database, undefined, [account('production')]),
    ).rejects.toThrow(ConfigError);
    const tenant = await ensureTenant(store.database, 'acme');
    await storeConnection('live', 'v1.x.y.z.w', 'con_live', tenant.id);
    await expect(
      openConnectionSecrets(store.database, undefined, [account('simulator')]),
    ).rejects.toThrow(/live carrier connections are stored/);
    const configured = await openConnectionSecrets(store.database, randomBytes(32), [
      account('production'),
    ]);
    expect(configured.keyConfigured).toBe(true);
  });

  it('re-seals connections made with the development key once a key is configured', async () => {
    const tenant = await ensureTenant(store.database, 'acme');
    const development = await openConnectionSecrets(store.database, undefined, []);
    const owner = { id: 'con_dev', tenantId: tenant.id, carrier: 'ups' };
    await storeConnection(
      'test',
      sealCredentials(development.box, owner, { clientSecret: 'dev-made' }),
      owner.id,
      tenant.id,
    );
    const configured = await openConnectionSecrets(store.database, randomBytes(32), []);
    const [row] = await store.database.query<{ sealed: string }>(
      'SELECT sealed_credentials AS sealed FROM carrier_connections WHERE id = $1',
      [owner.id],
    );
    expect(row?.sealed.startsWith(`v1.${configured.box.keyId}.`)).toBe(true);
    expect(openCredentials(configured.box, owner, row?.sealed ?? '')).toEqual({
      clientSecret: 'dev-made',
    });
  });
});
