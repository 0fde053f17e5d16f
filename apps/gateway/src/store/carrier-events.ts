import { createHash } from 'node:crypto';
import type { CallbackTrackingEvent } from '@parcelgate/carrier-kit';
import type { Queryable } from './database.ts';

/**
 * What identifies one pushed event: the parcel's carrier and number plus what the carrier
 * said and when. A carrier that pushes the same event again (it does when unsure we got
 * it) produces the same fingerprint, so the event is stored once.
 */
function eventFingerprint(pushed: CallbackTrackingEvent): string {
  const { event } = pushed;
  return createHash('sha256')
    .update(
      JSON.stringify([
        event.occurredAt,
        event.raw.code,
        event.raw.description ?? null,
        event.status,
        event.description,
        event.location?.city ?? null,
      ]),
    )
    .digest('base64url');
}

/**
 * Stores pushed tracking events of one carrier, each once whatever how often it is pushed.
 * Returns how many were new.
 */
export async function storeCarrierEvents(
  db: Queryable,
  carrier: string,
  events: readonly CallbackTrackingEvent[],
): Promise<number> {
  let stored = 0;
  for (const pushed of events) {
    const rows = await db.query(
      `INSERT INTO carrier_events (carrier, tracking_number, fingerprint, occurred_at, status, event)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (carrier, tracking_number, fingerprint) DO NOTHING
       RETURNING id`,
      [
        carrier,
        pushed.trackingNumber,
        eventFingerprint(pushed),
        pushed.event.occurredAt,
        pushed.event.status,
        JSON.stringify(pushed.event),
      ],
    );
    stored += rows.length;
  }
  return stored;
}
