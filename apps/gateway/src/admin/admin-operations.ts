/**
 * What `parcelgate-admin` does, as one interface with two ways to reach it: directly on a
 * database the CLI opened itself, or through the running gateway's admin channel when the
 * gateway holds the embedded database's folder (see admin-socket.ts).
 */
import type { Database } from '../store/database.ts';
import { migrate } from '../store/migrate.ts';
import { createApiKey, ensureTenant, listApiKeys, revokeApiKey } from '../store/tenants.ts';

/** An API key as listed: never the key itself; times in ISO 8601. */
export interface AdminKey {
  readonly id: string;
  readonly tenantId: string;
  readonly prefix: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** A key just created: the only time it is seen in clear. */
export interface CreatedKey {
  readonly id: string;
  readonly key: string;
  readonly tenant: string;
}

/** The admin commands; every result is plain JSON, the same on both ways. */
export interface AdminOperations {
  /** Applies pending migrations; returns the versions applied (none: up to date). */
  migrate(): Promise<readonly string[]>;
  /** Creates a key for a tenant, creating the tenant when new. */
  createKey(tenant: string, label?: string): Promise<CreatedKey>;
  /** Revokes a live key; false when no live key has that id. */
  revokeKey(keyId: string): Promise<boolean>;
  /** Every key, or a tenant's, newest first. */
  listKeys(tenant?: string): Promise<readonly AdminKey[]>;
}

/** The admin commands run on `database` in this process. */
export function databaseAdmin(database: Database): AdminOperations {
  return {
    migrate: () => migrate(database),
    async createKey(tenantName, label) {
      const tenant = await ensureTenant(database, tenantName);
      const created = await createApiKey(database, {
        tenantId: tenant.id,
        ...(label === undefined ? {} : { label }),
      });
      return { id: created.id, key: created.key, tenant: tenant.name };
    },
    revokeKey: (keyId) => revokeApiKey(database, keyId),
    async listKeys(tenant) {
      return (await listApiKeys(database, tenant)).map((key) => ({
        ...key,
        createdAt: new Date(key.createdAt).toISOString(),
        revokedAt: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
      }));
    },
  };
}
