import type { Database, Listening } from './database.ts';

/**
 * The channel on which the database announces, at commit, every change to rows the
 * gateway keeps in memory (migration 0009: triggers on api_keys, tenants,
 * carrier_connections and intercepts), whichever process made it.
 */
export const CHANGES_CHANNEL = 'parcelgate_changes';

/** One change, as announced. */
export type ChangeNotice =
  /** A tenant's API key, policy or carrier connection. */
  | { readonly kind: 'tenant'; readonly tenantId: string }
  /** An intercept of a parcel: created, moved, flagged or deleted. */
  | { readonly kind: 'parcel'; readonly carrier: string; readonly trackingNumber: string };

/** A cache of database rows, kept right by the change notices. */
export interface ChangeSubscriber {
  /** Forgets what the change touched. */
  changed(notice: ChangeNotice): void;
  /**
   * Whether it may serve from memory: only while every notice is heard. False also
   * forgets everything held (notices may have been missed).
   */
  setLive(live: boolean): void;
}

/** A notice's payload (`["tenant", id]`, `["parcel", carrier, number]`), or undefined. */
export function parseChangeNotice(payload: string): ChangeNotice | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    return undefined;
  }
  const [kind, first, second] = parsed as string[];
  if (kind === 'tenant' && first !== undefined) {
    return { kind, tenantId: first };
  }
  if (kind === 'parcel' && first !== undefined && second !== undefined) {
    return { kind, carrier: first, trackingNumber: second };
  }
  return undefined;
}

/**
 * Listens to {@link CHANGES_CHANNEL} and passes every change to `subscribers`; a lost
 * connection stops them serving from memory until the channel is heard again. A notice
 * that cannot be read forgets everything: better a few reads than a stale answer.
 */
export function followChanges(
  database: Pick<Database, 'listen'>,
  subscribers: readonly ChangeSubscriber[],
): Promise<Listening> {
  return database.listen(CHANGES_CHANNEL, {
    notice(payload) {
      const notice = parseChangeNotice(payload);
      for (const subscriber of subscribers) {
        if (notice === undefined) {
          subscriber.setLive(false);
          subscriber.setLive(true);
        } else {
          subscriber.changed(notice);
        }
      }
    },
    heard(listening) {
      for (const subscriber of subscribers) {
        subscriber.setLive(listening);
      }
    },
  });
}
