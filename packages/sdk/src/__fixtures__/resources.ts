import type {
  CarrierConnection,
  CreatedWebhookEndpoint,
  Intercept,
  InterceptEvent,
  InterceptRequest,
  NewCarrierConnection,
  RegisteredParcel,
  WebhookDelivery,
  WebhookEndpoint,
} from '../types.ts';

/** The body of an intercept request, as the document's example has it. */
export const interceptRequest: InterceptRequest = {
  carrier: 'sandbox',
  trackingNumber: 'SBX100000016',
  reason: 'buyer_cancelled',
  orderRef: 'TTS-5801',
  pickupMode: 'platform_pickup',
  parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
};

/** An accepted intercept, as the document's example has it. */
export function acceptedIntercept(id = 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z'): Intercept {
  return {
    id,
    status: 'accepted',
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    reason: 'buyer_cancelled',
    orderRef: 'TTS-5801',
    pickupMode: 'platform_pickup',
    parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
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
    nextActions: ['refund_buyer'],
    transitions: [],
    attempts: [],
    createdAt: '2026-11-26T09:12:03.000Z',
    updatedAt: '2026-11-26T09:12:03.214Z',
  };
}

/** The body of a sandbox connection in test mode. */
export const newConnection: NewCarrierConnection = {
  carrier: 'sandbox',
  label: 'own sandbox account',
  mode: 'test',
  credentials: { apiKey: 'sbx_acme_live_9d2c7f1e4b8a' },
};

/** The stored connection of {@link newConnection}, as the API shows it: a hint, no secret. */
export function storedConnection(id = 'con_01JD3K9V7Q8M2N4P6R8T0V2X4Z'): CarrierConnection {
  return {
    id,
    carrier: 'sandbox',
    label: 'own sandbox account',
    mode: 'test',
    isDefault: true,
    credentials: { apiKey: { secret: true, hint: '••••4b8a' } },
    callbackUrl: `https://parcelgate.example.com/v1/carrier-callbacks/sandbox/${id}`,
    createdAt: '2026-11-26T09:12:03.000Z',
    updatedAt: '2026-11-26T09:12:03.000Z',
  };
}

/** A registered parcel, as the document's example has it. */
export function registeredParcel(id = 'pcl_01JD3K9V7Q8M2N4P6R8T0V2X4Z'): RegisteredParcel {
  return {
    id,
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    orderRef: 'TTS-5801',
    createdAt: '2026-11-26T09:12:03.000Z',
  };
}

/** An event about {@link acceptedIntercept}, of the given intercept event type. */
export function interceptEvent(
  type: InterceptEvent['type'] = 'intercept.accepted',
  id = 'evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
): InterceptEvent {
  const intercept = acceptedIntercept();
  return {
    id,
    type,
    occurredAt: '2026-11-26T09:12:03.214Z',
    tenantId: 'tnt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    objectKind: 'intercept',
    objectId: intercept.id,
    data: type === 'intercept.returned' ? { ...intercept, status: 'returned' } : intercept,
  };
}

/** A webhook endpoint as the API shows it (no secret). */
export function webhookEndpoint(id = 'whe_01JD3K9V7Q8M2N4P6R8T0V2X4Z'): WebhookEndpoint {
  return {
    id,
    url: 'https://orders.example.com/parcelgate/webhooks',
    description: 'order service, production',
    eventTypes: ['intercept.returned', 'intercept.failed', 'intercept.needs_attention'],
    enabled: true,
    disabledReason: null,
    previousSecretExpiresAt: null,
    createdAt: '2026-11-26T09:12:03.000Z',
    updatedAt: '2026-11-26T09:12:03.000Z',
  };
}

/** The answer to creating {@link webhookEndpoint}: with its secret, shown once. */
export function createdWebhookEndpoint(id?: string): CreatedWebhookEndpoint {
  return { ...webhookEndpoint(id), secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD' };
}

/** One delivery of an event to {@link webhookEndpoint}, delivered at the first attempt. */
export function webhookDelivery(id = 'whd_5f0c6a1b2d3e4f5061728394a5b6c7d8'): WebhookDelivery {
  return {
    id,
    endpointId: 'whe_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    eventId: 'evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    eventType: 'intercept.returned',
    objectId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    status: 'delivered',
    nextAttemptAt: null,
    createdAt: '2026-11-26T09:12:03.000Z',
    settledAt: '2026-11-26T09:12:03.100Z',
    attempts: [
      {
        attemptedAt: '2026-11-26T09:12:03.050Z',
        outcome: 'delivered',
        statusCode: 204,
        durationMs: 41,
        responseSnippet: '',
        error: null,
      },
    ],
  };
}
