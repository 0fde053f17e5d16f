/**
 * `@parcelgate/sdk`: the typed client of the Parcelgate API. Types come from the OpenAPI
 * document (raw ones in `@parcelgate/sdk/openapi`); the runtime is fetch plus retries,
 * idempotency keys, deadlines and typed problem errors.
 */
export {
  createParcelgateClient,
  createParcelgateClient as createClient,
  type ParcelgateClient,
} from './create-client.ts';
export { isParcelgateError, ParcelgateError } from './errors/parcelgate-error.ts';
export {
  type InvalidField,
  isProblem,
  isProblemError,
  ParcelgateProblemError,
  type ProblemErrorOf,
} from './errors/problem-error.ts';
export * from './errors/problem-guards.ts';
export {
  PROBLEM_TYPE_BASE,
  PROBLEM_TYPES,
  type ProblemType,
  problemTypeOf,
} from './errors/problem-types.ts';
export {
  isConnectionError,
  isTimeoutError,
  ParcelgateConnectionError,
  ParcelgateTimeoutError,
} from './errors/transport-errors.ts';
export type {
  CallOptions,
  CarrierCallOptions,
  MutationOptions,
  ParcelgateClientOptions,
} from './options.ts';
export type { Page, PageIterable } from './pagination.ts';
export type { CarrierConnectionsResource } from './resources/carrier-connections.ts';
export type { CarriersResource } from './resources/carriers.ts';
export type { EventsResource } from './resources/events.ts';
export type { InterceptBatchesResource } from './resources/intercept-batches.ts';
export type { InterceptsResource } from './resources/intercepts.ts';
export type { ParcelsResource } from './resources/parcels.ts';
export type { PolicyResource } from './resources/policy.ts';
export type { RedirectsResource } from './resources/redirects.ts';
export type { TrackingResource } from './resources/tracking.ts';
export type { WebhookEndpointsResource } from './resources/webhook-endpoints.ts';
export type { FetchFunction, RetryEvent } from './transport/retrying-fetch.ts';
export type * from './types.ts';
export { constructWebhookEvent } from './webhooks/construct-webhook-event.ts';
export {
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  verifyWebhookSignature,
  type WebhookHeaders,
} from './webhooks/verify-webhook-signature.ts';
export {
  isWebhookVerificationError,
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from './webhooks/webhook-verification-error.ts';
