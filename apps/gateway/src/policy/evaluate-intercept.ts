import type {
  ExceptionSubStatus,
  FeePolicy,
  InterceptReason,
  Money,
  NormalizedStatus,
  ParcelDetails,
} from '@parcelgate/carrier-kit';
import { assessInterceptFee } from './fees.ts';
import { Findings } from './findings.ts';
import { nextActionsFor } from './next-actions.ts';
import type { EffectiveInterceptPolicy, PickupMode, PolicyEvaluation } from './policy-types.ts';
import { applyStatusRules } from './status-window.ts';
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
 * Each rule answers by the severity the tenant gave it; what the carrier itself refuses
 * always refuses. Pure: the caller supplies the status, the effective policy and the
 * intercept history.
 */
export function evaluateIntercept(input: InterceptEvaluationInput): PolicyEvaluation {
  const { policy, parcel } = input;
  const findings = new Findings();

  if (policy === undefined) {
    findings.refuse({
      code: 'operation_not_supported',
      message: 'this carrier offers no intercept API',
    });
  }
  applyStatusRules(
    findings,
    'intercept',
    input,
    policy === undefined ? undefined : { ...policy, carrierWindow: policy.carrier.window },
  );
  if (input.activeIntercept) {
    findings.refuse({
      code: 'already_intercepted',
      message: 'an intercept of this parcel is already under way',
    });
  }
  if (policy !== undefined) {
    applyCategoryRule(findings, policy, parcel?.category);
    if (parcel?.declaredValue !== undefined) {
      applyValueRule(findings, policy, parcel.declaredValue);
    }
  }

  const { eligible, reasons } = findings;
  return {
    eligible,
    likelihood: findings.likelihood,
    reasons,
    warnings: findings.warnings,
    fee: assessInterceptFee(input.feePolicy, input.pickupMode),
    nextActions: nextActionsFor(
      eligible
        ? { kind: 'eligible', reason: input.reason }
        : { kind: 'not_eligible', reason: input.reason, codes: reasons.map((r) => r.code) },
    ),
  };
}

/** A category the carrier excludes refuses; one only the tenant lists follows its severity. */
function applyCategoryRule(
  findings: Findings,
  policy: EffectiveInterceptPolicy,
  category: string | undefined,
): void {
  const normalized = category?.trim().toLowerCase();
  const listed = (categories: readonly string[]) =>
    normalized !== undefined &&
    categories.some((excluded) => excluded.toLowerCase() === normalized);
  if (listed(policy.carrier.excludedCategories)) {
    findings.refuse({
      code: 'category_excluded',
      message: `this carrier does not intercept parcels in the category ${normalized}`,
    });
  } else if (listed(policy.excludedCategories)) {
    findings.apply(policy.severity.excludedCategories, {
      code: 'category_excluded',
      message: `parcels in the category ${normalized} are hard for carriers to intercept`,
    });
  }
}

/**
 * A value over the carrier's own limit refuses; over only the tenant's, it follows the
 * tenant's severity; with no limit reachable in either, it is reported unchecked.
 */
function applyValueRule(findings: Findings, policy: EffectiveInterceptPolicy, value: Money): void {
  const byCarrier = judgeDeclaredValue(
    value,
    policy.carrier.declaredValueLimits,
    policy.exchangeRates,
  );
  if (byCarrier.kind === 'over') {
    findings.refuse({
      code: 'declared_value_over_limit',
      message: `${byCarrier.message}, which this carrier refuses`,
    });
    return;
  }
  const byTenant = judgeDeclaredValue(value, policy.declaredValueLimits, policy.exchangeRates);
  if (byTenant.kind === 'over') {
    findings.apply(policy.severity.declaredValueLimits, {
      code: 'declared_value_over_limit',
      message: byTenant.message,
    });
  } else if (byTenant.kind === 'unchecked' && byCarrier.kind === 'unchecked') {
    findings.note({ code: 'declared_value_unchecked', message: byTenant.message });
  }
}
