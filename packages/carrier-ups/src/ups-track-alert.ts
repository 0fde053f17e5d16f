import {
  type CallbackOutcome,
  type CallbackTrackingEvent,
  type CarrierCallbackContext,
  type CarrierCallbackRequest,
  type CarrierCallbackResult,
  type CarrierCallbacks,
  CarrierInvalidRequestError,
} from '@parcelgate/carrier-kit';
import {
  type JsonObject,
  readObject,
  readOptionalObject,
  readOptionalString,
} from './read-json.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import { toTrackingEvent } from './ups-track.ts';
import { readLocation } from './ups-track-wire.ts';
import { verifyUpsPush } from './verify-ups-push.ts';

const TRACKING_NUMBER = /^(?:1Z[0-9A-Z]{16}|1R[0-9A-Z]{14}|1R[0-9A-Z]{26})$/;

/** Track Alert wants an HTTP 200 and nothing else ("Return a 200 status"). */
const ACKNOWLEDGEMENT = { status: 200, contentType: 'application/json', body: '{}' } as const;

/**
 * Track Alert pushes (UPSTrackAlert.yaml, webhooks.TrackingEvent): verified (see
 * `verifyUpsPush`), then each `TrackingEventRequest` becomes a tracking event, mapped
 * like the Track API's scans. A push showing the parcel on its way back or back with its
 * shipper also reports the intercept's outcome (`returning`, `returned`). The body is
 * one event as the spec shows; an array of events is read too.
 */
export const upsCallbacks: CarrierCallbacks = {
  async handle(ctx, request) {
    verifyUpsPush(ctx, request);
    return parseUpsPush(ctx, request);
  },
};

/** Parses a verified push into events and intercept outcomes. */
export function parseUpsPush(
  ctx: CarrierCallbackContext,
  request: CarrierCallbackRequest,
): CarrierCallbackResult {
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch (error) {
    throw unreadable('the body is not JSON', error);
  }
  const items: readonly unknown[] = Array.isArray(body) ? body : [body];
  const events: CallbackTrackingEvent[] = [];
  const outcomes: CallbackOutcome[] = [];
  for (const [index, item] of items.entries()) {
    let parsed: CallbackTrackingEvent;
    try {
      parsed = readTrackingEvent(ctx, readObject(item, `event[${index}]`), `event[${index}]`);
    } catch (error) {
      throw unreadable(error instanceof Error ? error.message : 'unreadable event', error);
    }
    events.push(parsed);
    const outcome =
      parsed.event.status === 'return_in_transit'
        ? 'returning'
        : parsed.event.status === 'returned'
          ? 'returned'
          : undefined;
    if (outcome !== undefined) {
      outcomes.push({
        operation: 'intercept',
        trackingNumber: parsed.trackingNumber,
        result: { outcome, message: parsed.event.description },
      });
    }
  }
  return { events, outcomes, acknowledgement: ACKNOWLEDGEMENT };
}

function readTrackingEvent(
  ctx: CarrierCallbackContext,
  push: JsonObject,
  path: string,
): CallbackTrackingEvent {
  // UPS's own v1 example pads the number with a space (" 1ZABCXYZ0112346789").
  const trackingNumber = readOptionalString(push.trackingNumber, `${path}.trackingNumber`);
  if (trackingNumber === undefined || !TRACKING_NUMBER.test(trackingNumber)) {
    throw new TypeError(`ups: ${path}.trackingNumber must be a 1Z or 1R tracking number`);
  }
  const status = readObject(push.activityStatus, `${path}.activityStatus`);
  const type = readOptionalString(status.type, `${path}.activityStatus.type`);
  if (type === undefined) {
    throw new TypeError(`ups: ${path}.activityStatus.type is missing`);
  }
  const activity = {
    status: {
      type,
      code: readOptionalString(status.code, `${path}.activityStatus.code`),
      statusCode: readOptionalString(
        status.descriptionCode,
        `${path}.activityStatus.descriptionCode`,
      ),
      description: readOptionalString(status.description, `${path}.activityStatus.description`),
    },
    date: readOptionalString(push.localActivityDate, `${path}.localActivityDate`),
    time: readOptionalString(push.localActivityTime, `${path}.localActivityTime`),
    gmtDate: readOptionalString(push.gmtActivityDate, `${path}.gmtActivityDate`),
    gmtTime: readOptionalString(push.gmtActivityTime, `${path}.gmtActivityTime`),
    gmtOffset: readOptionalString(push.gmtOffset, `${path}.gmtOffset`),
    location: readLocation(
      readOptionalObject(push.activityLocation, `${path}.activityLocation`),
      `${path}.activityLocation`,
    ),
  };
  // A push without any date still happened; it is dated when it arrived.
  const event =
    toTrackingEvent(activity) ??
    toTrackingEvent({
      ...activity,
      ...nowParts(ctx),
      gmtDate: undefined,
      gmtTime: undefined,
      gmtOffset: '+00:00',
    });
  if (event === undefined) {
    throw new TypeError(`ups: ${path} has no usable date`);
  }
  return { trackingNumber, event };
}

function nowParts(ctx: CarrierCallbackContext): { date: string; time: string } {
  const iso = ctx.clock.now().toISOString();
  return {
    date: iso.slice(0, 10).replaceAll('-', ''),
    time: iso.slice(11, 19).replaceAll(':', ''),
  };
}

function unreadable(reason: string, cause: unknown): CarrierInvalidRequestError {
  return new CarrierInvalidRequestError({
    carrierId: UPS_CARRIER_ID,
    message: `ups push unreadable: ${reason}`,
    cause,
  });
}
