import { Type } from 'typebox';
import { closed } from './common.ts';
import { EventId, EventType } from './event-fields.ts';
import { sharedSchema } from './shared-schema.ts';

/** A webhook endpoint id, `whe_` and a ULID. */
export const WebhookEndpointId = Type.String({
  pattern: '^whe_[0-9A-Z]{26}$',
  examples: ['whe_01JD3K9V7Q8M2N4P6R8T0V2X4Z'],
});

/** A delivery id, `whd_` and 32 hex digits. */
export const WebhookDeliveryId = Type.String({
  pattern: '^whd_[0-9a-f]{32}$',
  examples: ['whd_5f0c6a1b2d3e4f5061728394a5b6c7d8'],
});

const Url = Type.String({
  format: 'uri',
  minLength: 1,
  maxLength: 2048,
  description:
    'Where events are POSTed: https, resolving to public addresses only (checked now and at every delivery); redirects are not followed. http and private addresses are allowed only where the deployment sets WEBHOOK_ALLOW_PRIVATE_TARGETS=true.',
  examples: ['https://orders.example.com/parcelgate/webhooks'],
});

const Description = Type.String({ maxLength: 500, examples: ['order service, production'] });

const EventTypes = Type.Union(
  [
    Type.Array(EventType.ref, { minItems: 1, uniqueItems: true }),
    Type.Null({ description: 'Every event type, present and future.' }),
  ],
  { description: 'The event types sent to this endpoint; null for all.' },
);

const sampleEndpoint = {
  id: 'whe_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  url: 'https://orders.example.com/parcelgate/webhooks',
  description: 'order service, production',
  eventTypes: ['intercept.returned', 'intercept.failed', 'intercept.needs_attention'],
  enabled: true,
  disabledReason: null,
  previousSecretExpiresAt: null,
  createdAt: '2026-03-02T10:15:00.000Z',
  updatedAt: '2026-03-02T10:15:00.000Z',
};

const sampleDelivery = {
  id: 'whd_5f0c6a1b2d3e4f5061728394a5b6c7d8',
  endpointId: sampleEndpoint.id,
  eventId: 'evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  eventType: 'intercept.returned',
  objectId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  status: 'delivered',
  nextAttemptAt: null,
  createdAt: '2026-03-02T10:15:01.000Z',
  settledAt: '2026-03-02T10:15:07.000Z',
  attempts: [
    {
      attemptedAt: '2026-03-02T10:15:01.200Z',
      outcome: 'failed',
      statusCode: 503,
      durationMs: 84,
      responseSnippet: 'Service Unavailable',
      error: 'HTTP 503',
    },
    {
      attemptedAt: '2026-03-02T10:15:07.000Z',
      outcome: 'delivered',
      statusCode: 204,
      durationMs: 41,
      responseSnippet: '',
      error: null,
    },
  ],
};

const endpointFields = {
  id: WebhookEndpointId,
  url: Url,
  description: Type.Union([Description, Type.Null()]),
  eventTypes: EventTypes,
  enabled: Type.Boolean({
    description:
      'Whether events are sent to it. The gateway disables an endpoint whose deliveries failed for about a day (`disabledReason` says why; a `webhook_endpoint.disabled` event is written); enabling it again sends what waited.',
  }),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
  previousSecretExpiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description:
      'After a secret rotation: until then deliveries are signed with the new and the former secret.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

/** A webhook endpoint as the API shows it: never its secret. */
export const WebhookEndpoint = sharedSchema(
  'WebhookEndpoint',
  Type.Object(endpointFields, { examples: [sampleEndpoint] }),
);

const Secret = Type.String({
  pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
  description:
    'The signing secret (Standard Webhooks). Shown only in this answer: store it now; verify deliveries with it (e.g. the SDK’s verifyWebhookSignature).',
  examples: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
});

/** The answer to creating an endpoint: the endpoint and, this once, its secret. */
export const CreatedWebhookEndpoint = sharedSchema(
  'CreatedWebhookEndpoint',
  Type.Object(
    { ...endpointFields, secret: Secret },
    { examples: [{ ...sampleEndpoint, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }] },
  ),
);

/** What creating an endpoint takes. */
export const NewWebhookEndpoint = sharedSchema(
  'NewWebhookEndpoint',
  Type.Object(
    {
      url: Url,
      description: Type.Optional(Description),
      eventTypes: Type.Optional(EventTypes),
      enabled: Type.Optional(Type.Boolean({ default: true })),
    },
    {
      ...closed,
      examples: [
        {
          url: 'https://orders.example.com/parcelgate/webhooks',
          eventTypes: ['intercept.returned', 'intercept.failed'],
        },
      ],
    },
  ),
);

/** What an update may change; absent fields stay as they are. */
export const WebhookEndpointChanges = sharedSchema(
  'WebhookEndpointChanges',
  Type.Object(
    {
      url: Type.Optional(Url),
      description: Type.Optional(Type.Union([Description, Type.Null()])),
      eventTypes: Type.Optional(EventTypes),
      enabled: Type.Optional(Type.Boolean()),
    },
    { ...closed, minProperties: 1, examples: [{ enabled: true }] },
  ),
);

/** A tenant's endpoints. */
export const WebhookEndpointList = sharedSchema(
  'WebhookEndpointList',
  Type.Object(
    { data: Type.Array(WebhookEndpoint.ref, { maxItems: 20 }) },
    { examples: [{ data: [sampleEndpoint] }] },
  ),
);

/** What a secret rotation takes. */
export const SecretRotation = sharedSchema(
  'SecretRotation',
  Type.Object(
    {
      overlapSeconds: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 30 * 86_400,
          description:
            'How long the former secret still signs beside the new one (default 24 h; 0 ends it at once).',
        }),
      ),
    },
    { ...closed, examples: [{}, { overlapSeconds: 3600 }] },
  ),
);

/** The answer to a rotation: the new secret, shown once. */
export const RotatedSecret = sharedSchema(
  'RotatedSecret',
  Type.Object(
    {
      secret: Secret,
      previousSecretExpiresAt: Type.String({ format: 'date-time' }),
    },
    {
      examples: [
        {
          secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
          previousSecretExpiresAt: '2026-03-03T10:15:00.000Z',
        },
      ],
    },
  ),
);

/** One attempt to deliver an event. */
export const WebhookAttempt = sharedSchema(
  'WebhookAttempt',
  Type.Object({
    attemptedAt: Type.String({ format: 'date-time' }),
    outcome: Type.Union(
      [Type.Literal('delivered'), Type.Literal('failed'), Type.Literal('refused')],
      {
        description:
          'delivered: a 2xx answer. failed: any other status (3xx included), a timeout or a network error. refused: the URL resolved to an address not allowed; nothing was sent.',
      },
    ),
    statusCode: Type.Union([Type.Integer(), Type.Null()]),
    durationMs: Type.Integer({ minimum: 0 }),
    responseSnippet: Type.String({ description: 'The first 1024 bytes of the answer.' }),
    error: Type.Union([Type.String(), Type.Null()]),
  }),
);

/** One event's delivery to one endpoint, with its attempts. */
export const WebhookDelivery = sharedSchema(
  'WebhookDelivery',
  Type.Object(
    {
      id: WebhookDeliveryId,
      endpointId: WebhookEndpointId,
      eventId: EventId,
      eventType: EventType.ref,
      objectId: Type.String(),
      status: Type.Union(
        [Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('given_up')],
        {
          description:
            'pending: not yet delivered (it waits for `nextAttemptAt`, or for an earlier event about the same object). given_up: failed for about a day, or a test event that failed.',
        },
      ),
      nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
      settledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      attempts: Type.Array(WebhookAttempt.ref, { description: 'Oldest first.' }),
    },
    { examples: [sampleDelivery] },
  ),
);

/** A page of deliveries. */
export const WebhookDeliveryList = sharedSchema(
  'WebhookDeliveryList',
  Type.Object(
    {
      data: Type.Array(WebhookDelivery.ref),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` for the next page; null on the last page.',
      }),
    },
    { examples: [{ data: [sampleDelivery], nextCursor: null }] },
  ),
);

/** Filters of an endpoint's deliveries. */
export const DeliveryListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('given_up')]),
    ),
    eventId: Type.Optional(EventId),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  closed,
);

/** What a redelivery takes. */
export const Redelivery = sharedSchema(
  'Redelivery',
  Type.Object(
    {
      endpointId: Type.Optional(
        Type.String({
          ...WebhookEndpointId,
          description:
            'Only to this endpoint (even one not subscribed to the type). Without it: every enabled endpoint that wants the type.',
        }),
      ),
    },
    { ...closed, examples: [{}, { endpointId: sampleEndpoint.id }] },
  ),
);

/** The deliveries a redelivery queued. */
export const RedeliveryQueued = sharedSchema(
  'RedeliveryQueued',
  Type.Object(
    {
      deliveries: Type.Array(Type.Object({ id: WebhookDeliveryId, endpointId: WebhookEndpointId })),
    },
    { examples: [{ deliveries: [{ id: sampleDelivery.id, endpointId: sampleEndpoint.id }] }] },
  ),
);

/** Every webhook schema with an `$id`. */
export const WEBHOOK_SCHEMAS = [
  WebhookEndpoint,
  CreatedWebhookEndpoint,
  NewWebhookEndpoint,
  WebhookEndpointChanges,
  WebhookEndpointList,
  SecretRotation,
  RotatedSecret,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryList,
  Redelivery,
  RedeliveryQueued,
];
