import {
  type BulkTrackingResult,
  type CarrierContext,
  CarrierInvalidRequestError,
  CarrierRetryableError,
  deriveCurrentStatus,
  type ProofOfDelivery,
  sortEventsChronologically,
  type TrackingEvent,
  type TrackingRequest,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import { isIsoDateTimeWithOffset, parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyFedexFailure, classifyFedexResultError } from './classify-fedex-failure.ts';
import { readFedexDeliveryOptions } from './fedex-delivery-options.ts';
import { FEDEX_CARRIER_ID } from './fedex-ids.ts';
import { sendFedexRequest } from './fedex-request.ts';
import {
  type FedexResultView,
  type FedexScanView,
  parseFedexTrackResponse,
} from './fedex-track-wire.ts';
import type { FedexTrackRequestBody } from './fedex-wire-types.ts';
import { mapFedexScan } from './map-fedex-status.ts';

/** `POST /track/v1/trackingnumbers` ("Track by Tracking Number"). */
export const FEDEX_TRACK_PATH = '/track/v1/trackingnumbers';

/** The most numbers FedEx takes in one call (`trackingInfo`, maxItems 30). */
export const FEDEX_MAX_PER_CALL = 30;

/**
 * Asks FedEx about up to 30 numbers in one call (`includeDetailedScans: true`) and
 * answers each number's result view, or the error FedEx gave for it alone. A failure of
 * the whole call (HTTP 4xx/5xx, an unreadable answer) throws.
 */
export async function readFedexResults(
  ctx: CarrierContext,
  trackingNumbers: readonly string[],
): Promise<ReadonlyMap<string, FedexResultView>> {
  const body: FedexTrackRequestBody = {
    includeDetailedScans: true,
    trackingInfo: trackingNumbers.map((trackingNumber) => ({
      trackingNumberInfo: { trackingNumber },
    })),
  };
  const response = await sendFedexRequest(ctx, { path: FEDEX_TRACK_PATH, body });
  if (response.status < 200 || response.status >= 300) {
    throw await classifyFedexFailure(ctx, response);
  }
  return parseJsonResponse(
    response,
    { carrierId: FEDEX_CARRIER_ID, mutation: false },
    parseFedexTrackResponse,
  );
}

/**
 * Tracks a parcel: its events oldest first, status, estimated delivery, proof of delivery
 * and the delivery options FedEx reports for it. An unknown number (an error inside FedEx's
 * 200) throws `not-found`.
 */
export async function trackFedexParcel(
  ctx: CarrierContext,
  request: TrackingRequest,
): Promise<TrackingSnapshot> {
  const results = await readFedexResults(ctx, [request.trackingNumber]);
  const outcome = toOutcome(ctx, request.trackingNumber, results.get(request.trackingNumber));
  if ('error' in outcome) {
    throw outcome.error;
  }
  return outcome.snapshot;
}

/**
 * Tracks up to {@link FEDEX_MAX_PER_CALL} parcels in one FedEx call, one result per request
 * in the order asked (a number asked twice is sent once and answered twice); a number
 * FedEx could not track is that number's `error`.
 */
export async function trackManyFedexParcels(
  ctx: CarrierContext,
  requests: readonly TrackingRequest[],
): Promise<readonly BulkTrackingResult[]> {
  const numbers = [...new Set(requests.map((request) => request.trackingNumber))];
  if (numbers.length > FEDEX_MAX_PER_CALL) {
    throw new CarrierInvalidRequestError({
      carrierId: FEDEX_CARRIER_ID,
      requestSent: false,
      field: 'trackingNumbers',
      message: `fedex tracks at most ${FEDEX_MAX_PER_CALL} numbers per call, ${numbers.length} were asked`,
    });
  }
  if (numbers.length === 0) {
    return [];
  }
  const results = await readFedexResults(ctx, numbers);
  return requests.map(({ trackingNumber }) => {
    const outcome = toOutcome(ctx, trackingNumber, results.get(trackingNumber));
    return 'error' in outcome
      ? { trackingNumber, error: outcome.error }
      : { trackingNumber, snapshot: outcome.snapshot };
  });
}

type Outcome =
  | { readonly snapshot: TrackingSnapshot }
  | { readonly error: ReturnType<typeof classifyFedexResultError> };

function toOutcome(
  ctx: Pick<CarrierContext, 'logger'>,
  trackingNumber: string,
  result: FedexResultView | undefined,
): Outcome {
  if (result === undefined) {
    return {
      error: new CarrierRetryableError({
        carrierId: FEDEX_CARRIER_ID,
        httpStatus: 200,
        requestSent: true,
        message: 'fedex answered without a result for this number',
      }),
    };
  }
  if (result.error !== undefined) {
    return { error: classifyFedexResultError(result.error) };
  }
  return { snapshot: toTrackingSnapshot(ctx, trackingNumber, result) };
}

/** The contract snapshot of one number's result. */
export function toTrackingSnapshot(
  ctx: Pick<CarrierContext, 'logger'>,
  trackingNumber: string,
  result: FedexResultView,
): TrackingSnapshot {
  const untimed = result.scans.filter((scan) => !isIsoDateTimeWithOffset(scan.date));
  if (untimed.length > 0) {
    ctx.logger.warn('fedex sent scans without a dated offset; they are left out', {
      count: untimed.length,
    });
  }
  const events = markReturned(
    sortEventsChronologically(
      result.scans.flatMap((scan) => {
        const event = toTrackingEvent(scan);
        return event === undefined ? [] : [event];
      }),
    ),
  );
  const undocumented = events.filter((event) => event.status === 'unknown');
  if (undocumented.length > 0) {
    ctx.logger.warn('fedex sent status codes its documentation does not list', {
      codes: [...new Set(undocumented.map((event) => event.raw.code))],
    });
  }
  const current = events.length > 0 ? deriveCurrentStatus(events) : latestStatus(result);
  const estimatedDelivery =
    current.status === 'delivered' || current.status === 'returned'
      ? undefined
      : dateOf(result, 'ESTIMATED_DELIVERY');
  const proofOfDelivery = current.status === 'delivered' ? proofOf(result, events) : undefined;
  const deliveryOptions = readFedexDeliveryOptions(result);
  return {
    carrierId: FEDEX_CARRIER_ID,
    trackingNumber,
    status: current.status,
    ...(current.subStatus === undefined ? {} : { subStatus: current.subStatus }),
    events,
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
    ...(proofOfDelivery === undefined ? {} : { proofOfDelivery }),
    ...(result.origin === undefined ? {} : { origin: result.origin }),
    ...(result.destination === undefined ? {} : { destination: result.destination }),
    ...(deliveryOptions.length === 0 ? {} : { deliveryOptions }),
  };
}

/** One scan as a contract event; undefined when FedEx gave it no date with an offset. */
export function toTrackingEvent(scan: FedexScanView): TrackingEvent | undefined {
  if (!isIsoDateTimeWithOffset(scan.date)) {
    return undefined;
  }
  const { status, subStatus, incident, meaning, code } = mapFedexScan(scan);
  return {
    occurredAt: scan.date,
    status,
    ...(subStatus === undefined ? {} : { subStatus }),
    ...(incident === undefined ? {} : { incident }),
    description: scan.description ?? meaning,
    ...(scan.location === undefined ? {} : { location: scan.location }),
    raw: {
      code: scan.code ?? code,
      ...(scan.description === undefined ? {} : { description: scan.description }),
    },
  };
}

/**
 * A delivery after FedEx turned the parcel back (`RS`) is its arrival at the shipper:
 * `returned`, not `delivered`.
 */
function markReturned(events: readonly TrackingEvent[]): TrackingEvent[] {
  let returning = false;
  return events.map((event) => {
    if (event.status === 'return_in_transit') {
      returning = true;
    }
    return returning && event.status === 'delivered' ? { ...event, status: 'returned' } : event;
  });
}

/** Without scans (FedEx knows the label only), the latest status detail decides. */
function latestStatus(result: FedexResultView) {
  if (result.latest === undefined) {
    return { status: 'unknown' as const };
  }
  const { status, subStatus } = mapFedexScan(result.latest);
  return subStatus === undefined ? { status } : { status, subStatus };
}

/** A `dateAndTimes` entry of that type: with its offset, or its day when FedEx gives none. */
function dateOf(result: FedexResultView, type: string): string | undefined {
  const value = result.dates.find((entry) => entry.type === type)?.dateTime;
  if (value === undefined) {
    return undefined;
  }
  return isIsoDateTimeWithOffset(value) ? value : /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
}

/**
 * Proof of delivery from `deliveryDetails` (who signed or received it, where it was left)
 * and the delivery scan's instant, or `ACTUAL_DELIVERY` when there is no scan.
 */
function proofOf(
  result: FedexResultView,
  events: readonly TrackingEvent[],
): ProofOfDelivery | undefined {
  const deliveredAt =
    events.findLast((event) => event.status === 'delivered')?.occurredAt ??
    dateOf(result, 'ACTUAL_DELIVERY');
  const signedBy = result.signedBy ?? result.receivedBy;
  const location = result.deliveredTo;
  if (deliveredAt === undefined && signedBy === undefined && location === undefined) {
    return undefined;
  }
  return {
    ...(deliveredAt === undefined ? {} : { deliveredAt }),
    ...(signedBy === undefined ? {} : { signedBy }),
    ...(location === undefined ? {} : { location }),
  };
}
