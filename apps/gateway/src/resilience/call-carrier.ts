import { type CarrierContext, type CarrierError, isCarrierError } from '@parcelgate/carrier-kit';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import type { Deadline } from '../deadline/deadline.ts';
import { ATTEMPT_EXPIRED, attemptSignal } from './attempt-signal.ts';

/** Why a carrier call produced no value. */
export type CarrierFailure =
  | { readonly kind: 'carrier-error'; readonly error: CarrierError }
  /** The budget ran out; for an action the carrier may still have acted. */
  | { readonly kind: 'timeout' }
  /** The adapter threw something that is not a carrier error: a defect, treated as unknown. */
  | { readonly kind: 'adapter-defect'; readonly error: unknown };

/** The result of one carrier call. */
export type CarrierCallResult<Value> =
  | { readonly ok: true; readonly value: Value; readonly durationMs: number }
  | { readonly ok: false; readonly failure: CarrierFailure; readonly durationMs: number };

/** What is reported of each carrier attempt once it is classified. */
export interface CarrierAttemptReport {
  readonly tenantId: string;
  /** The intercept or redirect it served; null for tracking reads and connection tests. */
  readonly actionId: string | null;
  readonly carrier: string;
  readonly operation: string;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly httpStatus: number | null;
  /** `ok`, a carrier error kind, `timeout`, or `error` for an adapter defect. */
  readonly outcome: string;
  readonly carrierCode: string | null;
  readonly message: string | null;
}

/** Where attempts are reported: every attempt is, successful or not, before the call returns. */
export type AttemptSink = (attempt: CarrierAttemptReport) => Promise<void>;

/**
 * Who a carrier call is made for when no HTTP request is: a background job (outcome
 * reconciliation). It carries the same fields a request would, so the call is logged,
 * observed and recorded the same way.
 */
export interface JobCaller {
  /** Correlates the job's carrier calls in logs, like a request id. */
  readonly id: string;
  readonly log: FastifyBaseLogger;
  readonly tenant: { readonly id: string };
}

/**
 * Traces carrier attempts (observability/carrier-spans.ts implements it); absent when
 * tracing is off, and then a call makes no span and sends no trace header.
 */
export interface AttemptTracer {
  /** Starts the span of one attempt, a child of whatever span is active. */
  start(attempt: {
    readonly carrier: string;
    readonly operation: string;
    /** 0 for a call's first attempt, 1 for its first retry, ... */
    readonly retry: number;
    readonly connectionId: string | null;
  }): AttemptTrace;
}

/** One attempt's span, as {@link callCarrier} uses it. */
export interface AttemptTrace {
  /** W3C trace context naming the attempt, sent on each of its HTTP calls. */
  readonly headers: Readonly<Record<string, string>>;
  /** Runs the adapter inside the attempt's span, so what it logs carries the span's ids. */
  run<Result>(work: () => Promise<Result>): Promise<Result>;
  /** Ends the span with the attempt's classification. */
  end(result: { readonly outcome: string; readonly httpStatus: number | null }): void;
}

/** What a carrier call needs of the HTTP request it serves. */
export type CallerParts = Pick<FastifyRequest, 'id' | 'log' | 'tenant' | 'signal' | 'logContext'>;

/** One call to a carrier operation. */
export interface CarrierCallOptions<Value> {
  readonly carrier: RegisteredCarrier;
  readonly operation: string;
  /** The HTTP request the call serves, or the background job that makes it. */
  readonly request: CallerParts | JobCaller;
  /** The intercept or redirect the call serves; null for reads. */
  readonly actionId: string | null;
  /** When this attempt must end: a child of the request's deadline, capped per try. */
  readonly deadline: Deadline;
  /** Told about the attempt once it is classified. */
  readonly onAttempt: AttemptSink;
  /** Traces the attempt; undefined when tracing is off. */
  readonly tracer?: AttemptTracer | undefined;
  /** How many attempts of the same call reached the carrier before this one (0 first). */
  readonly retry?: number;
  /**
   * Reads also stop when the client hangs up. Actions never do: a client leaving must not
   * turn a sent intercept into an unknown outcome.
   */
  readonly abortOnClientDisconnect: boolean;
  /** Also aborts the call: a shared read stops when every reader waiting for it has left. */
  readonly signal?: AbortSignal | undefined;
  readonly run: (ctx: CarrierContext) => Promise<Value>;
}

/**
 * Calls a carrier by its deadline and reports the attempt (timing, HTTP status,
 * classification). The answer comes back by the deadline even if the adapter ignores its
 * abort signal: the call is raced against the attempt's expiry.
 */
export async function callCarrier<Value>(
  options: CarrierCallOptions<Value>,
): Promise<CarrierCallResult<Value>> {
  const { carrier, request } = options;
  const attempt = attemptSignal(options.deadline, [
    options.abortOnClientDisconnect && 'signal' in request ? request.signal : undefined,
    options.signal,
  ]);
  const traced = options.tracer?.start({
    carrier: carrier.definition.id,
    operation: options.operation,
    retry: options.retry ?? 0,
    connectionId: carrier.account.connectionId,
  });
  const base = carrier.createContext({
    signal: attempt.signal,
    requestId: request.id,
    logger: request.log,
    headers: traced?.headers,
  });
  // The last HTTP status the carrier answered, so a successful attempt records it too.
  let httpStatus: number | null = null;
  const ctx: CarrierContext = {
    ...base,
    http: {
      async request(carrierRequest) {
        const response = await base.http.request(carrierRequest);
        httpStatus = response.status;
        return response;
      },
    },
  };
  const startedAt = new Date();
  const started = performance.now();
  let result: CarrierCallResult<Value>;
  try {
    const running = traced === undefined ? options.run(ctx) : traced.run(() => options.run(ctx));
    const outcome = await Promise.race([running, attempt.expired]);
    const durationMs = Math.round(performance.now() - started);
    result =
      outcome === ATTEMPT_EXPIRED
        ? { ok: false, failure: { kind: 'timeout' }, durationMs }
        : { ok: true, value: outcome, durationMs };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    result = { ok: false, failure: classify(error, attempt.timedOut()), durationMs };
  } finally {
    attempt.dispose();
  }
  if ('logContext' in request) {
    request.logContext.carrier = carrier.definition.id;
    request.logContext.carrierMs = (request.logContext.carrierMs ?? 0) + result.durationMs;
  }
  const described = describeResult(result, httpStatus);
  traced?.end(described);
  await options.onAttempt({
    tenantId: request.tenant.id,
    actionId: options.actionId,
    carrier: carrier.definition.id,
    operation: options.operation,
    startedAt,
    durationMs: result.durationMs,
    ...described,
  });
  return result;
}

function classify(error: unknown, timedOut: boolean): CarrierFailure {
  if (timedOut) {
    return { kind: 'timeout' };
  }
  return isCarrierError(error)
    ? { kind: 'carrier-error', error }
    : { kind: 'adapter-defect', error };
}

function describeResult(result: CarrierCallResult<unknown>, lastHttpStatus: number | null) {
  if (result.ok) {
    return { httpStatus: lastHttpStatus, outcome: 'ok', carrierCode: null, message: null };
  }
  const { failure } = result;
  switch (failure.kind) {
    case 'carrier-error':
      return {
        httpStatus: failure.error.httpStatus ?? lastHttpStatus,
        outcome: failure.error.kind,
        carrierCode: failure.error.carrierCode ?? null,
        message: failure.error.message,
      };
    case 'timeout':
      return {
        httpStatus: null,
        outcome: 'timeout',
        carrierCode: null,
        message: 'latency budget spent',
      };
    case 'adapter-defect':
      return {
        httpStatus: null,
        outcome: 'error',
        carrierCode: null,
        message: 'adapter threw an unclassified error',
      };
  }
}
