/**
 * Sample resources shown in the OpenAPI document and the /docs reference. Each one must
 * validate against its schema: `pnpm openapi:check` (redocly lint) checks every example.
 * One parcel's story runs through them: SBX100000016, order TTS-5801.
 */

const createdAt = '2026-11-26T09:12:03.000Z';
const answeredAt = '2026-11-26T09:12:03.214Z';

/** A parcel as the sandbox carrier reports it, one day into its journey. */
export const sampleTracking = {
  carrier: 'sandbox',
  trackingNumber: 'SBX100000016',
  status: 'in_transit',
  events: [
    {
      occurredAt: '2026-11-25T18:02:00+08:00',
      status: 'picked_up',
      description: 'Picked up by the courier',
      location: { city: 'Hangzhou', region: 'ZJ', country: 'CN' },
      raw: { code: 'PICKED_UP', description: 'Parcel picked up' },
    },
    {
      occurredAt: '2026-11-26T09:10:00+08:00',
      status: 'in_transit',
      description: 'Departed the sorting centre',
      location: { city: 'Hangzhou', region: 'ZJ', country: 'CN' },
      raw: { code: 'IN_TRANSIT' },
    },
  ],
  estimatedDelivery: '2026-11-28',
  origin: { city: 'Hangzhou', region: 'ZJ', country: 'CN' },
  destination: { city: 'Suzhou', region: 'JS', country: 'CN' },
  interception: { possible: true, likelihood: 'high', reasons: [], warnings: [] },
};

/** The carrier's answer in the history of both resources. */
const acceptedHistory = {
  transitions: [
    { status: 'pending', at: createdAt, cause: 'request', detail: null },
    { status: 'accepted', at: answeredAt, cause: 'carrier_answer', detail: null },
  ],
  attempts: [
    {
      operation: 'track',
      at: '2026-11-26T09:12:02.870Z',
      durationMs: 118,
      httpStatus: 200,
      outcome: 'ok',
      carrierCode: null,
    },
  ],
};

/** An intercept the carrier accepted within the budget. */
export const sampleIntercept = {
  id: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
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
  fee: { payer: 'carrier', note: 'returned free by the pickup driver along the original route' },
  reasons: [],
  warnings: [],
  carrierReference: 'SBX-ICP-88213',
  carrierReason: null,
  statusDetail: null,
  needsAttention: false,
  attentionReason: null,
  nextActions: ['refund_buyer'],
  ...acceptedHistory,
  createdAt,
  updatedAt: answeredAt,
};

/** A redirect that used the order's free redirect. */
export const sampleRedirect = {
  id: 'rdr_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  status: 'accepted',
  carrier: 'sandbox',
  trackingNumber: 'SBX100000016',
  orderRef: 'TTS-5801',
  reason: 'address_error',
  newAddress: {
    name: 'Li Lei',
    phone: '+8613800000000',
    line1: '1 Renmin Rd',
    city: 'Suzhou',
    region: 'JS',
    postalCode: '215000',
    country: 'CN',
  },
  free: true,
  likelihood: 'high',
  parcelStatus: 'in_transit',
  parcelStatusAtRequest: 'in_transit',
  fee: { payer: 'platform', note: "the order's one free redirect" },
  reasons: [],
  warnings: [],
  carrierReference: 'SBX-RDR-40117',
  carrierReason: null,
  statusDetail: null,
  needsAttention: false,
  attentionReason: null,
  nextActions: [],
  ...acceptedHistory,
  createdAt,
  updatedAt: answeredAt,
};

/** The sandbox carrier as `GET /v1/carriers` lists it. */
export const sampleCarrier = {
  id: 'sandbox',
  displayName: 'Sandbox',
  operations: ['track', 'intercept', 'redirect'],
  availability: {
    track: { byApi: true },
    intercept: { byApi: true },
    redirect: { byApi: true },
    cancelIntercept: { byApi: true },
    cancelRedirect: { byApi: true },
    feeQuote: { byApi: true },
    bulkTracking: {
      byApi: false,
      reason:
        'not offered by this carrier: one parcel per call (a batch read tracks them one by one)',
    },
  },
  target: 'simulator',
  credentialFields: [
    {
      key: 'apiKey',
      description: 'Sandbox API key (Authorization: Bearer)',
      secret: true,
      required: true,
    },
  ],
  capabilities: {
    intercept: {
      window: {
        highLikelihood: ['picked_up', 'in_transit'],
        lowLikelihood: ['at_destination_facility'],
      },
      fees: { kind: 'by_pickup_mode' },
      outcome: 'synchronous',
      safeToRetry: false,
      declaredValueLimits: [{ amount: '1000.00', currency: 'CNY' }],
      excludedCategories: ['fresh_food', 'virtual_goods', 'jewelry'],
    },
    redirect: {
      window: {
        highLikelihood: ['picked_up', 'in_transit'],
        lowLikelihood: ['at_destination_facility'],
      },
      fees: { kind: 'by_pickup_mode' },
      outcome: 'synchronous',
      safeToRetry: false,
      freePerOrder: 1,
    },
    proofOfDelivery: true,
    callbacks: false,
  },
  requestOptions: [],
  circuits: { track: 'closed', intercept: 'closed', redirect: 'closed' },
};

/** A tenant's own UPS account, as the API shows it: the secret only as a hint. */
export const sampleConnection = {
  id: 'con_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  carrier: 'ups',
  label: 'UPS US main account',
  mode: 'live',
  isDefault: true,
  credentials: {
    clientId: { secret: false, value: 'AbCdEf123456' },
    clientSecret: { secret: true, hint: '••••9f3a' },
    requesterName: { secret: false, value: 'TTS Returns Desk' },
    requesterPhone: { secret: false, value: '+14045550100' },
  },
  callbackUrl:
    'https://parcelgate.example.com/v1/carrier-callbacks/ups/con_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  createdAt,
  updatedAt: createdAt,
};

/** A parcel tenant registered as its own. */
export const sampleRegisteredParcel = {
  id: 'pcl_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  carrier: 'sandbox',
  trackingNumber: 'SBX100000016',
  orderRef: 'TTS-5801',
  createdAt,
};
