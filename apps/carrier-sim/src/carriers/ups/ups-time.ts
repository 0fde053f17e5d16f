const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A simulated instant as UPS sends it: local date and time (China), GMT ones, the offset. */
export interface UpsWireTime {
  readonly date: string;
  readonly time: string;
  readonly gmtDate: string;
  readonly gmtTime: string;
}

/** `YYYYMMDD` and `HHMMSS` of an ISO string. */
function split(iso: string): readonly [date: string, time: string] {
  return [iso.slice(0, 10).replaceAll('-', ''), iso.slice(11, 19).replaceAll(':', '')];
}

/** Local (China, the simulated places) and GMT parts of an instant. */
export function upsWireTime(epochMs: number): UpsWireTime {
  const [date, time] = split(new Date(epochMs + CHINA_OFFSET_MS).toISOString());
  const [gmtDate, gmtTime] = split(new Date(epochMs).toISOString());
  return { date, time, gmtDate, gmtTime };
}

/** The offset the Track API writes (`-05:00` style) and Track Alert (`-04.00` style). */
export const UPS_TRACK_OFFSET = '+08:00';
export const UPS_PUSH_OFFSET = '+08.00';
