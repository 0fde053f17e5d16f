import type {
  ExceptionSubStatus,
  FeePolicy,
  InterceptReason,
  NormalizedStatus,
  ParcelDetails,
} from '@parcelgate/carrier-kit';
import type { PolicyReason, PolicyReasonCode, PolicyWarningCode } from './codes.ts';
import { assessInterceptFee } from './fees.ts';
import { nextActionsFor } from './next-actions.ts';
import type { EffectiveInterceptPolicy, PickupMode, PolicyEvaluation } from './policy-types.ts';
import { judgeStatus, lowSuccessWarning } from './status-window.ts';
import { judgeDeclaredValue } from './value-limits.ts';

/** Everything an intercept eligibility answer depends on. */
export interface InterceptEvaluationInput {
  readonly status: NormalizedStatus;
  readonly subStatus?: ExceptionSubStatus;
  /** Without a category or declared value, that rule cannot apply and is skipped. */
  readonly parcel?: ParcelDetails;
  readonly pickupMode: PickupMode;
  readonly reason: InterceptReason;
  /** The tenant's policy at this carrier; `undefined` when the carrier has no intercept API. */
  readonly policy: EffectiveInterceptPolicy | undefined;
  /** The carrier's fee policy (`capabilities.intercept.fees`); the domain default if absent. */
  readonly feePolicy?: FeePolicy;
  /** Whether an intercept of this parcel is already pending, accepted or returning. */
  readonly activeIntercept: boolean;
}

/**
 * Whether a parcel can be intercepted now, reporting every blocking reason and every
 * warning (never only the first), how likely success is, who would pay and what to do next.
 * Pure: the caller supplies the status, the effective policy and the intercept history.
 */
export function evaluateIntercept(input: InterceptEvaluationInput): PolicyEvaluation {
  const { policy, parcel } = input;
  const reasons: PolicyReason<PolicyReasonCode>[] = [];
  const warnings: PolicyReason<PolicyWarningCode>[] = [];

  if (policy === undefined) {
    reasons.push({
      code: 'operation_not_supported',
      message: 'this carrier offers no intercept API',
    });
  }
  const status = judgeStatus('intercept', input.status, policy?.window);
  if (status.reason !== undefined) {
    reasons.push(status.reason);
  }
  if (status.placement === 'low') {
    warnings.push(lowSuccessWarning('intercept', input.status, input.subStatus));
  }
  if (input.activeIntercept) {
    reasons.push({
      code: 'already_intercepted',
      message: 'an intercept of this parcel is already under way',
    });
  }
  const category = parcel?.category?.trim().toLowerCase();
  if (
    policy !== undefined &&
    category !== undefined &&
    policy.excludedCategories.some((excluded) => excluded.toLowerCase() === category)
  ) {
    reasons.push({
      code: 'category_excluded',
      message: `carriers do not intercept parcels in the category ${category}`,
    });
  }
  if (policy !== undefined && parcel?.declaredValue !== undefined) {
    const value = judgeDeclaredValue(
      parcel.declaredValue,
      policy.declaredValueLimits,
      policy.exchangeRates,
    );
    if (value.kind === 'over') {
      reasons.push({ code: 'declared_value_over_limit', message: value.message });
    } else if (value.kind === 'unchecked') {
      warnings.push({ code: 'declared_value_unchecked', message: value.message });
    }
  }

  const eligible = reasons.length === 0;
  return {
    eligible,
    likelihood: eligible ? (status.placement === 'low' ? 'low' : 'high') : 'none',
    reasons,
    warnings,
    fee: assessInterceptFee(input.feePolicy, input.pickupMode),
    nextActions: nextActionsFor(
      eligible
        ? { kind: 'eligible', reason: input.reason }
        : { kind: 'not_eligible', reason: input.reason, codes: reasons.map((r) => r.code) },
    ),
  };
}
