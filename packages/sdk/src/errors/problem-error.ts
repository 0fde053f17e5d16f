import type { PolicyReason, Problem } from '../types.ts';
import { isParcelgateError, ParcelgateError } from './parcelgate-error.ts';
import { type ProblemType, problemTypeOf } from './problem-types.ts';

/** A request field that failed validation, located by an RFC 6901 JSON pointer. */
export interface InvalidField {
  /** E.g. `/parcel/declaredValue/amount`. */
  readonly pointer: string;
  readonly detail: string;
}

/**
 * The API answered with an error. Parcelgate's answers are RFC 9457 problems
 * (`application/problem+json`); anything else (say a proxy's HTML 502) becomes a problem of
 * type `about:blank` with the HTTP status, as RFC 9457 §4.2.1 says.
 */
export class ParcelgateProblemError extends ParcelgateError {
  readonly kind = 'problem';
  /** The HTTP status. */
  readonly status: number;
  /** The problem type URI, e.g. `https://parcelgate.dev/problems/not-eligible`. */
  readonly type: string;
  /** The slug of {@link type} when it is one of Parcelgate's, e.g. `not-eligible`. */
  readonly problemType: ProblemType | undefined;
  readonly title: string;
  readonly detail: string;
  readonly instance: string | undefined;
  /** Quote it to support: it names the request in the gateway's logs. */
  readonly requestId: string | undefined;
  /** Each invalid field (validation problems); empty otherwise. */
  readonly errors: readonly InvalidField[];
  /** Every reason a policy or the carrier refused (`not-eligible`); empty otherwise. */
  readonly reasons: readonly PolicyReason[];
  readonly carrier: string | undefined;
  readonly capability: string | undefined;
  /** The intercept the failed call created or concerned, when there is one. */
  readonly interceptId: string | undefined;
  /** The redirect the failed call created or concerned, when there is one. */
  readonly redirectId: string | undefined;
  /** The carrier connection the problem is about (e.g. `connection-in-use`), when there is one. */
  readonly connectionId: string | undefined;
  /** `connection-in-use`: how many open intercepts and redirects still go through it. */
  readonly openActions: number | undefined;
  /** The carrier's own error code, for support tickets. */
  readonly carrierCode: string | undefined;
  /** When to try again, from the problem or the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;
  /** `rate-limited`: the limits exceeded (`tenant`, `key` or `address`); empty otherwise. */
  readonly violatedPolicies: readonly string[];
  /** The problem document as received, when the body was one. */
  readonly problem: Problem | undefined;
  /** The response headers. */
  readonly headers: Headers;

  constructor(init: {
    status: number;
    statusText?: string;
    headers: Headers;
    body: unknown;
    idempotencyKey?: string | undefined;
  }) {
    const problem = asProblem(init.body);
    const type = problem?.type ?? 'about:blank';
    const title = problem?.title ?? (init.statusText || `HTTP ${init.status}`);
    const detail =
      problem?.detail ?? (typeof init.body === 'string' ? init.body.slice(0, 500) : '');
    super(`${title} (${init.status} ${type}): ${detail}`, init);
    this.status = init.status;
    this.type = type;
    this.problemType = problemTypeOf(type);
    this.title = title;
    this.detail = detail;
    this.instance = problem?.instance;
    this.requestId = problem?.requestId;
    this.errors = problem?.errors ?? [];
    this.reasons = problem?.reasons ?? [];
    this.carrier = problem?.carrier;
    this.capability = problem?.capability;
    this.interceptId = problem?.interceptId;
    this.redirectId = problem?.redirectId;
    this.connectionId = problem?.connectionId;
    this.openActions = problem?.openActions;
    this.carrierCode = problem?.carrierCode;
    this.retryAfterSeconds = problem?.retryAfterSeconds ?? retryAfterHeaderSeconds(init.headers);
    this.violatedPolicies = problem?.violatedPolicies ?? [];
    this.problem = problem;
    this.headers = init.headers;
  }
}

/** A {@link ParcelgateProblemError} of one known problem type. */
export type ProblemErrorOf<Type extends ProblemType> = ParcelgateProblemError & {
  readonly problemType: Type;
};

/** Whether a value is a {@link ParcelgateProblemError} (of any type), across SDK copies. */
export function isProblemError(value: unknown): value is ParcelgateProblemError {
  return isParcelgateError(value) && (value as { kind?: unknown }).kind === 'problem';
}

/**
 * Whether a value is a problem of one of the given types, e.g.
 * `isProblem(error, 'carrier-unavailable', 'carrier-timeout')`.
 */
export function isProblem<const Type extends ProblemType>(
  value: unknown,
  ...types: readonly Type[]
): value is ProblemErrorOf<Type> {
  return (
    isProblemError(value) &&
    value.problemType !== undefined &&
    (types as readonly ProblemType[]).includes(value.problemType)
  );
}

/** Only what a problem document must have is checked: the rest is read as optional. */
function asProblem(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const candidate = body as Partial<Problem>;
  return typeof candidate.type === 'string' && typeof candidate.status === 'number'
    ? (candidate as Problem)
    : undefined;
}

function retryAfterHeaderSeconds(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}
