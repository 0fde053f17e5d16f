import type { TrackingEvent } from '@parcelgate/carrier-kit';
import { localDateTimeToIso } from '@parcelgate/carrier-kit/wire';
import { describeSfRoute } from './map-sf-status.ts';
import type { SfRoute } from './sf-wire.ts';

/** SF writes `acceptTime` in China time without an offset (`2026-11-26 09:10:00`). */
const CHINA_OFFSET = '+08:00';

/** A remark saying the sender signed for a returned parcel (退回件 ... 签收). */
const RETURN_SIGNED = /退回/;

/**
 * Turns SF routes into tracking events, oldest first. One reading depends on context:
 * SF signs a returned parcel with the same opCode as a delivery (80 已签收), so an 80
 * after a return scan (631) in the same list, or whose remark says 退回, is `returned`,
 * not `delivered`. Throws a RangeError for an unreadable `acceptTime`, which callers
 * classify.
 */
export function toSfTrackingEvents(routes: readonly SfRoute[]): TrackingEvent[] {
  let returning = false;
  // acceptTime sorts as text; the sort is stable, so same-second routes keep SF's order.
  const ordered = [...routes].sort((left, right) =>
    left.acceptTime < right.acceptTime ? -1 : left.acceptTime > right.acceptTime ? 1 : 0,
  );
  return ordered.map((route) => {
    const entry = describeSfRoute(route.opCode, route.secondaryStatusCode);
    let status = entry.status;
    if (status === 'return_in_transit') {
      returning = true;
    } else if (
      status === 'delivered' &&
      (returning || (route.remark !== undefined && RETURN_SIGNED.test(route.remark)))
    ) {
      status = 'returned';
    }
    const description = route.remark ?? entry.meaning;
    return {
      occurredAt: localDateTimeToIso(route.acceptTime, CHINA_OFFSET),
      status,
      ...(status === 'exception' && entry.subStatus !== undefined
        ? { subStatus: entry.subStatus }
        : {}),
      ...(status === 'exception' && entry.incident !== undefined
        ? { incident: entry.incident }
        : {}),
      description,
      ...(route.acceptAddress === undefined
        ? {}
        : { location: { description: route.acceptAddress, country: 'CN' } }),
      raw: {
        code: route.opCode,
        ...(route.remark === undefined ? {} : { description: route.remark }),
      },
    };
  });
}
