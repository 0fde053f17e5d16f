import {
  type CarrierContext,
  deriveCurrentStatus,
  type ProofOfDelivery,
  sortEventsChronologically,
  type TrackingEvent,
  type TrackingRequest,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifySandboxFailure } from './classify-sandbox-failure.ts';
import { describeSandboxStatus } from './map-sandbox-status.ts';
import { isSandboxSuccess, SANDBOX_CARRIER_ID, sendSandboxRequest } from './sandbox-request.ts';
import {
  parseSandboxParcel,
  type SandboxEvent,
  type SandboxProofOfDelivery,
} from './sandbox-wire.ts';

/**
 * Reads a parcel's history and current status: GET /v1/parcels/{trackingNumber}
 * (docs/carriers/sandbox-api.md). 404 `PARCEL_NOT_FOUND` becomes `CarrierNotFoundError`.
 */
export async function trackSandboxParcel(
  ctx: CarrierContext,
  request: TrackingRequest,
): Promise<TrackingSnapshot> {
  const response = await sendSandboxRequest(ctx, {
    method: 'GET',
    path: `/v1/parcels/${encodeURIComponent(request.trackingNumber)}`,
  });
  if (!isSandboxSuccess(response)) {
    throw await classifySandboxFailure(ctx, response, 'track');
  }
  const parcel = await parseJsonResponse(
    response,
    { carrierId: SANDBOX_CARRIER_ID, mutation: false },
    parseSandboxParcel,
  );

  // The sandbox lists events newest first; the contract wants oldest first. Reversing
  // keeps same-instant events in their true order; the sort guards against a list that
  // is not strictly ordered after all.
  const events = sortEventsChronologically([...parcel.events].reverse().map(toTrackingEvent));
  const undocumented = events.filter((event) => event.status === 'unknown');
  if (undocumented.length > 0) {
    ctx.logger.warn('sandbox sent status codes its spec does not document', {
      codes: [...new Set(undocumented.map((event) => event.raw.code))],
    });
  }
  // Status comes from the events, not the body's `statusCode`, so a late-arriving scan
  // cannot overrule a terminal one (see deriveCurrentStatus).
  const current = deriveCurrentStatus(events);
  const proofOfDelivery = toProofOfDelivery(parcel.proofOfDelivery);
  return {
    carrierId: SANDBOX_CARRIER_ID,
    trackingNumber: request.trackingNumber,
    status: current.status,
    ...(current.subStatus === undefined ? {} : { subStatus: current.subStatus }),
    events,
    ...(parcel.estimatedDelivery === undefined
      ? {}
      : { estimatedDelivery: parcel.estimatedDelivery }),
    ...(parcel.destination === undefined ? {} : { destination: parcel.destination }),
    ...(proofOfDelivery === undefined ? {} : { proofOfDelivery }),
  };
}

function toTrackingEvent(event: SandboxEvent): TrackingEvent {
  const { status, subStatus, incident, meaning } = describeSandboxStatus(event.code);
  return {
    occurredAt: event.time,
    status,
    ...(subStatus === undefined ? {} : { subStatus }),
    ...(incident === undefined ? {} : { incident }),
    // Events always have text in the spec's example; the table's wording covers the rest.
    description: event.description ?? meaning,
    ...(event.location === undefined ? {} : { location: event.location }),
    raw: {
      code: event.code,
      ...(event.description === undefined ? {} : { description: event.description }),
    },
  };
}

function toProofOfDelivery(proof: SandboxProofOfDelivery | undefined): ProofOfDelivery | undefined {
  if (proof === undefined) {
    return undefined;
  }
  return {
    ...(proof.deliveredAt === undefined ? {} : { deliveredAt: proof.deliveredAt }),
    ...(proof.signedBy === undefined ? {} : { signedBy: proof.signedBy }),
    ...(proof.photoUrl === undefined ? {} : { photoUrl: proof.photoUrl }),
  };
}
