/**
 * Readers for Kuaidi100's JSON answers: only the fields the adapter uses, tolerant of
 * missing optional ones and of numbers sent as strings (Kuaidi100 mixes both: `state` is a
 * string in queries and documented as an integer elsewhere). A shape they cannot read
 * throws a TypeError, which `parseJsonResponse` classifies.
 */

/** A JSON object's fields. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Whether a value is a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string or number field as a trimmed string; undefined when absent or empty. */
export function readText(record: JsonRecord, field: string): string | undefined {
  const value = record[field];
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value === 'string' && value.trim() !== '') {
    return value.trim();
  }
  return undefined;
}

/** An error answer: `{result: false, returnCode, message}` (HTTP 200). */
export interface Kuaidi100ErrorAnswer {
  readonly returnCode: string;
  readonly message: string | undefined;
}

/**
 * The error inside a 200 answer, or undefined when the answer is not one. Queries answer
 * success without `result` (`status: "200"`); every API answers failure with
 * `result: false` and a `returnCode`.
 */
export function readKuaidi100Error(body: unknown): Kuaidi100ErrorAnswer | undefined {
  if (!isRecord(body)) {
    return undefined;
  }
  const returnCode = readText(body, 'returnCode');
  const failed = body.result === false || body.result === 'false';
  if (!failed && (returnCode === undefined || returnCode === '200')) {
    return undefined;
  }
  return { returnCode: returnCode ?? 'unknown', message: readText(body, 'message') };
}

/** One route entry of a query answer or a push's `lastResult`. */
export interface Kuaidi100RouteEntry {
  /** `YYYY-MM-DD HH:mm:ss`, China time. */
  readonly ftime: string;
  readonly context: string;
  /** The state name (`resultv2=1`), e.g. `在途`. */
  readonly statusName: string | undefined;
  /** The advanced state code (`resultv2=4`), e.g. `1002`. */
  readonly statusCode: string | undefined;
  /** Administrative area Kuaidi100 resolved (`resultv2`), e.g. `广东,深圳市`. */
  readonly areaName: string | undefined;
  readonly location: string | undefined;
}

/** The fields of a query result (`poll/query.do`, or a push's `lastResult`). */
export interface Kuaidi100QueryResult {
  readonly nu: string | undefined;
  readonly com: string | undefined;
  readonly state: string | undefined;
  /** Newest first, as Kuaidi100 sends them by default. */
  readonly data: readonly Kuaidi100RouteEntry[];
}

/** Reads a query result; throws a TypeError when `data` is missing or not a list. */
export function parseKuaidi100QueryResult(body: unknown): Kuaidi100QueryResult {
  if (!isRecord(body) || !Array.isArray(body.data)) {
    throw new TypeError('kuaidi100 query result has no data list');
  }
  return {
    nu: readText(body, 'nu'),
    com: readText(body, 'com'),
    state: readText(body, 'state'),
    data: body.data.map(parseRouteEntry),
  };
}

function parseRouteEntry(entry: unknown): Kuaidi100RouteEntry {
  if (!isRecord(entry)) {
    throw new TypeError('kuaidi100 route entry is not an object');
  }
  const ftime = readText(entry, 'ftime') ?? readText(entry, 'time');
  if (ftime === undefined) {
    throw new TypeError('kuaidi100 route entry has no time');
  }
  return {
    ftime,
    context: readText(entry, 'context') ?? '',
    statusName: readText(entry, 'status'),
    statusCode: readText(entry, 'statusCode'),
    areaName: readText(entry, 'areaName'),
    location: readText(entry, 'location'),
  };
}

/** What the label API says when it takes an intercept for processing. */
export interface Kuaidi100LabelAccepted {
  /** Kuaidi100's task id, when the answer carries one (`data.taskId`). */
  readonly taskId: string | undefined;
  readonly message: string | undefined;
}

/** Reads a successful label-API answer (`{result: true, returnCode: "200", data}`). */
export function parseKuaidi100LabelAccepted(body: unknown): Kuaidi100LabelAccepted {
  if (!isRecord(body)) {
    throw new TypeError('kuaidi100 label answer is not an object');
  }
  const data = isRecord(body.data) ? body.data : {};
  return { taskId: readText(data, 'taskId'), message: readText(body, 'message') };
}

/**
 * Reads a number-recognition answer (`autonumber/auto`): a list of candidates, best first,
 * each `{comCode, name, ...}` (java-demo AutoNumResp). Answers the company codes.
 */
export function parseKuaidi100Autonumber(body: unknown): string[] {
  if (!Array.isArray(body)) {
    throw new TypeError('kuaidi100 autonumber answer is not a list');
  }
  return body
    .filter(isRecord)
    .map((candidate) => readText(candidate, 'comCode'))
    .filter((code): code is string => code !== undefined);
}
