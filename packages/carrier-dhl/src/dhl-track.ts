import {
  CarrierAuthenticationError,
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
import { classifyDhlFailure } from './classify-dhl-failure.ts';
import { isVerifiedDhlExpressNumber } from './detect-dhl-tracking-number.ts';
import type { DhlCredentials } from './dhl-credentials.ts';
import { DHL_CARRIER_ID, DHL_TRACK_PATH } from './dhl-ids.ts';
import { dhlTimeToIso } from './dhl-time.ts';
import { type DhlEventView, type DhlShipmentView, parseDhlShipments } from './dhl-track-wire.ts';
import { mapDhlEventStatus } from './map-dhl-status.ts';

/**
 * Tracks a parcel: `GET /track/shipments?trackingNumber=...` with `DHL-API-Key`
 * (Shipment Tracking - Unified, `getShipments`). `service` is the request's
 * `carrierOptions.service`, else `express` when the number's DHL Express check digit
 * agrees, else absent. English texts are asked for, because exception sub-statuses are
 * read from them. An unknown number is DHL's 404 problem "No result found" (or a 200
 * without shipments): both are `not-found`.
 */
export async function trackDhlParcel(
  ctx: CarrierContext,
  request: TrackingRequest,
): Promise<TrackingSnapshot> {
  const { trackingNumber } = request;
  const response = await ctx.http.request({
    method: 'GET',
    path: DHL_TRACK_PATH,
    query: {
      trackingNumber,
      service: serviceFor(request),
      language: 'en',
    },
    headers: { accept: 'application/json', 'DHL-API-Key': apiKeyOf(ctx) },
    signal: ctx.signal,
  });
  if (response.status < 200 || response.status >= 300) {
    throw await classifyDhlFailure(ctx, response);
  }
  const shipment = await parseJsonResponse(
    response,
    { carrierId: DHL_CARRIER_ID, mutation: false },
    (body) => parseDhlShipments(body, trackingNumber),
  );
  if (shipment === undefined) {
    throw new CarrierNotFoundError({
      carrierId: DHL_CARRIER_ID,
      httpStatus: response.status,
      requestSent: true,
      message: 'dhl answered without a shipment for this number',
    });
  }
  return toTrackingSnapshot(ctx, trackingNumber, shipment);
}

/** The division to ask: the caller's, or `express` for a verified DHL Express number. */
function serviceFor(request: TrackingRequest): string | undefined {
  const asked = request.carrierOptions?.service;
  if (asked !== undefined) {
    return asked;
  }
  return isVerifiedDhlExpressNumber(request.trackingNumber) ? 'express' : undefined;
}

function apiKeyOf(ctx: CarrierContext): string {
  const { apiKey } = ctx.credentials as Partial<DhlCredentials>;
  if (apiKey === undefined || apiKey === '') {
    throw new CarrierAuthenticationError({
      carrierId: DHL_CARRIER_ID,
      message: 'dhl: no API key configured (set CARRIER_DHL_API_KEY)',
      requestSent: false,
    });
  }
  return apiKey;
}

/** The contract snapshot of a shipment view. */
export function toTrackingSnapshot(
  ctx: Pick<CarrierContext, 'logger'>,
  trackingNumber: string,
  shipment: DhlShipmentView,
): TrackingSnapshot {
  // A shipment without events still has its current status (`status`): show that one.
  const source =
    shipment.events.length === 0 && shipment.latest !== undefined
      ? [shipment.latest]
      : shipment.events;
  const converted = source.map(toTrackingEvent);
  const untimed = converted.filter((event) => event === undefined).length;
  if (untimed > 0) {
    ctx.logger.warn('dhl sent events without a readable timestamp; they are left out', {
      count: untimed,
    });
  }
  // DHL lists newest first; the contract wants oldest first, robust to ties and disorder.
  const events = sortEventsChronologically(
    converted.filter((event): event is TrackingEvent => event !== undefined),
  );
  const undocumented = events.filter((event) => event.status === 'unknown');
  if (undocumented.length > 0) {
    ctx.logger.warn('dhl sent status codes its specification does not list', {
      codes: [...new Set(undocumented.map((event) => event.raw.code))],
    });
  }
  const current = deriveCurrentStatus(events);
  const estimatedDelivery =
    current.status === 'delivered' ? undefined : dhlTimeToIso(shipment.estimatedTimeOfDelivery);
  const proofOfDelivery = proofOf(shipment, events);
  return {
    carrierId: DHL_CARRIER_ID,
    trackingNumber,
    status: current.status,
    ...(current.subStatus === undefined ? {} : { subStatus: current.subStatus }),
    events,
    ...(estimatedDelivery === undefined ? {} : { estimatedDelivery }),
    ...(proofOfDelivery === undefined ? {} : { proofOfDelivery }),
    ...(shipment.origin === undefined ? {} : { origin: shipment.origin }),
    ...(shipment.destination === undefined ? {} : { destination: shipment.destination }),
  };
}

/** One DHL event as a contract event; undefined when it has no readable timestamp. */
export function toTrackingEvent(event: DhlEventView): TrackingEvent | undefined {
  const occurredAt = dhlTimeToIso(event.timestamp);
  if (occurredAt === undefined) {
    return undefined;
  }
  const { status, subStatus, incident, meaning } = mapDhlEventStatus(event.statusCode, event);
  const text = event.description ?? event.status;
  return {
    occurredAt,
    status,
    ...(subStatus === undefined ? {} : { subStatus }),
    ...(incident === undefined ? {} : { incident }),
    description: text ?? meaning,
    ...(event.location === undefined ? {} : { location: event.location }),
    raw: { code: event.statusCode, ...(text === undefined ? {} : { description: text }) },
  };
}

/**
 * Proof of delivery from `details.proofOfDelivery`: when (its timestamp, else the
 * delivery event's), who signed (`signed.name`, else given and family name) and where
 * DHL keeps the signature image (`signatureUrl`, else the POD document's `documentUrl`).
 */
function proofOf(
  shipment: DhlShipmentView,
  events: readonly TrackingEvent[],
): ProofOfDelivery | undefined {
  const pod = shipment.proofOfDelivery;
  const delivered = events.findLast((event) => event.status === 'delivered');
  if (pod === undefined && delivered === undefined) {
    return undefined;
  }
  const deliveredAt = dhlTimeToIso(pod?.timestamp) ?? delivered?.occurredAt;
  const signed = pod?.signed;
  const signedBy =
    signed?.name ??
    ([signed?.givenName, signed?.familyName].filter(Boolean).join(' ') || undefined);
  const photoUrl = pod?.signatureUrl ?? pod?.documentUrl;
  return {
    ...(deliveredAt === undefined ? {} : { deliveredAt }),
    ...(signedBy === undefined ? {} : { signedBy }),
    ...(photoUrl === undefined ? {} : { photoUrl }),
    ...(delivered?.location === undefined ? {} : { location: delivered.location }),
  };
}
