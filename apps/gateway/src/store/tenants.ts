import { apiKeyPrefix, generateApiKey, hashApiKey } from '../auth/api-key.ts';
import { newId } from '../ids.ts';
import type { Queryable } from './database.ts';

/** A tenant: one merchant or team, owner of its keys, intercepts and redirects. */
export interface Tenant {
  readonly id: string;
  readonly name: string;
  /** Overrides of the default policy, as stored. */
  readonly policy: unknown;
}

/** The tenant a valid API key belongs to. */
export interface AuthenticatedTenant extends Tenant {
  readonly keyId: string;
}

/** An API key as listed: never the key itself. */
export interface ApiKeySummary {
  readonly id: string;
  readonly tenantId: string;
  readonly prefix: string;
  readonly label: string | null;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

/** Creates a tenant, or returns the existing one with that name. */
export async function ensureTenant(db: Queryable, name: string): Promise<Tenant> {
  await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    newId('tnt'),
    name,
  ]);
  const [row] = await db.query<Tenant>('SELECT id, name, policy FROM tenants WHERE name = $1', [
    name,
  ]);
  if (row === undefined) {
    throw new Error(`tenant "${name}" vanished while being created`);
  }
  return row;
}

/** Stores a new key for a tenant and returns it in clear, the only time it is visible. */
export async function createApiKey(
  db: Queryable,
  options: { readonly tenantId: string; readonly label?: string; readonly key?: string },
): Promise<{ readonly id: string; readonly key: string; readonly prefix: string }> {
  const key = options.key ?? generateApiKey();
  const id = newId('key');
  const prefix = apiKeyPrefix(key);
  await db.query(
    'INSERT INTO api_keys (id, tenant_id, key_hash, prefix, label) VALUES ($1, $2, $3, $4, $5)',
    [id, options.tenantId, hashApiKey(key), prefix, options.label ?? null],
  );
  return { id, key, prefix };
}

/** The tenant of the live key whose hash ({@link hashApiKey}) this is, or undefined. */
export async function findTenantByKeyHash(
  db: Queryable,
  keyHash: string,
): Promise<AuthenticatedTenant | undefined> {
  const [row] = await db.query<AuthenticatedTenant>(
    `SELECT t.id, t.name, t.policy, k.id AS "keyId"
       FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
      WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
    [keyHash],
  );
  return row;
}

/** Revokes a key by id; false when no live key has that id. */
export async function revokeApiKey(db: Queryable, keyId: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [keyId],
  );
  return rows.length > 0;
}

/** Every key of a tenant (or of all tenants), newest first, without the keys themselves. */
export async function listApiKeys(db: Queryable, tenantName?: string): Promise<ApiKeySummary[]> {
  return db.query<ApiKeySummary>(
    `SELECT k.id, k.tenant_id AS "tenantId", k.prefix, k.label, k.created_at AS "createdAt",
            k.revoked_at AS "revokedAt"
       FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
      WHERE $1::text IS NULL OR t.name = $1
      ORDER BY k.created_at DESC`,
    [tenantName ?? null],
  );
}

/**
 * The tenant of the bootstrap key: it owns the deployment's shared carrier accounts
 * (configured from `CARRIER_<ID>_*`) and acts through them as through its own.
 */
export const BOOTSTRAP_TENANT = 'default';

/**
 * Makes PARCELGATE_BOOTSTRAP_API_KEY usable: when no key with its hash exists, creates it
 * for the tenant `default`. Returns whether it created the key. Replicas starting together
 * with the same key all call this at once: the insert yields to a key another one stored
 * meanwhile (`ON CONFLICT`), where a check then an insert made all but one fail their start.
 */
export async function ensureBootstrapKey(db: Queryable, key: string): Promise<boolean> {
  const keyHash = hashApiKey(key);
  const existing = await db.query('SELECT 1 FROM api_keys WHERE key_hash = $1', [keyHash]);
  if (existing.length > 0) {
    return false;
  }
  const tenant = await ensureTenant(db, BOOTSTRAP_TENANT);
  const inserted = await db.query(
    `INSERT INTO api_keys (id, tenant_id, key_hash, prefix, label)
     VALUES ($1, $2, $3, $4, 'bootstrap')
     ON CONFLICT (key_hash) DO NOTHING RETURNING id`,
    [newId('key'), tenant.id, keyHash, apiKeyPrefix(key)],
  );
  return inserted.length > 0;
}

/** Replaces a tenant's policy overrides. */
export async function setTenantPolicy(
  db: Queryable,
  tenantId: string,
  policy: unknown,
): Promise<void> {
  await db.query('UPDATE tenants SET policy = $2 WHERE id = $1', [
    tenantId,
    JSON.stringify(policy),
  ]);
}

/** A tenant by id, or undefined (background work acting for a tenant reads it fresh). */
export async function findTenant(db: Queryable, id: string): Promise<Tenant | undefined> {
  const [row] = await db.query<Tenant>('SELECT id, name, policy FROM tenants WHERE id = $1', [id]);
  return row;
}
