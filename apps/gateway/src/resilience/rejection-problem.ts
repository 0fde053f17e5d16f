import { ProblemError } from '../problems.ts';
import type { CallRejection } from './resilient-call.ts';

/**
 * The problem answered when the gateway did not call the carrier at all: its circuit is
 * open (503 `circuit-open`), or its queue is full or moved too slowly for the budget (503
 * `carrier-busy`: the call waited in the gateway's own queue and never reached the
 * carrier, so a timeout would misname it), each with Retry-After in whole seconds.
 * Nothing reached the carrier, so the client may simply retry.
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
        'carrier-busy',
        `The latency budget ran out while waiting in the gateway's queue for ${carrierId}; it was not called. Retry after ${seconds} s.`,
        retry.extensions,
        headers,
      );
  }
}
