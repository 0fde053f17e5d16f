import type { StoredEvent } from '../store/events.ts';
import type { WebhookEndpointRecord } from '../store/webhook-endpoints.ts';

/**
 * An event as the API shows it, and as a webhook delivers it (one shape for both, so a
 * receiver and `GET /v1/events/{id}` agree field for field); `data` was presented when the
 * event was written.
 */
export function presentEvent(event: StoredEvent) {
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    tenantId: event.tenantId,
    objectKind: event.objectKind,
    objectId: event.objectId,
    data: event.data,
  };
}

/**
 * A webhook endpoint as the API and its events show it: never its secrets. The former
 * secret's expiry is shown while a rotation's overlap lasts.
 */
export function presentWebhookEndpoint(endpoint: WebhookEndpointRecord, now: Date = new Date()) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    previousSecretExpiresAt:
      endpoint.previousSecretExpiresAt !== null &&
      endpoint.previousSecretExpiresAt.getTime() > now.getTime()
        ? endpoint.previousSecretExpiresAt.toISOString()
        : null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}
