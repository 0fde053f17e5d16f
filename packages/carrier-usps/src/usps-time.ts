import { isIsoDateTimeWithOffset, toIsoDateTime } from '@parcelgate/carrier-kit/wire';

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?$/;

/**
 * A USPS `eventTimestamp` as ISO 8601 with an offset. USPS writes the scan's local time;
 * with an offset it is kept, without one the event's `GMTOffset` (`-05:00`) is applied
 * when USPS sends it, and UTC otherwise (USPS names no zone then). Undefined for
 * anything unreadable.
 */
export function uspsTimeToIso(
  timestamp: string | undefined,
  gmtOffset: string | undefined,
): string | undefined {
  if (timestamp === undefined) {
    return undefined;
  }
  if (isIsoDateTimeWithOffset(timestamp)) {
    return timestamp;
  }
  const match = LOCAL_DATE_TIME.exec(timestamp);
  if (match === null) {
    return undefined;
  }
  try {
    return toIsoDateTime({ date: match[1] ?? '', time: match[2], offset: gmtOffset ?? 'Z' });
  } catch {
    return undefined;
  }
}

/** An expected delivery: a date-time with offset as is, a `YYYY-MM-DD` day as that day. */
export function uspsExpectedDelivery(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (isIsoDateTimeWithOffset(value)) {
    return value;
  }
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  return day;
}
