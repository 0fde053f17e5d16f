import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { ProblemError } from '../problems.ts';
import type { CarrierFailure } from '../resilience/call-carrier.ts';

/**
 * The problem answered when a read (tracking) fails: each carrier error kind has its own
 * stable type, and a rate limit passes the carrier's Retry-After on.
 */
export function readFailureProblem(carrierId: string, failure: CarrierFailure): ProblemError {
  if (failure.kind === 'timeout') {
    return new ProblemError(
      'carrier-timeout',
      `${carrierId} did not answer within the latency budget.`,
      {
        carrier: carrierId,
      },
    );
  }
  if (failure.kind === 'adapter-defect') {
    return new ProblemError('carrier-error', `The ${carrierId} adapter failed unexpectedly.`, {
      carrier: carrierId,
    });
  }
  const { error } = failure;
  const extensions = {
    carrier: carrierId,
    ...(error.carrierCode === undefined ? {} : { carrierCode: error.carrierCode }),
  };
  switch (error.kind) {
    case 'not-found':
      return new ProblemError(
        'parcel-not-found',
        `${carrierId} does not know this tracking number.`,
        extensions,
      );
    case 'authentication':
      return new ProblemError(
        'carrier-authentication-failed',
        `${carrierId} refused the account's credentials: your carrier connection's (POST /v1/carrier-connections/{id}/test checks them), or for the deployment's shared account its CARRIER_${carrierId.toUpperCase()}_* settings.`,
        extensions,
      );
    case 'rate-limited': {
      const retryAfterMs = isCarrierErrorOfKind(error, 'rate-limited')
        ? (error.retryAfterMs ?? 1000)
        : 1000;
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      return new ProblemError(
        'carrier-rate-limited',
        `${carrierId} asked us to slow down; retry after ${seconds} s.`,
        { ...extensions, retryAfterSeconds: seconds },
        { 'retry-after': String(seconds) },
      );
    }
    case 'invalid-request':
    case 'not-eligible':
      return new ProblemError(
        'carrier-rejected-request',
        `${carrierId} rejected the request: ${error.message}`,
        extensions,
      );
    case 'retryable':
    case 'outcome-unknown':
      return new ProblemError(
        'carrier-unavailable',
        `${carrierId} is not answering properly right now.`,
        extensions,
        {
          'retry-after': '1',
        },
      );
  }
}
