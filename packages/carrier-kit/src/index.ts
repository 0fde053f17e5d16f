/**
 * The Parcelgate carrier adapter contract. A carrier package default-exports the result of
 * `defineCarrier()`; the gateway loads it by name. Wire helpers live in
 * `@parcelgate/carrier-kit/wire`.
 *
 * @packageDocumentation
 */
export { assertCarrierDefinition, CarrierDefinitionError } from './assert-carrier-definition.ts';
export type {
  CallbackAcknowledgement,
  CallbackOutcome,
  CallbackTrackingEvent,
  CarrierCallbackContext,
  CarrierCallbackRequest,
  CarrierCallbackResult,
  CarrierCallbacks,
} from './callbacks.ts';
export {
  CANCEL_OUTCOMES,
  type CancelOutcome,
  type CancelRequest,
  type CancelResult,
} from './cancel.ts';
export {
  type BulkTrackingCapability,
  CARRIER_OPERATIONS,
  type CancelCapability,
  type CarrierCapabilities,
  type CarrierOperation,
  type FeePolicy,
  type FeeQuoteCapability,
  type MutationCapability,
  type OffApiOperation,
  type OperationWindow,
  type OutcomeTiming,
  type RateLimits,
  supportedOperations,
} from './capabilities.ts';
export type {
  CarrierContext,
  CarrierHttpClient,
  CarrierHttpRequest,
  CarrierHttpResponse,
  CarrierLogger,
  Clock,
  HttpMethod,
  LogFields,
} from './carrier-context.ts';
export {
  type CarrierDefinition,
  type CarrierDetection,
  type DetectionAnswer,
  type DetectionConfidence,
  defineCarrier,
  detectionsOf,
} from './carrier-definition.ts';
export { CONTRACT_VERSION, type ContractVersion } from './contract-version.ts';
export type {
  CarrierCredentials,
  CarrierEndpoints,
  CarrierHostUrls,
  CredentialField,
  CredentialSpec,
} from './credentials.ts';
export {
  type CurrentStatus,
  deriveCurrentStatus,
  sortEventsChronologically,
} from './derive-current-status.ts';
export {
  CARRIER_ERROR_KINDS,
  CarrierError,
  type CarrierErrorInit,
  type CarrierErrorKind,
  isCarrierError,
  isCarrierErrorOfKind,
} from './errors/carrier-error.ts';
export {
  CarrierAuthenticationError,
  type CarrierErrorClassByKind,
  type CarrierErrorOfKind,
  CarrierInvalidRequestError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  CarrierOutcomeUnknownError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from './errors/kinds.ts';
export {
  CARRIER_REFUSAL_REASONS,
  type CarrierRefusalReason,
  isCarrierRefusalReason,
} from './errors/refusal-reasons.ts';
export {
  FEE_QUOTE_ACTIONS,
  type FeeQuote,
  type FeeQuoteAction,
  type FeeQuoteLine,
  type FeeQuoteRequest,
} from './fee-quote.ts';
export {
  type CancelInterceptRequest,
  INTERCEPT_OUTCOMES,
  INTERCEPT_REASONS,
  type InterceptOutcome,
  type InterceptReason,
  type InterceptRequest,
  type InterceptResult,
  type InterceptStatusRequest,
  type ParcelDetails,
} from './intercept.ts';
export type { Location } from './location.ts';
export { compareMoney, isMoney, type Money } from './money.ts';
export {
  type Address,
  REDIRECT_OUTCOMES,
  type RedirectOutcome,
  type RedirectRequest,
  type RedirectResult,
} from './redirect.ts';
export {
  findRequestOptionProblems,
  type RequestOptionField,
  type RequestOptionProblem,
  type RequestOptionSpec,
} from './request-options.ts';
export {
  EXCEPTION_SUB_STATUSES,
  type ExceptionSubStatus,
  INCIDENT_REASONS,
  type IncidentReason,
  isExceptionSubStatus,
  isNormalizedStatus,
  NORMALIZED_STATUSES,
  type NormalizedStatus,
  type StatusMapping,
  TERMINAL_STATUSES,
} from './status.ts';
export type {
  BulkTrackingResult,
  DeliveryOption,
  DeliveryOptionEligibility,
  ProofOfDelivery,
  RawCarrierStatus,
  TrackingEvent,
  TrackingRequest,
  TrackingSnapshot,
  UnderlyingCarrier,
} from './tracking.ts';
