import type { Deadline } from '../deadline/deadline.ts';

/** What {@link AttemptSignal.expired} settles with: no adapter's value can be it. */
export const ATTEMPT_EXPIRED: unique symbol = Symbol('attempt expired');

/** The abort signal of one carrier attempt, and how it ends. */
export interface AttemptSignal {
  /** Aborts when the deadline passes (a `TimeoutError`) or when a followed signal aborts. */
  readonly signal: AbortSignal;
  /** Settles with {@link ATTEMPT_EXPIRED} when the deadline passes; never rejects. */
  readonly expired: Promise<typeof ATTEMPT_EXPIRED>;
  /** Whether the deadline passed (rather than a followed signal aborting). */
  timedOut(): boolean;
  /** Clears the timer and stops following: call it when the attempt ends, however it ends. */
  dispose(): void;
}

/**
 * One signal per carrier attempt, released when the attempt ends. A tracking read makes one
 * attempt or more per request, so this is on the hot path: `AbortSignal.timeout` would leave
 * a timer behind every answered attempt (it fires later and builds an exception for
 * nobody), and `AbortSignal.any` links every source to every composite for as long as the
 * source lives. One controller, one cleared timer and listeners removed at the end cost a
 * fraction of either.
 */
export function attemptSignal(
  deadline: Deadline,
  followed: readonly (AbortSignal | undefined)[],
): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  let expire: (() => void) | undefined;
  const expired = new Promise<typeof ATTEMPT_EXPIRED>((resolve) => {
    expire = () => resolve(ATTEMPT_EXPIRED);
  });
  const onTimeout = () => {
    timedOut = true;
    controller.abort(new DOMException('The latency budget was spent.', 'TimeoutError'));
    expire?.();
  };
  const sources = followed.filter((source): source is AbortSignal => source !== undefined);
  const onAbort = (event: Event) => {
    controller.abort((event.target as AbortSignal).reason);
  };
  const remainingMs = deadline.remainingMs();
  const timer = remainingMs > 0 ? setTimeout(onTimeout, Math.ceil(remainingMs)) : undefined;
  if (timer === undefined) {
    onTimeout();
  }
  for (const source of sources) {
    if (source.aborted) {
      controller.abort(source.reason);
    } else {
      source.addEventListener('abort', onAbort, { once: true });
    }
  }
  return {
    signal: controller.signal,
    expired,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      for (const source of sources) {
        source.removeEventListener('abort', onAbort);
      }
    },
  };
}
