import {
  type BulkTrackingResult,
  type CarrierContext,
  type CarrierError,
  CarrierInvalidRequestError,
  CarrierNotFoundError,
  CarrierRetryableError,
  deriveCurrentStatus,
  sortEventsChronologically,
  type TrackingEvent,
  type TrackingRequest,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyUspsFailure } from './classify-usps-failure.ts';
import { mapUspsEvent } from './map-usps-status.ts';
import { USPS_CARRIER_ID, USPS_MAX_PER_CALL, USPS_TRACK_PATH } from './usps-ids.ts';
import { sendUspsRequest } from './usps-request.ts';
import { uspsExpectedDelivery, uspsTimeToIso } from './usps-time.ts';
import {
  parseUspsTrackingResponse,
  type UspsEventView,
  type UspsItemView,
} from './usps-track-wire.ts';
import type { UspsError, UspsTrackingRequestItem } from './usps-wire-types.ts';

/** Tracks one parcel: a v3r2 call with one number; that number's error is thrown. */
export async function trackUspsParcel(
  ctx: CarrierContext,
  request: TrackingRequest,
): Promise<TrackingSnapshot> {
  const [result] = await trackUspsParcels(ctx, [request]);
  if (result === undefined) {
    throw new CarrierRetryableError({
      carrierId: USPS_CARRIER_ID,
      requestSent: true,
      message: 'usps answered without a result for the number asked',
    });
  }
  if ('error' in result) {
    throw result.error;
  }
  return result.snapshot;
}

/**
 * Tracks up to {@link USPS_MAX_PER_CALL} parcels in one `POST /tracking/v3r2/tracking?expand=DETAIL`
 * whose body is the array of numbers. USPS answers one item per number inside a 200; an
 * item carrying an error is that number's result (`not-found` when USPS could not locate
 * it), never the call's. Results come in the order asked, matched by number (USPS's order
 * is not relied on); a number USPS left out of its answer is a `retryable` error of its
 * own. A failure of the whole call (401 after one token renewal, the hourly quota's 429,
 * a 5xx) throws.
 */
export async function trackUspsParcels(
  ctx: CarrierContext,
  requests: readonly TrackingRequest[],
): Promise<readonly BulkTrackingResult[]> {
  if (requests.length > USPS_MAX_PER_CALL) {
    throw new CarrierInvalidRequestError({
      carrierId: USPS_CARRIER_ID,
      requestSent: false,
      message: `usps tracks at most ${USPS_MAX_PER_CALL} numbers per call (asked ${requests.length})`,
    });
  }
  const body: UspsTrackingRequestItem[] = requests.map((request) => ({
    trackingNumber: request.trackingNumber,
  }));
  const response = await sendUspsRequest(ctx, {
    method: 'POST',
    path: USPS_TRACK_PATH,
    query: { expand: 'DETAIL' },
    body,
    // A read over POST: sending it twice is harmless.
    idempotent: true,
  });
  if (response.status < 200 || response.status >= 300) {
    throw await classifyUspsFailure(ctx, response);
  }
  const items = await parseJsonResponse(
    response,
    { carrierId: USPS_CARRIER_ID, mutation: false },
    parseUspsTrackingResponse,
  );
  const byNumber = new Map<string, UspsItemView>();
  for (const [index, item] of items.entries()) {
    // An item without its number is taken to answer the number asked at its place.
    const number = item.trackingNumber ?? requests[index]?.trackingNumber;
    if (number !== undefined && !byNumber.has(number)) {
      byNumber.set(number, item);
    }
  }
  return requests.map(({ trackingNumber }): BulkTrackingResult => {
    const item = byNumber.get(trackingNumber);
    if (item === undefined) {
      return {
        trackingNumber,
        error: new CarrierRetryableError({
          carrierId: USPS_CARRIER_ID,
          httpStatus: response.status,
          requestSent: true,
          message: 'usps left this number out of its answer',
        }),
      };
    }
    if (item.kind === 'error') {
      return { trackingNumber, error: classifyItemError(item.error, response.status) };
    }
    return { trackingNumber, snapshot: toTrackingSnapshot(ctx, trackingNumber, item) };
  });
}

/** Words USPS uses when it has nothing for a number. */
const NOT_FOUND_TEXT = /\b(?:could not locate|not found|no record|not available|unknown)\b/i;
const INVALID_TEXT = /\b(?:invalid|malformed|is not a valid)\b/i;

/**
 * One number's error inside a 200: `not-found` for USPS's "could not locate the tracking
 * information" (or code 404), `invalid-request` for a number USPS calls invalid (or code
 * 400), `retryable` for anything else (USPS could not answer for it now).
 */
function classifyItemError(error: UspsError, httpStatus: number): CarrierError {
  const text = error.message ?? '';
  const init = {
    carrierId: USPS_CARRIER_ID,
    httpStatus,
    requestSent: true,
    ...(error.code === undefined ? {} : { carrierCode: error.code }),
    message: `usps: ${text === '' ? `error ${error.code ?? 'without a code'}` : text}`,
  };
  if (error.code === '404' || NOT_FOUND_TEXT.test(text)) {
    return new CarrierNotFoundError(init);
  }
  if (error.code === '400' || INVALID_TEXT.test(text)) {
    return new CarrierInvalidRequestError({ ...init, field: 'trackingNumber' });
  }
  return new CarrierRetryableError(init);
}

/** The contract snapshot of a tracked item. */
export function toTrackingSnapshot(
  ctx: Pick<CarrierContext, 'logger'>,
  trackingNumber: string,
  item: Extract<UspsItemView, { kind: 'tracked' }>,
): TrackingSnapshot {
  const converted = item.events.map(toTrackingEvent);
  const untimed = converted.filter((event) => event === undefined).length;
  if (untimed > 0) {
    ctx.logger.warn('usps sent scans without a readable time; they are left out', {
      count: untimed,
    });
  }
  // USPS lists newest first; the contract wants oldest first, robust to ties and disorder.
  const events = sortEventsChronologically(
    converted.filter((event): event is TrackingEvent => event !== undefined),
  );
  const undocumented = events.filter((event) => event.status === 'unknown');
  if (undocumented.length > 0) {
    ctx.logger.warn('usps sent event codes the adapter does not map', {
      codes: [...new Set(undocumented.map((event) => event.raw.code))],
    });
  }
  const current = deriveCurrentStatus(events);
  const estimatedDelivery =
    current.status === 'delivered' ? undefined : uspsExpectedDelivery(item.expectedDelivery);
  return {
    carrierId: USPS_CARRIER_ID,
    trackingNumber,
    status: current.status,
    ...(current.subStatus === undefined ? {} : { subStatus: current.subStatus }),
    events,
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
    ...(item.origin === undefined ? {} : { origin: item.origin }),
    ...(item.destination === undefined ? {} : { destination: item.destination }),
  };
}

/** One scan as a contract event; undefined when USPS gave it no readable time. */
export function toTrackingEvent(event: UspsEventView): TrackingEvent | undefined {
  const occurredAt = uspsTimeToIso(event.eventTimestamp, event.gmtOffset);
  if (occurredAt === undefined) {
    return undefined;
  }
  const { status, subStatus, incident, meaning } = mapUspsEvent(event.code, event.eventType);
  return {
    occurredAt,
    status,
    ...(subStatus === undefined ? {} : { subStatus }),
    ...(incident === undefined ? {} : { incident }),
    description: event.eventType ?? meaning,
    ...(event.location === undefined ? {} : { location: event.location }),
    raw: {
      code: event.code,
      ...(event.eventType === undefined ? {} : { description: event.eventType }),
    },
  };
}
