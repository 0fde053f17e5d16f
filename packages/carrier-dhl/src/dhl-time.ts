import { isIsoDateTimeWithOffset } from '@parcelgate/carrier-kit/wire';

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

/**
 * A DHL `timestamp` as ISO 8601 with an offset. The spec types it `date-time` (offset
 * included, e.g. `2018-08-03T00:00:00Z`), but several divisions send local time without
 * one (`2022-04-15T14:44:17`); DHL names no zone for those, so they are read as UTC,
 * the only reading that is the same for every caller. Undefined for anything else.
 */
export function dhlTimeToIso(timestamp: string | undefined): string | undefined {
  if (timestamp === undefined) {
    return undefined;
  }
  if (isIsoDateTimeWithOffset(timestamp)) {
    return timestamp;
  }
  if (LOCAL_DATE_TIME.test(timestamp)) {
    const withZone = `${timestamp}Z`;
    return isIsoDateTimeWithOffset(withZone) ? withZone : undefined;
  }
  return undefined;
}
