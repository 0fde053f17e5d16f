import type { CallOptions } from '../options.ts';
import { type PageIterable, paginate } from '../pagination.ts';
import { call, type Transport } from '../transport/call.ts';
import type {
  CreatedWebhookEndpoint,
  NewWebhookEndpoint,
  RotatedSecret,
  SecretRotation,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookDeliveryListQuery,
  WebhookEndpoint,
  WebhookEndpointChanges,
  WebhookEndpointList,
} from '../types.ts';

/**
 * `client.webhookEndpoints`: the URLs the tenant's events are POSTed to, signed per
 * Standard Webhooks (check them with `constructWebhookEvent` or `verifyWebhookSignature`),
 * and every delivery made to them.
 */
export interface WebhookEndpointsResource {
  /**
   * Registers a URL (https, resolving to public addresses, else `webhook-target-refused`,
   * 422) for every event type or the `eventTypes` named. The answer's `secret` (`whsec_…`)
   * is shown only this once: store it. Not idempotent (the API takes no Idempotency-Key),
   * so an attempt that got no answer is not sent again: on a `ParcelgateConnectionError`,
   * `list()` shows whether it was stored.
   */
  create(endpoint: NewWebhookEndpoint, options?: CallOptions): Promise<CreatedWebhookEndpoint>;
  /** Every endpoint of the tenant (at most 20), without secrets. */
  list(options?: CallOptions): Promise<WebhookEndpointList>;
  /** Reads one endpoint. */
  get(id: string, options?: CallOptions): Promise<WebhookEndpoint>;
  /**
   * Changes the URL (checked like a new one), description or event types, or enables or
   * disables it; fields not named are kept. Enabling a disabled endpoint sends what waited.
   */
  update(
    id: string,
    changes: WebhookEndpointChanges,
    options?: CallOptions,
  ): Promise<WebhookEndpoint>;
  /**
   * Deletes it and its deliveries. A retry after a lost answer may find it gone already:
   * treat `not-found` as deleted.
   */
  delete(id: string, options?: CallOptions): Promise<void>;
  /**
   * Gives the endpoint a new secret, shown only in this answer. Until
   * `previousSecretExpiresAt` (24 h by default, `overlapSeconds` to choose) deliveries are
   * signed with both, so receivers holding either verify. Never sent again after an attempt
   * that got no answer: a second rotation would replace a secret nobody saw.
   */
  rotateSecret(
    id: string,
    rotation?: SecretRotation,
    options?: CallOptions,
  ): Promise<RotatedSecret>;
  /**
   * Sends a `webhook_endpoint.test` event to this endpoint now (enabled or not) and resolves
   * with the delivery and its one attempt: how the receiver answered. A failing receiver
   * resolves too (`status: 'given_up'`); it does not throw.
   */
  test(id: string, options?: CallOptions): Promise<WebhookDelivery>;
  /**
   * Every delivery to the endpoint matching the filters, newest first, with every attempt,
   * following cursors: `for await (const delivery of client.webhookEndpoints.deliveries(id))`.
   */
  deliveries(
    id: string,
    query?: WebhookDeliveryListQuery,
    options?: CallOptions,
  ): PageIterable<WebhookDelivery, WebhookDeliveryList>;
  /** One page of the endpoint's deliveries; pass `nextCursor` back as `cursor` for the next. */
  deliveriesPage(
    id: string,
    query?: WebhookDeliveryListQuery,
    options?: CallOptions,
  ): Promise<WebhookDeliveryList>;
}

/** Binds the webhook endpoint operations to a transport. */
export function webhookEndpointsResource(transport: Transport): WebhookEndpointsResource {
  const { api } = transport;
  const deliveriesPage = (
    id: string,
    query: WebhookDeliveryListQuery = {},
    options?: CallOptions,
  ) =>
    call(transport, options, undefined, (init) =>
      api.GET('/v1/webhook-endpoints/{id}/deliveries', {
        params: { path: { id }, query },
        ...init,
      }),
    );
  return {
    create(endpoint, options) {
      return call(
        transport,
        options,
        undefined,
        (init) =>
          api.POST('/v1/webhook-endpoints', {
            // The API fills in `enabled: true`; the generated body type requires it.
            body: { enabled: true, ...endpoint },
            ...init,
          }),
        { resendUnanswered: false },
      );
    },
    list(options) {
      return call(transport, options, undefined, (init) =>
        api.GET('/v1/webhook-endpoints', { ...init }),
      );
    },
    get(id, options) {
      return call(transport, options, undefined, (init) =>
        api.GET('/v1/webhook-endpoints/{id}', { params: { path: { id } }, ...init }),
      );
    },
    update(id, changes, options) {
      // Every change sets a value, so sending it twice leaves the same endpoint.
      return call(transport, options, undefined, (init) =>
        api.PATCH('/v1/webhook-endpoints/{id}', {
          params: { path: { id } },
          body: changes,
          ...init,
        }),
      );
    },
    async delete(id, options) {
      await call(transport, options, undefined, (init) =>
        api.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id } }, ...init }),
      );
    },
    rotateSecret(id, rotation = {}, options) {
      return call(
        transport,
        options,
        undefined,
        (init) =>
          api.POST('/v1/webhook-endpoints/{id}/rotate-secret', {
            params: { path: { id } },
            body: rotation,
            ...init,
          }),
        { resendUnanswered: false },
      );
    },
    test(id, options) {
      // Sending it again after a lost answer only sends one more test event.
      return call(transport, options, undefined, (init) =>
        api.POST('/v1/webhook-endpoints/{id}/test', { params: { path: { id } }, ...init }),
      );
    },
    deliveries(id, query = {}, options) {
      return paginate(query, options, (page, pageOptions) => deliveriesPage(id, page, pageOptions));
    },
    deliveriesPage,
  };
}
