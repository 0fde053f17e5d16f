import type { ChangeSubscriber } from '../store/change-notices.ts';
import type { Queryable } from '../store/database.ts';
import { hasActiveIntercept } from '../store/intercepts.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether a tenant's intercept of a parcel is under way, as tracking answers tell it. */
    readonly activeIntercepts: ActiveIntercepts;
  }
}

/**
 * Whether a tenant has an intercept of a parcel under way: the one fact of our own that a
 * tracking answer's `interception` needs besides the carrier's. Kept in memory, so that a
 * tracking read costs no database round trip: the database announces every change to a
 * parcel's intercepts (change-notices.ts) and the entry goes as it commits; this replica
 * also forgets it as soon as it stores or cancels an action on the parcel. Nothing is
 * served from memory while the announcements cannot be heard.
 */
export interface ActiveIntercepts extends ChangeSubscriber {
  has(tenantId: string, carrier: string, trackingNumber: string): Promise<boolean>;
  /** Forgets what is known of a parcel, for every tenant: an action on it was just stored. */
  forget(carrier: string, trackingNumber: string): void;
}

/** Entries kept at most; the parcels stored longest ago go first. */
const MAX_ENTRIES = 20_000;

/** Options of {@link createActiveIntercepts}. */
export interface ActiveInterceptsOptions {
  /** How long an unchanged answer is kept (`PARCELGATE_RECORD_CACHE_TTL_MS`); 0 reads every time. */
  readonly ttlMs: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** Answers from `database`, kept while changes are heard (`setLive(true)`). */
export function createActiveIntercepts(
  database: Queryable,
  options: ActiveInterceptsOptions,
): ActiveIntercepts {
  const now = options.now ?? Date.now;
  /** By parcel (carrier and number), then by tenant. */
  const parcels = new Map<string, Map<string, { active: boolean; expiresAt: number }>>();
  let entries = 0;
  let live = false;
  /** Bumped by every change heard: a read that started before it stores nothing. */
  let generation = 0;
  const parcelKey = (carrier: string, trackingNumber: string) =>
    `${carrier}\u0000${trackingNumber}`;

  const forgetParcel = (key: string) => {
    const tenants = parcels.get(key);
    if (tenants !== undefined) {
      entries -= tenants.size;
      parcels.delete(key);
    }
  };
  const forget = (carrier: string, trackingNumber: string) => {
    generation += 1;
    forgetParcel(parcelKey(carrier, trackingNumber));
  };
  const store = (key: string, tenantId: string, active: boolean) => {
    const tenants = parcels.get(key) ?? new Map();
    if (!tenants.has(tenantId)) {
      entries += 1;
    }
    // Re-inserted last, so the Map's first parcel is the one stored longest ago.
    parcels.delete(key);
    parcels.set(key, tenants);
    tenants.set(tenantId, { active, expiresAt: now() + options.ttlMs });
    while (entries > MAX_ENTRIES) {
      const oldest = parcels.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      forgetParcel(oldest);
    }
  };

  return {
    async has(tenantId, carrier, trackingNumber) {
      const key = parcelKey(carrier, trackingNumber);
      const known = parcels.get(key)?.get(tenantId);
      if (known !== undefined && known.expiresAt > now()) {
        return known.active;
      }
      const startedIn = generation;
      const active = await hasActiveIntercept(database, tenantId, carrier, trackingNumber);
      if (live && options.ttlMs > 0 && startedIn === generation) {
        store(key, tenantId, active);
      }
      return active;
    },
    forget,
    changed(notice) {
      if (notice.kind === 'parcel') {
        forget(notice.carrier, notice.trackingNumber);
      }
    },
    setLive(isLive) {
      generation += 1;
      live = isLive;
      if (!isLive) {
        parcels.clear();
        entries = 0;
      }
    },
  };
}
