import type { Queryable } from './database.ts';
import { recordRegisteredParcelStatuses, type SeenParcelStatus } from './events.ts';

/** Options of {@link openParcelStatusLog}. */
export interface ParcelStatusLogOptions {
  /** How long a status seen may wait to be written with others. */
  readonly flushEveryMs: number;
  /** Parcels per statement at most. */
  readonly maxBatch: number;
  /** Parcels held at most while the database is slow or down; past it new ones are dropped. */
  readonly maxPending: number;
  /** Told when a batch could not be written. */
  readonly onFailed?: (parcels: number, error: unknown) => void;
}

/** The defaults: a quarter of a second, 500 parcels per statement, 20,000 held. */
export const PARCEL_STATUS_LOG_DEFAULTS: ParcelStatusLogOptions = {
  flushEveryMs: 250,
  maxBatch: 500,
  maxPending: 20_000,
};

/**
 * Statuses that tracking reads saw, written to the parcels tenants registered in batches,
 * off the request's path: a tracking read costs no database statement for it, and a burst
 * of reads of one parcel costs one row (the latest status wins). A batch lost in a crash
 * is no loss: the next read of the parcel sees the change again, since its stored status
 * did not move.
 */
export interface ParcelStatusLog {
  /** Notes a parcel's status as its carrier just answered it. */
  seen(parcel: SeenParcelStatus): void;
  /** Writes what is held now. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Where tracking reads note the statuses they saw (see {@link ParcelStatusLog}). */
    readonly parcelStatuses: ParcelStatusLog;
  }
}

/** Writes statuses seen to `db` (see {@link ParcelStatusLog}). */
export function openParcelStatusLog(
  db: Queryable,
  options: ParcelStatusLogOptions = PARCEL_STATUS_LOG_DEFAULTS,
): ParcelStatusLog {
  let pending = new Map<string, SeenParcelStatus>();
  let writing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    void flush();
  }, options.flushEveryMs);
  timer.unref();

  const flush = (): Promise<void> => {
    // One writer at a time: a parcel's statuses are written in the order they were seen.
    writing = writing.then(async () => {
      while (pending.size > 0) {
        const all = [...pending.values()];
        const batch = all.slice(0, options.maxBatch);
        pending = new Map(all.slice(batch.length).map((item) => [keyOf(item), item] as const));
        try {
          await recordRegisteredParcelStatuses(db, batch);
        } catch (error) {
          options.onFailed?.(batch.length, error);
        }
      }
    });
    return writing;
  };

  return {
    seen(parcel) {
      const key = keyOf(parcel);
      if (!pending.has(key) && pending.size >= options.maxPending) {
        return;
      }
      // Deleted first, so the latest status also takes the latest place in the batch order.
      pending.delete(key);
      pending.set(key, parcel);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

function keyOf(parcel: SeenParcelStatus): string {
  return `${parcel.carrier}\u0000${parcel.trackingNumber}`;
}
