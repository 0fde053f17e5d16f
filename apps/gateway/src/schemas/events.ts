import { Type } from 'typebox';
import {
  actionEventTypes,
  ENDPOINT_EVENTS,
  EVENT_TYPES,
  ORDER_EVENT_EVENTS,
  PARCEL_STATUS_CHANGED,
} from '../policy/event-types.ts';
import { CarrierId, closed, ParcelStatus, TrackingNumber } from './common.ts';
import { EventId, EventType } from './event-fields.ts';
import { sampleIntercept } from './examples.ts';
import { Intercept } from './intercepts.ts';
import { OrderEvent } from './order-events.ts';
import { Redirect } from './redirects.ts';
import { sharedSchema } from './shared-schema.ts';
import { WebhookEndpoint } from './webhooks.ts';

/** The fields every event has besides its type and object. */
function eventFields(description: string) {
  return {
    id: EventId,
    occurredAt: Type.String({ format: 'date-time' }),
    tenantId: Type.String({
      description:
        'The tenant it happened to: one receiver can serve several tenants (e.g. shops) and tell them apart.',
      examples: ['tnt_01JD3K9V7Q8M2N4P6R8T0V2X4Z'],
    }),
    objectId: Type.String({ description }),
  };
}

const sampleInterceptEvent = {
  id: 'evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  type: 'intercept.accepted',
  occurredAt: '2026-03-02T10:15:01.000Z',
  tenantId: 'tnt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  objectKind: 'intercept',
  objectId: sampleIntercept.id,
  data: sampleIntercept,
};

/** An event about an intercept: `data` is the intercept as `GET /v1/intercepts/{id}` showed it then. */
export const InterceptEvent = sharedSchema(
  'InterceptEvent',
  Type.Object(
    {
      ...eventFields('The intercept’s id.'),
      type: Type.Enum(actionEventTypes('intercept')),
      objectKind: Type.Literal('intercept'),
      data: Intercept.ref,
    },
    { examples: [sampleInterceptEvent] },
  ),
);

/** An event about a redirect: `data` is the redirect as `GET /v1/redirects/{id}` showed it then. */
export const RedirectEvent = sharedSchema(
  'RedirectEvent',
  Type.Object({
    ...eventFields('The redirect’s id.'),
    type: Type.Enum(actionEventTypes('redirect')),
    objectKind: Type.Literal('redirect'),
    data: Redirect.ref,
  }),
);

/** The parcel a `parcel.status_changed` event is about, with its new and former status. */
export const ParcelStatusChange = sharedSchema(
  'ParcelStatusChange',
  Type.Object({
    carrier: CarrierId,
    trackingNumber: TrackingNumber,
    parcelId: Type.Union([Type.String(), Type.Null()], {
      description: 'The id of the parcel when the tenant registered it (`POST /v1/parcels`).',
    }),
    status: ParcelStatus.ref,
    previousStatus: Type.Union([ParcelStatus.ref, Type.Null()]),
  }),
);

/** A change of status of a parcel the tenant acts on. */
export const ParcelEvent = sharedSchema(
  'ParcelEvent',
  Type.Object({
    ...eventFields('`<carrier>:<trackingNumber>`.'),
    type: Type.Literal(PARCEL_STATUS_CHANGED),
    objectKind: Type.Literal('parcel'),
    data: ParcelStatusChange.ref,
  }),
);

/** An event about one of the tenant's webhook endpoints: `data` is the endpoint then. */
export const WebhookEndpointEvent = sharedSchema(
  'WebhookEndpointEvent',
  Type.Object({
    ...eventFields('The endpoint’s id.'),
    type: Type.Enum(ENDPOINT_EVENTS),
    objectKind: Type.Literal('webhook_endpoint'),
    data: WebhookEndpoint.ref,
  }),
);

/** An event about an order event: `data` is the order event as `GET /v1/order-events/{id}` showed it then. */
export const OrderEventEvent = sharedSchema(
  'OrderEventEvent',
  Type.Object({
    ...eventFields('The order event’s id.'),
    type: Type.Enum(ORDER_EVENT_EVENTS),
    objectKind: Type.Literal('order_event'),
    data: OrderEvent.ref,
  }),
);

/** Any event, told apart by `type` (and `objectKind`). */
export const Event = sharedSchema(
  'Event',
  Type.Union(
    [
      InterceptEvent.ref,
      RedirectEvent.ref,
      ParcelEvent.ref,
      WebhookEndpointEvent.ref,
      OrderEventEvent.ref,
    ],
    {
      description:
        'Something that happened to an intercept, a redirect, a parcel, a webhook endpoint or an order event of the tenant, with the whole object as it was then. Kept 30 days. Webhooks deliver exactly this.',
      examples: [sampleInterceptEvent],
    },
  ),
);

/** A page of events. */
export const EventList = sharedSchema(
  'EventList',
  Type.Object(
    {
      data: Type.Array(Event.ref),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` for the next page; null on the last page.',
      }),
    },
    {
      description: 'A page of events, newest first (in the order they were written).',
      examples: [{ data: [sampleInterceptEvent], nextCursor: null }],
    },
  ),
);

/** Filters of `GET /v1/events`. */
export const EventListQuery = Type.Object(
  {
    type: Type.Optional(
      Type.Array(EventType.ref, {
        maxItems: EVENT_TYPES.length,
        description: 'Only events of these types (repeat the parameter for several).',
      }),
    ),
    objectId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Only events about this object: an intercept or redirect id, or `<carrier>:<trackingNumber>` for a parcel.',
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  closed,
);

/** Every event schema with an `$id`. */
export const EVENT_SCHEMAS = [
  InterceptEvent,
  RedirectEvent,
  ParcelStatusChange,
  ParcelEvent,
  WebhookEndpointEvent,
  OrderEventEvent,
  Event,
  EventList,
];
