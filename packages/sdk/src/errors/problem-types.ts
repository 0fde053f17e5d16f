/**
 * The API's problem types (RFC 9457): stable slugs after {@link PROBLEM_TYPE_BASE}. Match on
 * these, never on `title` or `detail`. Kept in step with the gateway's table by
 * problem-types.test.ts (every type the OpenAPI document shows, with its status) and the
 * SDK's e2e suite, which provokes each one it can reach against the real gateway.
 */
export const PROBLEM_TYPE_BASE = 'https://parcelgate.dev/problems/';

/**
 * Every problem type the API answers its clients, with its HTTP status. The problems of the
 * carrier-callback endpoints (`callback-*`) are answered to carriers only, so are not here.
 */
export const PROBLEM_TYPES = {
  'validation-failed': 400,
  'idempotency-key-missing': 400,
  unauthorized: 401,
  'not-found': 404,
  'unknown-carrier': 404,
  'parcel-not-found': 404,
  'parcel-not-registered': 404,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  'request-timeout': 408,
  'idempotency-request-in-progress': 409,
  'parcel-already-registered': 409,
  'connection-in-use': 409,
  'secret-key-required': 409,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'unsupported-media-type': 415,
  'not-eligible': 422,
  'operation-not-supported': 422,
  'idempotency-key-reused': 422,
  'carrier-rejected-request': 422,
  'rate-limited': 429,
  'request-header-fields-too-large': 431,
  'carrier-error': 502,
  'carrier-authentication-failed': 502,
  'carrier-unavailable': 503,
  'carrier-rate-limited': 503,
  'circuit-open': 503,
  'carrier-busy': 503,
  'database-unavailable': 503,
  'carrier-timeout': 504,
  internal: 500,
} as const satisfies Record<string, number>;

/** One of the API's problem slugs, e.g. `not-eligible`. */
export type ProblemType = keyof typeof PROBLEM_TYPES;

/** The slug of a problem `type` URI, or undefined when it is not one of Parcelgate's. */
export function problemTypeOf(typeUri: string): ProblemType | undefined {
  if (!typeUri.startsWith(PROBLEM_TYPE_BASE)) {
    return undefined;
  }
  const slug = typeUri.slice(PROBLEM_TYPE_BASE.length);
  return Object.hasOwn(PROBLEM_TYPES, slug) ? (slug as ProblemType) : undefined;
}
