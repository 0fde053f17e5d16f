import type { InterceptLifecycleStatus, RedirectLifecycleStatus } from './codes.ts';

/**
 * The one table of events an action's status raises (docs/events.md): each lifecycle
 * status a merchant acts on names its event `<kind>.<status>`. `pending` raises none: an
 * action is `pending` when it is created (`<kind>.created`), and staying `pending` is no
 * news. Every list of event types (the API's schemas, the docs) is derived from this table.
 */
export const STATUS_EVENTS = {
  intercept: ['accepted', 'returning', 'returned', 'rejected', 'failed', 'cancelled'],
  redirect: ['accepted', 'redirected', 'rejected', 'failed', 'cancelled'],
} as const satisfies {
  readonly intercept: readonly Exclude<InterceptLifecycleStatus, 'pending'>[];
  readonly redirect: readonly Exclude<RedirectLifecycleStatus, 'pending'>[];
};

/**
 * What an event is about: an intercept, a redirect, a parcel the tenant acts on, a webhook
 * endpoint, or an order event of the after-sales assistant.
 */
export type EventObjectKind =
  | 'intercept'
  | 'redirect'
  | 'parcel'
  | 'webhook_endpoint'
  | 'order_event';

/** The kinds of action whose statuses raise events. */
export type ActionEventKind = keyof typeof STATUS_EVENTS;

/** The events of one action kind: created, each status of the table, flagged for a person. */
export type ActionEventType<Kind extends ActionEventKind = ActionEventKind> = {
  [K in Kind]: `${K}.${'created' | (typeof STATUS_EVENTS)[K][number] | 'needs_attention'}`;
}[Kind];

/** The one parcel event: its normalized status changed. */
export const PARCEL_STATUS_CHANGED = 'parcel.status_changed';

/**
 * Events about the tenant's webhook endpoints: one disabled after its deliveries failed for
 * a day, and the test event `POST /v1/webhook-endpoints/{id}/test` sends.
 */
export const ENDPOINT_EVENTS = ['webhook_endpoint.disabled', 'webhook_endpoint.test'] as const;

/** An event about a webhook endpoint. */
export type EndpointEventType = (typeof ENDPOINT_EVENTS)[number];

/**
 * Events about order events (docs/automation.md): one received and decided, and its
 * deadline at risk or missed.
 */
export const ORDER_EVENT_EVENTS = [
  'order_event.received',
  'order_event.deadline_at_risk',
  'order_event.deadline_missed',
] as const;

/** An event about an order event. */
export type OrderEventEventType = (typeof ORDER_EVENT_EVENTS)[number];

/** Every event type the gateway writes. */
export type EventType =
  | ActionEventType
  | typeof PARCEL_STATUS_CHANGED
  | EndpointEventType
  | OrderEventEventType;

/** The event types of one action kind, in lifecycle order. */
export function actionEventTypes<Kind extends ActionEventKind>(
  kind: Kind,
): readonly ActionEventType<Kind>[] {
  const statuses: readonly string[] = STATUS_EVENTS[kind];
  return ['created', ...statuses, 'needs_attention'].map(
    (name) => `${kind}.${name}` as ActionEventType<Kind>,
  );
}

/** Every event type, for schemas and docs. */
export const EVENT_TYPES: readonly EventType[] = [
  ...actionEventTypes('intercept'),
  ...actionEventTypes('redirect'),
  PARCEL_STATUS_CHANGED,
  ...ENDPOINT_EVENTS,
  ...ORDER_EVENT_EVENTS,
];

/** The event an action reaching `status` raises, if any (none for `pending`). */
export function statusEventType(
  kind: ActionEventKind,
  status: string,
): ActionEventType | undefined {
  const statuses: readonly string[] = STATUS_EVENTS[kind];
  return statuses.includes(status) ? (`${kind}.${status}` as ActionEventType) : undefined;
}
