import { type CarrierContext, type CarrierError, isCarrierError } from '@parcelgate/carrier-kit';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { recordAttempt } from '../store/attempts.ts';
import type { Database } from '../store/database.ts';

/** When the whole request must be answered by, shared by every carrier call it makes. */
export interface Deadline {
  readonly at: number;
  remainingMs(): number;
}

/** A deadline `totalMs` from now. */
export function deadlineIn(totalMs: number): Deadline {
  const at = performance.now() + totalMs;
  return { at, remainingMs: () => Math.max(0, at - performance.now()) };
}

/** Why a carrier call produced no value. */
export type CarrierFailure =
  | { readonly kind: 'carrier-error'; readonly error: CarrierError }
  /** The budget ran out; for a mutation the carrier may still have acted. */
  | { readonly kind: 'timeout' }
  /** The adapter threw something that is not a carrier error: a defect, treated as unknown. */
  | { readonly kind: 'adapter-defect'; readonly error: unknown };

/** The result of one carrier call. */
export type CarrierCallResult<Value> =
  | { readonly ok: true; readonly value: Value; readonly durationMs: number }
  | { readonly ok: false; readonly failure: CarrierFailure; readonly durationMs: number };

/** What a metrics observer is told about each carrier attempt. */
export interface CarrierAttemptReport {
  readonly carrier: string;
  readonly operation: string;
  /** `ok`, a carrier error kind, `timeout`, or `error` for an adapter defect. */
  readonly outcome: string;
  readonly durationMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Told about every carrier attempt once it is classified; set by the metrics plugin. */
    readonly observeCarrierAttempt?: (attempt: CarrierAttemptReport) => void;
  }
}

/**
 * Who a carrier call is made for when no HTTP request is: a background job (outcome
 * reconciliation). It carries the same fields a request would, so the call is logged,
 * observed and recorded the same way.
 */
export interface JobCaller {
  /** Correlates the job's carrier calls in logs, like a request id. */
  readonly id: string;
  readonly log: FastifyBaseLogger;
  readonly server: FastifyInstance;
  readonly tenant: { readonly id: string };
}

/** One call to a carrier operation. */
export interface CarrierCallOptions<Value> {
  readonly carrier: RegisteredCarrier;
  readonly operation: string;
  /** The HTTP request the call serves, or the background job that makes it. */
  readonly request: FastifyRequest | JobCaller;
  readonly database: Database;
  readonly subjectId: string | null;
  /** The longest this call may take: the smaller of its own budget and the request's deadline. */
  readonly timeoutMs: number;
  /**
   * Reads also stop when the client hangs up. Mutations never do: a client leaving must not
   * turn a sent intercept into an unknown outcome.
   */
  readonly abortOnClientDisconnect: boolean;
  /** Also aborts the call: a shared read stops when every reader waiting for it has left. */
  readonly signal?: AbortSignal | undefined;
  readonly run: (ctx: CarrierContext) => Promise<Value>;
}

/**
 * Calls a carrier within a time limit and records the attempt (timing, HTTP status,
 * classification). The answer comes back by the limit even if the adapter ignores its
 * abort signal: the call is raced against the same timer that fires the signal.
 */
export async function callCarrier<Value>(
  options: CarrierCallOptions<Value>,
): Promise<CarrierCallResult<Value>> {
  const { carrier, request } = options;
  const controller = new AbortController();
  const timedOut = Symbol('timed out');
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new DOMException('latency budget spent', 'TimeoutError'));
      resolve(timedOut);
    }, options.timeoutMs);
  });
  const signals = [controller.signal];
  if (options.abortOnClientDisconnect && 'signal' in request) {
    signals.push(request.signal);
  }
  if (options.signal !== undefined) {
    signals.push(options.signal);
  }
  const base = carrier.createContext({
    signal: AbortSignal.any(signals),
    requestId: request.id,
    logger: request.log,
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
    const outcome = await Promise.race([options.run(ctx), expiry]);
    const durationMs = Math.round(performance.now() - started);
    result =
      outcome === timedOut
        ? { ok: false, failure: { kind: 'timeout' }, durationMs }
        : { ok: true, value: outcome, durationMs };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    result = { ok: false, failure: classify(error, controller.signal), durationMs };
  } finally {
    clearTimeout(timer);
  }
  if ('logContext' in request) {
    request.logContext.carrier = carrier.definition.id;
    request.logContext.carrierMs = (request.logContext.carrierMs ?? 0) + result.durationMs;
  }
  const attempt = describeResult(result, httpStatus);
  request.server.observeCarrierAttempt?.({
    carrier: carrier.definition.id,
    operation: options.operation,
    outcome: attempt.outcome,
    durationMs: result.durationMs,
  });
  await recordAttempt(options.database, {
    tenantId: request.tenant.id,
    subjectId: options.subjectId,
    carrier: carrier.definition.id,
    operation: options.operation,
    startedAt,
    durationMs: result.durationMs,
    ...attempt,
  });
  return result;
}

function classify(error: unknown, budget: AbortSignal): CarrierFailure {
  if (budget.aborted) {
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
