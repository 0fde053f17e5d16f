/**
 * Wire helpers every adapter needs: HTTP (on fetch, or an undici dispatcher for the
 * gateway) with classified failures, Retry-After,
 * status classification, tolerant body parsing and JSON readers, ISO dates, secret
 * redaction and a shared OAuth token cache.
 *
 * @packageDocumentation
 */

export { type BearerTokenSource, sendWithBearerToken } from './bearer-token.ts';
export { classifyHttpFailure, type HttpFailure } from './classify-http-failure.ts';
export {
  classifyNetworkFailure,
  findErrorCode,
  type NetworkFailureContext,
} from './classify-network-failure.ts';
export {
  createDispatcherHttpClient,
  type DispatcherHttpClientOptions,
  type HttpDispatcher,
} from './dispatcher-http-client.ts';
export { createFetchHttpClient, type FetchHttpClientOptions } from './fetch-http-client.ts';
export {
  isIsoDateTimeWithOffset,
  type LocalDateTimeParts,
  localDateTimeToIso,
  toIsoDateTime,
} from './iso-date-time.ts';
export {
  isJsonObject,
  type JsonObject,
  type JsonReaders,
  jsonReaders,
  safeString,
} from './json-readers.ts';
export {
  type ErrorBody,
  parseJsonResponse,
  type ResponseParseContext,
  readErrorBody,
} from './parse-json-response.ts';
export { parseRetryAfter } from './parse-retry-after.ts';
export type { CarrierHosts } from './prepare-request.ts';
export { createRedactingLogger, REDACTED, redactSecrets } from './redact-secrets.ts';
export { type CachedToken, TokenCache, tokenCacheKey } from './token-cache.ts';
