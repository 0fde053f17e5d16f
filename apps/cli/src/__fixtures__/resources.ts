/** API answers for the CLI's unit tests, shaped as the OpenAPI document's examples. */
import type { Intercept, TrackingSnapshot, Transition, WebhookEvent } from '@parcelgate/sdk';

/** An intercept in `status` with these transitions. */
export function intercept(
  status: Intercept['status'],
  transitions: Transition[] = [],
  id = 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
): Intercept {
  return {
    id,
    status,
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    reason: 'buyer_cancelled',
    orderRef: 'TTS-5801',
    pickupMode: 'platform_pickup',
    parcel: null,
    likelihood: 'high',
    parcelStatus: 'in_transit',
    parcelStatusAtRequest: 'in_transit',
    fee: { payer: 'carrier', note: 'returned free by the pickup driver' },
    reasons: [],
    warnings: [],
    carrierReference: 'SBX-ICP-88213',
    carrierReason: null,
    statusDetail: null,
    needsAttention: false,
    attentionReason: null,
    nextActions: status === 'accepted' ? ['refund_buyer'] : [],
    transitions,
    attempts: [],
    createdAt: '2026-11-26T09:12:03.000Z',
    updatedAt: '2026-11-26T09:12:03.214Z',
  };
}

/** A transition to `status`. */
export function transition(status: string, cause: string, at: string): Transition {
  return { status, cause, at, detail: null };
}

/** An in-transit parcel's tracking. */
export function tracking(): TrackingSnapshot {
  return {
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    status: 'in_transit',
    events: [
      {
        occurredAt: '2026-11-25T08:00:00.000Z',
        status: 'picked_up',
        description: 'Picked up',
        location: { city: 'Shenzhen' },
        raw: { code: 'PU' },
      },
      {
        occurredAt: '2026-11-25T20:00:00.000Z',
        status: 'in_transit',
        description: 'Departed sorting centre',
        raw: { code: 'IT' },
      },
    ],
    interception: { possible: true, likelihood: 'high', reasons: [], warnings: [] },
  };
}

/** An `intercept.<status>` event. */
export function interceptEvent(id: string, status: Intercept['status']): WebhookEvent {
  return {
    id,
    type: `intercept.${status}` as 'intercept.accepted',
    occurredAt: '2026-11-26T09:12:03.000Z',
    tenantId: 'tnt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    objectKind: 'intercept',
    objectId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    data: intercept(status),
  };
}
