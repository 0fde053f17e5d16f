import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import type { PolicyReason } from '../policy/codes.ts';
import type { ProblemError } from '../problems.ts';
import type { CarrierFailure } from '../resilience/call-carrier.ts';
import type { TransitionCause } from '../store/transitions.ts';
import { readFailureProblem } from './carrier-problems.ts';

/** What a failed intercept or redirect call means for the stored action and the answer. */
export interface ActionFailureOutcome {
  readonly status: 'pending' | 'rejected' | 'failed';
  readonly cause: TransitionCause;
  readonly detail: string;
  readonly carrierReason?: string;
  /** The carrier's refusal, in the policy vocabulary, for `rejected`. */
  readonly reasons?: readonly PolicyReason<string>[];
  /** Answered instead of the action, when the operation was not placed. */
  readonly problem?: ProblemError;
  /** True when the error proves the carrier never acted: the client may simply retry. */
  readonly neverPlaced: boolean;
}

/**
 * Decides what a failed action means. Only an error that proves the carrier did not act
 * (nothing sent, a 503, a rate limit, refused credentials) or a refusal ends it; any doubt
 * (a lost answer, a 500 after sending, a spent budget) leaves it `pending`, to be
 * reconciled, because telling a merchant "failed" when the carrier in fact stopped the
 * parcel is the one mistake this API must not make.
 */
export function actionFailureOutcome(
  carrierId: string,
  failure: CarrierFailure,
): ActionFailureOutcome {
  const unknown = (detail: string): ActionFailureOutcome => ({
    status: 'pending',
    cause: 'outcome_unknown',
    detail,
    neverPlaced: false,
  });
  if (failure.kind === 'timeout') {
    return unknown('the latency budget ran out after the request may have reached the carrier');
  }
  if (failure.kind === 'adapter-defect') {
    return unknown('the adapter failed after the request may have reached the carrier');
  }
  const { error } = failure;
  if (isCarrierErrorOfKind(error, 'not-eligible')) {
    const reason = typeof error.reason === 'string' ? error.reason : 'carrier_refused';
    return {
      status: 'rejected',
      cause: 'carrier_answer',
      // Adapters often name themselves already ("kuaidi100 refused the intercept ..."):
      // say it once.
      detail: error.message.startsWith(carrierId)
        ? error.message
        : `${carrierId} refused: ${error.message}`,
      carrierReason: error.carrierCode ?? reason,
      reasons: [{ code: reason, message: error.message }],
      neverPlaced: false,
    };
  }
  const notPlaced = (status: 'failed', cause: TransitionCause): ActionFailureOutcome => ({
    status,
    cause,
    detail: error.message,
    ...(error.carrierCode === undefined ? {} : { carrierReason: error.carrierCode }),
    problem: readFailureProblem(carrierId, failure),
    neverPlaced: cause === 'carrier_unreachable',
  });
  switch (error.kind) {
    case 'rate-limited':
    case 'authentication':
      return notPlaced('failed', 'carrier_unreachable');
    case 'retryable':
      return error.requestSent === false || error.httpStatus === 503
        ? notPlaced('failed', 'carrier_unreachable')
        : unknown(`the carrier's answer was an error after sending (${error.message})`);
    case 'invalid-request':
    case 'not-found':
      return notPlaced('failed', 'carrier_answer');
    default:
      return unknown(`the carrier's answer was lost (${error.message})`);
  }
}
