import type {
  CarrierConnection,
  Intercept,
  InterceptRequest,
  NewCarrierConnection,
  RegisteredParcel,
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
