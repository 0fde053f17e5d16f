import { Type } from 'typebox';
import { DEADLINE_REASON_CODES, DEADLINE_STATUSES } from '../policy/judge-order-deadline.ts';
import { RULE_ACTIONS } from '../policy/order-rules.ts';
import {
  CarrierId,
  CarrierOptions,
  closed,
  Money,
  OrderRef,
  ParcelStatus,
  PhoneLastDigits,
  PickupMode,
  TrackingNumber,
} from './common.ts';
import { Address } from './redirects.ts';
import { OrderEventType } from './rules.ts';
import { sharedSchema } from './shared-schema.ts';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

/** One parcel of an order, as the order event names it. */
export const OrderParcel = sharedSchema(
  'OrderParcel',
  Type.Object(
    {
      carrier: CarrierId,
      trackingNumber: TrackingNumber,
      declaredValue: Type.Optional(Money.ref),
      category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
      pickupMode: PickupMode.ref,
      phoneLastDigits: Type.Optional(PhoneLastDigits),
      carrierOptions: Type.Optional(CarrierOptions.ref),
    },
    closed,
  ),
);

const sampleRequest = {
  id: 'tts-refund-5801-1',
  type: 'refund_requested',
  orderRef: 'TTS-5801',
  orderTags: ['vip'],
  respondBy: '2026-03-02T12:00:00.000Z',
  parcels: [
    {
      carrier: 'sandbox',
      trackingNumber: 'SBX0000000001',
      declaredValue: { amount: '129.00', currency: 'CNY' },
      category: 'apparel',
      pickupMode: 'platform_pickup',
    },
  ],
};

/** The body of `POST /v1/order-events`. */
export const OrderEventRequest = sharedSchema(
  'OrderEventRequest',
  Type.Object(
    {
      id: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 128,
          pattern: '^[\\x21-\\x7e]+$',
          description:
            'The event’s own id at the marketplace: a second event with the same id is the same event (answered 200, nothing done again). Send it, an Idempotency-Key, or both.',
        }),
      ),
      type: OrderEventType.ref,
      orderRef: OrderRef,
      orderTags: Type.Optional(
        Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 }),
      ),
      parcels: Type.Array(OrderParcel.ref, { minItems: 1, maxItems: 50 }),
      respondBy: Type.Optional(
        Type.String({
          format: 'date-time',
          description:
            'When the marketplace acts by itself (refunds the buyer) if the merchant has not answered.',
        }),
      ),
      newAddress: Type.Optional(Address.ref),
      returnRequestedAt: Type.Optional(
        Type.String({
          format: 'date-time',
          description:
            'For `damage_reported`: when the buyer asked to return the damaged parcel; the reply is due 48 h later (by default, when the event is received).',
        }),
      ),
      note: Type.Optional(Type.String({ maxLength: 500 })),
    },
    { ...closed, examples: [sampleRequest] },
  ),
);

const DeadlineReason = sharedSchema(
  'DeadlineReason',
  Type.Object({
    code: Type.Enum(DEADLINE_REASON_CODES),
    message: Type.String(),
    carrier: Type.Optional(Type.String()),
    trackingNumber: Type.Optional(Type.String()),
  }),
);

/** What was decided for one parcel of an order event. */
export const ParcelDecision = sharedSchema(
  'ParcelDecision',
  Type.Object({
    carrier: Type.String(),
    trackingNumber: Type.String(),
    parcelStatus: Type.Union([ParcelStatus.ref, Type.Null()], {
      description: 'As tracked when the event was received; null when it could not be read.',
    }),
    ruleId: Type.Union([Type.String(), Type.Null()], {
      description: 'The rule that decided, or null when none matched.',
    }),
    action: Type.Union([Type.Enum(RULE_ACTIONS), Type.Null()]),
    outcome: Type.Enum(['started', 'not_started', 'notified', 'no_rule', 'in_progress'] as const, {
      description:
        '`started`: the action was sent (see `actionId`); `not_started`: the rule’s action could not be started (see `reasons`); `notified`: the event is recorded and announced only; `no_rule`: no rule matched; `in_progress`: another delivery of the same event is deciding it.',
    }),
    actionId: Type.Union([Type.String(), Type.Null()], {
      description: 'The intercept (`icp_…`) or redirect (`rdr_…`) started.',
    }),
    actionStatus: Type.Union([Type.String(), Type.Null()]),
    reasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String() }), {
      description: 'Why no action was started, every reason that applies.',
    }),
  }),
);

/** What a damage report got from the carrier. */
export const DeliveryEvidence = sharedSchema(
  'DeliveryEvidence',
  Type.Object({
    carrier: Type.String(),
    trackingNumber: Type.String(),
    source: Type.Enum(['proof_of_delivery', 'tracking_events', 'unavailable'] as const, {
      description:
        '`proof_of_delivery` when the carrier gives one (signature, photo); `tracking_events` when it offers none, so its delivery scans stand in; `unavailable` when tracking could not be read.',
    }),
    proofOfDelivery: Type.Union([
      Type.Object({
        deliveredAt: Type.Optional(Type.String()),
        signedBy: Type.Optional(Type.String()),
        photoUrl: Type.Optional(Type.String()),
      }),
      Type.Null(),
    ]),
    events: Type.Array(
      Type.Object({
        occurredAt: Type.String(),
        status: ParcelStatus.ref,
        description: Type.String(),
      }),
    ),
  }),
);

const sampleOrderEvent = {
  id: 'oev_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  externalId: 'tts-refund-5801-1',
  type: 'refund_requested',
  orderRef: 'TTS-5801',
  orderTags: ['vip'],
  parcels: sampleRequest.parcels,
  newAddress: null,
  note: null,
  decisions: [
    {
      carrier: 'sandbox',
      trackingNumber: 'SBX0000000001',
      parcelStatus: 'in_transit',
      ruleId: 'default:intercept-on-refund-or-cancellation',
      action: 'intercept',
      outcome: 'started',
      actionId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      actionStatus: 'accepted',
      reasons: [],
    },
  ],
  deadline: {
    respondBy: '2026-03-02T12:00:00.000Z',
    replyBy: null,
    status: 'met',
    reasons: [],
  },
  evidence: [],
  createdAt: '2026-03-02T10:15:00.000Z',
  updatedAt: '2026-03-02T10:15:01.000Z',
};

/** An order event as stored, with what was decided and how it stands against its deadline. */
export const OrderEvent = sharedSchema(
  'OrderEvent',
  Type.Object(
    {
      id: Type.String({ description: '`oev_…`' }),
      externalId: Type.Union([Type.String(), Type.Null()]),
      type: OrderEventType.ref,
      orderRef: Type.String(),
      orderTags: Type.Array(Type.String()),
      parcels: Type.Array(OrderParcel.ref),
      newAddress: Type.Union([Address.ref, Type.Null()]),
      note: Type.Union([Type.String(), Type.Null()]),
      decisions: Type.Array(ParcelDecision.ref),
      deadline: Type.Object({
        respondBy: NullableDateTime,
        replyBy: Type.Union([DateTime, Type.Null()], {
          description: 'For a damage report: 48 h from the buyer’s return request.',
        }),
        status: Type.Enum(DEADLINE_STATUSES, {
          description:
            '`at_risk`: Parcelgate cannot act in time (see `reasons`); `missed`: the deadline passed before everything asked was done; `met`: every action asked for was accepted; `on_track`: actions are pending; `none`: nothing to act on.',
        }),
        reasons: Type.Array(DeadlineReason.ref),
      }),
      evidence: Type.Array(DeliveryEvidence.ref),
      createdAt: DateTime,
      updatedAt: DateTime,
    },
    { examples: [sampleOrderEvent] },
  ),
);

/** A page of order events. */
export const OrderEventList = sharedSchema(
  'OrderEventList',
  Type.Object(
    {
      data: Type.Array(OrderEvent.ref),
      nextCursor: Type.Union([Type.String(), Type.Null()]),
    },
    { examples: [{ data: [sampleOrderEvent], nextCursor: null }] },
  ),
);

/** Filters of `GET /v1/order-events`. */
export const OrderEventListQuery = Type.Object(
  {
    orderRef: Type.Optional(OrderRef),
    deadlineStatus: Type.Optional(Type.Enum(DEADLINE_STATUSES)),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  closed,
);

/** Every order event schema with an `$id`. */
export const ORDER_EVENT_SCHEMAS = [
  OrderParcel,
  OrderEventRequest,
  DeadlineReason,
  ParcelDecision,
  DeliveryEvidence,
  OrderEvent,
  OrderEventList,
];
