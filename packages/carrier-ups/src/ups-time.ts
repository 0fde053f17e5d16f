import { toIsoDateTime } from '@parcelgate/carrier-kit/wire';

/** The date and time fields UPS sends with a scan, in either API's spelling. */
export interface UpsTimeParts {
  /** Local date `YYYYMMDD`. */
  readonly date?: string | undefined;
  /** Local time `HHMMSS`. */
  readonly time?: string | undefined;
  readonly gmtDate?: string | undefined;
  readonly gmtTime?: string | undefined;
  /** `-05:00` in the Track API, `-04.00` in Track Alert. */
  readonly gmtOffset?: string | undefined;
}

const OFFSET = /^([+-])(\d{2})[:.]?(\d{2})$/;
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * The instant of a UPS scan as ISO 8601 with the scan's own offset. In order: the local
 * date and time with `gmtOffset` (either spelling); the local date and time with the
 * offset worked out from the GMT date and time (Track Alert's examples send no offset);
 * the GMT date and time as `Z`. Undefined when UPS sent none of these. Times shorter than
 * six digits are left-padded: Tracking.yaml's own example `gmtTime` is `74700`.
 */
export function upsEventTime(parts: UpsTimeParts): string | undefined {
  const time = padTime(parts.time);
  const gmtTime = padTime(parts.gmtTime);
  const offset = normalizeOffset(parts.gmtOffset);
  if (parts.date !== undefined && offset !== undefined) {
    return toIsoDateTime({ date: parts.date, time, offset });
  }
  if (parts.gmtDate === undefined || gmtTime === undefined) {
    return undefined;
  }
  const gmt = toIsoDateTime({ date: parts.gmtDate, time: gmtTime, offset: 'Z' });
  if (parts.date === undefined || time === undefined) {
    return gmt;
  }
  const localAsUtc = Date.parse(toIsoDateTime({ date: parts.date, time, offset: 'Z' }));
  const offsetMs = Math.round((localAsUtc - Date.parse(gmt)) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  return toIsoDateTime({ date: parts.date, time, offset: formatOffset(offsetMs) });
}

/** `20261126` as `2026-11-26`, for days UPS gives without a time. */
export function upsDateToIso(date: string): string {
  return toIsoDateTime({ date, offset: 'Z' }).slice(0, 10);
}

function padTime(time: string | undefined): string | undefined {
  if (time === undefined) {
    return undefined;
  }
  return time.length === 5 || time.length === 3 ? `0${time}` : time;
}

function normalizeOffset(offset: string | undefined): string | undefined {
  const match = offset === undefined ? null : OFFSET.exec(offset.trim());
  return match === null ? undefined : `${match[1]}${match[2]}:${match[3]}`;
}

function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / 60_000;
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(minutes % 60).padStart(2, '0')}`;
}
