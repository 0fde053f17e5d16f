import {
  type EndpointEventType,
  EVENT_TYPES,
  type EventType,
  type OrderEventEventType,
  type PARCEL_STATUS_CHANGED,
} from '../policy/event-types.ts';
import {
  InterceptEvent,
  OrderEventEvent,
  ParcelEvent,
  RedirectEvent,
  WebhookEndpointEvent,
} from '../schemas/events.ts';

/** The schemas a webhook's body may have: the members of the `Event` union. */
const EVENT_PAYLOADS = [
  InterceptEvent,
  RedirectEvent,
  ParcelEvent,
  WebhookEndpointEvent,
  OrderEventEvent,
];

/** One entry of the document's `webhooks` map: a POST the gateway makes to an endpoint. */
export interface WebhookPathItem {
  readonly post: {
    readonly operationId: string;
    readonly summary: string;
    readonly description: string;
    readonly tags: readonly string[];
    readonly security: readonly never[];
    readonly parameters: readonly WebhookHeaderParameter[];
    readonly requestBody: {
      readonly required: true;
      readonly description: string;
      readonly content: { readonly 'application/json': { readonly schema: { $ref: string } } };
    };
    readonly responses: Readonly<Record<string, { readonly description: string }>>;
  };
}

/** A Standard Webhooks header, as an OpenAPI header parameter. */
interface WebhookHeaderParameter {
  readonly name: string;
  readonly in: 'header';
  readonly required: true;
  readonly description: string;
  readonly schema: { readonly type: 'string'; readonly pattern?: string };
  readonly example: string;
}

/** The three headers every delivery carries (apps/gateway/src/webhooks/sign-webhook.ts). */
const SIGNATURE_HEADERS: readonly WebhookHeaderParameter[] = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description:
      'The message id: the event’s id, the same on every attempt and redelivery of it. Handle each id once.',
    schema: { type: 'string' },
    example: 'evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  },
  {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description:
      'When the message was signed, in whole seconds since the Unix epoch. Refuse it when more than five minutes from your clock, either way: that stops replays.',
    schema: { type: 'string', pattern: '^[0-9]+$' },
    example: '1772446501',
  },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      'Space-separated `v1,<base64>` entries: HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>` (the exact body bytes), keyed with the base64 after `whsec_` of the endpoint’s secret. Two entries while a rotated secret’s overlap lasts, one per secret; any match verifies. The SDK’s `verifyWebhookSignature` and every Standard Webhooks library check it.',
    schema: { type: 'string' },
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  },
];

/** What a receiver answers, and what the gateway makes of it (docs/webhooks.md). */
const RESPONSES = {
  '2XX': {
    description:
      'Received: the delivery is done (the body is ignored; the first 1024 bytes are kept in the deliveries log). Answer within 10 seconds; do slow work after answering.',
  },
  default: {
    description:
      'Any other status (redirects included: they are not followed), a timeout after 10 seconds or a network error is a failed attempt, retried with exponential backoff and jitter for about a day; then the endpoint is disabled and a `webhook_endpoint.disabled` event tells the tenant’s other endpoints.',
  },
} as const;

/** What each event type that is no action status tells, for its summary. */
const OTHER_SUMMARIES: Readonly<
  Record<typeof PARCEL_STATUS_CHANGED | EndpointEventType | OrderEventEventType, string>
> = {
  'parcel.status_changed': 'A parcel you act on changed its normalized status',
  'webhook_endpoint.disabled': 'One of your webhook endpoints was disabled after failing a day',
  'webhook_endpoint.test': 'A test event, sent by `POST /v1/webhook-endpoints/{id}/test`',
  'order_event.received': 'An order event was received and each of its parcels decided',
  'order_event.deadline_at_risk': 'Parcelgate cannot act on an order event before its deadline',
  'order_event.deadline_missed': 'An order event’s deadline passed before everything was done',
};

/**
 * The document's OpenAPI 3.1 `webhooks` map: one entry per event type of
 * policy/event-types.ts, in that table's order, each a POST whose body is the event schema
 * holding that type (by `$ref`, the same component `GET /v1/events/{id}` answers), with the
 * Standard Webhooks signature headers and the answer the gateway expects.
 */
export function webhooksSection(): Record<EventType, WebhookPathItem> {
  return Object.fromEntries(EVENT_TYPES.map((type) => [type, webhookPathItem(type)])) as Record<
    EventType,
    WebhookPathItem
  >;
}

function webhookPathItem(type: EventType): WebhookPathItem {
  const schemaName = payloadSchemaOf(type);
  return {
    post: {
      operationId: operationIdOf(type),
      summary: summaryOf(type),
      description: `Sent to each enabled endpoint subscribed to \`${type}\` (or to every type), signed per Standard Webhooks. The body is the event exactly as \`GET /v1/events/{id}\` shows it: a \`${schemaName}\` whose \`type\` is \`${type}\`. Delivered at least once, in order per object: deduplicate on \`webhook-id\`.`,
      tags: ['webhooks'],
      // Not called with an API key: the receiver checks the signature headers instead.
      security: [],
      parameters: SIGNATURE_HEADERS,
      requestBody: {
        required: true,
        description: `The \`${type}\` event.`,
        content: {
          'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } },
        },
      },
      responses: RESPONSES,
    },
  };
}

/**
 * The component whose `type` allows this event type. Read from the schemas themselves, so
 * a type moved or added in the table lands on the schema that really accepts it.
 *
 * @throws {Error} when no event schema, or more than one, holds the type: the table and
 *   the schemas disagree, a programming error caught when the document is built.
 */
export function payloadSchemaOf(type: EventType): string {
  const holders = EVENT_PAYLOADS.filter((payload) => typesOf(payload.schema).includes(type));
  const [holder] = holders;
  if (holder === undefined || holders.length > 1) {
    throw new Error(`${holders.length} event schemas hold the event type ${type}; expected 1.`);
  }
  // sharedSchema sets `$id` (the component's name) but its type does not carry it.
  const { $id } = holder.schema as { readonly $id?: unknown };
  if (typeof $id !== 'string') {
    throw new Error(`The event schema holding ${type} has no $id.`);
  }
  return $id;
}

/** The values an event schema's `type` takes: an enum of several, or one constant. */
function typesOf(schema: { readonly properties: { readonly type: object } }): readonly unknown[] {
  const type: { readonly enum?: readonly unknown[]; readonly const?: unknown } =
    schema.properties.type;
  return type.enum ?? (type.const === undefined ? [] : [type.const]);
}

/** `intercept.needs_attention` → `interceptNeedsAttentionWebhook`. */
function operationIdOf(type: EventType): string {
  const words = type.split(/[._]/);
  return `${words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('')}Webhook`;
}

function summaryOf(type: EventType): string {
  if (type in OTHER_SUMMARIES) {
    return OTHER_SUMMARIES[type as keyof typeof OTHER_SUMMARIES];
  }
  const [kind, name] = type.split('.') as [string, string];
  const noun = kind === 'intercept' ? 'An intercept' : 'A redirect';
  if (name === 'created') {
    return `${noun} was created (pending)`;
  }
  if (name === 'needs_attention') {
    return `${noun} was flagged for a person`;
  }
  return `${noun} is now \`${name}\``;
}
