/**
 * The gateway's eligibility policy: the domain's rules as data (defaults a tenant overrides
 * and a carrier bounds) and pure evaluations that report every reason, not the first.
 */
export {
  INTERCEPT_LIFECYCLE_STATUSES,
  type InterceptLifecycleStatus,
  NEXT_ACTIONS,
  type NextAction,
  POLICY_REASON_CODES,
  POLICY_WARNING_CODES,
  type PolicyReason,
  type PolicyReasonCode,
  type PolicyWarningCode,
} from './codes.ts';
export { DEFAULT_POLICY } from './defaults.ts';
export { evaluateIntercept, type InterceptEvaluationInput } from './evaluate-intercept.ts';
export { evaluateRedirect, type RedirectEvaluationInput } from './evaluate-redirect.ts';
export { type NextActionState, nextActionsFor, nextActionsForIntercept } from './next-actions.ts';
export type {
  EffectiveInterceptPolicy,
  EffectivePolicy,
  EffectiveRedirectPolicy,
  FeeAssessment,
  InterceptPolicy,
  Likelihood,
  PickupMode,
  PolicyEvaluation,
  PolicyWindow,
  RedirectPolicy,
  TenantPolicy,
  TenantPolicyOverrides,
} from './policy-types.ts';
export { applyOverrides, resolveEffectivePolicy } from './resolve-policy.ts';
export { type PolicyProblem, validatePolicyOverrides } from './validate-overrides.ts';
