/**
 * Every error the API answers, as RFC 9457 problem types with stable slugs: clients match
 * on `type`, never on `title` or `detail`. One table, like Fastify's lib/errors.js.
 */
export const PROBLEM_BASE_URI = 'https://parcelgate.dev/problems/';

/** The problem types, each with its HTTP status and a fixed title. */
export const PROBLEM_TYPES = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  'idempotency-key-missing': { status: 400, title: 'An Idempotency-Key header is required' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  'callback-unreadable': { status: 400, title: "The carrier's push could not be read" },
  'callback-unauthenticated': {
    status: 401,
    title: "The push's signature or secret does not verify",
  },
  'callbacks-not-supported': { status: 404, title: 'This carrier sends no callbacks' },
  'not-found': { status: 404, title: 'No such resource' },
  'unknown-carrier': { status: 404, title: 'No such carrier is loaded' },
  'parcel-not-found': { status: 404, title: 'The carrier does not know this parcel' },
  'parcel-not-registered': {
    status: 404,
    title: 'Register this parcel, or connect your own carrier account, before acting on it',
  },
  'method-not-allowed': { status: 405, title: 'This method is not allowed here' },
  'not-acceptable': { status: 406, title: 'No acceptable representation' },
  'request-timeout': { status: 408, title: 'The request was not received in time' },
  'idempotency-request-in-progress': {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
  },
  'parcel-already-registered': {
    status: 409,
    title: 'Another tenant registered this parcel',
  },
  'connection-in-use': {
    status: 409,
    title: 'Open intercepts or redirects still go through this connection',
  },
  'secret-key-required': {
    status: 409,
    title: 'Live carrier connections need PARCELGATE_SECRET_KEY',
  },
  'webhook-endpoint-limit': {
    status: 409,
    title: 'This tenant has as many webhook endpoints as it may',
  },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'uri-too-long': { status: 414, title: 'The request URI is too long' },
  'unsupported-media-type': { status: 415, title: 'Send application/json' },
  'not-eligible': { status: 422, title: 'The parcel cannot be intercepted or redirected now' },
  'operation-not-supported': { status: 422, title: 'The carrier does not support this operation' },
  'idempotency-key-reused': {
    status: 422,
    title: 'This Idempotency-Key was used with a different request',
  },
  'order-event-id-reused': {
    status: 422,
    title: 'This order event id was used with a different event',
  },
  'carrier-rejected-request': { status: 422, title: 'The carrier rejected the request' },
  'webhook-target-refused': {
    status: 422,
    title: 'Webhooks cannot be sent to this URL',
  },
  'rate-limited': { status: 429, title: 'Too many requests: slow down' },
  'request-header-fields-too-large': { status: 431, title: 'The request headers are too large' },
  'carrier-error': { status: 502, title: 'The carrier answered with an error' },
  'carrier-authentication-failed': {
    status: 502,
    title: "The carrier refused Parcelgate's credentials",
  },
  'carrier-unavailable': { status: 503, title: 'The carrier is unavailable' },
  'carrier-rate-limited': { status: 503, title: 'The carrier asked us to slow down' },
  'circuit-open': {
    status: 503,
    title: 'Calls to this carrier are paused while it keeps failing',
  },
  'not-cancellable': { status: 409, title: 'The action cannot be cancelled' },
  'carrier-busy': { status: 503, title: 'Too many calls to this carrier are waiting' },
  'database-unavailable': { status: 503, title: 'The database is unavailable' },
  'carrier-timeout': { status: 504, title: 'The carrier did not answer within the budget' },
  internal: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

/** One of the stable problem slugs. */
export type ProblemType = keyof typeof PROBLEM_TYPES;

/** A field that failed validation, located by JSON pointer into the request. */
export interface InvalidField {
  /** RFC 6901 pointer, e.g. `/parcel/declaredValue/amount`; `#/` prefixes are not used. */
  readonly pointer: string;
  readonly detail: string;
}

/** Extra members a problem may carry (RFC 9457 extensions). */
export interface ProblemExtensions {
  readonly errors?: readonly InvalidField[];
  readonly reasons?: readonly { readonly code: string; readonly message: string }[];
  readonly carrier?: string;
  readonly capability?: string;
  /** For `operation-not-supported`: why the carrier offers it by no API, and where instead. */
  readonly availability?: {
    readonly byApi: false;
    readonly reason: string;
    readonly url?: string;
  };
  readonly interceptId?: string;
  readonly redirectId?: string;
  readonly orderEventId?: string;
  readonly connectionId?: string;
  readonly openActions?: number;
  readonly carrierCode?: string;
  readonly retryAfterSeconds?: number;
  /** The rate-limit policies a 429 answer exceeded (`tenant`, `key`, `address`). */
  readonly violatedPolicies?: readonly string[];
}

/** An error the error handler turns into an `application/problem+json` answer. */
export class ProblemError extends Error {
  readonly problemType: ProblemType;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly extensions: ProblemExtensions;
  /** Extra response headers, e.g. Retry-After or WWW-Authenticate. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    problemType: ProblemType,
    detail: string,
    extensions: ProblemExtensions = {},
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.problemType = problemType;
    this.status = PROBLEM_TYPES[problemType].status;
    this.title = PROBLEM_TYPES[problemType].title;
    this.detail = detail;
    this.extensions = extensions;
    this.headers = headers;
  }
}

/** Whether a value is a {@link ProblemError}. */
export function isProblemError(value: unknown): value is ProblemError {
  return value instanceof ProblemError;
}

/** The JSON body of a problem answer. */
export interface ProblemDocument extends ProblemExtensions {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly requestId: string;
}

/** Renders a problem for the wire. */
export function toProblemDocument(
  problem: ProblemError,
  context: { readonly requestId: string; readonly instance: string },
): ProblemDocument {
  return {
    type: PROBLEM_BASE_URI + problem.problemType,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: context.instance,
    requestId: context.requestId,
    ...problem.extensions,
  };
}
