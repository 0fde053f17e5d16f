import createClient from 'openapi-fetch';
import type { paths } from './generated/openapi.ts';
import { type ParcelgateClientOptions, resolveSettings } from './options.ts';
import {
  type CarrierConnectionsResource,
  carrierConnectionsResource,
} from './resources/carrier-connections.ts';
import { type CarriersResource, carriersResource } from './resources/carriers.ts';
import { type EventsResource, eventsResource } from './resources/events.ts';
import {
  type InterceptBatchesResource,
  interceptBatchesResource,
} from './resources/intercept-batches.ts';
import { type InterceptsResource, interceptsResource } from './resources/intercepts.ts';
import { type ParcelsResource, parcelsResource } from './resources/parcels.ts';
import { type PolicyResource, policyResource } from './resources/policy.ts';
import { type RedirectsResource, redirectsResource } from './resources/redirects.ts';
import { type TrackingResource, trackingResource } from './resources/tracking.ts';
import {
  type WebhookEndpointsResource,
  webhookEndpointsResource,
} from './resources/webhook-endpoints.ts';

/** A Parcelgate API client: one property per resource, every call typed by the document. */
export interface ParcelgateClient {
  readonly carriers: CarriersResource;
  readonly tracking: TrackingResource;
  readonly intercepts: InterceptsResource;
  readonly interceptBatches: InterceptBatchesResource;
  readonly redirects: RedirectsResource;
  readonly policy: PolicyResource;
  readonly carrierConnections: CarrierConnectionsResource;
  readonly parcels: ParcelsResource;
  readonly events: EventsResource;
  readonly webhookEndpoints: WebhookEndpointsResource;
}

/**
 * Makes a client. Every call has a deadline (`timeoutMs`) and is retried on network
 * failures, 429 and 503 with full-jitter backoff that honours Retry-After; every mutation
 * carries an Idempotency-Key that its retries reuse; error answers throw
 * {@link ParcelgateProblemError}.
 *
 * @example
 * ```ts
 * const client = createParcelgateClient({ baseUrl: 'https://parcelgate.example.com', apiKey });
 * const intercept = await client.intercepts.create({
 *   carrier: 'sandbox', trackingNumber: 'SBX100000016', reason: 'buyer_cancelled',
 *   pickupMode: 'platform_pickup',
 * });
 * ```
 */
export function createParcelgateClient(options: ParcelgateClientOptions): ParcelgateClient {
  const settings = resolveSettings(options);
  // openapi-fetch builds typed requests (paths, query, JSON bodies) and parses answers; the
  // SDK's retries, deadline and Idempotency-Key live in the fetch it is given per call.
  const api = createClient<paths>({
    baseUrl: settings.baseUrl,
    headers: { ...settings.headers, authorization: `Bearer ${settings.apiKey}` },
  });
  const transport = { api, settings };
  return {
    carriers: carriersResource(transport),
    tracking: trackingResource(transport),
    intercepts: interceptsResource(transport),
    interceptBatches: interceptBatchesResource(transport),
    redirects: redirectsResource(transport),
    policy: policyResource(transport),
    carrierConnections: carrierConnectionsResource(transport),
    parcels: parcelsResource(transport),
    events: eventsResource(transport),
    webhookEndpoints: webhookEndpointsResource(transport),
  };
}
