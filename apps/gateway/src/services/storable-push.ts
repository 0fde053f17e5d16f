import type { CarrierCallbackResult } from '@parcelgate/carrier-kit';
import type { FastifyBaseLogger } from 'fastify';
import { isDateTimeInRange } from '../schemas/date-time-format.ts';
import { toStorable } from '../store/storable-text.ts';

/**
 * A verified push as the database can hold it. A push is the carrier's, so it is not
 * refused for what it holds (the carrier would push it again and again): text PostgreSQL
 * cannot store (NUL, lone surrogates) is replaced by U+FFFD, and an event whose time it
 * cannot store (the year 0000, an offset past ±14:00) is dropped and logged, the rest of
 * the push kept. Adapters already refuse days that do not exist.
 */
export function storablePush(
  verified: CarrierCallbackResult,
  carrierId: string,
  log: FastifyBaseLogger,
): CarrierCallbackResult {
  const events = toStorable(verified.events).filter((pushed) => {
    if (isDateTimeInRange(pushed.event.occurredAt)) {
      return true;
    }
    log.warn(
      {
        carrier: carrierId,
        trackingNumber: pushed.trackingNumber,
        occurredAt: pushed.event.occurredAt,
      },
      'pushed event dropped: its time cannot be stored',
    );
    return false;
  });
  return { ...verified, events, outcomes: toStorable(verified.outcomes) };
}
