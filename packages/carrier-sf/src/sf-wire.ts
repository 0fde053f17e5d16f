/**
 * The shapes SF's gateway answers with, parsed tolerantly: only the fields the adapter
 * reads, extra fields ignored, a missing required one thrown as a TypeError for
 * `parseJsonResponse` (or the caller) to classify.
 */

/** The outer answer of `/std/service` (丰桥 "公共响应参数"). */
export interface SfEnvelope {
  /** `A1000` when the gateway accepted the call; `A1xxx` otherwise. */
  readonly apiResultCode: string;
  readonly apiErrorMsg: string | undefined;
  readonly apiResponseID: string | undefined;
  /** The service's answer, a JSON document inside a string (double-encoded). */
  readonly apiResultData: string | undefined;
}

/** The service's answer inside `apiResultData`. */
export interface SfResultData {
  readonly success: boolean;
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  readonly msgData: unknown;
}

/** One route of `EXP_RECE_SEARCH_ROUTES` or of a route push. */
export interface SfRoute {
  readonly acceptTime: string;
  readonly acceptAddress: string | undefined;
  readonly remark: string | undefined;
  readonly opCode: string;
  readonly secondaryStatusCode: string | undefined;
  readonly secondaryStatusName: string | undefined;
}

/** One waybill of a route query answer. */
export interface SfRouteResp {
  readonly mailNo: string;
  readonly routes: readonly SfRoute[];
}

/** What a successful `EXP_RECE_WANTED_INTERCEPT` may carry (often `msgData: null`). */
export interface SfInterceptAnswer {
  /** SF's command id for the instruction, needed to cancel it. */
  readonly cusId: string | undefined;
  /** A fee SF quotes for the instruction, in CNY. */
  readonly amount: string | undefined;
}

/** Parses the outer envelope. */
export function parseSfEnvelope(body: unknown): SfEnvelope {
  const record = asRecord(body, 'answer');
  const apiResultCode = record.apiResultCode;
  if (typeof apiResultCode !== 'string' || apiResultCode === '') {
    throw new TypeError('sf answer has no apiResultCode');
  }
  return {
    apiResultCode,
    apiErrorMsg: optionalText(record.apiErrorMsg),
    apiResponseID: optionalText(record.apiResponseID),
    apiResultData: optionalText(record.apiResultData),
  };
}

/** Parses the JSON text of `apiResultData`; throws on malformed JSON or a missing `success`. */
export function parseSfResultData(text: string): SfResultData {
  const record = asRecord(JSON.parse(text), 'apiResultData');
  const success = record.success;
  if (typeof success !== 'boolean') {
    throw new TypeError('sf apiResultData has no boolean success');
  }
  return {
    success,
    errorCode: optionalText(record.errorCode),
    errorMsg: optionalText(record.errorMsg),
    msgData: record.msgData,
  };
}

/** Parses `msgData` of a route query: `{ routeResps: [{ mailNo, routes: [...] }] }`. */
export function parseSfRouteResps(msgData: unknown): SfRouteResp[] {
  const record = asRecord(msgData, 'msgData');
  const resps = record.routeResps;
  if (!Array.isArray(resps)) {
    throw new TypeError('sf route answer has no routeResps list');
  }
  return resps.map((resp: unknown) => {
    const item = asRecord(resp, 'routeResps[]');
    const mailNo = optionalText(item.mailNo);
    if (mailNo === undefined) {
      throw new TypeError('sf routeResps[] has no mailNo');
    }
    const routes = item.routes ?? [];
    if (!Array.isArray(routes)) {
      throw new TypeError('sf routeResps[].routes is not a list');
    }
    return { mailNo, routes: routes.map(parseSfRoute) };
  });
}

/**
 * Parses one route. Accepts SF's numbers sent as numbers (some clients' samples show
 * `opCode: 50`), and the push's lower-case `mailno` is read by the callback parser.
 */
export function parseSfRoute(value: unknown): SfRoute {
  const route = asRecord(value, 'route');
  const acceptTime = optionalText(route.acceptTime);
  const opCode = optionalText(route.opCode);
  if (acceptTime === undefined || opCode === undefined) {
    throw new TypeError('sf route lacks acceptTime or opCode');
  }
  return {
    acceptTime,
    opCode,
    acceptAddress: optionalText(route.acceptAddress),
    remark: optionalText(route.remark),
    secondaryStatusCode: optionalText(route.secondaryStatusCode),
    secondaryStatusName: optionalText(route.secondaryStatusName),
  };
}

/** Parses the optional `msgData` of a successful wanted intercept. */
export function parseSfInterceptAnswer(msgData: unknown): SfInterceptAnswer {
  if (msgData === null || msgData === undefined) {
    return { cusId: undefined, amount: undefined };
  }
  const record = asRecord(msgData, 'msgData');
  return { cusId: optionalText(record.cusId), amount: optionalText(record.amount) };
}

/** Narrows to a JSON object, or throws naming what was expected. */
export function asRecord(value: unknown, what: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`sf ${what} is not a JSON object`);
  }
  return value as Readonly<Record<string, unknown>>;
}

/** A non-empty string (numbers become their decimal text); undefined otherwise. */
export function optionalText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return typeof value === 'string' && value !== '' ? value : undefined;
}
