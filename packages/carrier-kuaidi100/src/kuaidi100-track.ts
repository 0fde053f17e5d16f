import {
  type CarrierContext,
  CarrierInvalidRequestError,
  deriveCurrentStatus,
  sortEventsChronologically,
  type TrackingEvent,
  type TrackingRequest,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import { localDateTimeToIso, parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyKuaidi100Answer, classifyKuaidi100Failure } from './classify-kuaidi100-failure.ts';
import { resolveKuaidi100Company } from './kuaidi100-autonumber.ts';
import { PHONE_REQUIRED_COMPANIES, underlyingCarrierOf } from './kuaidi100-companies.ts';
import {
  KUAIDI100_CARRIER_ID,
  KUAIDI100_ROUTES,
  postKuaidi100Form,
  readCredential,
} from './kuaidi100-request.ts';
import { signKuaidi100Query } from './kuaidi100-sign.ts';
import {
  type Kuaidi100QueryResult,
  type Kuaidi100RouteEntry,
  parseKuaidi100QueryResult,
  readKuaidi100Error,
} from './kuaidi100-wire.ts';
import {
  describeKuaidi100State,
  KUAIDI100_RESULTV2,
  kuaidi100StateCodeOfName,
  mapKuaidi100State,
  refineKuaidi100State,
} from './map-kuaidi100-state.ts';

/** Kuaidi100 writes every time in China time without an offset. */
const CHINA_OFFSET = '+08:00';

/**
 * Reads a parcel through Kuaidi100's real-time query: `POST poll/query.do` with form fields
 * `customer`, `param` (`{com, num, phone?, resultv2: "4"}`) and
 * `sign = UPPER(MD5(param + key + customer))` (kuaidi100-api/php-demo src/synquery.php).
 * `resultv2: "4"` ("物流轨迹增加物流高级状态名称、状态值", java-demo QueryTrackParam) puts the
 * advanced state on every route entry (`statusCode`, e.g. `102` 待揽收), so each event is
 * mapped on its own, and a parcel still waiting for its pickup reads `label_created`
 * rather than the main state 1 揽收's `picked_up`.
 */
export async function trackKuaidi100Parcel(
  ctx: CarrierContext,
  request: TrackingRequest,
): Promise<TrackingSnapshot> {
  const customer = readCredential(ctx, 'customer', 'CUSTOMER');
  const key = readCredential(ctx, 'key', 'KEY');
  const com = await resolveKuaidi100Company(ctx, request.trackingNumber, request.carrierOptions);
  if (PHONE_REQUIRED_COMPANIES.has(com) && request.phoneLastDigits === undefined) {
    throw new CarrierInvalidRequestError({
      carrierId: KUAIDI100_CARRIER_ID,
      message: `kuaidi100: ${com} parcels are answered only with the last digits of the sender's or recipient's phone (phoneLastDigits)`,
      field: 'phoneLastDigits',
      requestSent: false,
    });
  }
  // Key order is part of the signed string: build it once and send exactly these bytes.
  const param = JSON.stringify({
    com,
    num: request.trackingNumber,
    ...(request.phoneLastDigits === undefined ? {} : { phone: request.phoneLastDigits }),
    resultv2: KUAIDI100_RESULTV2,
  });
  const response = await postKuaidi100Form(ctx, {
    route: KUAIDI100_ROUTES.query,
    fields: { customer, sign: signKuaidi100Query(param, key, customer), param },
    idempotent: true,
  });
  if (response.status !== 200) {
    throw await classifyKuaidi100Failure(ctx, response, 'track');
  }
  const result = await parseJsonResponse(
    response,
    { carrierId: KUAIDI100_CARRIER_ID, mutation: false },
    (body) => {
      const error = readKuaidi100Error(body);
      if (error !== undefined) {
        throw classifyKuaidi100Answer(ctx, error, 'track');
      }
      const parsed = parseKuaidi100QueryResult(body);
      return { parsed, events: toTrackingEvents(parsed) };
    },
  );
  const undocumented = result.events.filter((event) => event.status === 'unknown');
  if (undocumented.length > 0) {
    ctx.logger.warn('kuaidi100 sent states its docs do not list', {
      codes: [...new Set(undocumented.map((event) => event.raw.code))],
    });
  }
  const current = deriveCurrentStatus(result.events);
  return {
    carrierId: KUAIDI100_CARRIER_ID,
    trackingNumber: request.trackingNumber,
    status: current.status,
    ...(current.subStatus === undefined ? {} : { subStatus: current.subStatus }),
    events: result.events,
    underlyingCarrier: underlyingCarrierOf(result.parsed.com ?? com),
  };
}

/**
 * Route entries as contract events, oldest first. An entry's state comes from its own
 * advanced code or state name; an entry with neither (`resultv2` not honoured) takes the
 * parcel's `state` when it is the newest, and reads as `unknown` otherwise. A bare main
 * state 1 (揽收, no advanced code) is refined by the entry's text (see
 * `refineKuaidi100State`).
 */
export function toTrackingEvents(result: Kuaidi100QueryResult): TrackingEvent[] {
  const events = result.data.map((entry, index) =>
    toTrackingEvent(entry, index === 0 ? result.state : undefined),
  );
  // Kuaidi100 lists newest first by default; reversing keeps same-second entries in order.
  return sortEventsChronologically(events.reverse());
}

/** One route entry as a contract event; `fallbackCode` is used when the entry has no state. */
export function toTrackingEvent(
  entry: Kuaidi100RouteEntry,
  fallbackCode: string | undefined,
): TrackingEvent {
  const code = refineKuaidi100State(
    entry.statusCode ??
      (entry.statusName === undefined ? undefined : kuaidi100StateCodeOfName(entry.statusName)) ??
      fallbackCode ??
      '',
    entry.context,
  );
  const { status, subStatus, incident } = mapKuaidi100State(code);
  const place = entry.areaName ?? entry.location;
  return {
    occurredAt: localDateTimeToIso(entry.ftime, CHINA_OFFSET),
    status,
    ...(subStatus === undefined ? {} : { subStatus }),
    ...(incident === undefined ? {} : { incident }),
    description:
      entry.context === '' ? (describeKuaidi100State(code)?.meaning ?? '') : entry.context,
    ...(place === undefined ? {} : { location: { description: place } }),
    raw: {
      code,
      ...(entry.statusName === undefined ? {} : { description: entry.statusName }),
    },
  };
}
