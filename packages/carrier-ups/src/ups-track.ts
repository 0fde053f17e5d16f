import {
  type CarrierContext,
  CarrierNotFoundError,
  deriveCurrentStatus,
  type ProofOfDelivery,
  sortEventsChronologically,
  type TrackingEvent,
  type TrackingRequest,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyUpsFailure } from './classify-ups-failure.ts';
import { mapUpsActivityStatus } from './map-ups-status.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import { sendUpsRequest } from './ups-request.ts';
import { upsDateToIso, upsEventTime } from './ups-time.ts';
import {
  parseUpsTrackResponse,
  type UpsActivityView,
  type UpsPackageView,
} from './ups-track-wire.ts';

/** The Track API's "Tracking Information Not Found" warning on an HTTP 200 (issue #198). */
export const UPS_NOT_FOUND_WARNING = 'TW0001';

/**
 * Reads one package as UPS reports it: GET /api/track/v1/details/{inquiryNumber}
 * (Tracking.yaml, getSingleTrackResponseUsingGET), or throws a classified error. Unknown
 * numbers come back either as a 404 or as a 200 whose shipment carries warning `TW0001`;
 * both are `not-found`.
 */
export async function readUpsPackage(
  ctx: CarrierContext,
  trackingNumber: string,
): Promise<UpsPackageView> {
  const response = await sendUpsRequest(ctx, {
    method: 'GET',
    path: `/api/track/v1/details/${encodeURIComponent(trackingNumber)}`,
    // English text on purpose: exception sub-statuses are read from it (map-ups-status.ts).
    // Signature and POD images are base64 blobs the contract has no field for: not asked.
    query: {
      locale: 'en_US',
      returnSignature: 'false',
      returnMilestones: 'false',
      returnPOD: 'false',
    },
  });
  if (response.status < 200 || response.status >= 300) {
    throw await classifyUpsFailure(ctx, response);
  }
  const view = await parseJsonResponse(
    response,
    { carrierId: UPS_CARRIER_ID, mutation: false },
    (body) => parseUpsTrackResponse(body, trackingNumber),
  );
  const warning = view.warnings.find((entry) => entry.code === UPS_NOT_FOUND_WARNING);
  if (warning !== undefined || view.package === undefined) {
    const carrierCode = warning?.code ?? view.warnings[0]?.code;
    throw new CarrierNotFoundError({
      carrierId: UPS_CARRIER_ID,
      httpStatus: response.status,
      requestSent: true,
      ...(carrierCode === undefined ? {} : { carrierCode }),
      message: `ups has no tracking information for this number${warning?.message === undefined ? '' : ` (${warning.message})`}`,
    });
  }
  return view.package;
}

/** Tracks a parcel: its events oldest first, status, estimated delivery and proof of delivery. */
export async function trackUpsParcel(
  ctx: CarrierContext,
  request: TrackingRequest,
): Promise<TrackingSnapshot> {
  const item = await readUpsPackage(ctx, request.trackingNumber);
  return toTrackingSnapshot(ctx, request.trackingNumber, item);
}

/** The contract snapshot of a package view. */
export function toTrackingSnapshot(
  ctx: Pick<CarrierContext, 'logger'>,
  trackingNumber: string,
  item: UpsPackageView,
): TrackingSnapshot {
  const untimed = item.activities.filter((activity) => upsEventTime(activity) === undefined);
  if (untimed.length > 0) {
    ctx.logger.warn('ups sent scans without a date; they are left out', { count: untimed.length });
  }
  // UPS lists newest first; the contract wants oldest first, robust to ties and disorder.
  const events = sortEventsChronologically(
    [...item.activities].reverse().flatMap((activity) => {
      const event = toTrackingEvent(activity);
      return event === undefined ? [] : [event];
    }),
  );
  const undocumented = events.filter((event) => event.status === 'unknown');
  if (undocumented.length > 0) {
    ctx.logger.warn('ups sent status types its documentation does not list', {
      codes: [...new Set(undocumented.map((event) => event.raw.code))],
    });
  }
  const current = deriveCurrentStatus(events);
  const estimatedDelivery = current.status === 'delivered' ? undefined : estimatedDeliveryOf(item);
  const proofOfDelivery = proofOf(item, events);
  return {
    carrierId: UPS_CARRIER_ID,
    trackingNumber,
    status: current.status,
    ...(current.subStatus === undefined ? {} : { subStatus: current.subStatus }),
    events,
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
    ...(proofOfDelivery === undefined ? {} : { proofOfDelivery }),
    ...(item.origin === undefined ? {} : { origin: item.origin }),
    ...(item.destination === undefined ? {} : { destination: item.destination }),
  };
}

/** One scan as a contract event; undefined when UPS gave it no date. */
export function toTrackingEvent(activity: UpsActivityView): TrackingEvent | undefined {
  const occurredAt = upsEventTime(activity);
  if (occurredAt === undefined) {
    return undefined;
  }
  const { status, subStatus, incident, meaning } = mapUpsActivityStatus(activity.status);
  const description = activity.status.description;
  return {
    occurredAt,
    status,
    ...(subStatus === undefined ? {} : { subStatus }),
    ...(incident === undefined ? {} : { incident }),
    description: description ?? meaning,
    ...(activity.location === undefined ? {} : { location: activity.location }),
    raw: {
      code: activity.status.type,
      ...(description === undefined ? {} : { description }),
    },
  };
}

/** Rescheduled (RDD) beats scheduled (SDD); UPS gives a day, not a time. */
function estimatedDeliveryOf(item: UpsPackageView): string | undefined {
  const date =
    item.deliveryDates.find((entry) => entry.type === 'RDD') ??
    item.deliveryDates.find((entry) => entry.type === 'SDD');
  return date === undefined ? undefined : upsDateToIso(date.date);
}

/**
 * Proof of delivery from `deliveryInformation` (who took it, where it was left) and the
 * delivery scan's instant, or the `DEL` date when there is no scan.
 */
function proofOf(
  item: UpsPackageView,
  events: readonly TrackingEvent[],
): ProofOfDelivery | undefined {
  const delivered = events.findLast((event) => event.status === 'delivered');
  const deliveredDay = item.deliveryDates.find((entry) => entry.type === 'DEL');
  if (
    delivered === undefined &&
    deliveredDay === undefined &&
    item.deliveryInformation === undefined
  ) {
    return undefined;
  }
  const deliveredAt =
    delivered?.occurredAt ??
    (deliveredDay === undefined ? undefined : upsDateToIso(deliveredDay.date));
  const { receivedBy, location } = item.deliveryInformation ?? {};
  return {
    ...(deliveredAt === undefined ? {} : { deliveredAt }),
    ...(receivedBy === undefined ? {} : { signedBy: receivedBy }),
    ...(location === undefined && delivered?.location === undefined
      ? {}
      : {
          location: {
            ...delivered?.location,
            ...(location === undefined ? {} : { description: location }),
          },
        }),
  };
}
