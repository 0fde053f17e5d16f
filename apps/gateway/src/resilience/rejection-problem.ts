import { ProblemError } from '../problems.ts';
import type { CallRejection } from './resilient-call.ts';

/**
 * The problem answered when the gateway did not call the carrier at all: its circuit is
 * open (503 `circuit-open`), its queue is full (503 `carrier-busy`), both with Retry-After
 * in whole seconds; or the budget ran out before a call could start (504
 * `carrier-timeout`). Nothing reached the carrier, so the client may simply retry.
 */
export function rejectionProblem(carrierId: string, rejection: CallRejection): ProblemError {
  const seconds = Math.max(1, Math.ceil(rejection.retryAfterMs / 1000));
  const retry = { extensions: { carrier: carrierId, retryAfterSeconds: seconds } };
  const headers = { 'retry-after': String(seconds) };
  switch (rejection.reason) {
    case 'circuit-open':
      return new ProblemError(
        'circuit-open',
        `${carrierId} keeps failing, so calls to it are paused; retry after ${seconds} s.`,
        retry.extensions,
        headers,
      );
    case 'queue-full':
      return new ProblemError(
        'carrier-busy',
        `Too many calls to ${carrierId} are waiting; retry after ${seconds} s.`,
        retry.extensions,
        headers,
      );
    case 'deadline':
      return new ProblemError(
        'carrier-timeout',
        `The latency budget ran out before ${carrierId} could be asked; it was not called.`,
        { carrier: carrierId },
      );
  }
}
