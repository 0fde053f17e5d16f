import pRetry from 'p-retry';
import { ParcelgateConnectionError } from '../errors/transport-errors.ts';
import { type BackoffSettings, retryDelayMs } from './retry-delay.ts';
import { judgeAnswer } from './retryable-answer.ts';
import { sleep } from './sleep.ts';
import { untilAborted } from './until-aborted.ts';

/** What `onRetry` is told before each pause. */
export interface RetryEvent {
  /** The attempt that failed: 1 for the first. */
  readonly attempt: number;
  /** The pause before the next attempt, Retry-After included. */
  readonly delayMs: number;
  /** The status answered, or undefined when the request got no answer. */
  readonly status: number | undefined;
  /** Why there was no answer (the error `fetch` threw), when there was none. */
  readonly error: unknown;
  readonly method: string;
  readonly url: string;
}

/** A fetch that takes the Request openapi-fetch builds. Any standard `fetch` fits. */
export type FetchFunction = (request: Request) => Promise<Response>;

/** The retry settings of one call. */
export interface RetryingFetchSettings extends BackoffSettings {
  readonly fetch: FetchFunction;
  readonly maxRetries: number;
  /** The call's signal: its deadline and the caller's own. */
  readonly signal: AbortSignal;
  /** Epoch milliseconds of the deadline: a retry that cannot start before it is not made. */
  readonly deadlineAt: number;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Uniform in [0, 1); injectable so tests can pin the jitter. */
  readonly random?: (() => number) | undefined;
  /**
   * Whether an attempt that got no answer is sent again (default true). False for a request
   * that is neither idempotent nor carries an Idempotency-Key: it may have been acted on, so
   * only answers saying it was not (429, 503) are retried.
   */
  readonly resendUnanswered?: boolean | undefined;
}

/** Carries a retryable answer through p-retry. */
class RetryableAnswerError extends Error {
  readonly response: Response;
  readonly retryAfterMs: number | undefined;

  constructor(response: Response, retryAfterMs: number | undefined) {
    super(`HTTP ${response.status}`);
    this.response = response;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Carries a failed `fetch` through p-retry (p-retry gives up on plain TypeErrors). */
class NoAnswerError extends Error {}

/**
 * Wraps `fetch` with the SDK's retries: network failures, 429 and 503 (and an in-progress
 * 409) are sent again after a full-jitter pause, Retry-After as its floor, up to
 * `maxRetries` times and never past the deadline. Every attempt sends a clone of the same
 * Request, so a mutation keeps its Idempotency-Key across retries. p-retry counts attempts;
 * its own delays are off (`minTimeout: 0`) because they are neither full jitter nor aware of
 * Retry-After, so the pause is awaited in `onFailedAttempt` (as the gateway does).
 */
export function createRetryingFetch(settings: RetryingFetchSettings): FetchFunction {
  return async (request) => {
    let attempts = 0;
    let willRetry = false;

    const attempt = async (): Promise<Response> => {
      attempts += 1;
      let verdict: Awaited<ReturnType<typeof judgeAnswer>>;
      try {
        verdict = await judgeAnswer(
          await untilAborted(settings.fetch(request.clone()), settings.signal),
        );
      } catch (error) {
        // An abort is not a network failure: p-retry sees the signal and stops.
        throw new NoAnswerError('no answer', { cause: error });
      }
      if (!verdict.retry) {
        return verdict.response;
      }
      throw new RetryableAnswerError(verdict.response, verdict.retryAfterMs);
    };

    try {
      return await pRetry(attempt, {
        retries: settings.maxRetries,
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        signal: settings.signal,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          willRetry = false;
          if (retriesLeft <= 0) {
            return;
          }
          const answer = error instanceof RetryableAnswerError ? error : undefined;
          if (answer === undefined && settings.resendUnanswered === false) {
            return;
          }
          const delayMs = retryDelayMs(
            attemptNumber,
            answer?.retryAfterMs,
            settings,
            settings.random,
          );
          if (Date.now() + delayMs >= settings.deadlineAt) {
            // The next attempt could not start in time: answer with what we have now.
            return;
          }
          willRetry = true;
          settings.onRetry?.({
            attempt: attemptNumber,
            delayMs,
            status: answer?.response.status,
            error: answer === undefined ? error.cause : undefined,
            method: request.method,
            url: request.url,
          });
          await sleep(delayMs, settings.signal);
        },
        shouldRetry: () => willRetry,
      });
    } catch (error) {
      if (error instanceof RetryableAnswerError) {
        return error.response;
      }
      if (error instanceof NoAnswerError) {
        throw new ParcelgateConnectionError({
          cause: error.cause,
          attempts,
          idempotencyKey: request.headers.get('idempotency-key') ?? undefined,
        });
      }
      throw error;
    }
  };
}
