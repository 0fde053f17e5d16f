import type { FastifyInstance } from 'fastify';
import { sealWebhookSecret } from '../connections/sealed-webhook-secrets.ts';
import { newId } from '../ids.ts';
import { presentWebhookEndpoint } from '../lifecycle/present-event.ts';
import { ProblemError } from '../problems.ts';
import { findEvent, insertEvent } from '../store/events.ts';
import {
  type DeliveryStatus,
  type DeliveryWithAttempts,
  findDelivery,
  listDeliveries,
  queueTestDelivery,
  redeliverEvent,
} from '../store/webhook-deliveries.ts';
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  MAX_ENDPOINTS_PER_TENANT,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookEndpointChanges,
} from '../store/webhook-endpoints.ts';
import { checkWebhookTarget } from '../webhooks/target-guard.ts';
import { newWebhookSecret } from '../webhooks/webhook-secret.ts';
import { readSequenceCursor, sequencePage } from './list-page.ts';

type App = Pick<FastifyInstance, 'database' | 'config' | 'connectionSecrets' | 'webhooks'>;

/**
 * Refuses a URL webhooks may not go to (scheme, credentials, an address that is not
 * public), naming the field: checked at creation and on every change, and again by each
 * delivery, since DNS may change.
 */
async function checkTarget(app: App, url: string): Promise<string> {
  const verdict = await checkWebhookTarget(url, {
    allowPrivate: app.config.webhooks.allowPrivateTargets,
  });
  if (!verdict.ok) {
    throw new ProblemError('webhook-target-refused', verdict.reason, {
      errors: [{ pointer: '/body/url', detail: verdict.reason }],
    });
  }
  return verdict.url.href;
}

async function endpointOf(app: App, tenantId: string, id: string) {
  const endpoint = await findWebhookEndpoint(app.database, tenantId, id);
  if (endpoint === undefined) {
    throw new ProblemError('not-found', `No webhook endpoint ${id}.`);
  }
  return endpoint;
}

/** Creates an endpoint; the answer carries its secret, never shown again. */
export async function createEndpoint(
  app: App,
  tenantId: string,
  body: {
    readonly url: string;
    readonly description?: string;
    readonly eventTypes?: readonly string[] | null;
    readonly enabled?: boolean;
  },
) {
  const url = await checkTarget(app, body.url);
  const id = newId('whe');
  const secret = newWebhookSecret();
  const endpoint = await insertWebhookEndpoint(app.database, {
    id,
    tenantId,
    url,
    description: body.description ?? null,
    eventTypes: body.eventTypes ?? null,
    enabled: body.enabled ?? true,
    sealedSecret: sealWebhookSecret(app.connectionSecrets.box, { id, tenantId }, secret),
  });
  if (endpoint === undefined) {
    throw new ProblemError(
      'webhook-endpoint-limit',
      `A tenant may have ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints; delete one first.`,
    );
  }
  return { ...presentWebhookEndpoint(endpoint), secret };
}

/** The tenant's endpoints. */
export async function listEndpoints(app: App, tenantId: string) {
  return {
    data: (await listWebhookEndpoints(app.database, tenantId)).map((endpoint) =>
      presentWebhookEndpoint(endpoint),
    ),
  };
}

/** One endpoint of the tenant. */
export async function getEndpoint(app: App, tenantId: string, id: string) {
  return presentWebhookEndpoint(await endpointOf(app, tenantId, id));
}

/** Changes an endpoint; a new URL is checked like a new endpoint's. */
export async function changeEndpoint(
  app: App,
  tenantId: string,
  id: string,
  changes: WebhookEndpointChanges,
) {
  const url = changes.url === undefined ? undefined : await checkTarget(app, changes.url);
  const endpoint = await updateWebhookEndpoint(app.database, tenantId, id, {
    ...changes,
    ...(url === undefined ? {} : { url }),
  });
  if (endpoint === undefined) {
    throw new ProblemError('not-found', `No webhook endpoint ${id}.`);
  }
  return presentWebhookEndpoint(endpoint);
}

/** Deletes an endpoint with its deliveries. */
export async function removeEndpoint(app: App, tenantId: string, id: string): Promise<void> {
  if (!(await deleteWebhookEndpoint(app.database, tenantId, id))) {
    throw new ProblemError('not-found', `No webhook endpoint ${id}.`);
  }
}

/**
 * Gives the endpoint a new secret; the former one keeps signing beside it for the overlap
 * (`overlapSeconds`, by default `PARCELGATE_WEBHOOK_SECRET_OVERLAP_MS`), so receivers can
 * switch without missing a delivery.
 */
export async function rotateSecret(
  app: App,
  tenantId: string,
  id: string,
  overlapSeconds: number | undefined,
) {
  const secret = newWebhookSecret();
  const overlapMs =
    overlapSeconds === undefined ? app.config.webhooks.secretOverlapMs : overlapSeconds * 1000;
  const previousExpiresAt = new Date(Date.now() + overlapMs);
  const endpoint = await rotateWebhookSecret(app.database, tenantId, id, {
    sealedSecret: sealWebhookSecret(app.connectionSecrets.box, { id, tenantId }, secret),
    previousExpiresAt,
  });
  if (endpoint === undefined) {
    throw new ProblemError('not-found', `No webhook endpoint ${id}.`);
  }
  return { secret, previousSecretExpiresAt: previousExpiresAt.toISOString() };
}

/** A delivery as the API shows it. */
export function presentDelivery(delivery: DeliveryWithAttempts) {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    objectId: delivery.objectId,
    status: delivery.status,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    createdAt: delivery.createdAt.toISOString(),
    settledAt: delivery.settledAt?.toISOString() ?? null,
    attempts: delivery.attemptList.map((attempt) => ({
      ...attempt,
      attemptedAt: attempt.attemptedAt.toISOString(),
    })),
  };
}

/**
 * Sends a test event (`webhook_endpoint.test`, the endpoint as `data`) to this endpoint
 * only, at once, through the same signing and checks as every delivery, and answers with
 * the delivery and its attempt. A test is tried once: it is never retried and never
 * disables the endpoint, which may be disabled (test a receiver before enabling it).
 */
export async function testEndpoint(app: App, tenantId: string, id: string) {
  const endpoint = await endpointOf(app, tenantId, id);
  const deliveryId = await app.database.transaction(async (tx) => {
    const event = await insertEvent(tx, {
      tenantId,
      type: 'webhook_endpoint.test',
      objectKind: 'webhook_endpoint',
      objectId: endpoint.id,
      data: presentWebhookEndpoint(endpoint),
    });
    return queueTestDelivery(tx, event, endpoint.id);
  });
  await app.webhooks.sendQueue({ endpointId: endpoint.id, objectId: endpoint.id });
  const delivery = await findDelivery(app.database, tenantId, deliveryId);
  if (delivery === undefined) {
    throw new ProblemError('not-found', `No webhook endpoint ${id}.`);
  }
  return presentDelivery(delivery);
}

/** A newest-first page of an endpoint's deliveries with their attempts. */
export async function listEndpointDeliveries(
  app: App,
  tenantId: string,
  id: string,
  query: {
    readonly status?: DeliveryStatus | undefined;
    readonly eventId?: string | undefined;
    readonly cursor?: string | undefined;
    readonly limit: number;
  },
) {
  await endpointOf(app, tenantId, id);
  const rows = await listDeliveries(app.database, tenantId, id, {
    beforeSeq: readSequenceCursor(query.cursor),
    status: query.status,
    eventId: query.eventId,
    limit: query.limit,
  });
  return sequencePage(rows, query.limit, presentDelivery);
}

/**
 * Sends an event again: to every enabled endpoint that wants its type, or to the one
 * named. Deliveries keep the event's id (`webhook-id`), so receivers that already handled
 * it can tell.
 */
export async function redeliver(
  app: App,
  tenantId: string,
  eventId: string,
  endpointId: string | undefined,
) {
  if ((await findEvent(app.database, tenantId, eventId)) === undefined) {
    throw new ProblemError('not-found', `No event ${eventId}.`);
  }
  if (endpointId !== undefined) {
    const endpoint = await endpointOf(app, tenantId, endpointId);
    if (!endpoint.enabled) {
      throw new ProblemError('validation-failed', `Webhook endpoint ${endpointId} is disabled.`, {
        errors: [{ pointer: '/body/endpointId', detail: 'is disabled: enable it first' }],
      });
    }
  }
  return { deliveries: await redeliverEvent(app.database, tenantId, eventId, endpointId) };
}
