import type { InterceptReason } from '@parcelgate/carrier-kit';
import {
  type NextAction,
  POLICY_REASON_CODES,
  type PolicyReason,
  type PolicyReasonCode,
  type RedirectLifecycleStatus,
} from '../policy/codes.ts';
import { nextActionsFor } from '../policy/next-actions.ts';
import type { CarrierAttempt } from '../store/attempts.ts';
import type { InterceptRecord } from '../store/intercepts.ts';
import type { RedirectRecord } from '../store/redirects.ts';
import type { Transition } from '../store/transitions.ts';

/** An attempt as the API shows it. */
function presentAttempt(attempt: CarrierAttempt) {
  return {
    operation: attempt.operation,
    at: attempt.startedAt.toISOString(),
    durationMs: attempt.durationMs,
    httpStatus: attempt.httpStatus,
    outcome: attempt.outcome,
    carrierCode: attempt.carrierCode,
  };
}

function presentTransition(transition: Transition) {
  return {
    status: transition.status,
    at: transition.at.toISOString(),
    cause: transition.cause,
    detail: transition.detail,
  };
}

/** The history both resources carry. */
interface History {
  readonly transitions: readonly Transition[];
  readonly attempts: readonly CarrierAttempt[];
}

/** The intercept resource of the API (the OpenAPI document, openapi/parcelgate.yaml). */
export function presentIntercept(record: InterceptRecord, history: History) {
  const reason = record.reason as InterceptReason;
  // A refusal by policy (or a carrier refusal in policy words) says why; else the state decides.
  const blocking = record.policyReasons.map((item) => item.code).filter(isKnownCode);
  const nextActions: NextAction[] =
    record.status === 'rejected' && blocking.length > 0
      ? nextActionsFor({ kind: 'not_eligible', reason, codes: blocking })
      : nextActionsFor({ kind: 'lifecycle', reason, status: record.status });
  return {
    id: record.id,
    status: record.status,
    carrier: record.carrier,
    trackingNumber: record.trackingNumber,
    reason,
    orderRef: record.orderRef,
    pickupMode: record.pickupMode as 'platform_pickup' | 'self_dropoff',
    parcel: record.parcel,
    likelihood: record.likelihood,
    parcelStatus: record.parcelStatus,
    parcelStatusAtRequest: record.parcelStatusAtRequest ?? record.parcelStatus,
    fee: record.fee,
    reasons: [...record.policyReasons],
    warnings: [...record.warnings],
    carrierReference: record.carrierReference,
    carrierReason: record.carrierReason,
    statusDetail: record.statusDetail,
    ...presentAttention(record),
    nextActions,
    transitions: history.transitions.map(presentTransition),
    attempts: history.attempts.map(presentAttempt),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** What follows a redirect in each state: a failed redirect leaves the parcel bound for the wrong address. */
const REDIRECT_NEXT_ACTIONS: Record<RedirectLifecycleStatus, readonly NextAction[]> = {
  pending: ['await_carrier_outcome'],
  accepted: [],
  redirected: [],
  rejected: ['ask_buyer_to_refuse_delivery', 'reship'],
  failed: ['ask_buyer_to_refuse_delivery', 'reship'],
  cancelled: [],
};

/** The redirect resource of the API. */
export function presentRedirect(record: RedirectRecord, history: History) {
  return {
    id: record.id,
    status: record.status,
    carrier: record.carrier,
    trackingNumber: record.trackingNumber,
    orderRef: record.orderRef,
    reason: record.reason as InterceptReason,
    newAddress: record.newAddress,
    free: record.free,
    likelihood: record.likelihood,
    parcelStatus: record.parcelStatus,
    parcelStatusAtRequest: record.parcelStatusAtRequest ?? record.parcelStatus,
    fee: record.fee,
    reasons: [...record.policyReasons],
    warnings: [...record.warnings],
    carrierReference: record.carrierReference,
    carrierReason: record.carrierReason,
    statusDetail: record.statusDetail,
    ...presentAttention(record),
    nextActions: [...REDIRECT_NEXT_ACTIONS[record.status]],
    transitions: history.transitions.map(presentTransition),
    attempts: history.attempts.map(presentAttempt),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** Whether reconciliation gave up on a final outcome and a person should look, and why. */
function presentAttention(record: InterceptRecord | RedirectRecord) {
  return {
    needsAttention: record.needsAttention ?? false,
    attentionReason: record.attentionReason ?? null,
  };
}

const KNOWN_CODES: ReadonlySet<string> = new Set(POLICY_REASON_CODES);

function isKnownCode(code: string): code is PolicyReasonCode {
  return KNOWN_CODES.has(code);
}

/** Re-exported for callers that build reason lists. */
export type { PolicyReason };
