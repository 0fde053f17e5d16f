import pRetry from 'p-retry';
import type { Operation } from '../deadline/budgets.ts';
import type { Deadline } from '../deadline/deadline.ts';
import {
  type CarrierCallOptions,
  type CarrierCallResult,
  type CarrierFailure,
  callCarrier,
} from './call-carrier.ts';
import { LimiterRejectedError } from './carrier-limiter.ts';
import type { CarrierResilience } from './carrier-resilience.ts';
import { healthVerdict } from './circuit-breaker.ts';
import { planRetry, type RetryPlan } from './retry-policy.ts';

/** A call that never reached the carrier: the gateway refused it to protect the carrier. */
export interface CallRejection {
  readonly kind: 'rejected';
  /** Open circuit, full queue, or no time left for an attempt that could finish. */
  readonly reason: 'circuit-open' | 'queue-full' | 'deadline';
  readonly retryAfterMs: number;
}

/** Why a resilient call produced no value. */
export type ResilientFailure = CarrierFailure | CallRejection;

/** The result of a call with its retries. */
export type ResilientCallResult<Value> =
  | { readonly ok: true; readonly value: Value; readonly attempts: number }
  | {
      readonly ok: false;
      /**
       * The last attempt's failure; a rejection only when no attempt reached the carrier
       * (a refused retry leaves the carrier's last answer as the outcome).
       */
      readonly failure: ResilientFailure;
      /** Every attempt's failure, oldest first: an action's outcome depends on all. */
      readonly failures: readonly CarrierFailure[];
      readonly attempts: number;
    };

/** One resilient call: {@link CarrierCallOptions} less what each attempt gets from here. */
export interface ResilientCallOptions<Value>
  extends Omit<
    CarrierCallOptions<Value>,
    'deadline' | 'operation' | 'onAttempt' | 'tracer' | 'retry'
  > {
  readonly operation: Operation;
  /**
   * The operation's name in the attempts table when it is not `operation` itself: a status
   * query is a read (`track`'s budget, breaker and retries) recorded as `interceptStatus`.
   */
  readonly recordedAs?: string;
  readonly resilience: CarrierResilience;
  /** The call's deadline (a child of the request's); every attempt and every pause fits in it. */
  readonly deadline: Deadline;
  /**
   * Aborts the attempt in flight and stops retrying: every reader of a shared read left.
   * Never given for actions, whose calls must run to their answer.
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * Whether an attempt the carrier may have received can be sent again; by default what the
   * adapter declares for `operation` (reads are always retried where it helps).
   */
  readonly safeToRetry?: boolean;
  /** Waits between attempts; replaced in tests. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** Carries an attempt's failure through p-retry. */
class AttemptFailedError extends Error {
  readonly outcome: ResilientFailure;

  constructor(outcome: ResilientFailure) {
    super(outcome.kind === 'rejected' ? `call rejected: ${outcome.reason}` : 'attempt failed');
    this.name = 'AttemptFailedError';
    this.outcome = outcome;
  }
}

/**
 * Calls a carrier with the gateway's protections, in order per attempt: the circuit
 * breaker (fail fast while the carrier is down), the carrier's limiter (concurrency and
 * rate, bounded queue), then `callCarrier` under a child of the deadline capped by the
 * per-try timeout, which reports the attempt. p-retry counts the attempts, stops at the
 * deadline (`maxRetryTime`) or when the call's signal aborts, and asks `shouldRetry`, which
 * follows {@link planRetry} and awaits its pause. The carrier's retry budget must also
 * allow the retry.
 */
export async function callCarrierResiliently<Value>(
  options: ResilientCallOptions<Value>,
): Promise<ResilientCallResult<Value>> {
  const {
    resilience,
    operation,
    recordedAs,
    deadline,
    signal,
    sleep = abortableSleep,
    safeToRetry: declaredSafeToRetry,
    ...call
  } = options;
  const breaker = resilience.breakers[operation];
  const { tuning } = resilience;
  const safeToRetry =
    operation !== 'track' &&
    (declaredSafeToRetry ??
      options.carrier.definition.capabilities[operation]?.safeToRetry ??
      false);
  const failures: CarrierFailure[] = [];
  let attempts = 0;

  const attempt = async (): Promise<Value> => {
    const decision = breaker.acquire();
    if (!decision.allowed) {
      throw new AttemptFailedError({
        kind: 'rejected',
        reason: 'circuit-open',
        retryAfterMs: decision.retryAfterMs,
      });
    }
    let result: CarrierCallResult<Value>;
    try {
      result = await resilience.limiter.run(
        () =>
          callCarrier({
            ...call,
            operation: recordedAs ?? operation,
            signal,
            deadline: deadline.child({
              capMs: resilience.attemptTimeoutsMs[operation],
              reserveMs: 0,
            }),
            onAttempt: resilience.onAttempt,
            tracer: resilience.tracer,
            retry: attempts,
          }),
        // A call that would start with less than a minimal attempt left leaves the queue.
        deadline.remainingMs() - tuning.minAttemptMs,
        call.request.tenant.id,
      );
    } catch (error) {
      breaker.record(decision.permit, 'ignored');
      if (error instanceof LimiterRejectedError) {
        throw new AttemptFailedError({
          kind: 'rejected',
          reason: error.reason,
          retryAfterMs: error.retryAfterMs,
        });
      }
      throw error;
    }
    attempts += 1;
    deadline.carrierCallEnded();
    const left = signal?.aborted === true;
    breaker.record(
      decision.permit,
      left ? 'ignored' : healthVerdict(result.ok ? undefined : result.failure),
    );
    if (result.ok) {
      return result.value;
    }
    failures.push(result.failure);
    throw new AttemptFailedError(result.failure);
  };

  const decide = (error: Error, attemptNumber: number): RetryPlan => {
    if (!(error instanceof AttemptFailedError) || error.outcome.kind === 'rejected') {
      return { retry: false, reason: 'not-retryable' };
    }
    if (signal?.aborted === true) {
      return { retry: false, reason: 'not-retryable' };
    }
    const next = planRetry({
      failure: error.outcome,
      operation,
      safeToRetry,
      attemptNumber,
      remainingMs: deadline.remainingMs(),
      tuning,
      random: resilience.random,
    });
    if (next.retry && !resilience.retryBudget.tryTakeRetry()) {
      return { retry: false, reason: 'retry-budget' };
    }
    return next;
  };

  resilience.retryBudget.recordCall();
  try {
    const value = await pRetry(attempt, {
      // Attempt counting: at most `maxAttempts` calls, whatever else allows a retry.
      retries: Math.max(0, tuning.maxAttempts - 1),
      // No retry starts once too little of the deadline is left for an attempt to finish.
      maxRetryTime: Math.max(0, deadline.remainingMs() - tuning.minAttemptMs),
      // Every reader of a shared read left: stop between attempts too.
      signal,
      // The pause is planned by `planRetry` (full jitter, the carrier's Retry-After, the
      // deadline), which p-retry's exponential delays cannot express: it is awaited in
      // `shouldRetry`, and p-retry adds none of its own.
      minTimeout: 0,
      unref: true,
      shouldRetry: async ({ error, attemptNumber }) => {
        const plan = decide(error, attemptNumber);
        if (!plan.retry) {
          return false;
        }
        call.request.log.debug(
          { carrier: resilience.carrierId, operation, attemptNumber, delayMs: plan.delayMs },
          'retrying a carrier call',
        );
        await sleep(plan.delayMs, signal);
        return true;
      },
    });
    return { ok: true, value, attempts };
  } catch (error) {
    const last = failures.at(-1);
    if (error instanceof AttemptFailedError) {
      const failure =
        error.outcome.kind === 'rejected' && last !== undefined ? last : error.outcome;
      return { ok: false, failure, failures, attempts };
    }
    if (signal?.aborted === true) {
      // Nobody is waiting for this answer any more; say what the carrier last did.
      return { ok: false, failure: last ?? { kind: 'timeout' }, failures, attempts };
    }
    throw error;
  }
}

function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
