/**
 * Named resource types, taken from the generated `components` so they always match the
 * OpenAPI document. Inputs are what a call accepts, outputs what the API answers.
 */
import type { components, operations, webhooks } from './generated/openapi.ts';

type Schemas = components['schemas'];

/** An amount of money: a decimal string (never a float) and an ISO 4217 code. */
export type Money = Schemas['Money'];
/** A postal address, e.g. the new address of a redirect. */
export type Address = Schemas['Address'];
/** Normalized parcel status, the same for every carrier. */
export type ParcelStatus = Schemas['ParcelStatus'];
/** A policy or carrier reason (`code` is stable, `message` is for people). */
export type PolicyReason = Schemas['PolicyReason'];
/** Who pays for an intercept or redirect, and the carrier's quote where it has one. */
export type Fee = Schemas['Fee'];
/** A carrier's own price for an action (`Eligibility.feeQuote`). */
export type FeeQuote = Schemas['FeeQuote'];
/** What the merchant should do next, e.g. `refund_buyer` or `ask_buyer_to_refuse_delivery`. */
export type NextAction = Schemas['NextAction'];
/** How the parcel left the merchant: `platform_pickup` or `self_dropoff`. */
export type PickupMode = Schemas['PickupMode'];
/** A lifecycle step of an intercept or redirect, with its cause and time. */
export type Transition = Schemas['Transition'];
/** One call Parcelgate made to the carrier, with its timing and classification. */
export type Attempt = Schemas['Attempt'];

/** A loaded carrier and what it can do. */
export type Carrier = Schemas['Carrier'];
/** The answer of `client.carriers.list()`. */
export type CarrierList = Schemas['CarrierList'];
/** Whether one operation is offered by API, and if not why and where. */
export type OperationAvailability = Schemas['OperationAvailability'];
/** The carriers a tracking number could belong to (`carriers.detect`). */
export type DetectedCarriers = Schemas['DetectedCarriers'];
/** How `auto` chose the carrier that answered. */
export type Detection = Schemas['Detection'];
/** One field a carrier connection of this carrier sends in `credentials` (see `Carrier`). */
export type CredentialField = Carrier['credentialFields'][number];

/** One of the tenant's own carrier accounts; its secrets only ever appear as hints. */
export type CarrierConnection = Schemas['CarrierConnection'];
/** `test` (the carrier's test environment, or the simulator) or `live` (production). */
export type ConnectionMode = CarrierConnection['mode'];
/** A stored credential field as answers show it: a setting in clear, or a secret's hint. */
export type StoredCredential = CarrierConnection['credentials'][string];
/** The body of `client.carrierConnections.create()`. */
export type NewCarrierConnection = Schemas['NewCarrierConnection'];
/** The body of `client.carrierConnections.update()`: only the fields to change. */
export type CarrierConnectionChanges = Schemas['CarrierConnectionChanges'];
/** The answer of `client.carrierConnections.list()`: every connection, newest first. */
export type CarrierConnectionList = Schemas['CarrierConnectionList'];
/** Whether the carrier accepted a connection's credentials, and how long it took. */
export type CarrierConnectionTest = Schemas['CarrierConnectionTest'];
/** Filters of `client.carrierConnections.list()`. */
export type CarrierConnectionListQuery = NonNullable<
  operations['listCarrierConnections']['parameters']['query']
>;

/** The body of `client.parcels.register()`. */
export type NewParcel = Schemas['NewParcel'];
/** A parcel the tenant registered as its own. */
export type RegisteredParcel = Schemas['RegisteredParcel'];
/** One page of registered parcels, newest first. */
export type RegisteredParcelList = Schemas['RegisteredParcelList'];
/** Filters of `client.parcels.list()`. */
export type ParcelListQuery = NonNullable<operations['listParcels']['parameters']['query']>;

/** A parcel's normalized tracking, and whether it can be intercepted now. */
export type TrackingSnapshot = Schemas['Tracking'];
/** One parcel of `tracking.batch`. */
export type BatchTrackingItem = Schemas['BatchTrackingItem'];
/** One parcel's answer of `tracking.batch`: its tracking or its problem. */
export type BatchTrackingResult = Schemas['BatchTrackingResult'];
/** `tracking.batch`'s answer, in the order asked. */
export type BatchTracking = Schemas['BatchTracking'];
/** One tracking event. */
export type TrackingEvent = Schemas['TrackingEvent'];
/** One of the carrier's own delivery options for a parcel (FedEx's return to shipper, ...). */
export type DeliveryOption = Schemas['DeliveryOption'];

/** Why the merchant stops a parcel. */
export type InterceptReason = Schemas['InterceptReason'];
/** Where an intercept is in its lifecycle. */
export type InterceptStatus = Schemas['InterceptStatus'];
/** The body of `client.intercepts.create()` and `.checkEligibility()`. */
export type InterceptRequest = Schemas['InterceptRequest'];
/** The dry run's answer: eligible or not, every reason, the likelihood, who would pay. */
export type Eligibility = Schemas['Eligibility'];
/** An intercept with its transitions and carrier attempts. */
export type Intercept = Schemas['Intercept'];
/** One page of intercepts, newest first. */
export type InterceptList = Schemas['InterceptList'];

/** The body of `client.interceptBatches.create()`: up to 1,000 intercept requests. */
export type InterceptBatchRequest = Schemas['InterceptBatchRequest'];
/** A bulk intercept: its progress counts and one page of its items' results. */
export type InterceptBatch = Schemas['InterceptBatch'];
/** A batch's item counts, by run status and by outcome. */
export type InterceptBatchCounts = Schemas['InterceptBatchCounts'];
/** One item's result in a batch: its outcome, intercept, status and reasons. */
export type InterceptBatchItem = Schemas['InterceptBatchItem'];
/** How an item ended: `succeeded`, `pending`, `refused`, `failed` or `cancelled`. */
export type InterceptBatchOutcome = Schemas['InterceptBatchOutcome'];
/** The page of items `client.interceptBatches.get()` reads: `cursor` and `limit`. */
export type InterceptBatchQuery = NonNullable<
  operations['getInterceptBatch']['parameters']['query']
>;

/** Where a redirect is in its lifecycle. */
export type RedirectStatus = Schemas['RedirectStatus'];
/** The body of `client.redirects.create()`. */
export type RedirectRequest = Schemas['RedirectRequest'];
/** A redirect with its transitions and carrier attempts. */
export type Redirect = Schemas['Redirect'];
/** One page of redirects, newest first. */
export type RedirectList = Schemas['RedirectList'];

/** The tenant's policy overrides and the rules they produce. */
export type Policy = Schemas['Policy'];
/** The body of `client.policy.replace()`: each field given replaces the default whole. */
export type PolicyOverrides = Schemas['PolicyOverrides'];

/** An RFC 9457 problem document as the API sends it. */
export type Problem = Schemas['Problem'];

type ListQueryOf<Operation extends 'listIntercepts' | 'listRedirects'> = Omit<
  NonNullable<operations[Operation]['parameters']['query']>,
  'status'
>;

/**
 * Filters of `client.intercepts.list()`. `status` is narrowed to the lifecycle statuses
 * (the document only says "a string"), so a typo fails to compile instead of matching nothing.
 */
export type InterceptListQuery = ListQueryOf<'listIntercepts'> & {
  readonly status?: InterceptStatus;
};

/** Filters of `client.redirects.list()`; `status` narrowed as for intercepts. */
export type RedirectListQuery = ListQueryOf<'listRedirects'> & {
  readonly status?: RedirectStatus;
};

/** A webhook endpoint: where the tenant's events are POSTed, signed per Standard Webhooks. */
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
/** The answer of `client.webhookEndpoints.create()`: the endpoint and its secret, shown once. */
export type CreatedWebhookEndpoint = Schemas['CreatedWebhookEndpoint'];
/**
 * The body of `client.webhookEndpoints.create()`. `enabled` is optional (the API defaults it
 * to true); the generated type makes a field with a default required, as answers always
 * carry it.
 */
export type NewWebhookEndpoint = Omit<Schemas['NewWebhookEndpoint'], 'enabled'> &
  Partial<Pick<Schemas['NewWebhookEndpoint'], 'enabled'>>;
/** The body of `client.webhookEndpoints.update()`: only the fields to change. */
export type WebhookEndpointChanges = Schemas['WebhookEndpointChanges'];
/** The answer of `client.webhookEndpoints.list()`: every endpoint of the tenant. */
export type WebhookEndpointList = Schemas['WebhookEndpointList'];
/** The body of `client.webhookEndpoints.rotateSecret()`: how long the old secret still signs. */
export type SecretRotation = Schemas['SecretRotation'];
/** The answer of a rotation: the new secret, shown once, and when the old one stops signing. */
export type RotatedSecret = Schemas['RotatedSecret'];
/** One event's delivery to one endpoint, with every attempt. */
export type WebhookDelivery = Schemas['WebhookDelivery'];
/** One attempt of a delivery: status code, duration, the first bytes of the answer. */
export type WebhookAttempt = Schemas['WebhookAttempt'];
/** One page of an endpoint's deliveries, newest first. */
export type WebhookDeliveryList = Schemas['WebhookDeliveryList'];
/** Filters of `client.webhookEndpoints.deliveries()`. */
export type WebhookDeliveryListQuery = NonNullable<
  operations['listWebhookDeliveries']['parameters']['query']
>;

/** What happened: every event type the gateway writes and webhooks deliver. */
export type WebhookEventType = Schemas['EventType'];
/** An event about an intercept: `data` is the intercept as it was then. */
export type InterceptEvent = Schemas['InterceptEvent'];
/** An event about a redirect: `data` is the redirect as it was then. */
export type RedirectEvent = Schemas['RedirectEvent'];
/** A `parcel.status_changed` event: `data` is the parcel with its new and former status. */
export type ParcelEvent = Schemas['ParcelEvent'];
/** The `data` of a `parcel.status_changed` event. */
export type ParcelStatusChange = Schemas['ParcelStatusChange'];
/** An event about one of the tenant's webhook endpoints: `data` is the endpoint then. */
export type WebhookEndpointEvent = Schemas['WebhookEndpointEvent'];

/** The body the document's `webhooks` map gives one event type. */
type WebhookBodyOf<Type extends WebhookEventType> =
  webhooks[Type]['post']['requestBody']['content']['application/json'];

/**
 * The event of one type (or of each type of a union), with `type` narrowed to it:
 * `WebhookEventOf<'intercept.returned'>` has an `Intercept` as `data`. Taken from the
 * document's OpenAPI `webhooks` map, one entry per event type.
 */
export type WebhookEventOf<Type extends WebhookEventType> = Type extends WebhookEventType
  ? WebhookBodyOf<Type> & { readonly type: Type }
  : never;

/**
 * An event, as `client.events.get()` answers it and as a webhook delivers it (the
 * document's `Event` schema): a union with one member per type, so `switch (event.type)`
 * narrows the event to `WebhookEventOf<that type>`, `data` included, and a narrowed event
 * can be passed on to a function taking `WebhookEventOf<...>`.
 */
export type WebhookEvent = WebhookEventOf<WebhookEventType>;

/** A page of events, newest first. */
export type EventList = Schemas['EventList'];
/** Filters of `client.events.list()`: `type` (one or several) and `objectId`. */
export type EventListQuery = NonNullable<operations['listEvents']['parameters']['query']>;
/** The body of `client.events.redeliver()`: only to one endpoint, or to every one that wants it. */
export type Redelivery = Schemas['Redelivery'];
/** The deliveries a redelivery queued. */
export type RedeliveryQueued = Schemas['RedeliveryQueued'];
