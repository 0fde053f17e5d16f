import { hashApiKey } from '../auth/api-key.ts';
import type { ChangeSubscriber } from './change-notices.ts';
import { type ConnectionRecord, findDefaultConnection } from './connections.ts';
import type { Queryable } from './database.ts';
import { TenantScopedCache } from './tenant-scoped-cache.ts';
import { type AuthenticatedTenant, findTenantByKeyHash } from './tenants.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** What every request reads about its tenant, kept in memory while changes are heard. */
    readonly tenantReads: TenantReads;
  }
}

/** Entries kept per cache: far more tenants' keys and connections than a replica serves. */
const MAX_ENTRIES = 50_000;

/**
 * The rows every request reads about its tenant (its API key with the tenant and its
 * policy; its default connection at a carrier), served from memory: a tracking read then
 * costs no database round trip for them. The database announces every change to them
 * (change-notices.ts) and each replica drops that tenant's entries as the change commits;
 * while the announcements cannot be heard, nothing is served from memory.
 */
export interface TenantReads extends ChangeSubscriber {
  /** The tenant of a live (not revoked) key, or undefined. */
  tenantOfKey(key: string): Promise<AuthenticatedTenant | undefined>;
  /** The tenant's default connection for a carrier, if it has one. */
  defaultConnection(tenantId: string, carrier: string): Promise<ConnectionRecord | undefined>;
  /**
   * Forgets a tenant's entries at once, after this process changed its rows: the change
   * notice comes back on another connection, possibly after the next request.
   */
  forget(tenantId: string): void;
}

/** Options of {@link createTenantReads}. */
export interface TenantReadsOptions {
  /** How long an unchanged row is kept (`PARCELGATE_RECORD_CACHE_TTL_MS`); 0 reads every time. */
  readonly ttlMs: number;
}

/**
 * The cached reads of `database`. They serve from memory only once told the changes are
 * heard (`setLive(true)`, by `followChanges`); until then every call reads.
 */
export function createTenantReads(database: Queryable, options: TenantReadsOptions): TenantReads {
  const keys = new TenantScopedCache<AuthenticatedTenant | undefined>({
    ttlMs: options.ttlMs,
    maxEntries: MAX_ENTRIES,
  });
  const connections = new TenantScopedCache<{
    readonly tenantId: string;
    readonly connection: ConnectionRecord | undefined;
  }>({ ttlMs: options.ttlMs, maxEntries: MAX_ENTRIES });
  return {
    tenantOfKey(key) {
      const hash = hashApiKey(key);
      return keys.load(
        hash,
        () => findTenantByKeyHash(database, hash),
        // An unknown or revoked key is read every time: it is cached only once it opens a tenant.
        (tenant) => tenant?.id,
      );
    },
    async defaultConnection(tenantId, carrier) {
      const found = await connections.load(
        `${tenantId}\u0000${carrier}`,
        async () => ({
          tenantId,
          connection: await findDefaultConnection(database, tenantId, carrier),
        }),
        (entry) => entry.tenantId,
      );
      return found.connection;
    },
    changed(notice) {
      keys.changed(notice);
      connections.changed(notice);
    },
    forget(tenantId) {
      keys.dropTenant(tenantId);
      connections.dropTenant(tenantId);
    },
    setLive(live) {
      keys.setLive(live);
      connections.setLive(live);
    },
  };
}
