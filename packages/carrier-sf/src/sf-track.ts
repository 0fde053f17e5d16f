import {
  type CarrierContext,
  CarrierNotFoundError,
  CarrierRetryableError,
  deriveCurrentStatus,
  sortEventsChronologically,
  type TrackingEvent,
  type TrackingRequest,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import { SF_CARRIER_ID } from './sf-credentials.ts';
import { callSfService } from './sf-request.ts';
import { toSfTrackingEvents } from './sf-route-events.ts';
import { parseSfRouteResps, type SfRouteResp } from './sf-wire.ts';

/** The route query service (路由查询). */
export const SF_ROUTE_QUERY = 'EXP_RECE_SEARCH_ROUTES';

/**
 * Reads a waybill's routes: `EXP_RECE_SEARCH_ROUTES` with `trackingType` 1 (by waybill
 * number) and `methodType` 1 (standard routes). SF shows routes of waybills outside the
 * partner's own orders only with `checkPhoneNo`, the last four digits of the sender's or
 * recipient's phone (`phoneLastDigits`); without them, as for an unknown waybill or one not
 * picked up yet, it answers no routes, which is a `CarrierNotFoundError` saying so.
 */
export async function trackSfParcel(
  ctx: CarrierContext,
  request: TrackingRequest,
): Promise<TrackingSnapshot> {
  const msgData = await callSfService(ctx, {
    operation: 'track',
    serviceCode: SF_ROUTE_QUERY,
    msgData: {
      language: '0',
      trackingType: '1',
      trackingNumber: [request.trackingNumber],
      methodType: '1',
      ...(request.phoneLastDigits === undefined ? {} : { checkPhoneNo: request.phoneLastDigits }),
    },
  });
  const resp = readOne(msgData, request.trackingNumber);
  if (resp === undefined || resp.routes.length === 0) {
    throw new CarrierNotFoundError({
      carrierId: SF_CARRIER_ID,
      httpStatus: 200,
      requestSent: true,
      message:
        request.phoneLastDigits === undefined
          ? 'sf shows no routes for this waybill: unknown, not picked up yet, or it needs the last four digits of a phone (phoneLastDigits)'
          : 'sf shows no routes for this waybill: unknown, not picked up yet, or the phone digits do not match',
    });
  }
  const events = sortEventsChronologically(readEvents(resp));
  const undocumented = events.filter((event) => event.status === 'unknown');
  if (undocumented.length > 0) {
    ctx.logger.warn('sf sent route opCodes the adapter does not know', {
      codes: [...new Set(undocumented.map((event) => event.raw.code))],
    });
  }
  const current = deriveCurrentStatus(events);
  return {
    carrierId: SF_CARRIER_ID,
    trackingNumber: request.trackingNumber,
    status: current.status,
    ...(current.subStatus === undefined ? {} : { subStatus: current.subStatus }),
    events,
  };
}

/** The answer for our waybill; an unreadable answer to a read is retryable. */
function readOne(msgData: unknown, trackingNumber: string): SfRouteResp | undefined {
  try {
    return parseSfRouteResps(msgData).find((resp) => resp.mailNo === trackingNumber);
  } catch (error) {
    throw unreadable(error);
  }
}

function readEvents(resp: SfRouteResp): TrackingEvent[] {
  try {
    return toSfTrackingEvents(resp.routes);
  } catch (error) {
    throw unreadable(error);
  }
}

function unreadable(cause: unknown): CarrierRetryableError {
  return new CarrierRetryableError({
    carrierId: SF_CARRIER_ID,
    httpStatus: 200,
    requestSent: true,
    cause,
    message: 'sf answered a route query whose routes could not be read',
  });
}
