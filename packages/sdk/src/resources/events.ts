import type { CallOptions } from '../options.ts';
import { type PageIterable, paginate } from '../pagination.ts';
import { call, type Transport } from '../transport/call.ts';
import type {
  EventList,
  EventListQuery,
  Redelivery,
  RedeliveryQueued,
  WebhookEvent,
} from '../types.ts';

/**
 * `client.events`: the tenant's event log, what happened to its intercepts, redirects,
 * parcels and webhook endpoints, each event with the whole object as it was then. Kept 30
 * days. Webhooks deliver exactly these events.
 */
export interface EventsResource {
  /**
   * Every event matching the filters, newest first, following cursors:
   * `for await (const event of client.events.list({ type: ['intercept.returned'] }))`.
   */
  list(query?: EventListQuery, options?: CallOptions): PageIterable<WebhookEvent, EventList>;
  /** One page of events; pass `nextCursor` back as `cursor` for the next. */
  listPage(query?: EventListQuery, options?: CallOptions): Promise<EventList>;
  /** Reads one event; `not-found` (404) once it is older than 30 days. */
  get(id: string, options?: CallOptions): Promise<WebhookEvent>;
  /**
   * Sends an event to the tenant's webhook endpoints again: to every enabled endpoint that
   * wants its type, or only to `endpointId` (even one not subscribed to it). Each delivery
   * keeps the event's id as `webhook-id`, so a receiver that handled it can tell.
   */
  redeliver(id: string, redelivery?: Redelivery, options?: CallOptions): Promise<RedeliveryQueued>;
}

/** Binds the event log operations to a transport. */
export function eventsResource(transport: Transport): EventsResource {
  const { api } = transport;
  const listPage = (query: EventListQuery = {}, options?: CallOptions) =>
    call(transport, options, undefined, (init) =>
      api.GET('/v1/events', { params: { query }, ...init }),
    );
  return {
    list(query = {}, options) {
      return paginate(query, options, listPage);
    },
    listPage,
    get(id, options) {
      return call(transport, options, undefined, (init) =>
        api.GET('/v1/events/{id}', { params: { path: { id } }, ...init }),
      );
    },
    redeliver(id, redelivery = {}, options) {
      // Sent again after a lost answer: a second redelivery carries the same webhook-id,
      // which receivers already drop as a duplicate.
      return call(transport, options, undefined, (init) =>
        api.POST('/v1/events/{id}/redeliver', {
          params: { path: { id } },
          body: redelivery,
          ...init,
        }),
      );
    },
  };
}
